//! Who adds to a toolbox and who reads its documents (issue 21).
//!
//! A section's toolbox is filled by its team (secretary, animators); a federation's by its
//! responsables; the national one by national administrators — the people who write annonces.
//! Those teams, and the federation's responsables for its sections, manage the documents (new
//! version, deletion). A document is read according to its audience: anyone (even without an
//! account), the scope's people (the section's, the federation's, or — nationally — anyone
//! signed in), or the scope's confirmed adhérents; its team always reads it. Its files inherit
//! the rule: the download route asks `can_read` before reading a byte.

use crate::model::documents::DocumentAudience;
use crate::server::policy::{SectionScope, Subject};

/// A toolbox, as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolboxScope {
    Section(SectionScope),
    Federation(String),
    National,
}

/// One document, as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFacts {
    pub scope: ToolboxScope,
    pub audience: DocumentAudience,
}

/// The scope's team (and, for a section, the federation's responsables).
fn is_team(s: &Subject, scope: &ToolboxScope) -> bool {
    match scope {
        ToolboxScope::Section(section) => s.is_section_officer(section.id) || s.is_federation_responsable(&section.federation_code),
        ToolboxScope::Federation(code) => s.is_federation_responsable(code),
        ToolboxScope::National => s.is_national_admin(),
    }
}

/// The scope's people.
fn is_of_scope(s: &Subject, scope: &ToolboxScope) -> bool {
    s.is_active()
        && match scope {
            ToolboxScope::Section(section) => s.belongs_to_section(section.id),
            ToolboxScope::Federation(code) => s.belonging.federation_code.as_deref() == Some(code.as_str()),
            ToolboxScope::National => true,
        }
}

/// Adding a document: the scope's own team, with a proven address. (A federation fills its
/// own toolbox, which every section of it reads; it does not write in a section's.)
pub fn can_add(s: &Subject, scope: &ToolboxScope) -> bool {
    s.may_speak()
        && match scope {
            ToolboxScope::Section(section) => s.is_section_officer(section.id),
            ToolboxScope::Federation(code) => s.is_federation_responsable(code),
            ToolboxScope::National => s.is_national_admin(),
        }
}

/// A new version, a deletion.
pub fn can_manage(s: &Subject, d: &DocumentFacts) -> bool {
    s.may_speak() && is_team(s, &d.scope)
}

/// The document's page and its files.
pub fn can_read(s: &Subject, d: &DocumentFacts) -> bool {
    is_team(s, &d.scope)
        || match d.audience {
            DocumentAudience::Public => true,
            DocumentAudience::Members => is_of_scope(s, &d.scope),
            DocumentAudience::Adherents => is_of_scope(s, &d.scope) && s.belonging.confirmed_adherent,
        }
}

/// What `/boite-a-outils` lists for a reader: the documents of their section, their federation
/// and the national toolbox that `can_read` lets them read — the same rule, in SQL. `d` is the
/// document; the parameters are `list_arguments`' values, in order, from `$first`.
pub fn listed_sql(first: usize) -> String {
    let (section, federation, signed_in, adherent, section_team, federation_team, national_team) =
        (first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6);
    format!(
        "((d.scope_kind = 'section' AND d.section_id = ${section}) \
           OR (d.scope_kind = 'federation' AND d.federation_code = ${federation}) \
           OR d.scope_kind = 'national') \
         AND (d.audience = 'public' \
           OR (d.audience = 'membres' AND ${signed_in} = 1) \
           OR (d.audience = 'adherents' AND ${adherent} = 1) \
           OR (d.scope_kind = 'section' AND ${section_team} = 1) \
           OR (d.scope_kind = 'federation' AND ${federation_team} = 1) \
           OR (d.scope_kind = 'national' AND ${national_team} = 1))"
    )
}

/// `listed_sql`'s values for this reader: their section (0: none), their federation ('' :
/// none), whether they are signed in, a confirmed adhérent, and of each of the three teams.
pub fn list_arguments(s: &Subject) -> (i64, String, i64, i64, i64, i64, i64) {
    let active = s.is_active();
    let section = s.belonging.section_id.filter(|_| active);
    let federation = s.belonging.federation_code.clone().filter(|_| active).unwrap_or_default();
    let flag = |b: bool| i64::from(b);
    (
        section.map_or(0, |id| id.get()),
        federation.clone(),
        flag(active),
        flag(active && s.belonging.confirmed_adherent),
        flag(section.is_some_and(|id| s.is_section_officer(id))),
        flag(!federation.is_empty() && s.is_federation_responsable(&federation)),
        flag(s.is_national_admin()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SectionId;
    use crate::model::territory::{Role, Scope};

    fn lille() -> ToolboxScope {
        ToolboxScope::Section(SectionScope { id: SectionId(1), federation_code: "59".into() })
    }

    fn doc(scope: ToolboxScope, audience: DocumentAudience) -> DocumentFacts {
        DocumentFacts { scope, audience }
    }

    #[test]
    fn the_team_adds_the_audience_reads() {
        let secretary = Subject::for_tests(1, Some(1), Some("59"), true, vec![(Role::SectionSecretary, Scope::Section(1))]);
        let adherent = Subject::for_tests(2, Some(1), Some("59"), true, vec![]);
        let sympathisant = Subject::for_tests(3, Some(1), Some("59"), false, vec![]);
        let elsewhere = Subject::for_tests(4, Some(2), Some("62"), true, vec![]);
        let neighbour = Subject::for_tests(6, Some(7), Some("59"), true, vec![]);
        let federal =
            Subject::for_tests(5, Some(9), Some("59"), true, vec![(Role::FederationFirstSecretary, Scope::Federation("59".into()))]);
        let visitor = Subject::anonymous();
        assert!(can_add(&secretary, &lille()) && !can_add(&adherent, &lille()) && !can_add(&federal, &lille()));
        assert!(can_add(&federal, &ToolboxScope::Federation("59".into())) && !can_add(&federal, &ToolboxScope::National));
        let members_only = doc(lille(), DocumentAudience::Members);
        assert!(can_read(&sympathisant, &members_only) && !can_read(&neighbour, &members_only) && !can_read(&visitor, &members_only));
        assert!(can_read(&federal, &members_only) && can_manage(&federal, &members_only) && !can_manage(&adherent, &members_only));
        let adherents_only = doc(lille(), DocumentAudience::Adherents);
        assert!(can_read(&adherent, &adherents_only) && !can_read(&sympathisant, &adherents_only));
        assert!(can_read(&secretary, &adherents_only) && !can_read(&elsewhere, &adherents_only));
        assert!(can_read(&visitor, &doc(lille(), DocumentAudience::Public)));
        let federation = doc(ToolboxScope::Federation("59".into()), DocumentAudience::Members);
        assert!(can_read(&neighbour, &federation) && !can_read(&elsewhere, &federation));
        let national = doc(ToolboxScope::National, DocumentAudience::Adherents);
        assert!(can_read(&elsewhere, &national) && !can_read(&sympathisant, &national) && !can_read(&visitor, &national));
    }

    #[test]
    fn the_list_arguments_follow_the_reader() {
        let secretary = Subject::for_tests(1, Some(1), Some("59"), false, vec![(Role::SectionSecretary, Scope::Section(1))]);
        assert_eq!(list_arguments(&secretary), (1, "59".into(), 1, 0, 1, 0, 0));
        assert_eq!(list_arguments(&Subject::anonymous()), (0, String::new(), 0, 0, 0, 0, 0));
    }
}
