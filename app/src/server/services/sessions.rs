//! Opening, resolving and closing sessions.

use crate::error::AppError;
use crate::model::ids::UserId;
use crate::server::auth::{device, session_token};
use crate::server::context::AppState;
use crate::server::db::{Db, Tx};
use crate::server::policy::{parse_roles, SessionUser, StoredPerson, Subject};
use crate::server::{now_ms, store};

/// Opens a session inside the caller's transaction and returns the cookie token.
pub async fn open_in(tx: &mut Tx, user_id: UserId) -> Result<String, sqlx::Error> {
    let token = session_token::generate();
    let now = now_ms();
    store::sessions::insert(tx, &session_token::hash(&token), user_id, now, now + session_token::LIFETIME_MS).await?;
    Ok(token)
}

/// Who is behind a cookie token, as the request will see them: the policy subject and the unread
/// notification count of the header, from one statement (`store::sessions::find_subject`).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub subject: Subject,
    pub unread_notifications: i64,
    /// Conversations with a message they have not read (the "Messages" badge).
    pub unread_conversations: i64,
    /// The consent version in force (`model::consent`): another one is asked for on every page.
    pub consent_version: Option<String>,
    /// The charter version they accepted (`model::moderation::CHARTER_VERSION`): asked again on
    /// every page when it changes.
    pub charter_version: Option<String>,
}

impl SignedIn {
    /// The signed-in person (a `SignedIn` subject always has one).
    pub fn user(&self) -> Option<&SessionUser> {
        self.subject.user.as_ref()
    }
}

/// The person behind a cookie token, sliding the session's expiry now and then.
pub async fn resolve(db: &Db, token: &str) -> Result<Option<SignedIn>, AppError> {
    resolve_from(db, token, None).await
}

/// How often a person's last visit (`users.last_seen_at`) is written.
const LAST_VISIT_EVERY_MS: i64 = crate::server::context::DAY_MS;

/// `resolve`, for a request that came with a User-Agent: the session also records the
/// approximate client it is seen with (Mon compte lists it), at its first request and whenever
/// the expiry slides.
pub async fn resolve_from(db: &Db, token: &str, user_agent: Option<&str>) -> Result<Option<SignedIn>, AppError> {
    let token_hash = session_token::hash(token);
    let now = now_ms();
    let rows = store::sessions::find_subject(db, &token_hash, now).await?;
    let Some(first) = rows.first().cloned() else {
        return Ok(None);
    };
    let client = user_agent.and_then(device::describe);
    let unknown_client = first.client.is_none() && client.is_some();
    if now - first.last_seen_at > session_token::TOUCH_EVERY_MS || unknown_client {
        let mut tx = db.begin().await?;
        store::sessions::touch(&mut tx, &token_hash, now, now + session_token::LIFETIME_MS, client.as_deref()).await?;
        tx.commit().await?;
    }
    // The person's last visit, for retention (counted in years): at most once a day.
    if first.user_last_seen_at.is_none_or(|seen| now - seen > LAST_VISIT_EVERY_MS) {
        let mut tx = db.begin().await?;
        store::sessions::seen(&mut tx, first.user_id, now).await?;
        tx.commit().await?;
    }
    let roles = parse_roles(rows.iter().filter_map(|r| Some((r.role.as_deref()?, r.scope_kind.as_deref()?, r.scope_code.as_deref()?))));
    let person = StoredPerson {
        section_id: first.section_id,
        federation_code: first.federation_code.clone(),
        membership: &first.membership,
        membership_status: &first.membership_status,
        // The statement only finds sessions of accounts that are not suspended.
        suspended: false,
        email_verified: first.email_verified_at.is_some(),
        home_lat: first.home_lat,
        home_lng: first.home_lng,
        home_name: first.home_name.clone(),
    };
    let user = SessionUser {
        id: first.user_id,
        handle: first.handle.clone(),
        display_name: first.display_name.clone(),
        section_slug: first.section_slug.clone(),
        federation_code: first.federation_code.clone(),
        token_hash,
    };
    let subject = Subject::signed_in(user, person, roles);
    Ok(Some(SignedIn {
        subject,
        unread_notifications: first.unread_notifications,
        unread_conversations: first.unread_conversations,
        consent_version: first.consent_version.clone(),
        charter_version: first.charter_version.clone(),
    }))
}

/// Closes this device's session; its open event streams end (every instance is told).
pub async fn close(state: &AppState, user: &SessionUser) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    store::sessions::delete(&mut tx, &user.token_hash).await?;
    let event = store::events::insert(&mut tx, SESSIONS_CLOSED, None, Some(user.id), now_ms()).await?;
    tx.commit().await?;
    state.bus.publish(vec![event]).await;
    Ok(())
}

/// Closes every session of the user, on every device, and the event streams they hold open.
pub async fn close_all(state: &AppState, user: &SessionUser) -> Result<u64, AppError> {
    let mut tx = state.db.begin().await?;
    let closed = store::sessions::delete_all_for_user(&mut tx, user.id).await?;
    let event = store::events::insert(&mut tx, SESSIONS_CLOSED, None, Some(user.id), now_ms()).await?;
    tx.commit().await?;
    state.bus.publish(vec![event]).await;
    Ok(closed)
}

/// The live event that makes the streams of a person re-check their session.
pub const SESSIONS_CLOSED: &str = "sessions_closed";

pub async fn purge_expired(db: &Db) -> Result<u64, AppError> {
    let mut tx = db.begin().await?;
    let removed = store::sessions::delete_expired(&mut tx, now_ms()).await?;
    tx.commit().await?;
    Ok(removed)
}
