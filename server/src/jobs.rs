//! Background housekeeping: expired sessions and old rate-limit windows. Idempotent, so several
//! instances may run it at once.

use std::time::Duration;

use app::server::services::{rate_limit, sessions};
use app::server::Db;

pub fn spawn_housekeeping(db: Db) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            match sessions::purge_expired(&db).await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions purged"),
                Ok(_) => {}
                Err(_) => tracing::warn!("session purge failed"),
            }
            if rate_limit::purge_old(&db).await.is_err() {
                tracing::warn!("rate-limit purge failed");
            }
        }
    })
}
