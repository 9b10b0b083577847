//! Reminders the day before and two hours before an action, to the people who have a place:
//! an in-app notification and an e-mail, written to the outbox in the same transaction. Each
//! reminder is claimed by a row whose primary key forbids a second one, so restarts and several
//! instances never send twice.

use crate::error::AppError;
use crate::model::feed::NotificationKind;
use crate::model::string_enum::string_enum;
use crate::server::context::AppState;
use crate::server::services::mail;
use crate::server::services::notifications::notify_action;
use crate::server::store;

const HOUR_MS: i64 = 3_600_000;
const BATCH: i64 = 500;

string_enum! {
    pub enum ReminderKind {
        /// Between 24 h and 2 h before the start.
        DayBefore = "veille",
        /// In the last 2 h before the start.
        TwoHours = "deux_heures",
    }
}

impl ReminderKind {
    /// The window of starts (exclusive, inclusive] this reminder covers at `now`.
    fn window(self, now: i64) -> (i64, i64) {
        match self {
            ReminderKind::DayBefore => (now + 2 * HOUR_MS, now + 24 * HOUR_MS),
            ReminderKind::TwoHours => (now, now + 2 * HOUR_MS),
        }
    }
}

/// Records every reminder due at `now` (one transaction per batch); returns how many.
pub async fn record_due(state: &AppState, now: i64) -> Result<usize, AppError> {
    let mut recorded = 0;
    for kind in [ReminderKind::TwoHours, ReminderKind::DayBefore] {
        let (from, to) = kind.window(now);
        let due = store::reminders::due(&state.db, kind.as_str(), from, to, BATCH).await?;
        if due.is_empty() {
            continue;
        }
        let mut tx = state.db.begin().await?;
        let mut events = Vec::new();
        for row in due {
            if store::reminders::claim(&mut tx, row.action_id, row.user_id, kind.as_str(), now).await? {
                notify_action(&mut tx, &mut events, &[row.user_id], NotificationKind::ActionReminder, None, row.action_id, now).await?;
                let link = state.settings.link(&format!("/actions/{}", row.action_id));
                let message = mail::reminder(&mail::ReminderMail {
                    user_id: row.user_id,
                    to: &row.email,
                    display_name: &row.display_name,
                    title: &row.title,
                    place_name: &row.place_name,
                    starts_at: row.starts_at,
                    link: &link,
                    soon: kind == ReminderKind::TwoHours,
                });
                mail::enqueue(&mut tx, &message, now).await?;
                recorded += 1;
            }
        }
        tx.commit().await?;
        state.bus.publish(events).await;
    }
    Ok(recorded)
}
