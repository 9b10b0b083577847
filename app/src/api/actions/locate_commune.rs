use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::CommunePoint;

/// The reference point of the commune typed in the action form, for its map
/// (`public/field-map.js` calls it as the person types: a fixed address).
#[server(endpoint = "commune-point")]
pub async fn locate_commune(scope: String, commune: String) -> Result<Option<CommunePoint>, AppError> {
    use crate::server::{context, services};
    context::serve(|state, subject| async move { services::actions::commune_point(&state, &subject, &scope, &commune).await }).await
}
