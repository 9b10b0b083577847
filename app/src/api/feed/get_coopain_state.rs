use leptos::prelude::*;

use crate::error::AppError;
use crate::model::feed::CoopainState;

/// How the viewer relates to a member (None for visitors), for the buttons on their page.
#[server]
pub async fn get_coopain_state(handle: String) -> Result<Option<CoopainState>, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        let other = crate::server::store::users::by_handle(&state.db, &handle)
            .await?
            .filter(|u| u.suspended_at.is_none())
            .ok_or(AppError::NotFound)?;
        services::social::state_with(&state, &subject, other.id).await
    };
    context::with_status(result.await)
}
