use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::GroupView;

/// A group's page, its inside (members, a page of publications after `before`) only for those
/// the policy lets in.
#[server]
pub async fn get_group(slug: String, before: Option<i64>) -> Result<GroupView, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::groups::view(&state, &subject, &slug, before, context::request_lang()).await
    };
    context::with_status(result.await)
}
