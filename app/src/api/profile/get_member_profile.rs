use leptos::prelude::*;

use crate::error::AppError;
use crate::model::profile::ProfileView;

/// A member's profile, filtered field by field by the policy for whoever is asking.
#[server]
pub async fn get_member_profile(handle: String) -> Result<ProfileView, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::profiles::member_profile(&state, &subject, &handle).await
    };
    context::with_status(result.await)
}
