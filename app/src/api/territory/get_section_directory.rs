use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::SectionDirectory;

/// A page of a section's directory (`after`: the last member of the previous page), searched
/// by name or handle; for those the policy lets see the directory.
#[server]
pub async fn get_section_directory(slug: String, search: String, after: Option<i64>) -> Result<SectionDirectory, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::sections::section_directory(&state, &subject, &slug, &search, after).await })
        .await
}
