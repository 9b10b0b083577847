use leptos::prelude::*;

use crate::error::AppError;

/// The unread notification count (0 for visitors).
#[server]
pub async fn get_unread_count() -> Result<i64, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::notifications::unread(&state, &subject).await
    };
    context::with_status(result.await)
}
