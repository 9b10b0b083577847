use leptos::prelude::*;

use crate::error::AppError;

/// The "Messages" badge's count: conversations with a message I have not read (0 for visitors).
#[server]
pub async fn get_unread_conversations() -> Result<i64, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::messages::unread(&state, &subject).await }).await
}
