use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::NotificationsPage;

/// My latest notifications and the unread count.
#[server]
pub async fn get_notifications() -> Result<NotificationsPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::notifications::page(&state, &subject).await }).await
}
