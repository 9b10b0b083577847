//! A team's space (a section or a federation) as the services that act in its name find it:
//! annonces and votes.

use crate::error::AppError;
use crate::model::announcements::TeamScope;
use crate::server::context::AppState;
use crate::server::policy::announcements::ScopeFacts;
use crate::server::policy::SectionScope;
use crate::server::store;
use crate::server::store::members::Area;

/// A scope as found: what the rules, the queries and the mails need.
pub struct FoundScope {
    pub facts: ScopeFacts,
    pub kind: &'static str,
    pub code: String,
    pub name: String,
    pub section_id: Option<i64>,
    pub federation_code: String,
}

impl FoundScope {
    pub fn area(&self) -> Area<'_> {
        match self.section_id {
            Some(id) => Area::Section(id),
            None => Area::Federation(&self.federation_code),
        }
    }

    /// "la section Lille", "la fédération Nord".
    pub fn named(&self) -> String {
        match self.section_id {
            Some(_) => format!("la section {}", self.name),
            None => format!("la fédération {}", self.name),
        }
    }

    pub fn title(&self) -> String {
        match self.section_id {
            Some(_) => format!("Section {}", self.name),
            None => format!("Fédération {}", self.name),
        }
    }
}

pub async fn find(state: &AppState, scope: &TeamScope) -> Result<FoundScope, AppError> {
    match scope {
        TeamScope::Section(slug) => {
            let s = store::sections::by_slug(&state.db, &slug.to_lowercase()).await?.ok_or(AppError::NotFound)?;
            Ok(FoundScope {
                facts: ScopeFacts::Section(SectionScope { id: s.id, federation_code: s.federation_code.clone() }),
                kind: "section",
                code: s.id.to_string(),
                name: s.name,
                section_id: Some(s.id.get()),
                federation_code: s.federation_code,
            })
        }
        TeamScope::Federation(code) => {
            let d = store::territory::departement(&state.db, &code.to_uppercase()).await?.ok_or(AppError::NotFound)?;
            Ok(FoundScope {
                facts: ScopeFacts::Federation(d.code.clone()),
                kind: "federation",
                code: d.code.clone(),
                name: d.name,
                section_id: None,
                federation_code: d.code,
            })
        }
    }
}
