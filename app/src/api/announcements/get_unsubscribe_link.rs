use leptos::prelude::*;

use crate::error::AppError;
use crate::model::announcements::UnsubscribeLink;

/// Whether an annonce mail's unsubscribe link is good (no sign-in: the link is the proof).
#[server]
pub async fn get_unsubscribe_link(token: String) -> Result<UnsubscribeLink, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _subject| async move { services::announcements::unsubscribe_link(&state, &token).await }).await
}
