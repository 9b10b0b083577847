use leptos::prelude::*;

use crate::error::AppError;
use crate::model::moderation::MyQueues;

/// The queues the viewer moderates, with how many cases wait in each.
#[server]
pub async fn get_my_queues() -> Result<MyQueues, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::moderation_views::my_queues(&state, &subject).await }).await
}
