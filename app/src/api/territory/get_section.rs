use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::SectionView;

/// A section's page; the directory, newcomers and audit log only for those the policy allows.
#[server]
pub async fn get_section(slug: String) -> Result<SectionView, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::sections::section_view(&state, &subject, &slug).await
    };
    context::with_status(result.await)
}
