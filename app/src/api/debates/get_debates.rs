use leptos::prelude::*;

use crate::error::AppError;
use crate::model::debates::DebatesPage;

/// `/debats`: the debates of the person's section, federation and groups, and public ones.
/// `before`: the list's cursor ("time-id").
#[server]
pub async fn get_debates(before: Option<String>) -> Result<DebatesPage, AppError> {
    use crate::model::messages::parse_list_cursor;
    use crate::server::{context, services};
    let before = before.as_deref().and_then(parse_list_cursor);
    context::serve(|state, subject| async move { services::debates::listed_page(&state, &subject, before).await }).await
}

/// A section's (`kind` "section", its slug), federation's ("federation", its code) or group's
/// ("group", its slug) debates; the opening (or proposing) form for who may.
#[server]
pub async fn get_scope_debates(kind: String, code: String, before: Option<String>) -> Result<DebatesPage, AppError> {
    use crate::model::debates::DebateScope;
    use crate::model::messages::parse_list_cursor;
    use crate::server::{context, services};
    let scope = DebateScope::from_route(&kind, code).ok_or(AppError::NotFound)?;
    let before = before.as_deref().and_then(parse_list_cursor);
    context::serve(|state, subject| async move { services::debates::scope_page(&state, &subject, &scope, before).await }).await
}
