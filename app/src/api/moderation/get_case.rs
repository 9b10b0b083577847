use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::CaseView;

/// A case, for the moderators of its scope.
#[server]
pub async fn get_case(id: i64) -> Result<CaseView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::moderation_views::case(&state, &subject, id).await }).await
}
