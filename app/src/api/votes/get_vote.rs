use leptos::prelude::*;

use crate::error::AppError;
use crate::model::votes::VoteView;

/// A vote, for its electorate, its scope's people and teams; not found for anyone else.
#[server]
pub async fn get_vote(id: i64) -> Result<VoteView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::votes::read(&state, &subject, id).await }).await
}
