use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::DecisionView;

/// A decision and its appeal: for the person concerned and the moderators who decide.
#[server]
pub async fn get_decision(id: i64) -> Result<DecisionView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::moderation_views::decision(&state, &subject, id).await }).await
}
