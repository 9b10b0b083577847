use leptos::prelude::*;

use crate::error::AppError;
use crate::model::profile::MyProfile;

/// The signed-in person's own profile, for the edit page.
#[server]
pub async fn get_my_profile() -> Result<MyProfile, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let user = context::require_user()?;
        services::profiles::my_profile(&state, &user).await
    };
    context::with_status(result.await)
}
