use leptos::prelude::*;

use crate::error::AppError;
use crate::model::announcements::AnnouncementsPage;

/// A section's (`kind` "section", its slug) or federation's ("federation", its code) annonces
/// page: for its team (who may write) and the scope above (who reads what was sent). `before`:
/// the history's cursor ("time-id").
#[server]
pub async fn get_announcements(kind: String, code: String, before: Option<String>) -> Result<AnnouncementsPage, AppError> {
    use crate::model::announcements::TeamScope;
    use crate::model::messages::parse_list_cursor;
    use crate::server::{context, services};
    let scope = match kind.as_str() {
        "section" => TeamScope::Section(code),
        "federation" => TeamScope::Federation(code),
        _ => return Err(AppError::NotFound),
    };
    let before = before.as_deref().and_then(parse_list_cursor);
    context::serve(|state, subject| async move { services::announcements::page(&state, &subject, &scope, before).await }).await
}
