//! The mail outbox (`mail_outbox`): a mail is written in the transaction of the change that causes
//! it, then taken by a worker under a lease, and marked sent, rescheduled or given up.

use sqlx::FromRow;

use crate::model::ids::UserId;
use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

/// How long a sent e-mail stays in the outbox (the housekeeping deletes it after).
pub const SENT_KEPT_MS: i64 = 30 * 86_400_000;

/// A mail to write, already rendered.
pub struct NewMail<'a> {
    pub user_id: Option<UserId>,
    pub to: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    /// RFC 8058 one-click unsubscribe address (annonces).
    pub list_unsubscribe: Option<&'a str>,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn enqueue(tx: &mut Tx, m: &NewMail<'_>) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO mail_outbox (user_id, to_address, kind, subject, body_text, body_html, next_attempt_at, created_at, list_unsubscribe) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(m.user_id).bind(m.to).bind(m.kind).bind(m.subject).bind(m.text).bind(m.html).bind(m.now_ms).bind(m.list_unsubscribe).fetch_one(c).await)
}

/// Many mails in a few statements (an annonce's fan-out).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn enqueue_many(tx: &mut Tx, mails: &[NewMail<'_>]) -> Result<(), sqlx::Error> {
    use crate::server::store::bulk::{insert_many, Val};
    let text = |s: &str| Val::Text(s.to_string());
    let rows = mails
        .iter()
        .map(|m| {
            vec![
                m.user_id.map(|u| Val::Int(u.get())).unwrap_or(Val::NullInt),
                text(m.to),
                text(m.kind),
                text(m.subject),
                text(m.text),
                text(m.html),
                Val::Int(m.now_ms),
                Val::Int(m.now_ms),
                m.list_unsubscribe.map(text).unwrap_or(Val::NullText),
            ]
        })
        .collect();
    let head =
        "INSERT INTO mail_outbox (user_id, to_address, kind, subject, body_text, body_html, next_attempt_at, created_at, list_unsubscribe)";
    insert_many(tx, head, 9, rows).await
}

/// A mail taken by a worker.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct MailRow {
    pub id: i64,
    /// The person the mail is for, when it is about an account.
    pub user_id: Option<UserId>,
    pub to_address: String,
    pub kind: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// Including this one.
    pub attempts: i64,
    /// RFC 8058 one-click unsubscribe address (annonces).
    pub list_unsubscribe: Option<String>,
}

/// Takes the oldest due mail for this worker until `leased_until`: pending, due, and not held by
/// another worker. The conditional update decides between workers on both backends (the first
/// to update the row has it), so two instances never take the same mail at once.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn take_due(tx: &mut Tx, now_ms: i64, leased_until: i64) -> Result<Option<MailRow>, sqlx::Error> {
    let candidates = "SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
                      AND (leased_until IS NULL OR leased_until < $1) ORDER BY next_attempt_at, id LIMIT 5";
    let ids: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(candidates).bind(now_ms).fetch_all(c).await)?;
    for id in ids {
        let take = "UPDATE mail_outbox SET leased_until = $1, attempts = attempts + 1 \
                    WHERE id = $2 AND status = 'pending' AND (leased_until IS NULL OR leased_until < $3) \
                    RETURNING id, user_id, to_address, kind, subject, body_text, body_html, attempts, list_unsubscribe";
        let row: Option<MailRow> = on_tx!(tx, c => sqlx::query_as(take).bind(leased_until).bind(id).bind(now_ms).fetch_optional(c).await)?;
        if row.is_some() {
            return Ok(row);
        }
    }
    Ok(None)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn mark_sent(tx: &mut Tx, id: i64, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE mail_outbox SET status = 'sent', sent_at = $1, leased_until = NULL, last_error = NULL WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A failed attempt: tried again at `next_attempt_at`, or given up (`None`: status 'failed').
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn record_failure(tx: &mut Tx, id: i64, error: &str, next_attempt_at: Option<i64>) -> Result<(), sqlx::Error> {
    let (status, next) = match next_attempt_at {
        Some(at) => ("pending", at),
        None => ("failed", 0),
    };
    let sql = "UPDATE mail_outbox SET status = $1, next_attempt_at = CASE WHEN $1 = 'pending' THEN $2 ELSE next_attempt_at END, \
               leased_until = NULL, last_error = $3 WHERE id = $4";
    on_tx!(tx, c => sqlx::query(sql).bind(status).bind(next).bind(error).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A mail given up, for the operator (`coopol mail failures`). No address: the kind and the error.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct FailureRow {
    pub id: i64,
    pub kind: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn failures(db: &Db, limit: i64) -> Result<Vec<FailureRow>, sqlx::Error> {
    let sql = "SELECT id, kind, attempts, last_error, created_at FROM mail_outbox WHERE status = 'failed' ORDER BY id DESC LIMIT $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(limit).fetch_all(p).await)
}

/// Puts failed mails back in the queue (one, or all of them): due now, attempts counted afresh.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn retry(tx: &mut Tx, id: Option<i64>, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, leased_until = NULL \
               WHERE status = 'failed' AND ($2 = 0 OR id = $2)";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(id.unwrap_or(0)).execute(c).await.map(|r| r.rows_affected()))
}

/// How many mails are pending, sent and failed (for /metrics).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn counts(db: &Db) -> Result<(i64, i64, i64), sqlx::Error> {
    let sql = "SELECT CAST(COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS BIGINT), \
               CAST(COALESCE(SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), 0) AS BIGINT), \
               CAST(COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS BIGINT) FROM mail_outbox";
    on_pool!(db.read(), p => sqlx::query_as(sql).fetch_one(p).await)
}

/// Housekeeping: mails sent before `before` (the outbox is not an archive; it keeps `/metrics`
/// counting a bounded table).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn purge_sent(tx: &mut Tx, before: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM mail_outbox WHERE status = 'sent' AND sent_at < $1";
    on_tx!(tx, c => sqlx::query(sql).bind(before).execute(c).await.map(|r| r.rows_affected()))
}
