use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::AuditEntry;

/// The national journal (first admin, operator grants, suspensions): national admins only.
#[server]
pub async fn get_national_journal() -> Result<Vec<AuditEntry>, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::sections::national_journal(&state, &subject).await
    };
    context::with_status(result.await)
}
