use leptos::prelude::*;

use crate::error::AppError;
use crate::model::profile::MyProfile;

/// The signed-in person's own profile, for the edit page.
#[server]
pub async fn get_my_profile() -> Result<MyProfile, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::profiles::my_profile(&state, &subject).await }).await
}
