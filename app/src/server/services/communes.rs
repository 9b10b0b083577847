//! Turning what people type (postal codes, INSEE codes) into communes.

use crate::error::AppError;
use crate::model::form::FieldError;
use crate::server::db::Db;
use crate::server::store::{self, territory::CommuneRow};

/// The commune a person lives in, from their postal code and — when several communes share it —
/// their choice among them. Errors name the field to fix.
pub async fn home_commune(db: &Db, postal_code: &str, chosen_insee: &str) -> Result<Result<CommuneRow, (&'static str, FieldError)>, AppError> {
    let mut candidates = store::territory::communes_by_postal_code(db, postal_code).await?;
    Ok(match candidates.len() {
        0 => Err(("postal_code", FieldError::UnknownPostalCode)),
        1 => match candidates.pop() {
            Some(only) => Ok(only),
            None => return Err(AppError::Internal),
        },
        _ => match candidates.iter().find(|c| c.insee == chosen_insee) {
            Some(c) => Ok(c.clone()),
            None => Err((
                "commune",
                FieldError::ChooseCommune { options: candidates.into_iter().map(|c| (c.insee, c.name)).collect() },
            )),
        },
    })
}

/// Resolves one line of a section's commune list: an INSEE code, or a postal code shared by
/// exactly one commune.
pub async fn resolve_entry(db: &Db, entry: &str) -> Result<Result<CommuneRow, FieldError>, AppError> {
    let entry = entry.trim().to_string();
    if let Some(commune) = store::territory::commune(db, &entry.to_ascii_uppercase()).await? {
        return Ok(Ok(commune));
    }
    let mut candidates = store::territory::communes_by_postal_code(db, &entry).await?;
    Ok(match (candidates.pop(), candidates.is_empty()) {
        (None, _) => Err(FieldError::UnknownCommune { entry }),
        (Some(only), true) => Ok(only),
        (Some(last), false) => {
            candidates.push(last);
            Err(FieldError::AmbiguousCommuneEntry { entry, options: candidates.into_iter().map(|c| (c.insee, c.name)).collect() })
        }
    })
}
