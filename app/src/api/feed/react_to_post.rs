use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::PostCounts;

/// Gives or takes back a reaction without reloading the page (the form post does the same
/// without JavaScript); answers the publication's counts after the change.
#[server]
pub async fn react_to_post(post_id: i64, kind: String) -> Result<PostCounts, AppError> {
    use crate::model::ids::PostId;
    use crate::server::{context, services};
    context::serve(|state, subject| async move {
        services::posts::react(&state, &subject, PostId(post_id), &kind).await?;
        services::feed::counts(&state, &subject, &[post_id]).await?.into_iter().next().ok_or(AppError::NotFound)
    })
    .await
}
