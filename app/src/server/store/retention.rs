//! Retention: the accounts whose last visit is old (`users.last_seen_at`, migration 0017). Only
//! sympathisants and people who left count — confirmed adhérents are the party's members — and
//! never demo accounts (`coopol seed-demo` removes those).

use crate::model::ids::UserId;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

/// Who retention applies to.
const KEPT_ONLY_FOR_A_WHILE: &str = "NOT is_demo AND NOT (membership = 'adherent' AND membership_status = 'confirmed')";

/// People not seen since `seen_before` and not warned yet: (id, address, name, last visit).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn to_warn(db: &Db, seen_before: i64, limit: i64) -> Result<Vec<(UserId, String, String, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT id, email, display_name, last_seen_at FROM users \
         WHERE last_seen_at < $1 AND retention_warned_at IS NULL AND {KEPT_ONLY_FOR_A_WHILE} ORDER BY last_seen_at LIMIT $2"
    );
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(seen_before).bind(limit).fetch_all(p).await)
}

/// Records the warning, unless a visit or another instance came first. Returns whether it did.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn mark_warned(tx: &mut Tx, user_id: UserId, seen_before: i64, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE users SET retention_warned_at = $1 WHERE id = $2 AND last_seen_at < $3 AND retention_warned_at IS NULL";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(user_id).bind(seen_before).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// People not seen since `seen_before` and warned before `warned_before`: to erase.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn due(db: &Db, seen_before: i64, warned_before: i64, limit: i64) -> Result<Vec<UserId>, sqlx::Error> {
    let sql = format!(
        "SELECT id FROM users WHERE last_seen_at < $1 AND retention_warned_at <= $2 AND {KEPT_ONLY_FOR_A_WHILE} \
         ORDER BY last_seen_at LIMIT $3"
    );
    on_pool!(db.read(), p => sqlx::query_scalar(&sql).bind(seen_before).bind(warned_before).bind(limit).fetch_all(p).await)
}

/// Accounts whose address was never proven, created and last seen before `before` (no warning:
/// their address may be someone else's).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn never_confirmed(db: &Db, before: i64, limit: i64) -> Result<Vec<UserId>, sqlx::Error> {
    let sql = "SELECT id FROM users WHERE email_verified_at IS NULL AND created_at < $1 AND last_seen_at < $1 AND NOT is_demo \
               ORDER BY id LIMIT $2";
    on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(before).bind(limit).fetch_all(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn still_never_confirmed(tx: &mut Tx, user_id: UserId, before: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM users WHERE id = $1 AND email_verified_at IS NULL AND created_at < $2 AND last_seen_at < $2";
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(user_id).bind(before).fetch_one(c).await)?;
    Ok(n > 0)
}

/// Whether the person is still due inside the erasing transaction (a visit since cancels it).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn still_due(tx: &mut Tx, user_id: UserId, seen_before: i64, warned_before: i64) -> Result<bool, sqlx::Error> {
    let sql =
        format!("SELECT COUNT(*) FROM users WHERE id = $1 AND last_seen_at < $2 AND retention_warned_at <= $3 AND {KEPT_ONLY_FOR_A_WHILE}");
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(&sql).bind(user_id).bind(seen_before).bind(warned_before).fetch_one(c).await)?;
    Ok(n > 0)
}
