use leptos::prelude::*;

use crate::error::AppError;
use crate::model::account::AccountView;

/// "Mon compte": the person's address (and one waiting for its link) and signed-in devices.
#[server]
pub async fn get_my_account() -> Result<AccountView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::account::view(&state, &subject).await }).await
}
