//! Background jobs: housekeeping (expired sessions, old rate-limit windows, the live-event outbox,
//! new contacts past their retention), action reminders, the mail for unread messages and the mail worker. Idempotent, so several instances may
//! run them at once, and a restart loses nothing (what was sent is in the database).

use std::time::Duration;

use app::server::services::{messages, rate_limit, reminders, sessions, votes};
use app::server::{now_ms, AppState, Db};

use crate::mail::Mailer;

pub fn spawn_housekeeping(state: AppState) -> tokio::task::JoinHandle<()> {
    let db = state.db.clone();
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
            // The outbox only serves Last-Event-ID resumes: an hour is plenty.
            if app::server::store::events::delete_before(&db, app::server::now_ms() - 3_600_000).await.is_err() {
                tracing::warn!("live-event outbox purge failed");
            }
            // E-mailed links (a new password…) a day after they expired, sent e-mails after
            // 30 days, data exports after their 7 days.
            let purged = async {
                let now = app::server::now_ms();
                let mut tx = db.begin().await?;
                app::server::store::tokens::purge_expired(&mut tx, now).await?;
                app::server::store::mail::purge_sent(&mut tx, now - app::server::store::mail::SENT_KEPT_MS).await?;
                app::server::store::exports::purge_expired(&mut tx, now, app::server::services::export::KEPT_MS).await?;
                tx.commit().await
            }
            .await;
            if purged.is_err() {
                tracing::warn!("expired links and old mails purge failed");
            }
            // Contacts met at actions are kept only as long as they agreed to.
            match app::server::store::reports::purge_expired_contacts(&db, app::server::now_ms()).await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "expired action contacts deleted"),
                Ok(_) => {}
                Err(_) => tracing::warn!("action contacts purge failed"),
            }
            // The free-text notes of comptes-rendus go with them.
            match app::server::store::reports::purge_expired_notes(&db, app::server::now_ms()).await {
                Ok(n) if n > 0 => tracing::info!(cleared = n, "expired compte-rendu notes cleared"),
                Ok(_) => {}
                Err(_) => tracing::warn!("compte-rendu notes purge failed"),
            }
            // Files of pictures whose publication (or sender) is gone, or whose upload never committed.
            match app::server::services::media::collect_orphans(&state, app::server::now_ms()).await {
                Ok(n) if n > 0 => tracing::info!(collected = n, "orphan picture files deleted"),
                Ok(_) => {}
                Err(_) => tracing::warn!("orphan picture collection failed"),
            }
        }
    })
}

/// One pass of the reminders: records those due (in-app notifications, and their e-mails in the
/// outbox). Returns how many were recorded.
pub async fn run_reminders_once(state: &AppState) -> usize {
    // Votes past their closing are counted and their result published on the same tick (a
    // vote's page also counts it when someone opens it first).
    match votes::count_due(state).await {
        Ok(n) if n > 0 => tracing::info!(counted = n, "votes counted"),
        Ok(_) => {}
        Err(_) => tracing::warn!("counting votes failed"),
    }
    // The mail for the absent of conversations rides on the same tick.
    match messages::mail_the_absent(state, now_ms()).await {
        Ok(n) if n > 0 => tracing::info!(written = n, "mails about unread messages written"),
        Ok(_) => {}
        Err(_) => tracing::warn!("mails about unread messages failed"),
    }
    match reminders::record_due(state, now_ms()).await {
        Ok(recorded) => {
            if recorded > 0 {
                tracing::info!(recorded, "action reminders recorded");
            }
            recorded
        }
        Err(_) => {
            tracing::warn!("action reminders failed");
            0
        }
    }
}

pub fn spawn_reminders(state: AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            run_reminders_once(&state).await;
        }
    })
}

/// The mail worker: sends what the outbox holds, every `every`.
pub fn spawn_mail_worker(db: Db, mailer: Mailer, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            mailer.send_due(&db, now_ms()).await;
        }
    })
}

/// Carries out the account erasures that are due ("Supprimer mon compte", after its delay), and
/// lifts moderation's sanctions that ended, as often as the mail worker looks at the outbox. Each is one transaction that takes its request
/// first: several instances never erase one account twice.
pub fn spawn_erasures(state: AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        let mut retention_last_run: Option<std::time::Instant> = None;
        loop {
            tick.tick().await;
            if app::server::services::erasure::erase_due(&state).await.is_err() {
                tracing::warn!("account erasures failed");
            }
            // Moderation's restrictions and suspensions that reached their end are lifted.
            match app::server::services::moderation::end_due_sanctions(&state).await {
                Ok(n) if n > 0 => tracing::info!(lifted = n, "moderation: sanctions ended"),
                Ok(_) => {}
                Err(_) => tracing::warn!("ending moderation sanctions failed"),
            }
            // Retention is counted in days: once an hour is plenty (and idempotent across instances).
            if retention_last_run.is_none_or(|at| at.elapsed() >= RETENTION_EVERY) {
                retention_last_run = Some(std::time::Instant::now());
                match app::server::services::retention::run(&state, now_ms()).await {
                    Ok(pass) if pass.warned + pass.erased > 0 => {
                        tracing::info!(warned = pass.warned, erased = pass.erased, "retention: accounts warned and erased")
                    }
                    Ok(_) => {}
                    Err(_) => tracing::warn!("retention pass failed"),
                }
            }
        }
    })
}

const RETENTION_EVERY: Duration = Duration::from_secs(3600);

/// Prepares the data exports people asked for ("Télécharger mes données"), one after the other,
/// as often as the mail worker looks at the outbox. Leased: several instances share the work.
pub fn spawn_export_worker(state: AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            while let Ok(true) = app::server::services::export::build_due(&state).await {}
        }
    })
}
