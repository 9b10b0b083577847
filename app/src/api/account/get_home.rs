use leptos::prelude::*;

use crate::error::AppError;
use crate::model::home::HomeView;

/// The signed-in person's home: next actions, actions near them, section news, notifications.
#[server]
pub async fn get_home() -> Result<HomeView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::home::home(&state, &subject).await }).await
}
