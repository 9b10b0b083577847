use leptos::prelude::*;

use crate::error::AppError;
use crate::model::report::ReportFormView;

/// The compte-rendu form of an action that has started, for its organizers, its team and the
/// people who had a place; with a fresh idempotency key.
#[server]
pub async fn get_report_form(id: i64) -> Result<ReportFormView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::reports::form_view(&state, &subject, crate::model::ids::ActionId(id)).await })
        .await
}
