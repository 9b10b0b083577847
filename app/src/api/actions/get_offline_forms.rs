use leptos::prelude::*;

use crate::error::AppError;

/// The compte-rendu forms this phone should keep for the field (`public/register-sw.js` asks,
/// the service worker stores them; signing out empties its caches). A fixed address, since a
/// plain script calls it.
#[server(endpoint = "formulaires-hors-ligne")]
pub async fn get_offline_forms() -> Result<Vec<String>, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::reports::offline_forms(&state, &subject).await }).await
}
