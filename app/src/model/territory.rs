//! Territory DTOs: fédérations, sections, communes, roles, member directories.

use super::action::ActionSummary;
use serde::{Deserialize, Serialize};

use super::form::FieldError;
use super::profile::Visibility;
pub use super::refs::{CommuneRef, FederationRef, ScopeRef, SectionRef};

string_enum! {
    /// A scoped role. Sections and federations own everything; roles only say who acts for them.
    pub enum Role {
        NationalAdmin = "national_admin",
        FederationFirstSecretary = "federation_first_secretary",
        FederationAnimator = "federation_animator",
        SectionSecretary = "section_secretary",
        SectionAnimator = "section_animator",
        Moderator = "moderator",
    }
}

impl Role {
    /// The kind of scope the role lives in (moderators exist at every level).
    pub fn fits(self, scope: &Scope) -> bool {
        matches!(
            (self, scope),
            (Role::NationalAdmin, Scope::National)
                | (Role::FederationFirstSecretary | Role::FederationAnimator, Scope::Federation(_))
                | (Role::SectionSecretary | Role::SectionAnimator, Scope::Section(_))
                | (Role::Moderator, _)
        )
    }

    /// Roles held by one person at a time: naming someone else is a hand-over (passation).
    pub fn single_holder(self) -> bool {
        matches!(self, Role::SectionSecretary | Role::FederationFirstSecretary)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    National,
    /// A département code, e.g. "59" or "2A".
    Federation(String),
    Section(i64),
}

impl Scope {
    pub fn kind(&self) -> &'static str {
        match self {
            Scope::National => "national",
            Scope::Federation(_) => "federation",
            Scope::Section(_) => "section",
        }
    }

    pub fn code(&self) -> String {
        match self {
            Scope::National => String::new(),
            Scope::Federation(code) => code.clone(),
            Scope::Section(id) => id.to_string(),
        }
    }

    pub fn from_db(kind: &str, code: &str) -> Option<Scope> {
        match kind {
            "national" => Some(Scope::National),
            "federation" => Some(Scope::Federation(code.to_string())),
            "section" => code.parse().ok().map(Scope::Section),
            _ => None,
        }
    }
}

/// A département code: two digits, 2A/2B, or three digits overseas (971…989).
pub fn parse_departement_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    let ok = match code.len() {
        2 => code.chars().all(|c| c.is_ascii_digit()) || code == "2A" || code == "2B",
        3 => code.starts_with("97") || code.starts_with("98"),
        _ => false,
    } && code.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then_some(code)
}

/// A section's URL name: lower-case letters, digits and dashes, 3 to 60 characters.
pub fn parse_slug(raw: &str) -> Result<String, FieldError> {
    let slug = raw.trim().to_lowercase();
    if slug.is_empty() {
        return Err(FieldError::Required);
    }
    if slug.chars().count() < 3 {
        return Err(FieldError::TooShort { min: 3 });
    }
    if slug.chars().count() > 60 {
        return Err(FieldError::TooLong { max: 60 });
    }
    let valid =
        slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') && !slug.starts_with('-') && !slug.ends_with('-');
    if valid {
        Ok(slug)
    } else {
        Err(FieldError::InvalidHandle)
    }
}

/// One line of "trouver ma section": a commune and who organizes there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneMatch {
    pub commune: CommuneRef,
    pub section: Option<SectionRef>,
    pub federation: FederationRef,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FindSectionAnswer {
    /// No postal code asked yet.
    Empty,
    Invalid,
    Unknown,
    Found(Vec<CommuneMatch>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Officer {
    pub handle: String,
    pub display_name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionSummary {
    pub slug: String,
    pub name: String,
    pub communes: i64,
}

/// What the viewer may do on a section or federation page (decided by the policy).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abilities {
    pub see_directory: bool,
    pub manage_members: bool,
    /// Confirm or refuse adhérent claims (the secretary, or the scope above).
    pub decide_memberships: bool,
    pub edit: bool,
    pub manage_communes: bool,
    pub grant_roles: bool,
    pub read_audit: bool,
    pub create_sections: bool,
    /// The scope's annonces page (its team writes there; the scope above reads what was sent).
    pub announcements: bool,
    /// The scope's votes (its people follow them; its team opens them).
    pub votes: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberEntry {
    pub user_id: i64,
    pub handle: String,
    pub display_name: String,
    pub commune: Option<String>,
    /// "adherent" or "sympathisant", shown only to those who may see the directory.
    pub membership: String,
    pub membership_status: String,
    pub status_line: Option<String>,
    pub joined_ms: i64,
    /// Their address is not proven yet: organizers see "adresse non vérifiée".
    pub unverified: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at_ms: i64,
    pub action: String,
    pub actor: Option<String>,
    pub target: Option<String>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionView {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// The team's public contact address, empty when none was given.
    pub contact_email: String,
    /// Its banner, when its team chose one.
    pub banner: Option<crate::model::media::Picture>,
    pub federation: FederationRef,
    pub officers: Vec<Officer>,
    pub adherents: i64,
    pub sympathisants: i64,
    pub communes: Vec<CommuneRef>,
    pub abilities: Abilities,
    /// Its first page, present only for those allowed to see it.
    pub directory: Option<Vec<MemberEntry>>,
    /// The directory has more than its first page (`/sections/{slug}/annuaire`).
    pub directory_more: bool,
    pub newcomers: Option<Vec<MemberEntry>>,
    pub audit: Option<Vec<AuditEntry>>,
    pub is_my_section: bool,
    /// Its next actions this reader may see.
    pub actions: Vec<ActionSummary>,
    pub may_see_statistics: bool,
}

/// `/sections/{slug}/annuaire`: a page of the directory, searched or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDirectory {
    pub slug: String,
    pub name: String,
    pub search: String,
    pub members: Vec<MemberEntry>,
    /// The cursor of the next page (a member id).
    pub next: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FederationView {
    pub code: String,
    pub name: String,
    pub region: String,
    pub sections: Vec<SectionSummary>,
    pub officers: Vec<Officer>,
    pub adherents: i64,
    pub sympathisants: i64,
    pub abilities: Abilities,
    /// Newcomers in communes no section covers yet (for the federation's responsables).
    pub newcomers: Option<Vec<MemberEntry>>,
    pub audit: Option<Vec<AuditEntry>>,
    /// The next actions of the federation and its sections this reader may see.
    pub actions: Vec<ActionSummary>,
}

/// Visibility of a status line in directories follows the profile setting.
pub fn status_visible(visibility: Visibility, same_section: bool, is_owner: bool) -> bool {
    is_owner || visibility == Visibility::Public || (visibility == Visibility::Section && same_section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departement_codes() {
        assert_eq!(parse_departement_code("59").as_deref(), Some("59"));
        assert_eq!(parse_departement_code("2a").as_deref(), Some("2A"));
        assert_eq!(parse_departement_code("974").as_deref(), Some("974"));
        for bad in ["5", "2C", "123", "abc", "", "59/"] {
            assert_eq!(parse_departement_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn roles_fit_their_scope() {
        assert!(Role::SectionSecretary.fits(&Scope::Section(1)));
        assert!(!Role::SectionSecretary.fits(&Scope::Federation("59".into())));
        assert!(Role::Moderator.fits(&Scope::National));
        assert!(Role::FederationAnimator.fits(&Scope::Federation("2A".into())));
        assert!(!Role::NationalAdmin.fits(&Scope::Section(1)));
        for &role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Scope::from_db("section", "12"), Some(Scope::Section(12)));
        assert_eq!(Scope::from_db("section", "x"), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(parse_slug(" Lille-Centre ").as_deref(), Ok("lille-centre"));
        assert_eq!(parse_slug("li"), Err(FieldError::TooShort { min: 3 }));
        assert_eq!(parse_slug("lille centre"), Err(FieldError::InvalidHandle));
    }
}
