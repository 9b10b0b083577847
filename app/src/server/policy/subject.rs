//! Who makes a request, as every rule sees them: the one home of request identity. The session
//! statement (`services::sessions::resolve`), `services::subjects` (another person, named in a
//! form) and the tests all build a `Subject` with `Subject::signed_in`, from what the database
//! holds (`StoredPerson`); the rule "confirmed adhérent" is decided there, once. The session
//! middleware puts the request's `Subject` in its extensions (one extension: the signed-in
//! person is `Subject::user`), where server functions and form handlers read it
//! (`context::subject_of`).

use crate::model::ids::{SectionId, UserId};
use crate::model::territory::{Role, Scope};

/// The signed-in person of a request (part of its `Subject`).
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub id: UserId,
    pub handle: String,
    pub display_name: String,
    pub section_slug: Option<String>,
    pub federation_code: Option<String>,
    /// The hash of this device's session token (sign-out closes that session).
    pub token_hash: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Belonging {
    pub section_id: Option<SectionId>,
    pub federation_code: Option<String>,
    pub confirmed_adherent: bool,
    pub suspended: bool,
    /// Whether their address is proven (`services::address`): speaking needs it.
    pub email_verified: bool,
    /// (lat, lng) of their commune, when it has a reference point.
    pub home: Option<(f64, f64)>,
    /// The name of their commune (the actions page's reference point).
    pub home_name: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Subject {
    pub user: Option<SessionUser>,
    pub belonging: Belonging,
    pub roles: Vec<(Role, Scope)>,
}

/// What the database holds about where a person belongs (`users` and their commune), as the
/// session statement and `store::members::belonging` read it.
#[derive(Debug, Clone)]
pub struct StoredPerson<'a> {
    pub section_id: Option<SectionId>,
    pub federation_code: Option<String>,
    pub membership: &'a str,
    pub membership_status: &'a str,
    pub suspended: bool,
    pub email_verified: bool,
    pub home_lat: Option<f64>,
    pub home_lng: Option<f64>,
    pub home_name: Option<String>,
}

impl StoredPerson<'_> {
    /// A confirmed party member: an adhérent whose claim their section confirmed.
    pub fn is_confirmed_adherent(&self) -> bool {
        self.membership == "adherent" && self.membership_status == "confirmed"
    }
}

impl From<StoredPerson<'_>> for Belonging {
    fn from(person: StoredPerson<'_>) -> Self {
        Self {
            confirmed_adherent: person.is_confirmed_adherent(),
            section_id: person.section_id,
            federation_code: person.federation_code,
            suspended: person.suspended,
            email_verified: person.email_verified,
            home: person.home_lat.zip(person.home_lng),
            home_name: person.home_name,
        }
    }
}

/// Roles as stored (role, scope kind, scope code) → the policy's; unknown values are dropped.
pub fn parse_roles<'a>(rows: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Vec<(Role, Scope)> {
    rows.filter_map(|(role, kind, code)| Some((Role::parse(role)?, Scope::from_db(kind, code)?))).collect()
}

impl Subject {
    /// A signed-in person as the database describes them: the one way a person's `Subject` is
    /// built.
    pub fn signed_in(user: SessionUser, person: StoredPerson<'_>, roles: Vec<(Role, Scope)>) -> Self {
        Self { user: Some(user), belonging: person.into(), roles }
    }

    /// A person for the policy's unit tests: member of `section` in `federation`.
    #[cfg(test)]
    pub fn for_tests(id: i64, section: Option<i64>, federation: Option<&str>, adherent: bool, roles: Vec<(Role, Scope)>) -> Self {
        let user = SessionUser {
            id: UserId(id),
            handle: format!("u{id}"),
            display_name: format!("Personne {id}"),
            section_slug: None,
            federation_code: federation.map(str::to_string),
            token_hash: String::new(),
        };
        let person = StoredPerson {
            section_id: section.map(SectionId),
            federation_code: federation.map(str::to_string),
            membership: if adherent { "adherent" } else { "sympathisant" },
            membership_status: if adherent { "confirmed" } else { "none" },
            suspended: false,
            email_verified: true,
            home_lat: None,
            home_lng: None,
            home_name: None,
        };
        Self::signed_in(user, person, roles)
    }

    pub fn anonymous() -> Self {
        Self::default()
    }

    /// A signed-in, non-suspended person.
    pub fn active_user(&self) -> Option<&SessionUser> {
        self.user.as_ref().filter(|_| !self.belonging.suspended)
    }

    pub fn is_active(&self) -> bool {
        self.active_user().is_some()
    }

    /// An active person whose address is proven: what publishing, commenting, reacting and
    /// creating a group need. An unverified account may read, find its section, fill in its
    /// profile and answer actions (README, "Comptes non vérifiés").
    pub fn may_speak(&self) -> bool {
        self.is_active() && self.belonging.email_verified
    }

    pub fn id(&self) -> Option<UserId> {
        self.active_user().map(|u| u.id)
    }

    fn has(&self, role: Role, scope: &Scope) -> bool {
        self.is_active() && self.roles.iter().any(|(r, s)| *r == role && s == scope)
    }

    pub fn is_national_admin(&self) -> bool {
        self.has(Role::NationalAdmin, &Scope::National)
    }

    pub fn is_federation_responsable(&self, federation_code: &str) -> bool {
        let scope = Scope::Federation(federation_code.to_string());
        self.is_national_admin() || self.has(Role::FederationFirstSecretary, &scope) || self.has(Role::FederationAnimator, &scope)
    }

    pub fn is_section_secretary(&self, section_id: SectionId) -> bool {
        self.has(Role::SectionSecretary, &Scope::Section(section_id.get()))
    }

    pub fn is_section_officer(&self, section_id: SectionId) -> bool {
        self.is_section_secretary(section_id) || self.has(Role::SectionAnimator, &Scope::Section(section_id.get()))
    }

    pub fn belongs_to_section(&self, section_id: SectionId) -> bool {
        self.is_active() && self.belonging.section_id == Some(section_id)
    }

    pub fn is_confirmed_adherent_of(&self, section_id: SectionId) -> bool {
        self.belongs_to_section(section_id) && self.belonging.confirmed_adherent
    }

    /// Adhérent-only spaces and actions anywhere (a confirmed party member, not suspended).
    pub fn is_confirmed_adherent(&self) -> bool {
        self.is_active() && self.belonging.confirmed_adherent
    }
}
