use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::ActionView;

/// One action, as the policy lets this reader see it (404 otherwise).
#[server]
pub async fn get_action(id: i64) -> Result<ActionView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::action_views::view(&state, &subject, crate::model::ids::ActionId(id)).await })
        .await
}
