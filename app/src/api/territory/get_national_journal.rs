use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::AuditEntry;

/// The national journal (first admin, operator grants, suspensions): national admins only.
#[server]
pub async fn get_national_journal() -> Result<Vec<AuditEntry>, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::sections::national_journal(&state, &subject).await }).await
}
