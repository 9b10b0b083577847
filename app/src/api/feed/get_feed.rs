use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::{FeedKey, FeedPage};

/// One page of a feed (home, section, federation, group, member, hashtag), newest first.
#[server]
pub async fn get_feed(key: FeedKey, before: Option<i64>) -> Result<FeedPage, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::feed::feed_page(&state, &subject, key, before, context::request_lang()).await })
        .await
}
