//! The `data_exports` table: "Télécharger mes données", asked for, prepared by a worker, kept 7
//! days.

use crate::model::ids::UserId;
use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};
use crate::{on_pool, on_tx};

/// The person's newest export that still counts (being prepared, or ready and not expired).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ExportRow {
    pub id: i64,
    pub status: String,
    pub progress: i64,
    pub requested_at: i64,
    pub ready_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub size_bytes: Option<i64>,
}

const CURRENT: &str = "SELECT id, status, progress, requested_at, ready_at, expires_at, size_bytes FROM data_exports \
     WHERE user_id = $1 AND (status = 'pending' OR (status = 'ready' AND expires_at > $2)) ORDER BY requested_at DESC LIMIT 1";

pub fn current_part(user_id: UserId, now_ms: i64) -> Part {
    Part::new(
        CURRENT,
        &["id", "status", "progress", "requested_at", "ready_at", "expires_at", "size_bytes"],
        vec![Arg::Int(user_id.get()), Arg::Int(now_ms)],
    )
}

/// Whether the person has an export that still counts (inside the request's transaction).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn has_current(tx: &mut Tx, user_id: UserId, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM data_exports WHERE user_id = $1 AND (status = 'pending' OR (status = 'ready' AND expires_at > $2))";
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(user_id).bind(now_ms).fetch_one(c).await)?;
    Ok(n > 0)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, user_id: UserId, now_ms: i64) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO data_exports (user_id, requested_at) VALUES ($1, $2) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(user_id).bind(now_ms).fetch_one(c).await)
}

/// Takes the oldest export waiting, for this worker until `leased_until` (a conditional update:
/// two instances never take the same one; a crashed worker's lease runs out).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn take_due(tx: &mut Tx, now_ms: i64, leased_until: i64) -> Result<Option<(i64, UserId)>, sqlx::Error> {
    let candidates = "SELECT id FROM data_exports WHERE status = 'pending' AND (leased_until IS NULL OR leased_until < $1) \
                      ORDER BY requested_at, id LIMIT 5";
    let ids: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(candidates).bind(now_ms).fetch_all(c).await)?;
    for id in ids {
        let take = "UPDATE data_exports SET leased_until = $1, progress = 0 WHERE id = $2 AND status = 'pending' \
                    AND (leased_until IS NULL OR leased_until < $3) RETURNING id, user_id";
        let row: Option<(i64, UserId)> =
            on_tx!(tx, c => sqlx::query_as(take).bind(leased_until).bind(id).bind(now_ms).fetch_optional(c).await)?;
        if row.is_some() {
            return Ok(row);
        }
    }
    Ok(None)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_progress(db: &Db, id: i64, progress: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE data_exports SET progress = $1 WHERE id = $2";
    let t = &mut tx;
    on_tx!(t, c => sqlx::query(sql).bind(progress).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn finish(tx: &mut Tx, id: i64, archive: &[u8], now_ms: i64, expires_at: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE data_exports SET status = 'ready', progress = 100, archive = $1, size_bytes = $2, ready_at = $3, \
               expires_at = $4, leased_until = NULL WHERE id = $5";
    let size = i64::try_from(archive.len()).unwrap_or(i64::MAX);
    on_tx!(tx, c => sqlx::query(sql).bind(archive).bind(size).bind(now_ms).bind(expires_at).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn fail(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    let sql = "UPDATE data_exports SET status = 'failed', leased_until = NULL WHERE id = $1";
    let t = &mut tx;
    on_tx!(t, c => sqlx::query(sql).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await
}

/// The archive of a ready, unexpired export of this person (`None` for anyone else's).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn archive_of(db: &Db, id: i64, user_id: UserId, now_ms: i64) -> Result<Option<(Vec<u8>, i64)>, sqlx::Error> {
    let sql = "SELECT archive, ready_at FROM data_exports WHERE id = $1 AND user_id = $2 AND status = 'ready' AND expires_at > $3";
    let row: Option<(Option<Vec<u8>>, Option<i64>)> =
        on_pool!(db.read(), p => sqlx::query_as(sql).bind(id).bind(user_id).bind(now_ms).fetch_optional(p).await)?;
    Ok(row.and_then(|(archive, ready)| Some((archive?, ready.unwrap_or(now_ms)))))
}

/// Housekeeping: exports past their 7 days, and failed ones after as long.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn purge_expired(tx: &mut Tx, now_ms: i64, kept_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM data_exports WHERE (status = 'ready' AND expires_at <= $1) OR (status = 'failed' AND requested_at < $2)";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(now_ms - kept_ms).execute(c).await.map(|r| r.rows_affected()))
}
