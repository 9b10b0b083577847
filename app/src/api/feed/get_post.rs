use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::PostPage;

/// A publication with its comments and who reacted, if the viewer may see it.
#[server]
pub async fn get_post(id: i64) -> Result<PostPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::feed::post_page(&state, &subject, crate::model::ids::PostId(id)).await }).await
}
