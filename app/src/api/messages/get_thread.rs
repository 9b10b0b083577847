use leptos::prelude::*;

use crate::error::AppError;
use crate::model::messages::ThreadPage;

/// A conversation I may read: its newest messages (which marks it read), or those before
/// `before`. Not found for anyone else, whatever the reason.
#[server]
pub async fn get_thread(id: i64, before: Option<i64>) -> Result<ThreadPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::messages::thread(&state, &subject, id, before).await }).await
}
