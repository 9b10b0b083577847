use leptos::prelude::*;

use crate::error::AppError;

/// When the erasure that a cancel link names takes effect (`None`: nothing pending — cancelled
/// already, or carried out). The same for everyone: the link itself is the only credential.
#[server]
pub async fn erasure_link(token: String) -> Result<Option<i64>, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _subject| async move { services::erasure::link_effective_at(&state, &token).await }).await
}
