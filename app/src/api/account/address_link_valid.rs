use leptos::prelude::*;

use crate::error::AppError;

/// Whether a link that proves an address can still be used (the page says so before the person
/// confirms). The same for everyone: the link itself is the only credential.
#[server]
pub async fn address_link_valid(token: String) -> Result<bool, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _subject| async move { services::address::link_is_valid(&state, &token).await }).await
}
