//! Builds the policy's `Subject` from a user id: two indexed reads for a signed-in person, none
//! for a visitor. Requests get theirs with the session instead (`sessions::resolve`).

use crate::error::AppError;
use crate::model::territory::{Role, Scope};
use crate::server::context::SessionUser;
use crate::server::db::Db;
use crate::server::policy::{Belonging, Subject};
use crate::server::store;

pub async fn load(db: &Db, user: Option<SessionUser>) -> Result<Subject, AppError> {
    let Some(user) = user else {
        return Ok(Subject::anonymous());
    };
    let Some(row) = store::members::belonging(db, user.id).await? else {
        return Ok(Subject::anonymous());
    };
    let rows = store::roles::for_user(db, user.id).await?;
    let roles = parse_roles(rows.iter().map(|r| (r.role.as_str(), r.scope_kind.as_str(), r.scope_code.as_str())));
    Ok(Subject {
        user: Some(user),
        belonging: Belonging {
            section_id: row.section_id,
            federation_code: row.federation_code,
            confirmed_adherent: row.membership == "adherent" && row.membership_status == "confirmed",
            suspended: row.suspended_at.is_some(),
            home: row.home_lat.zip(row.home_lng),
            home_name: row.home_name,
        },
        roles,
    })
}

/// The policy's view of another person (someone named in a form), as their own requests see them.
pub async fn of_person(db: &Db, id: i64) -> Result<Subject, AppError> {
    let Some(row) = store::users::by_id(db, id).await? else {
        return Ok(Subject::anonymous());
    };
    let user = SessionUser {
        id,
        handle: row.handle,
        display_name: row.display_name,
        section_slug: None,
        federation_code: None,
        token_hash: String::new(),
    };
    load(db, Some(user)).await
}

/// Roles as stored (role, scope kind, scope code) → the policy's; unknown values are dropped.
pub fn parse_roles<'a>(rows: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Vec<(Role, Scope)> {
    rows.filter_map(|(role, kind, code)| Some((Role::parse(role)?, Scope::from_db(kind, code)?))).collect()
}
