use leptos::prelude::*;

use crate::error::AppError;
use crate::model::territory::FederationView;

/// A federation's page; private parts only for its responsables (decided by the policy).
#[server]
pub async fn get_federation(code: String) -> Result<FederationView, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::sections::federation_view(&state, &subject, &code).await }).await
}
