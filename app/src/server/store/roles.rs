//! Scoped roles: national, federation (département code) or section (section id as text).

use crate::model::ids::UserId;
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct RoleRow {
    pub role: String,
    pub scope_kind: String,
    pub scope_code: String,
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct HolderRow {
    pub user_id: UserId,
    pub handle: String,
    pub display_name: String,
    pub role: String,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn grant(
    tx: &mut Tx,
    user_id: UserId,
    role: &str,
    scope_kind: &str,
    scope_code: &str,
    granted_by: Option<UserId>,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let sql = "INSERT INTO roles (user_id, role, scope_kind, scope_code, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5, $6) \
               ON CONFLICT (user_id, role, scope_kind, scope_code) DO NOTHING";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(role).bind(scope_kind).bind(scope_code).bind(granted_by).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn revoke(tx: &mut Tx, user_id: UserId, role: &str, scope_kind: &str, scope_code: &str) -> Result<bool, sqlx::Error> {
    let sql = "DELETE FROM roles WHERE user_id = $1 AND role = $2 AND scope_kind = $3 AND scope_code = $4";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(role).bind(scope_kind).bind(scope_code).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The current holder of a single-holder role (section secretary, premier secrétaire fédéral).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn holder_of(tx: &mut Tx, role: &str, scope_kind: &str, scope_code: &str) -> Result<Option<UserId>, sqlx::Error> {
    let sql = "SELECT user_id FROM roles WHERE role = $1 AND scope_kind = $2 AND scope_code = $3";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(role).bind(scope_kind).bind(scope_code).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn for_user(db: &Db, user_id: UserId) -> Result<Vec<RoleRow>, sqlx::Error> {
    let sql = "SELECT role, scope_kind, scope_code FROM roles WHERE user_id = $1 ORDER BY scope_kind, scope_code, role";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(user_id).fetch_all(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn holders(db: &Db, scope_kind: &str, scope_code: &str) -> Result<Vec<HolderRow>, sqlx::Error> {
    holders_part(scope_kind, scope_code).fetch_all(db).await
}

/// `holders` as a part of a page's bundle (`store::bundle`).
pub fn holders_part(scope_kind: &str, scope_code: &str) -> Part {
    let sql = "SELECT r.user_id, u.handle, u.display_name, r.role FROM roles r JOIN users u ON u.id = r.user_id \
               WHERE r.scope_kind = $1 AND r.scope_code = $2 AND u.suspended_at IS NULL ORDER BY r.role, u.display_name";
    Part::new(sql, &["user_id", "handle", "display_name", "role"], vec![Arg::Text(scope_kind.into()), Arg::Text(scope_code.into())])
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn national_admin_exists(tx: &mut Tx) -> Result<bool, sqlx::Error> {
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM roles WHERE role = 'national_admin'").fetch_one(c).await)?;
    Ok(n > 0)
}

/// The people holding one of `roles` in a scope (inside a transaction: whom to tell).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn holder_ids_in(tx: &mut Tx, scope_kind: &str, scope_code: &str, roles: &[&str]) -> Result<Vec<UserId>, sqlx::Error> {
    let mut ids: Vec<UserId> = Vec::new();
    for role in roles {
        let sql = "SELECT r.user_id FROM roles r JOIN users u ON u.id = r.user_id \
                   WHERE r.scope_kind = $1 AND r.scope_code = $2 AND r.role = $3 AND u.suspended_at IS NULL";
        for id in on_tx!(tx, c => sqlx::query_scalar::<_, UserId>(sql).bind(scope_kind).bind(scope_code).bind(*role).fetch_all(c).await)? {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}
