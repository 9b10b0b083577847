use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::PostCounts;

/// Live counts (comments, reactions) of publications the viewer may see; others are left out.
#[server]
pub async fn get_post_counts(ids: Vec<i64>) -> Result<Vec<PostCounts>, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::feed::counts(&state, &subject, &ids).await }).await
}
