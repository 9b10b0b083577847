use leptos::prelude::*;

use crate::error::AppError;
use crate::model::report::SectionStatsView;

/// A section's field statistics over twelve months: its confirmed adhérents, its team and the
/// federation above.
#[server]
pub async fn get_section_statistics(slug: String) -> Result<SectionStatsView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::statistics::section(&state, &subject, &slug).await }).await
}
