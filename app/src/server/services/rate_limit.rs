//! Rate limiting on shared, database-backed fixed windows.

use crate::error::AppError;
use crate::server::context::Limit;
use crate::server::db::{Db, Tx};
use crate::server::{now_ms, store};

fn window(limit: Limit, now: i64) -> (i64, i64) {
    let len = limit.window_secs.max(1) * 1000;
    let start = now - now.rem_euclid(len);
    let retry_after_secs = ((start + len - now) + 999) / 1000;
    (start, retry_after_secs.max(1))
}

/// Counts one attempt in `bucket`; refuses it once the window's budget is spent.
pub async fn hit(db: &Db, bucket: &str, limit: Limit) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    // Committed even when refused: the refused attempt counts too.
    let counted = hit_in(&mut tx, bucket, limit).await;
    tx.commit().await?;
    counted
}

/// `hit`, inside the caller's transaction: the attempt counts with the write it guards (and a
/// refused one rolls back with it).
pub async fn hit_in(tx: &mut Tx, bucket: &str, limit: Limit) -> Result<(), AppError> {
    let (start, retry_after_secs) = window(limit, now_ms());
    if store::rate_limits::hit(tx, bucket, start).await? > limit.max {
        Err(AppError::RateLimited { retry_after_secs })
    } else {
        Ok(())
    }
}

/// Refuses when `bucket` has already reached its budget, without counting this attempt
/// (for buckets that only count failures).
pub async fn ensure_not_blocked(db: &Db, bucket: &str, limit: Limit) -> Result<(), AppError> {
    let (start, retry_after_secs) = window(limit, now_ms());
    let mut tx = db.begin().await?;
    let hits = store::rate_limits::current(&mut tx, bucket, start).await?;
    tx.commit().await?;
    if hits >= limit.max {
        Err(AppError::RateLimited { retry_after_secs })
    } else {
        Ok(())
    }
}

/// Forgets windows older than a day.
pub async fn purge_old(db: &Db) -> Result<u64, AppError> {
    let mut tx = db.begin().await?;
    let removed = store::rate_limits::purge(&mut tx, now_ms() - 24 * 3600 * 1000).await?;
    tx.commit().await?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_align_and_report_the_wait() {
        let limit = Limit { max: 1, window_secs: 60 };
        assert_eq!(window(limit, 120_000), (120_000, 60));
        assert_eq!(window(limit, 179_500), (120_000, 1));
        assert_eq!(window(limit, 150_000), (120_000, 30));
    }
}
