use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::MyActionsPage;

/// "Mes actions": what I answered or organize, upcoming then past (`older`: the keyset cursor of
/// the past ones, empty for the first page).
#[server]
pub async fn get_my_actions(older: String) -> Result<MyActionsPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::action_views::mine(&state, &subject, &older).await }).await
}
