use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::ActionFormView;

/// What the creation form (no id) or the edit form of an action starts from; `decided_by`: the
/// counted vote (and one of its options, from 1) or the closed debate (and one of its
/// propositions) a new action carries out.
#[server]
pub async fn get_action_form(id: Option<i64>, decided_by: Option<crate::model::action::DecidedFrom>) -> Result<ActionFormView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::action_views::form_view(&state, &subject, id, decided_by).await }).await
}
