use leptos::prelude::*;

use crate::error::AppError;

/// The compte-rendu forms this phone should keep for the field (`public/register-sw.js` asks,
/// the service worker stores them; signing out empties its caches). A fixed address, since a
/// plain script calls it.
#[server(endpoint = "formulaires-hors-ligne")]
pub async fn get_offline_forms() -> Result<Vec<String>, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::reports::offline_forms(&state, &subject).await
    };
    context::with_status(result.await)
}
