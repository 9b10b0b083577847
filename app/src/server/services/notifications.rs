//! The notifications page, the unread count and marking as read.

use crate::error::AppError;
use crate::model::feed::{Author, NotificationKind, NotificationView, NotificationsPage};
use crate::model::ids::{ActionId, UserId};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::policy::Subject;
use crate::server::store::{events::EventRow, notifications::NewNotification};
use crate::server::{now_ms, store};

const PAGE: i64 = 50;

/// Writes a notification inside the change's transaction, with the live event that will tell
/// its recipient (announced after commit by the caller).
pub async fn notify(tx: &mut Tx, events: &mut Vec<EventRow>, notification: &NewNotification) -> Result<(), AppError> {
    store::notifications::insert(tx, notification).await?;
    events.push(store::events::insert(tx, "notification", None, Some(notification.user_id), notification.now_ms).await?);
    Ok(())
}

/// Tells `users` about an action, inside the change's transaction (announced after commit).
pub async fn notify_action(
    tx: &mut Tx,
    events: &mut Vec<EventRow>,
    users: &[UserId],
    kind: NotificationKind,
    actor: Option<UserId>,
    action_id: ActionId,
    now: i64,
) -> Result<(), AppError> {
    for &user in users {
        if Some(user) == actor {
            continue;
        }
        store::notifications::insert_for_action(tx, user, kind, actor, action_id, now).await?;
        events.push(store::events::insert(tx, "notification", None, Some(user), now).await?);
    }
    Ok(())
}

pub async fn page(state: &AppState, subject: &Subject) -> Result<NotificationsPage, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let items = latest(state, me, PAGE).await?;
    Ok(NotificationsPage { items, unread: store::notifications::unread_count(&state.db, me).await? })
}

/// A person's latest notifications, newest first, each with the page it leads to.
pub async fn latest(state: &AppState, me: UserId, limit: i64) -> Result<Vec<NotificationView>, AppError> {
    Ok(views(store::notifications::for_user(&state.db, me, None, limit).await?))
}

/// What a person is shown of their notification rows.
pub fn views(rows: Vec<store::notifications::NotificationRow>) -> Vec<NotificationView> {
    rows.into_iter()
        .filter_map(|n| {
            let kind = NotificationKind::parse(&n.kind)?;
            let link = if let Some(announcement) = n.announcement_id {
                format!("/annonces/{announcement}")
            } else if let Some(vote) = n.vote_id {
                crate::model::votes::VoteView::path(vote)
            } else if let Some(decision) = n.decision_id {
                format!("/moderation/decisions/{decision}")
            } else if let Some(action) = n.action_id {
                format!("/actions/{action}")
            } else {
                match (n.post_id, &n.group_slug, &n.actor_handle) {
                    (Some(post), _, _) => match n.comment_id {
                        Some(c) => format!("/publications/{post}#commentaire-{c}"),
                        None => format!("/publications/{post}"),
                    },
                    (None, Some(slug), _) => format!("/groupes/{slug}"),
                    (None, None, Some(_)) if kind == NotificationKind::CoopainRequest => "/coopains".to_string(),
                    (None, None, Some(handle)) => format!("/membres/{handle}"),
                    _ => "/notifications".to_string(),
                }
            };
            Some(NotificationView {
                id: n.id.get(),
                kind,
                actor: n.actor_handle.zip(n.actor_name).map(|(handle, display_name)| Author { handle, display_name }),
                count: n.count,
                link,
                group_name: n.group_name,
                decision: n.decision_kind.zip(n.decision_rule),
                created_at_ms: n.created_at,
                unread: n.read_at.is_none(),
            })
        })
        .collect()
}

pub async fn unread(state: &AppState, subject: &Subject) -> Result<i64, AppError> {
    match subject.id() {
        Some(me) => Ok(store::notifications::unread_count(&state.db, me).await?),
        None => Ok(0),
    }
}

/// Marks one notification (or all of them) as read; announces the new count to my other tabs.
pub async fn mark_read(state: &AppState, subject: &Subject, id: Option<i64>) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let now = now_ms();
    let changed = store::notifications::mark_read(&mut tx, me, id, now).await?;
    let events = if changed > 0 { vec![store::events::insert(&mut tx, "notification", None, Some(me), now).await?] } else { Vec::new() };
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}
