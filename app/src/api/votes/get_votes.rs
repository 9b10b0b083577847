use leptos::prelude::*;

use crate::error::AppError;
use crate::model::votes::VotesPage;

/// A section's (`kind` "section", its slug) or federation's ("federation", its code) votes, for
/// its people and teams; the team gets the opening form (pre-filled from a debate's selected
/// propositions with `debate`). `before`: the list's cursor ("time-id").
#[server]
pub async fn get_votes(kind: String, code: String, before: Option<String>, debate: Option<i64>) -> Result<VotesPage, AppError> {
    use crate::model::announcements::TeamScope;
    use crate::model::messages::parse_list_cursor;
    use crate::server::{context, services};
    let scope = match kind.as_str() {
        "section" => TeamScope::Section(code),
        "federation" => TeamScope::Federation(code),
        _ => return Err(AppError::NotFound),
    };
    let before = before.as_deref().and_then(parse_list_cursor);
    context::serve(|state, subject| async move { services::votes::page(&state, &subject, &scope, before, debate).await }).await
}
