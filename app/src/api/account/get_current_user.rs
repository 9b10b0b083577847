use leptos::prelude::*;

use crate::error::AppError;
use crate::model::user::CurrentUser;

/// Who is signed in on this request (nobody → `None`), with their unread notification count.
/// The middleware loaded the session and the count with it (`sessions::resolve`): no statement
/// here; the count is read again only if the request came without it. Loaded once per page,
/// before anything else (see `App`): resources created later inside `Suspend` blocks could be
/// numbered differently on the server and in the browser.
#[server]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    use crate::server::{context, services};
    let subject = context::subject();
    let Some(user) = subject.active_user().cloned() else {
        return Ok(None);
    };
    let unread_notifications = match context::unread_notifications() {
        Some(count) => count,
        None => {
            // A failed count must not make the page look signed out: show no badge, the stream fixes it.
            match context::app_state() {
                Ok(state) => services::notifications::unread(&state, &subject).await.unwrap_or(0),
                Err(_) => 0,
            }
        }
    };
    Ok(Some(CurrentUser {
        id: user.id.get(),
        handle: user.handle,
        display_name: user.display_name,
        section_slug: user.section_slug,
        federation_code: user.federation_code,
        email_verified: subject.belonging.email_verified,
        consent_due: context::consent_due(),
        charter_due: context::charter_due(),
        unread_notifications,
        // Counted with the session; a request that came without it shows no badge (the stream fixes it).
        unread_conversations: context::unread_conversations().unwrap_or(0),
    }))
}
