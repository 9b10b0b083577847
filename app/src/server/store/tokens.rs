//! Single-use links sent by e-mail (`account_tokens`): only their hash is stored; a link is used
//! once, before it expires.

use crate::model::ids::UserId;
use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

/// What a link is for.
pub const PASSWORD_RESET: &str = "password_reset";
/// Proves an address (carried by the link's row): at sign-up, or a new address for the account.
pub const VERIFY_EMAIL: &str = "verify_email";
/// Lets a suspended person (who cannot sign in) read their suspension and appeal it, once.
pub const MODERATION_APPEAL: &str = "moderation_appeal";

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(
    tx: &mut Tx,
    token_hash: &str,
    user_id: UserId,
    purpose: &str,
    now_ms: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
    on_tx!(tx, c => sqlx::query(sql).bind(token_hash).bind(user_id).bind(purpose).bind(now_ms).bind(expires_at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A link that proves `email` belongs to the person.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_address_check(
    tx: &mut Tx,
    token_hash: &str,
    user_id: UserId,
    email: &str,
    now_ms: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at, email) VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(tx, c => sqlx::query(sql).bind(token_hash).bind(user_id).bind(VERIFY_EMAIL).bind(now_ms).bind(expires_at).bind(email).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Uses an address link: the person and the address it proves, once.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn take_address_check(tx: &mut Tx, token_hash: &str, now_ms: i64) -> Result<Option<(UserId, String)>, sqlx::Error> {
    let sql = "UPDATE account_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
               RETURNING user_id, email";
    on_tx!(tx, c => sqlx::query_as(sql).bind(now_ms).bind(token_hash).bind(VERIFY_EMAIL).fetch_optional(c).await)
}

/// Whether the link is still good (not used, not expired), without using it.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn is_valid(db: &Db, token_hash: &str, purpose: &str, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM account_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3";
    let n: i64 = on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(token_hash).bind(purpose).bind(now_ms).fetch_one(p).await)?;
    Ok(n > 0)
}

/// Uses the link: the person it belongs to, once (a second use, or an expired link, finds none).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn take(tx: &mut Tx, token_hash: &str, purpose: &str, now_ms: i64) -> Result<Option<UserId>, sqlx::Error> {
    let sql = "UPDATE account_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
               RETURNING user_id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(now_ms).bind(token_hash).bind(purpose).fetch_optional(c).await)
}

/// The person's other links of this purpose can no longer be used (a new password was set).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn use_all(tx: &mut Tx, user_id: UserId, purpose: &str, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(user_id).bind(purpose).execute(c).await.map(|r| r.rows_affected()))
}

/// Housekeeping: links expired a day ago or more.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn purge_expired(tx: &mut Tx, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM account_tokens WHERE expires_at < $1";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms - 86_400_000).execute(c).await.map(|r| r.rows_affected()))
}

/// The newest address waiting for its link (the account page shows it).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PendingAddress {
    pub email: String,
}

pub fn pending_address_part(user_id: UserId, now_ms: i64) -> crate::server::store::bundle::Part {
    use crate::server::store::bundle::{Arg, Part};
    let sql = "SELECT email FROM account_tokens WHERE user_id = $1 AND purpose = 'verify_email' AND used_at IS NULL \
               AND expires_at > $2 ORDER BY created_at DESC LIMIT 1";
    Part::new(sql, &["email"], vec![Arg::Int(user_id.get()), Arg::Int(now_ms)])
}
