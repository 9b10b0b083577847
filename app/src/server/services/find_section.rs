//! "Trouver ma section": the communes of a postal code, each with its section or federation.

use crate::error::AppError;
use crate::model::account::PostalCode;
use crate::model::territory::{CommuneMatch, CommuneRef, FederationRef, FindSectionAnswer, SectionRef};
use crate::server::context::AppState;
use crate::server::store;

/// One statement: the communes of the code, each with its federation and section.
pub async fn find(state: &AppState, raw_postal_code: &str) -> Result<FindSectionAnswer, AppError> {
    if raw_postal_code.trim().is_empty() {
        return Ok(FindSectionAnswer::Empty);
    }
    let Ok(code) = PostalCode::parse(raw_postal_code) else {
        return Ok(FindSectionAnswer::Invalid);
    };
    let rows = store::territory::find_by_postal_code(&state.db, code.as_str()).await?;
    if rows.is_empty() {
        return Ok(FindSectionAnswer::Unknown);
    }
    Ok(FindSectionAnswer::Found(
        rows.into_iter()
            .map(|r| CommuneMatch {
                section: r.section_slug.zip(r.section_name).map(|(slug, name)| SectionRef { slug, name }),
                federation: FederationRef { code: r.departement_code, name: r.federation_name },
                commune: CommuneRef { insee: r.insee, name: r.name },
            })
            .collect(),
    ))
}
