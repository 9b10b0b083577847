use leptos::prelude::*;

use crate::error::AppError;

/// Whether I may start a conversation now (signed in, not restricted).
#[server]
pub async fn get_new_conversation() -> Result<bool, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::messages::may_start(&state, &subject).await }).await
}
