use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::QueuePage;

/// A scope's queue (`scope`: "national", "federation-59", "section-lille", "groupe-velo"), for its
/// moderators; `after`: the keyset cursor "opened_at-id" of the previous page.
#[server]
pub async fn get_queue(scope: String, after: Option<String>) -> Result<QueuePage, AppError> {
    use crate::server::{context, services};
    let after = after.and_then(|a| {
        let (at, id) = a.split_once('_')?;
        Some((at.parse().ok()?, id.parse().ok()?))
    });
    context::serve(|state, subject| async move { services::moderation_views::queue(&state, &subject, &scope, after).await }).await
}
