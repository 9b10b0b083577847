use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::FindSectionAnswer;

/// "Trouver ma section": public, like a map of the party.
#[server]
pub async fn find_section(postal_code: String) -> Result<FindSectionAnswer, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _anyone| async move { services::find_section::find(&state, &postal_code).await }).await
}
