use leptos::prelude::*;

use crate::error::AppError;
use crate::model::consent::ConsentsView;

/// "Mes consentements": what the person agreed to, when, to which text; whether the current text
/// waits for an answer.
#[server]
pub async fn get_my_consents() -> Result<ConsentsView, AppError> {
    use crate::server::{context, services};
    let lang = context::request_lang();
    context::serve(|state, subject| async move { services::consents::view(&state, &subject, lang).await }).await
}
