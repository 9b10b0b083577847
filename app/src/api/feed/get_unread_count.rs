use leptos::prelude::*;

use crate::error::AppError;

/// The unread notification count (0 for visitors).
#[server]
pub async fn get_unread_count() -> Result<i64, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::notifications::unread(&state, &subject).await }).await
}
