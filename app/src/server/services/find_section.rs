//! "Trouver ma section": the communes of a postal code, each with its section or federation.

use std::collections::HashMap;

use crate::error::AppError;
use crate::model::account::PostalCode;
use crate::model::territory::{CommuneMatch, CommuneRef, FederationRef, FindSectionAnswer, SectionRef};
use crate::server::context::AppState;
use crate::server::store;

/// At most three statements: communes of the code, the sections covering them, their federations.
pub async fn find(state: &AppState, raw_postal_code: &str) -> Result<FindSectionAnswer, AppError> {
    if raw_postal_code.trim().is_empty() {
        return Ok(FindSectionAnswer::Empty);
    }
    let Ok(code) = PostalCode::parse(raw_postal_code) else {
        return Ok(FindSectionAnswer::Invalid);
    };
    let db = &state.db;
    let communes = store::territory::communes_by_postal_code(db, code.as_str()).await?;
    if communes.is_empty() {
        return Ok(FindSectionAnswer::Unknown);
    }
    let insee: Vec<String> = communes.iter().map(|c| c.insee.clone()).collect();
    let sections: HashMap<String, SectionRef> = store::sections::covering_read(db, &insee)
        .await?
        .into_iter()
        .map(|s| (s.insee, SectionRef { slug: s.slug, name: s.name }))
        .collect();
    let mut federations: HashMap<String, String> = HashMap::new();
    for c in &communes {
        if !federations.contains_key(&c.departement_code) {
            let name = store::territory::departement(db, &c.departement_code).await?.map(|d| d.name).unwrap_or_default();
            federations.insert(c.departement_code.clone(), name);
        }
    }
    Ok(FindSectionAnswer::Found(
        communes
            .into_iter()
            .map(|c| CommuneMatch {
                section: sections.get(&c.insee).cloned(),
                federation: FederationRef { name: federations.get(&c.departement_code).cloned().unwrap_or_default(), code: c.departement_code },
                commune: CommuneRef { insee: c.insee, name: c.name },
            })
            .collect(),
    ))
}
