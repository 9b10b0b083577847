use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::ActionFormView;

/// What the creation form (no id) or the edit form of an action starts from; `vote` (and one of
/// its options, from 1): the counted vote a new action carries out.
#[server]
pub async fn get_action_form(id: Option<i64>, vote: Option<i64>, option: Option<usize>) -> Result<ActionFormView, AppError> {
    use crate::server::{context, services};
    let decided_by = vote.map(|v| (v, option));
    context::serve(|state, subject| async move { services::action_views::form_view(&state, &subject, id, decided_by).await }).await
}
