use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::SectionView;

/// A section's page; the directory, newcomers and audit log only for those the policy allows.
#[server]
pub async fn get_section(slug: String) -> Result<SectionView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::sections::section_view(&state, &subject, &slug).await }).await
}
