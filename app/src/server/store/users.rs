//! The `users` table.

use crate::model::ids::{SectionId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: UserId,
    pub handle: String,
    pub display_name: String,
    pub email: String,
    pub postal_code: String,
    pub membership: String,
    pub membership_status: String,
    pub created_at: i64,
    pub suspended_at: Option<i64>,
    pub section_id: Option<SectionId>,
    /// When the address was proven; `None`: `email` is still the unverified one typed at sign-up.
    pub email_verified_at: Option<i64>,
    /// Their avatar as pages draw it (JSON `model::media::Picture`), '' when none.
    pub avatar: String,
}

/// What sign-in needs; kept apart so the hash never travels with ordinary rows.
#[derive(Debug, Clone, FromRow)]
pub struct Credentials {
    pub id: UserId,
    pub password_hash: String,
    pub suspended_at: Option<i64>,
}

pub struct NewUser<'a> {
    pub handle: &'a str,
    pub display_name: &'a str,
    pub email: &'a str,
    /// The sign-in key, for an address already proven (`None`: the account starts unverified,
    /// `services::address` sends the link).
    pub email_normalized: Option<&'a str>,
    pub password_hash: &'a str,
    pub postal_code: &'a str,
    pub membership: &'a str,
    pub membership_status: &'a str,
    pub commune_insee: Option<&'a str>,
    pub now_ms: i64,
}

const USER_COLUMNS: &str = "u.id, u.handle, u.display_name, u.email, u.postal_code, u.membership, u.membership_status, \
    u.created_at, u.suspended_at, sc.section_id, u.email_verified_at, u.avatar";
const USER_FROM: &str = "users u LEFT JOIN section_communes sc ON sc.insee = u.commune_insee";

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, user: &NewUser<'_>) -> Result<UserId, sqlx::Error> {
    let sql = "INSERT INTO users (handle, display_name, email, email_normalized, password_hash, \
               postal_code, membership, membership_status, commune_insee, created_at, updated_at, email_verified_at, last_seen_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10, $9, $9, CASE WHEN $4 IS NULL THEN NULL ELSE $9 END, $9) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql)
        .bind(user.handle)
        .bind(user.display_name)
        .bind(user.email)
        .bind(user.email_normalized)
        .bind(user.password_hash)
        .bind(user.postal_code)
        .bind(user.membership)
        .bind(user.membership_status)
        .bind(user.now_ms)
        .bind(user.commune_insee)
        .fetch_one(c)
        .await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
/// The account that proved this address, if one did (unverified claims do not count): its id,
/// display name and address as it was proven.
pub async fn holder_of_email(tx: &mut Tx, email_normalized: &str) -> Result<Option<(UserId, String, String)>, sqlx::Error> {
    let sql = "SELECT id, display_name, email FROM users WHERE email_normalized = $1";
    on_tx!(tx, c => sqlx::query_as(sql).bind(email_normalized).fetch_optional(c).await)
}

/// Handles among `candidates` already taken, in one statement.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn taken_handles(tx: &mut Tx, prefix: &str) -> Result<Vec<String>, sqlx::Error> {
    let sql = "SELECT handle FROM users WHERE handle = $1 OR handle LIKE $2";
    let pattern = format!("{}-%", prefix.replace(['%', '_'], ""));
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(prefix).bind(&pattern).fetch_all(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn handle_taken_by_other(tx: &mut Tx, handle: &str, user_id: UserId) -> Result<bool, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM users WHERE handle = $1 AND id <> $2";
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(handle).bind(user_id).fetch_one(c).await)?;
    Ok(n > 0)
}

/// Only verified addresses sign in (an unverified account has no `email_normalized`).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn credentials_by_email(db: &Db, email_normalized: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let sql = "SELECT id, password_hash, suspended_at FROM users WHERE email_normalized = $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(email_normalized).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id(db: &Db, id: UserId) -> Result<Option<UserRow>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM {USER_FROM} WHERE u.id = $1");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await)
}

/// The same, inside a transaction.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id_in(tx: &mut Tx, id: UserId) -> Result<Option<UserRow>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM {USER_FROM} WHERE u.id = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_handle(db: &Db, handle: &str) -> Result<Option<UserRow>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM {USER_FROM} WHERE u.handle = $1");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(handle).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn update_identity(tx: &mut Tx, user_id: UserId, display_name: &str, handle: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET display_name = $1, handle = $2, updated_at = $3 WHERE id = $4";
    on_tx!(tx, c => sqlx::query(sql).bind(display_name).bind(handle).bind(now_ms).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    on_pool!(db.read(), p => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(p).await)
}

/// (id, handle) of the active accounts among `handles` (mentions).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn ids_by_handles(tx: &mut Tx, handles: &[String]) -> Result<Vec<(UserId, String)>, sqlx::Error> {
    let mut found = Vec::new();
    for handle in handles.iter().take(20) {
        let sql = "SELECT id, handle FROM users WHERE handle = $1 AND suspended_at IS NULL";
        if let Some(row) = on_tx!(tx, c => sqlx::query_as::<_, (UserId, String)>(sql).bind(handle).fetch_optional(c).await)? {
            found.push(row);
        }
    }
    Ok(found)
}

/// Id of an active account by handle, inside a transaction.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn active_id_by_handle(tx: &mut Tx, handle: &str) -> Result<Option<UserId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM users WHERE handle = $1 AND suspended_at IS NULL").bind(handle).fetch_optional(c).await)
}

/// Sets a new password hash.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_password_hash(tx: &mut Tx, user_id: UserId, password_hash: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3";
    on_tx!(tx, c => sqlx::query(sql).bind(password_hash).bind(now_ms).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The address is proven: it becomes the account's address and sign-in key. Fails with the unique
/// violation `users_email_normalized_key` when another account proved it first.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_verified_email(tx: &mut Tx, user_id: UserId, email: &str, email_normalized: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET email = $1, email_normalized = $2, email_verified_at = $3, updated_at = $3 WHERE id = $4";
    on_tx!(tx, c => sqlx::query(sql).bind(email).bind(email_normalized).bind(now_ms).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The stored password hash (for checking the current password on the account page).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn password_hash_of(db: &Db, id: UserId) -> Result<Option<String>, sqlx::Error> {
    on_pool!(db.read(), p => sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1").bind(id).fetch_optional(p).await)
}

/// An address not proven yet, corrected (it stays unproven until its link is opened).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_unverified_email(tx: &mut Tx, user_id: UserId, email: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET email = $1, updated_at = $2 WHERE id = $3 AND email_verified_at IS NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(email).bind(now_ms).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The account page's address line.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct AccountRow {
    pub email: String,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub email_verified: bool,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub read_receipts: bool,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub announcements_by_mail: bool,
}

pub fn account_part(id: UserId) -> crate::server::store::bundle::Part {
    use crate::server::store::bundle::{Arg, Part};
    let sql =
        "SELECT email, (email_verified_at IS NOT NULL) AS email_verified, read_receipts, announcements_by_mail FROM users WHERE id = $1";
    Part::new(sql, &["email", "email_verified", "read_receipts", "announcements_by_mail"], vec![Arg::Int(id.get())])
}

/// "Vu" in one-to-one conversations (shown only when both people turned it on).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_read_receipts(tx: &mut Tx, user_id: UserId, on: bool) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET read_receipts = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(on).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
