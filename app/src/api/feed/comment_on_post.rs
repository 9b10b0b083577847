use leptos::prelude::*;

use crate::error::AppError;

/// Comments (or replies, with `parent`) without reloading the page (the form post does the same
/// without JavaScript, and shows refusals with what was typed); answers the comment's id.
#[server]
pub async fn comment_on_post(post_id: i64, comment: String, parent: Option<i64>) -> Result<i64, AppError> {
    use crate::model::form::RawForm;
    use crate::model::ids::{CommentId, PostId};
    use crate::server::{context, services};
    context::serve(|state, subject| async move {
        let mut form = vec![("comment".to_string(), comment)];
        form.extend(parent.map(|p| ("parent".to_string(), p.to_string())));
        services::posts::comment(&state, &subject, PostId(post_id), &RawForm(form)).await.map(CommentId::get)
    })
    .await
}
