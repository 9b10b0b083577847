//! The outbox of live events (ids only). Written in the transaction of the change it announces;
//! relayed after commit (`server::bus`); read back for `Last-Event-ID` resumes.

use crate::model::ids::{PostId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, Default, FromRow, PartialEq, Eq)]
pub struct EventRow {
    pub id: i64,
    pub kind: String,
    pub post_id: Option<PostId>,
    pub user_id: Option<UserId>,
    /// The conversation of a 'message' event (its `user_id` is the member it is for).
    pub conversation_id: Option<i64>,
    /// The debate of a 'debate_changed' event.
    #[sqlx(default)]
    pub debate_id: Option<i64>,
    /// The vote of a 'ballot_cast' event.
    #[sqlx(default)]
    pub vote_id: Option<i64>,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(
    tx: &mut Tx,
    kind: &str,
    post_id: Option<PostId>,
    user_id: Option<UserId>,
    now_ms: i64,
) -> Result<EventRow, sqlx::Error> {
    let sql = "INSERT INTO events (kind, post_id, user_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(kind).bind(post_id).bind(user_id).bind(now_ms).fetch_one(c).await)?;
    Ok(EventRow { id, kind: kind.to_string(), post_id, user_id, ..EventRow::default() })
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn after(db: &Db, after_id: i64, limit: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    let sql = "SELECT id, kind, post_id, user_id, conversation_id, debate_id, vote_id FROM events WHERE id > $1 ORDER BY id LIMIT $2";
    on_pool!(db.read(), p => sqlx::query_as::<_, EventRow>(sql).bind(after_id).bind(limit).fetch_all(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn latest_id(db: &Db) -> Result<i64, sqlx::Error> {
    on_pool!(db.read(), p => sqlx::query_scalar("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM events").fetch_one(p).await)
}

/// Housekeeping: the outbox only serves resumes of the last minutes.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete_before(db: &Db, before_ms: i64) -> Result<u64, sqlx::Error> {
    on_pool!(db.write(), p => sqlx::query("DELETE FROM events WHERE created_at < $1").bind(before_ms).execute(p).await.map(|r| r.rows_affected()))
}
