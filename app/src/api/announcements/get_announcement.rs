use leptos::prelude::*;

use crate::error::AppError;
use crate::model::announcements::AnnouncementView;

/// An annonce, for its recipients and its scope's team; not found for anyone else.
#[server]
pub async fn get_announcement(id: i64) -> Result<AnnouncementView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::announcements::read(&state, &subject, id).await }).await
}
