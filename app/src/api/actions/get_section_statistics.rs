use leptos::prelude::*;

use crate::error::AppError;
use crate::model::report::SectionStatsView;

/// A section's field statistics over twelve months: its confirmed adhérents, its team and the
/// federation above.
#[server]
pub async fn get_section_statistics(slug: String) -> Result<SectionStatsView, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::statistics::section(&state, &subject, &slug).await
    };
    context::with_status(result.await)
}
