use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::GroupView;

/// A group's page, its inside (members, a page of publications after `before`) only for those
/// the policy lets in.
#[server]
pub async fn get_group(slug: String, before: Option<i64>) -> Result<GroupView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::groups::view(&state, &subject, &slug, before, context::request_lang()).await })
        .await
}
