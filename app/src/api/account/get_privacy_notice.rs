use leptos::prelude::*;

use crate::error::AppError;
use crate::model::privacy::PrivacyNotice;

/// The privacy notice of `/confidentialite`, from the running configuration (public).
#[server]
pub async fn get_privacy_notice() -> Result<PrivacyNotice, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _subject| async move { Ok(services::privacy::notice(&state.settings)) }).await
}
