use leptos::prelude::*;

use crate::error::AppError;

/// Whether a link to set a new password can still be used (the page says so before the person
/// types). The same for everyone: the link itself is the only credential.
#[server]
pub async fn reset_link_valid(token: String) -> Result<bool, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _subject| async move { services::recovery::link_is_valid(&state, &token).await }).await
}
