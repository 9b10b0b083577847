//! Sessions: one row per signed-in device, keyed by the hash of the cookie's token.

use crate::model::ids::{SectionId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::policy::feed::SESSION_VIEWER;
use crate::server::store::notifications;
use crate::{on_pool, on_tx};

/// One row per role of the session's person (a single row with no role when they hold none): who
/// they are, where they belong, their unread notification count and their roles. A request costs
/// this one statement before its page's own (see `services::sessions::resolve`).
#[derive(Debug, Clone, FromRow)]
pub struct SessionSubjectRow {
    pub user_id: UserId,
    pub handle: String,
    pub display_name: String,
    pub section_slug: Option<String>,
    pub federation_code: Option<String>,
    pub section_id: Option<SectionId>,
    pub membership: String,
    pub membership_status: String,
    pub email_verified_at: Option<i64>,
    pub home_lat: Option<f64>,
    pub home_lng: Option<f64>,
    pub home_name: Option<String>,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// The approximate client last seen with this session (`auth::device`).
    pub client: Option<String>,
    pub unread_notifications: i64,
    /// Conversations with a message they have not read (`store::messages::unread_conversations_sql`).
    pub unread_conversations: i64,
    /// Their last visit as `users` keeps it (NULL: never recorded).
    pub user_last_seen_at: Option<i64>,
    /// The version of their consent in force to the processing of political opinion (none:
    /// withdrawn), so that a new text is asked for at the next visit.
    pub consent_version: Option<String>,
    /// The version of the charter they accepted last (none: never), asked again when it changes.
    pub charter_version: Option<String>,
    pub role: Option<String>,
    pub scope_kind: Option<String>,
    pub scope_code: Option<String>,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, token_hash: &str, user_id: UserId, now_ms: i64, expires_at: i64) -> Result<(), sqlx::Error> {
    // The device's public id (Mon compte signs a device out by it): random, never the hash.
    let device_id = hex::encode(rand::random::<[u8; 8]>());
    let sql = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, device_id) \
               VALUES ($1, $2, $3, $3, $4, $5)";
    on_tx!(tx, c => sqlx::query(sql).bind(token_hash).bind(user_id).bind(now_ms).bind(expires_at).bind(&device_id).execute(c).await.map(|r| r.rows_affected()))?;
    seen(tx, user_id, now_ms).await
}

/// The person's last visit (retention counts from it, `services::retention`); a visit after the
/// retention warning starts the count again. Written at sign-in and, by `services::sessions`, at
/// most once a day per person (retention counts in years).
pub async fn seen(tx: &mut Tx, user_id: UserId, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET last_seen_at = $1, retention_warned_at = NULL WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The session's person, if the session exists, has not expired and the account is not
/// suspended: see `SessionSubjectRow`. The unread count goes through the notifications' own
/// visibility rule, with `me` built from the session instead of a bound user id.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn find_subject(db: &Db, token_hash: &str, now_ms: i64) -> Result<Vec<SessionSubjectRow>, sqlx::Error> {
    let sql = format!(
        "WITH {SESSION_VIEWER} SELECT me.id AS user_id, u.handle, u.display_name, sec.slug AS section_slug, \
         me.federation_code, me.section_id, u.membership, u.membership_status, u.email_verified_at, c.lat AS home_lat, c.lng AS home_lng, c.name AS home_name, \
         me.last_seen_at, me.expires_at, me.client, ({UNREAD}) AS unread_notifications, ({UNREAD_CONVERSATIONS}) AS unread_conversations, u.last_seen_at AS user_last_seen_at, \
         (SELECT cn.text_version FROM consents cn WHERE cn.user_id = me.id AND cn.purpose = '{PURPOSE}' \
          AND cn.withdrawn_at IS NULL ORDER BY cn.granted_at DESC, cn.id DESC LIMIT 1) AS consent_version, \
         (SELECT ch.text_version FROM consents ch WHERE ch.user_id = me.id AND ch.purpose = '{CHARTER}' \
          AND ch.withdrawn_at IS NULL ORDER BY ch.granted_at DESC, ch.id DESC LIMIT 1) AS charter_version, \
         r.role, r.scope_kind, r.scope_code \
         FROM me JOIN users u ON u.id = me.id LEFT JOIN communes c ON c.insee = u.commune_insee \
         LEFT JOIN sections sec ON sec.id = me.section_id LEFT JOIN roles r ON r.user_id = me.id \
         ORDER BY r.scope_kind, r.scope_code, r.role",
        UNREAD = notifications::unread_count_of_me(),
        UNREAD_CONVERSATIONS = crate::server::store::messages::unread_conversations_sql("me.id"),
        PURPOSE = crate::server::store::consents::PURPOSE_POLITICAL_OPINION,
        CHARTER = crate::server::store::consents::PURPOSE_CHARTER
    );
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(token_hash).bind(now_ms).fetch_all(p).await)
}

/// Slides the expiry forward (called at most every few minutes per session, not per request).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn touch(tx: &mut Tx, token_hash: &str, now_ms: i64, expires_at: i64, client: Option<&str>) -> Result<(), sqlx::Error> {
    let sql = "UPDATE sessions SET last_seen_at = $1, expires_at = $2, client = COALESCE($3, client) WHERE token_hash = $4";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(expires_at).bind(client).bind(token_hash).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete(tx: &mut Tx, token_hash: &str) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE token_hash = $1";
    let done = on_tx!(tx, c => sqlx::query(sql).bind(token_hash).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_all_for_user(tx: &mut Tx, user_id: UserId) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE user_id = $1";
    let done = on_tx!(tx, c => sqlx::query(sql).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_expired(tx: &mut Tx, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE expires_at <= $1";
    let done = on_tx!(tx, c => sqlx::query(sql).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn count_for_user(db: &Db, user_id: UserId) -> Result<i64, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM sessions WHERE user_id = $1";
    on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(user_id).fetch_one(p).await)
}

/// Whether a session still opens its account (not closed, not expired, account not suspended):
/// open event streams re-check it.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn is_live(db: &Db, token_hash: &str, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id \
               WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.suspended_at IS NULL";
    let n: i64 = on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(token_hash).bind(now_ms).fetch_one(p).await)?;
    Ok(n > 0)
}

/// Signs out every other device of the person (a new password keeps this one).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_others(tx: &mut Tx, user_id: UserId, keep_token_hash: &str) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";
    on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(keep_token_hash).execute(c).await.map(|r| r.rows_affected()))
}

/// Signs out one device of the person, by its public id.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_device(tx: &mut Tx, user_id: UserId, device_id: &str) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM sessions WHERE user_id = $1 AND device_id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(device_id).execute(c).await.map(|r| r.rows_affected()))
}

/// A signed-in device, for the account page (the hash only tells the service which one is this
/// one; it never leaves the server).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct DeviceRow {
    pub token_hash: String,
    pub device_id: Option<String>,
    pub client: Option<String>,
    pub created_at: i64,
    pub last_seen_at: i64,
}

pub fn devices_part(user_id: UserId, now_ms: i64) -> crate::server::store::bundle::Part {
    use crate::server::store::bundle::{Arg, Part};
    let sql = "SELECT token_hash, device_id, client, created_at, last_seen_at FROM sessions \
               WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC LIMIT 50";
    Part::new(sql, &["token_hash", "device_id", "client", "created_at", "last_seen_at"], vec![Arg::Int(user_id.get()), Arg::Int(now_ms)])
}
