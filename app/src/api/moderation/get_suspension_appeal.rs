use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::DecisionView;

/// A suspension and its appeal form, through the link of the suspension's e-mail (the person
/// cannot sign in; the link names them).
#[server]
pub async fn get_suspension_appeal(token: String) -> Result<DecisionView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _| async move { services::moderation_views::suspension_by_link(&state, &token).await }).await
}
