//! Calendar export: one action's `.ics`, and a personal calendar feed at a secret, revocable
//! address (only the token's hash is stored; a new token revokes the old one).

use crate::error::AppError;
use crate::model::action::ActionStatus;
use crate::model::ids::{ActionId, UserId};
use crate::server::auth::session_token;
use crate::server::context::AppState;
use crate::server::ics::{calendar, IcsEvent};
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::{action_summary::facts, subjects};
use crate::server::store::{self, actions::ActionRow};

fn event(row: &ActionRow) -> IcsEvent<'_> {
    IcsEvent {
        id: row.id.get(),
        title: &row.title,
        description: &row.description,
        location: if row.address.is_empty() { &row.place_name } else { &row.address },
        lat: row.lat,
        lng: row.lng,
        starts_at_ms: row.starts_at,
        ends_at_ms: row.ends_at,
        updated_at_ms: row.updated_at,
        cancelled: row.status == ActionStatus::Cancelled,
    }
}

/// The `.ics` of one action, for whoever may see it (404 otherwise).
pub async fn action_file(state: &AppState, subject: &Subject, id: ActionId, base: &str) -> Result<String, AppError> {
    let row = store::actions::by_id(&state.db, subject.id().unwrap_or(UserId::NONE), id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_see(subject, &facts(&row)) {
        return Err(AppError::NotFound);
    }
    let mut one = row.clone();
    if one.status == ActionStatus::Proposed {
        one.title = format!("{} (proposition)", one.title);
    }
    Ok(calendar(&row.title, base, &[event(&one)], now_ms()))
}

/// The feed behind a secret token: the owner's actions, each re-checked for them (an action
/// whose audience changed disappears). An unknown or revoked token is a 404.
pub async fn personal_feed(state: &AppState, token: &str, base: &str) -> Result<String, AppError> {
    let owner = store::actions::calendar_owner(&state.db, &session_token::hash(token)).await?.ok_or(AppError::NotFound)?;
    // The owner as their own requests see them (gone or suspended: anonymous, so nothing).
    let subject = subjects::of_person(&state.db, owner).await?;
    if !subject.is_active() {
        return Err(AppError::NotFound);
    }
    let now = now_ms();
    let rows = store::actions::for_person(&state.db, owner, now - 30 * 86_400_000).await?;
    let events: Vec<IcsEvent<'_>> = rows.iter().filter(|r| rules::can_see(&subject, &facts(r))).map(event).collect();
    Ok(calendar("Mes actions Coopol", base, &events, now))
}

/// Makes a new secret address (the previous one stops working) and returns its token.
pub async fn new_token(state: &AppState, subject: &Subject) -> Result<String, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let token = session_token::generate();
    let mut tx = state.db.begin().await?;
    store::actions::set_calendar_token(&mut tx, me, &session_token::hash(&token), now_ms()).await?;
    tx.commit().await?;
    Ok(token)
}

pub async fn revoke(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    store::actions::delete_calendar_token(&mut tx, me).await?;
    tx.commit().await?;
    Ok(())
}
