use leptos::prelude::*;

use crate::error::AppError;
use crate::model::profile::ProfileView;

/// A member's profile, filtered field by field by the policy for whoever is asking.
#[server]
pub async fn get_member_profile(handle: String) -> Result<ProfileView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::profiles::member_profile(&state, &subject, &handle).await }).await
}
