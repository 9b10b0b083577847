use leptos::prelude::*;

use crate::error::AppError;
use crate::model::documents::ToolboxPage;

/// `/boite-a-outils`: what the reader may read in their section's, federation's and the national
/// toolbox, searched by title (`q`), tag or category; `before`: the cursor ("updated-id").
#[server]
pub async fn get_toolbox(
    q: Option<String>,
    tag: Option<String>,
    category: Option<String>,
    before: Option<String>,
) -> Result<ToolboxPage, AppError> {
    use crate::model::documents::parse_cursor;
    use crate::server::{context, services};
    let before = before.as_deref().and_then(parse_cursor);
    context::serve(|state, subject| async move {
        services::documents::toolbox(
            &state,
            &subject,
            q.as_deref().unwrap_or_default(),
            tag.as_deref().unwrap_or_default(),
            category.as_deref().unwrap_or_default(),
            before,
        )
        .await
    })
    .await
}
