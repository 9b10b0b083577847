use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::ActionFormView;

/// What the creation form (no id) or the edit form of an action starts from.
#[server]
pub async fn get_action_form(id: Option<i64>) -> Result<ActionFormView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::action_views::form_view(&state, &subject, id).await }).await
}
