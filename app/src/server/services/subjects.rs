//! Builds the policy's `Subject` for a request: two indexed reads for a signed-in person, none
//! for a visitor.

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
    let roles = store::roles::for_user(db, user.id)
        .await?
        .into_iter()
        .filter_map(|r| Some((Role::parse(&r.role)?, Scope::from_db(&r.scope_kind, &r.scope_code)?)))
        .collect();
    Ok(Subject {
        user: Some(user),
        belonging: Belonging {
            section_id: row.section_id,
            federation_code: row.federation_code,
            confirmed_adherent: row.membership == "adherent" && row.membership_status == "confirmed",
            suspended: row.suspended_at.is_some(),
            home: row.home_lat.zip(row.home_lng),
        },
        roles,
    })
}
