//! References to a commune, a section, a federation or either of the last two: how one DTO
//! names another place. Their own module, so that the model's files (actions, profiles,
//! territory) share them without importing one another.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneRef {
    pub insee: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRef {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FederationRef {
    pub code: String,
    pub name: String,
}

/// Who organizes or owns something: a section or a federation. Named for people by one function,
/// `TerritoryTexts::scope_name`: a section's display name as it is ("Section de Lille"), a
/// federation as "Fédération Nord (59)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScopeRef {
    Section(SectionRef),
    Federation(FederationRef),
}

impl ScopeRef {
    /// Its page.
    pub fn href(&self) -> String {
        match self {
            ScopeRef::Section(s) => format!("/sections/{}", s.slug),
            ScopeRef::Federation(f) => format!("/federations/{}", f.code),
        }
    }
}
