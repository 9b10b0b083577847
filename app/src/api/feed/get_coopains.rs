use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::CoopainsView;

/// My coopains, requests both ways, suggestions and the people I blocked.
#[server]
pub async fn get_coopains() -> Result<CoopainsView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::social::coopains_view(&state, &subject).await }).await
}
