use leptos::prelude::*;

use crate::error::AppError;
use crate::model::documents::DocumentPage;

/// One document with its versions, for who may read it; not found for anyone else.
#[server]
pub async fn get_document(id: i64) -> Result<DocumentPage, AppError> {
    use crate::model::ids::DocumentId;
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::documents::page(&state, &subject, DocumentId(id)).await }).await
}
