use leptos::prelude::*;

use crate::error::AppError;
use crate::model::debates::DebateView;

/// A debate with a page of its contributions (`sort`: "soutiens" or "date"; `after`: the
/// previous page's cursor), for who may see it; not found for anyone else.
#[server]
pub async fn get_debate(id: i64, sort: Option<String>, after: Option<String>) -> Result<DebateView, AppError> {
    use crate::model::debates::{parse_contribution_cursor, DebateSort};
    use crate::server::{context, services};
    let sort = sort.as_deref().and_then(DebateSort::parse).unwrap_or(DebateSort::Supports);
    let after = after.as_deref().and_then(|raw| parse_contribution_cursor(sort, raw));
    context::serve(|state, subject| async move { services::debates::read(&state, &subject, id, sort, after).await }).await
}
