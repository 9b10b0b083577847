use leptos::prelude::*;

use crate::error::AppError;
use crate::model::profile::MyProfile;

/// The signed-in person's own profile, for the edit page.
#[server]
pub async fn get_my_profile() -> Result<MyProfile, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::profiles::my_profile(&state, &subject).await
    };
    context::with_status(result.await)
}
