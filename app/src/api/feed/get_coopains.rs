use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::CoopainsView;

/// My coopains, requests both ways, suggestions and the people I blocked.
#[server]
pub async fn get_coopains() -> Result<CoopainsView, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::social::coopains_view(&state, &subject).await
    };
    context::with_status(result.await)
}
