use leptos::prelude::*;

use crate::error::AppError;
use crate::model::messages::ConversationsPage;

/// My conversations, most recent first; `before` ("time-id", from the list's own "plus
/// anciennes" link) gives an older page.
#[server]
pub async fn get_conversations(before: Option<String>) -> Result<ConversationsPage, AppError> {
    use crate::server::{context, services};
    let before = before.as_deref().and_then(crate::model::messages::parse_list_cursor);
    context::serve(|state, subject| async move { services::messages::list(&state, &subject, before).await }).await
}
