//! Coopains (request, accept, decline, remove), blocks, and the /coopains page.

use crate::error::AppError;
use crate::model::feed::{Author, CoopainState, CoopainsView, NotificationKind, PersonCard, SuggestionReason};
use crate::model::ids::UserId;
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::{self, Subject};
use crate::server::services::rate_limit;
use crate::server::store::{self, notifications::NewNotification, social::PersonRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoopainAction {
    Request,
    Accept,
    Decline,
    Remove,
    Block,
    Unblock,
}

impl CoopainAction {
    pub fn parse(raw: &str) -> Option<Self> {
        Some(match raw {
            "demander" => Self::Request,
            "accepter" => Self::Accept,
            "refuser" => Self::Decline,
            "retirer" => Self::Remove,
            "bloquer" => Self::Block,
            "debloquer" => Self::Unblock,
            _ => return None,
        })
    }
}

/// How long a person is not told again of the same person's coopain request.
const RETOLD_AFTER_MS: i64 = 7 * 24 * 3600 * 1000;

/// Acts on the link with `handle`. Requests to someone who blocked me look sent (a block is
/// never revealed) but go nowhere.
pub async fn act(state: &AppState, subject: &Subject, handle: &str, action: CoopainAction) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    // Requests notify someone: requests and withdrawals share a budget per person.
    if matches!(action, CoopainAction::Request | CoopainAction::Remove) {
        rate_limit::hit(&state.db, &format!("coopain:{me}"), state.settings.rate_limits.coopain_per_account).await?;
    }
    let mut tx = state.db.begin().await?;
    let other = store::users::active_id_by_handle(&mut tx, handle).await?.ok_or(AppError::NotFound)?;
    if other == me {
        return Err(AppError::Forbidden);
    }
    let link = store::social::link(&mut tx, me, other).await?;
    let now = now_ms();
    let mut events = Vec::new();
    match action {
        CoopainAction::Request => {
            if link.i_blocked {
                return Err(AppError::Forbidden);
            }
            if link.coopains || link.i_requested {
                return Ok(());
            }
            if link.they_requested_pending {
                // Both asked: that is an acceptance.
                store::social::delete_requests(&mut tx, me, other).await?;
                store::social::connect(&mut tx, me, other, now).await?;
                notify(&mut tx, &mut events, other, NotificationKind::CoopainAccepted, me, now).await?;
            } else {
                store::social::insert_request(&mut tx, me, other, now).await?;
                // A request withdrawn and sent again does not ring twice within a week.
                let told_lately = store::notifications::recently_told(&mut tx, other, me, "coopain_request", now - RETOLD_AFTER_MS).await?;
                if !link.they_blocked && !told_lately {
                    notify(&mut tx, &mut events, other, NotificationKind::CoopainRequest, me, now).await?;
                } else {
                    // Recorded as declined at once: the requester sees "demande envoyée", nothing more.
                    store::social::decline_request(&mut tx, me, other).await?;
                }
            }
        }
        CoopainAction::Accept => {
            if !link.they_requested_pending {
                return if link.coopains { Ok(()) } else { Err(AppError::NotFound) };
            }
            store::social::delete_requests(&mut tx, me, other).await?;
            store::social::connect(&mut tx, me, other, now).await?;
            notify(&mut tx, &mut events, other, NotificationKind::CoopainAccepted, me, now).await?;
        }
        CoopainAction::Decline => {
            store::social::decline_request(&mut tx, other, me).await?;
        }
        CoopainAction::Remove => {
            store::social::disconnect(&mut tx, me, other).await?;
            store::social::delete_requests(&mut tx, me, other).await?;
        }
        CoopainAction::Block => {
            store::social::disconnect(&mut tx, me, other).await?;
            store::social::delete_requests(&mut tx, me, other).await?;
            store::social::block(&mut tx, me, other, now).await?;
        }
        CoopainAction::Unblock => {
            store::social::unblock(&mut tx, me, other).await?;
        }
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

async fn notify(
    tx: &mut crate::server::db::Tx,
    events: &mut Vec<store::events::EventRow>,
    user_id: UserId,
    kind: NotificationKind,
    actor_id: UserId,
    now: i64,
) -> Result<(), AppError> {
    let notification = NewNotification { user_id, kind, actor_id, post_id: None, comment_id: None, group_id: None, now_ms: now };
    super::notifications::notify(tx, events, &notification).await
}

/// How I relate to someone, for their profile's buttons (a block by them is never shown).
pub fn coopain_state(link: store::social::Link) -> CoopainState {
    if link.i_blocked {
        CoopainState::Blocked
    } else if link.coopains {
        CoopainState::Coopains
    } else if link.i_requested {
        CoopainState::RequestSent
    } else if link.they_requested_pending {
        CoopainState::RequestReceived
    } else {
        CoopainState::None
    }
}

fn card(p: PersonRow) -> PersonCard {
    PersonCard { author: Author { handle: p.handle, display_name: p.display_name }, reason: None }
}

pub async fn coopains_view(state: &AppState, subject: &Subject) -> Result<CoopainsView, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let may_see_section = subject
        .belonging
        .section_id
        .zip(subject.belonging.federation_code.clone())
        .is_some_and(|(id, federation_code)| policy::can_see_section_directory(subject, &policy::SectionScope { id, federation_code }));
    let mut suggestions: Vec<PersonCard> = Vec::new();
    for s in store::social::suggestions(&state.db, me, may_see_section, 30).await? {
        if suggestions.iter().any(|c| c.author.handle == s.handle) {
            continue;
        }
        let reason = match s.reason.as_str() {
            "common" => SuggestionReason::CommonCoopains(s.strength),
            "interests" => SuggestionReason::SharedInterests,
            _ => SuggestionReason::SameSection,
        };
        suggestions.push(PersonCard { author: Author { handle: s.handle, display_name: s.display_name }, reason: Some(reason) });
    }
    suggestions.truncate(12);
    let mut view = CoopainsView { suggestions, ..CoopainsView::default() };
    for row in store::social::my_people(&state.db, me).await? {
        let list = match row.list.as_str() {
            "coopain" => &mut view.coopains,
            "received" => &mut view.received,
            "sent" => &mut view.sent,
            _ => &mut view.blocked,
        };
        list.push(card(row.person));
    }
    Ok(view)
}
