//! Retention, as the CNIL recommends for political parties: the data of sympathisants and of
//! people who left is kept at most 3 years (`COOPOL_RETENTION_DAYS`) after their last visit. A
//! month before, an e-mail says so (a visit keeps the account); then the account is erased like
//! "Supprimer mon compte" does (`services::erasure::erase`). Contacts met at actions keep their own
//! expiry; sessions, rate-limit windows, links and exports are purged by the housekeeping. An
//! account whose address was never proven goes after 30 days without a visit.

use crate::error::AppError;
use crate::server::context::{AppState, DAY_MS};
use crate::server::services::{erasure, mail};
use crate::server::store;

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionPass {
    pub warned: usize,
    pub erased: usize,
}

/// Accounts per statement (the job runs again until nothing is left).
const BATCH: i64 = 200;

/// Warns those whose time is near, erases those whose time came (warned at least the warning
/// period before).
pub async fn run(state: &AppState, now: i64) -> Result<RetentionPass, AppError> {
    let privacy = &state.settings.privacy;
    let warn_before = now - (privacy.retention_ms - privacy.retention_warning_ms);
    let erase_before = now - privacy.retention_ms;
    let warned_before = now - privacy.retention_warning_ms;
    let mut pass = RetentionPass::default();
    for (user_id, email, display_name, last_seen) in store::retention::to_warn(&state.db, warn_before, BATCH).await? {
        let mut tx = state.db.begin().await?;
        if store::retention::mark_warned(&mut tx, user_id, warn_before, now).await? {
            let on = (last_seen + privacy.retention_ms).max(now + privacy.retention_warning_ms);
            let kept_days = privacy.retention_ms / DAY_MS;
            let notice = mail::retention_warning(user_id, &email, &display_name, kept_days, on, &state.settings.link("/connexion"));
            mail::enqueue(&mut tx, &notice, now).await?;
            pass.warned += 1;
        }
        tx.commit().await?;
    }
    for user_id in store::retention::due(&state.db, erase_before, warned_before, BATCH).await? {
        let mut tx = state.db.begin().await?;
        if store::retention::still_due(&mut tx, user_id, erase_before, warned_before).await? {
            erasure::erase(&mut tx, state, user_id, now).await?;
            pass.erased += 1;
            tracing::info!(user_id = %user_id, "account erased at the end of its retention");
        }
        tx.commit().await?;
    }
    // An address never proven within a month, and no visit since: the account goes (nobody to
    // warn — the address may be someone else's).
    let unconfirmed_before = now - UNCONFIRMED_KEPT_MS;
    for user_id in store::retention::never_confirmed(&state.db, unconfirmed_before, BATCH).await? {
        let mut tx = state.db.begin().await?;
        if store::retention::still_never_confirmed(&mut tx, user_id, unconfirmed_before).await? {
            erasure::erase(&mut tx, state, user_id, now).await?;
            pass.erased += 1;
            tracing::info!(user_id = %user_id, "account erased: its address was never confirmed");
        }
        tx.commit().await?;
    }
    Ok(pass)
}

/// How long an account whose address was never proven is kept without a visit.
pub const UNCONFIRMED_KEPT_MS: i64 = 30 * crate::server::context::DAY_MS;
