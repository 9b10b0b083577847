//! Fixed-window counters in the database, so every app instance shares the same limits.

use crate::on_tx;
use crate::server::db::Tx;

/// Adds one hit to `bucket` in the window starting at `window_start` and returns the new total.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn hit(tx: &mut Tx, bucket: &str, window_start: i64) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO rate_limit_counters (bucket, window_start, hits) VALUES ($1, $2, 1) \
               ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1 \
               RETURNING hits";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(bucket).bind(window_start).fetch_one(c).await)
}

/// Current total of `bucket` in a window, without counting.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn current(tx: &mut Tx, bucket: &str, window_start: i64) -> Result<i64, sqlx::Error> {
    let sql = "SELECT hits FROM rate_limit_counters WHERE bucket = $1 AND window_start = $2";
    let hits: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(sql).bind(bucket).bind(window_start).fetch_optional(c).await)?;
    Ok(hits.unwrap_or(0))
}

/// Forgets windows that ended before `before_ms`.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn purge(tx: &mut Tx, before_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM rate_limit_counters WHERE window_start < $1";
    on_tx!(tx, c => sqlx::query(sql).bind(before_ms).execute(c).await.map(|r| r.rows_affected()))
}
