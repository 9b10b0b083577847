use leptos::prelude::*;

use crate::error::AppError;
use crate::model::messages::StartAbility;

/// Whether I may start a conversation now (a proven address, no restriction), or why not.
#[server]
pub async fn get_new_conversation() -> Result<StartAbility, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::messages::may_start(&state, &subject).await }).await
}
