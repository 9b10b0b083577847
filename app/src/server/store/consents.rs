//! Consent records: what text, which version, when and how it was given.

use crate::model::ids::UserId;
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

pub const PURPOSE_POLITICAL_OPINION: &str = "political_opinion_processing";
pub const METHOD_SIGNUP_CHECKBOX: &str = "signup_form_checkbox";

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
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

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn for_user(db: &Db, user_id: UserId) -> Result<Vec<ConsentRow>, sqlx::Error> {
    let sql = "SELECT purpose, text_version, method, granted_at, withdrawn_at FROM consents \
               WHERE user_id = $1 ORDER BY granted_at, id";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(user_id).fetch_all(p).await)
}
