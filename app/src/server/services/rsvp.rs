//! "Je participe / peut-être / je ne peux pas", with capacity and a waiting list: when a place
//! frees up, the first person waiting gets it and is told.

use crate::error::AppError;
use crate::model::action::{RsvpAnswer, RsvpStatus};
use crate::model::commands::action::RsvpInput;
use crate::model::feed::NotificationKind;
use crate::model::form::RawForm;
use crate::model::ids::ActionId;
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::action_summary::facts;
use crate::server::services::notifications::notify_action;
use crate::server::store::{self, events::EventRow, rsvps};

/// Records an answer and returns where the person stands (a place, or the waiting list).
pub async fn answer(state: &AppState, subject: &Subject, action_id: ActionId, form: &RawForm) -> Result<RsvpStatus, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    // One answer at a time per action: the places are counted under the action's row lock.
    if !store::actions::lock(&mut tx, action_id).await? {
        return Err(AppError::NotFound);
    }
    let row = store::actions::by_id_in(&mut tx, me, action_id).await?.ok_or(AppError::NotFound)?;
    let facts = facts(&row);
    if !rules::can_see(subject, &facts) {
        return Err(AppError::NotFound);
    }
    if !rules::can_rsvp(subject, &facts, row.starts_at <= now) {
        return Err(AppError::Forbidden);
    }
    // The form is read once the person may answer (a hidden action answers like a missing one).
    let RsvpInput { answer, share_contact, show_first_name } = RsvpInput::parse(form).map_err(AppError::Validation)?;
    let sharing = rsvps::Sharing { contact: share_contact, first_name: show_first_name };
    let previous = rsvps::status_of(&mut tx, action_id, me).await?;
    let status = match answer {
        RsvpAnswer::Yes => match previous {
            Some(RsvpStatus::Going) => RsvpStatus::Going,
            Some(RsvpStatus::Waiting) => RsvpStatus::Waiting,
            _ => {
                let going = rsvps::count(&mut tx, action_id, RsvpStatus::Going).await?;
                if row.capacity.is_none_or(|c| going < c) {
                    RsvpStatus::Going
                } else {
                    RsvpStatus::Waiting
                }
            }
        },
        RsvpAnswer::Maybe => RsvpStatus::Maybe,
        RsvpAnswer::No => RsvpStatus::Declined,
    };
    rsvps::upsert(&mut tx, action_id, me, status, sharing, now).await?;
    let mut events = Vec::new();
    if previous == Some(RsvpStatus::Going) && status != RsvpStatus::Going {
        fill_places(&mut tx, &mut events, action_id, row.capacity, now).await?;
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(status)
}

/// Gives the free places to the waiting list, first come first served, and tells each person
/// promoted. Called inside the transaction that freed the places.
pub(crate) async fn fill_places(
    tx: &mut Tx,
    events: &mut Vec<EventRow>,
    action_id: ActionId,
    capacity: Option<i64>,
    now: i64,
) -> Result<(), AppError> {
    let going = rsvps::count(tx, action_id, RsvpStatus::Going).await?;
    let free = capacity.map_or(1_000, |c| c - going);
    if free <= 0 {
        return Ok(());
    }
    let promoted = rsvps::first_waiting(tx, action_id, free).await?;
    for &user in &promoted {
        rsvps::set_status(tx, action_id, user, RsvpStatus::Going, now).await?;
    }
    notify_action(tx, events, &promoted, NotificationKind::ActionPromoted, None, action_id, now).await
}
