use leptos::prelude::*;

use crate::error::AppError;
use crate::model::documents::NewDocumentPage;

/// The form that adds a document: the toolboxes this person fills.
#[server]
pub async fn get_new_document() -> Result<NewDocumentPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::documents::new_page(&state, &subject).await }).await
}
