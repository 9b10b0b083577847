use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::GroupSummary;

/// Every thematic group (counts of private groups only for their members).
#[server]
pub async fn list_groups() -> Result<Vec<GroupSummary>, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::groups::list(&state, &subject).await }).await
}
