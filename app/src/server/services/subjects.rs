//! Builds the policy's `Subject` of a person from their id: two indexed reads for a signed-in
//! person, none for a visitor. Requests get theirs with the session instead
//! (`sessions::resolve`); this serves the people named in a form, and the tests.

use crate::error::AppError;
use crate::model::ids::UserId;
use crate::server::db::Db;
use crate::server::policy::{parse_roles, SessionUser, StoredPerson, Subject};
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
    let person = StoredPerson {
        section_id: row.section_id,
        federation_code: row.federation_code,
        membership: &row.membership,
        membership_status: &row.membership_status,
        suspended: row.suspended_at.is_some(),
        email_verified: row.email_verified_at.is_some(),
        home_lat: row.home_lat,
        home_lng: row.home_lng,
        home_name: row.home_name,
    };
    Ok(Subject::signed_in(user, person, roles))
}

/// The policy's view of another person (someone named in a form), as their own requests see them.
pub async fn of_person(db: &Db, id: UserId) -> Result<Subject, AppError> {
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
