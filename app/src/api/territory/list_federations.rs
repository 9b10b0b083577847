use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::FederationRef;

/// Every federation (one per département), public.
#[server]
pub async fn list_federations() -> Result<Vec<FederationRef>, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        services::sections::federations(&state).await
    };
    context::with_status(result.await)
}
