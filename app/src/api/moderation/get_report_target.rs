use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::ReportTarget;

/// The item a report form is about (`kind`: "publication", "commentaire", "profil", "groupe",
/// "action"), if the viewer sees it and may report it.
#[server]
pub async fn get_report_target(kind: String, key: String) -> Result<ReportTarget, AppError> {
    use crate::model::moderation::ItemKind;
    use crate::server::{context, services};
    let kind = ItemKind::from_slug(&kind).ok_or(AppError::NotFound)?;
    context::serve(|state, subject| async move { services::moderation_views::report_target(&state, &subject, kind, &key).await }).await
}
