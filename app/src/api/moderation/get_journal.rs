use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::JournalPage;

/// A scope's journal de modération and statistics, for its members (the national one: everyone).
#[server]
pub async fn get_journal(scope: String, before: Option<i64>) -> Result<JournalPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::moderation_views::journal(&state, &subject, &scope, before).await }).await
}
