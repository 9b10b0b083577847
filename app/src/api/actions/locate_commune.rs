use leptos::prelude::*;

use crate::error::AppError;
use crate::model::action::CommunePoint;

/// The reference point of the commune typed in the action form, for its map
/// (`public/field-map.js` calls it as the person types: a fixed address).
#[server(endpoint = "commune-point")]
pub async fn locate_commune(scope: String, commune: String) -> Result<Option<CommunePoint>, AppError> {
    use crate::server::{context, services};
    let result = async {
        let state = context::app_state()?;
        let subject = context::subject().await?;
        services::actions::commune_point(&state, &subject, &scope, &commune).await
    };
    context::with_status(result.await)
}
