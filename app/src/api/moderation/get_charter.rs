use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::CharterView;

/// The charter's version in force and whether the viewer accepted it.
#[server]
pub async fn get_charter() -> Result<CharterView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::moderation_views::charter(&state, &subject).await }).await
}
