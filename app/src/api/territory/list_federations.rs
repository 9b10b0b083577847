use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::FederationRef;

/// Every federation (one per département), public.
#[server]
pub async fn list_federations() -> Result<Vec<FederationRef>, AppError> {
    use crate::server::{context, services};
    context::serve(|state, _anyone| async move { services::sections::federations(&state).await }).await
}
