//! Consent records: what text, which version, when and how it was given.

use crate::model::ids::UserId;
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

pub const PURPOSE_POLITICAL_OPINION: &str = "political_opinion_processing";
pub const METHOD_SIGNUP_CHECKBOX: &str = "signup_form_checkbox";
/// The charter (`/charte`): accepted at sign-up, and again on its page when it changes.
pub const PURPOSE_CHARTER: &str = "charter";
pub const METHOD_CHARTER_PAGE: &str = "charter_page_button";
/// Given (again) on "Mes consentements", after the text changed.
pub const METHOD_CONSENTS_PAGE: &str = "consents_page_button";

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct ConsentRow {
    pub purpose: String,
    pub text_version: String,
    pub method: String,
    pub granted_at: i64,
    pub withdrawn_at: Option<i64>,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn record(tx: &mut Tx, user_id: UserId, purpose: &str, text_version: &str, method: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO consents (user_id, purpose, text_version, method, granted_at) \
               VALUES ($1, $2, $3, $4, $5)";
    on_tx!(tx, c => sqlx::query(sql).bind(user_id).bind(purpose).bind(text_version).bind(method).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The person's consents, newest first: a part of the consents page's bundle.
pub fn for_user_part(user_id: UserId) -> crate::server::store::bundle::Part {
    use crate::server::store::bundle::{Arg, Part};
    Part::new(
        "SELECT purpose, text_version, method, granted_at, withdrawn_at FROM consents WHERE user_id = $1 ORDER BY granted_at DESC, id DESC",
        &["purpose", "text_version", "method", "granted_at", "withdrawn_at"],
        vec![Arg::Int(user_id.get())],
    )
}

/// The version of the consent in force for `purpose`, if any (the newest not withdrawn).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn in_force(tx: &mut Tx, user_id: UserId, purpose: &str) -> Result<Option<String>, sqlx::Error> {
    let sql = "SELECT text_version FROM consents WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL \
               ORDER BY granted_at DESC, id DESC LIMIT 1";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(user_id).bind(purpose).fetch_optional(c).await)
}

/// When this person accepted `version` for `purpose`, if they did (and did not withdraw it).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn accepted_at(db: &Db, user_id: UserId, purpose: &str, version: &str) -> Result<Option<i64>, sqlx::Error> {
    let sql = "SELECT MAX(granted_at) FROM consents WHERE user_id = $1 AND purpose = $2 AND text_version = $3 AND withdrawn_at IS NULL";
    on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(user_id).bind(purpose).bind(version).fetch_one(p).await)
}

/// Withdraws the consents in force for `purpose`. Returns how many.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn withdraw(tx: &mut Tx, user_id: UserId, purpose: &str, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "UPDATE consents SET withdrawn_at = $1 WHERE user_id = $2 AND purpose = $3 AND withdrawn_at IS NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(user_id).bind(purpose).execute(c).await.map(|r| r.rows_affected()))
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn for_user(db: &Db, user_id: UserId) -> Result<Vec<ConsentRow>, sqlx::Error> {
    let sql = "SELECT purpose, text_version, method, granted_at, withdrawn_at FROM consents \
               WHERE user_id = $1 ORDER BY granted_at, id";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(user_id).fetch_all(p).await)
}
