use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::ActionFormView;

/// What the creation form (no id) or the edit form of an action starts from.
#[server]
pub async fn get_action_form(id: Option<i64>) -> Result<ActionFormView, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::action_views::form_view(&state, &subject, id).await
    };
    context::with_status(result.await)
}
