use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::{ActionFilters, ActionsPage};

/// Upcoming actions near the reader (or near a postal code, or a position), with filters.
#[server]
pub async fn get_actions(filters: ActionFilters) -> Result<ActionsPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::action_views::list(&state, &subject, filters).await }).await
}
