//! Sessions: one row per signed-in device, keyed by the hash of the cookie's token.

use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow)]
pub struct SessionUserRow {
    pub user_id: i64,
    pub handle: String,
    pub display_name: String,
    pub section_slug: Option<String>,
    pub federation_code: Option<String>,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

pub async fn insert(tx: &mut Tx, token_hash: &str, user_id: i64, now_ms: i64, expires_at: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) \
               VALUES ($1, $2, $3, $3, $4)";
    on_tx!(tx, c => sqlx::query(sql).bind(token_hash).bind(user_id).bind(now_ms).bind(expires_at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The session's user (with where they belong, for the navigation), if the session exists, has
/// not expired and the account is not suspended: one statement per request.
pub async fn find_user(db: &Db, token_hash: &str, now_ms: i64) -> Result<Option<SessionUserRow>, sqlx::Error> {
    let sql = "SELECT u.id AS user_id, u.handle, u.display_name, sec.slug AS section_slug, \
               c.departement_code AS federation_code, s.last_seen_at, s.expires_at \
               FROM sessions s JOIN users u ON u.id = s.user_id \
               LEFT JOIN communes c ON c.insee = u.commune_insee \
               LEFT JOIN section_communes sc ON sc.insee = u.commune_insee \
               LEFT JOIN sections sec ON sec.id = sc.section_id \
               WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.suspended_at IS NULL";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(token_hash).bind(now_ms).fetch_optional(p).await)
}

/// Slides the expiry forward (called at most every few minutes per session, not per request).
pub async fn touch(tx: &mut Tx, token_hash: &str, now_ms: i64, expires_at: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(expires_at).bind(token_hash).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(tx: &mut Tx, token_hash: &str) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE token_hash = $1";
    let done = on_tx!(tx, c => sqlx::query(sql).bind(token_hash).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

pub async fn delete_all_for_user(tx: &mut Tx, user_id: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE user_id = $1";
    let done = on_tx!(tx, c => sqlx::query(sql).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

pub async fn delete_expired(tx: &mut Tx, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE expires_at <= $1";
    let done = on_tx!(tx, c => sqlx::query(sql).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

pub async fn count_for_user(db: &Db, user_id: i64) -> Result<i64, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM sessions WHERE user_id = $1";
    on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(user_id).fetch_one(p).await)
}
