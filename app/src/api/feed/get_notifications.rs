use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::NotificationsPage;

/// My latest notifications and the unread count.
#[server]
pub async fn get_notifications() -> Result<NotificationsPage, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::notifications::page(&state, &subject).await
    };
    context::with_status(result.await)
}
