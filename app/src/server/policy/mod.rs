//! Every authorization rule of Coopol, in one place. Server functions, form handlers and pages ask
//! here; nothing else decides who may read or write what.
//!
//! A `Subject` is whoever makes the request: anonymous, or a person with where they belong
//! (commune → section → federation), their membership and their scoped roles. A suspended account
//! is treated as anonymous everywhere.

pub mod actions;
pub mod announcements;
pub mod debates;
pub mod documents;
pub mod feed;
pub mod messages;
pub mod moderation;
pub mod votes;

mod subject;

pub use subject::{parse_roles, Belonging, SessionUser, StoredPerson, Subject};

use crate::model::ids::{SectionId, UserId};
use crate::model::profile::Visibility;
use crate::model::territory::{Role, Scope};

/// Where a section sits, for rules that look at the scope above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScope {
    pub id: SectionId,
    pub federation_code: String,
}

/// Where a person belongs, for rules about them (membership decisions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonPlace {
    pub section: Option<SectionScope>,
    pub federation_code: Option<String>,
}

// ---- Profiles ----------------------------------------------------------------------------------

/// How the viewer relates to the owner of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub is_owner: bool,
    pub same_section: bool,
}

impl Relation {
    pub fn between(viewer: &Subject, owner_id: UserId, owner_section: Option<SectionId>) -> Self {
        Self { is_owner: viewer.id() == Some(owner_id), same_section: owner_section.is_some_and(|s| viewer.belongs_to_section(s)) }
    }
}

/// May this viewer see a profile field with this visibility?
pub fn can_see_profile_field(relation: Relation, visibility: Visibility) -> bool {
    relation.is_owner
        || match visibility {
            Visibility::Public => true,
            Visibility::Section => relation.same_section,
            Visibility::OnlyMe => false,
        }
}

/// A profile's identity (display name, handle) is visible to everyone, except for suspended
/// accounts, whose page disappears.
pub fn can_see_profile(owner_suspended: bool) -> bool {
    !owner_suspended
}

/// Only the owner edits a profile (and moves, and claims adhérent status).
pub fn can_edit_profile(viewer: &Subject, owner_id: UserId) -> bool {
    viewer.id() == Some(owner_id)
}

/// Private account data (e-mail, postal code, membership, consents) is the owner's alone.
pub fn can_read_private_account(viewer: &Subject, owner_id: UserId) -> bool {
    viewer.id() == Some(owner_id)
}

/// The account itself (address, password, devices, and later its data): its owner alone.
pub fn can_manage_account(viewer: &Subject, owner_id: UserId) -> bool {
    viewer.id() == Some(owner_id)
}

// ---- Sections and federations ------------------------------------------------------------------

/// Sections are created by the federation's responsables (or national admins).
pub fn can_create_section(s: &Subject, federation_code: &str) -> bool {
    s.is_federation_responsable(federation_code)
}

/// Which communes a section covers: the scope above decides.
pub fn can_manage_section_communes(s: &Subject, section: &SectionScope) -> bool {
    s.is_federation_responsable(&section.federation_code)
}

/// Name and description: the section's secretary, or the scope above.
pub fn can_edit_section(s: &Subject, section: &SectionScope) -> bool {
    s.is_section_secretary(section.id) || s.is_federation_responsable(&section.federation_code)
}

/// The member directory: the section's confirmed adhérents and officers, and the scope above.
/// Sympathisants and everyone else see counts only.
pub fn can_see_section_directory(s: &Subject, section: &SectionScope) -> bool {
    s.is_confirmed_adherent_of(section.id) || s.is_section_officer(section.id) || s.is_federation_responsable(&section.federation_code)
}

/// Newcomers and adhérent claims of a section: its secretary, animators and the scope above.
pub fn can_see_section_newcomers(s: &Subject, section: &SectionScope) -> bool {
    s.is_section_officer(section.id) || s.is_federation_responsable(&section.federation_code)
}

/// Newcomers in a federation's communes without a section: the federation's responsables.
pub fn can_see_federation_newcomers(s: &Subject, federation_code: &str) -> bool {
    s.is_federation_responsable(federation_code)
}

/// Confirming or refusing an adhérent claim: the person's section secretary, or — where the
/// commune has no section — the federation's responsables (who may also act for their sections).
pub fn can_decide_membership(s: &Subject, person: &PersonPlace) -> bool {
    match (&person.section, &person.federation_code) {
        (Some(section), _) => s.is_section_secretary(section.id) || s.is_federation_responsable(&section.federation_code),
        (None, Some(federation)) => s.is_federation_responsable(federation),
        (None, None) => s.is_national_admin(),
    }
}

/// Granting and revoking roles is an action of the scope above.
pub fn can_grant(s: &Subject, role: Role, scope: &Scope, section_federation: Option<&str>) -> bool {
    if !role.fits(scope) {
        return false;
    }
    match scope {
        Scope::National => s.is_national_admin(),
        Scope::Federation(_) => s.is_national_admin(),
        Scope::Section(_) => section_federation.is_some_and(|f| s.is_federation_responsable(f)),
    }
}

/// The audit log of a scope: its responsables.
pub fn can_read_audit(s: &Subject, scope: &Scope, section_federation: Option<&str>) -> bool {
    match scope {
        Scope::National => s.is_national_admin(),
        Scope::Federation(code) => s.is_federation_responsable(code),
        Scope::Section(id) => s.is_section_officer(SectionId(*id)) || section_federation.is_some_and(|f| s.is_federation_responsable(f)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(id: i64, section: Option<i64>, fed: Option<&str>, adherent: bool, roles: &[(Role, Scope)]) -> Subject {
        Subject::for_tests(id, section, fed, adherent, roles.to_vec())
    }

    #[test]
    fn profile_field_matrix() {
        let anonymous = Subject::anonymous();
        let elsewhere = subject(2, Some(9), Some("59"), true, &[]);
        let same = subject(3, Some(1), Some("59"), false, &[]);
        let owner = subject(1, Some(1), Some("59"), true, &[]);
        let cases = [
            (&anonymous, Visibility::Public, true),
            (&anonymous, Visibility::Section, false),
            (&anonymous, Visibility::OnlyMe, false),
            (&elsewhere, Visibility::Public, true),
            (&elsewhere, Visibility::Section, false),
            (&same, Visibility::Section, true),
            (&same, Visibility::OnlyMe, false),
            (&owner, Visibility::OnlyMe, true),
        ];
        for (viewer, visibility, expected) in cases {
            let relation = Relation::between(viewer, UserId(1), Some(SectionId(1)));
            assert_eq!(can_see_profile_field(relation, visibility), expected, "{:?} {visibility:?}", viewer.id());
        }
    }

    #[test]
    fn suspended_accounts_are_nobody() {
        let mut s = subject(1, Some(1), Some("59"), true, &[(Role::NationalAdmin, Scope::National)]);
        assert!(s.is_national_admin());
        s.belonging.suspended = true;
        assert!(!s.is_national_admin());
        assert!(!s.is_confirmed_adherent_of(SectionId(1)));
        assert!(!can_edit_profile(&s, UserId(1)));
    }

    #[test]
    fn the_scope_above_grants() {
        let section = Scope::Section(1);
        let fed = subject(1, None, Some("59"), true, &[(Role::FederationFirstSecretary, Scope::Federation("59".into()))]);
        assert!(can_grant(&fed, Role::SectionSecretary, &section, Some("59")));
        assert!(!can_grant(&fed, Role::SectionSecretary, &section, Some("62")));
        assert!(!can_grant(&fed, Role::FederationAnimator, &Scope::Federation("59".into()), None));
        assert!(!can_grant(&fed, Role::SectionSecretary, &Scope::Federation("59".into()), None), "role must fit scope");
        let secretary = subject(2, Some(1), Some("59"), true, &[(Role::SectionSecretary, Scope::Section(1))]);
        assert!(!can_grant(&secretary, Role::SectionAnimator, &section, Some("59")), "not the scope above");
        let admin = subject(3, None, None, false, &[(Role::NationalAdmin, Scope::National)]);
        assert!(can_grant(&admin, Role::FederationFirstSecretary, &Scope::Federation("2A".into()), None));
        assert!(can_grant(&admin, Role::NationalAdmin, &Scope::National, None));
    }

    #[test]
    fn directory_and_membership_decisions() {
        let s1 = SectionScope { id: SectionId(1), federation_code: "59".into() };
        let adherent = subject(1, Some(1), Some("59"), true, &[]);
        let sympathisant = subject(2, Some(1), Some("59"), false, &[]);
        let secretary = subject(3, Some(1), Some("59"), true, &[(Role::SectionSecretary, Scope::Section(1))]);
        let other_secretary = subject(4, Some(2), Some("59"), true, &[(Role::SectionSecretary, Scope::Section(2))]);
        assert!(can_see_section_directory(&adherent, &s1));
        assert!(!can_see_section_directory(&sympathisant, &s1));
        assert!(!can_see_section_directory(&other_secretary, &s1));
        let in_s1 = PersonPlace { section: Some(s1.clone()), federation_code: Some("59".into()) };
        assert!(can_decide_membership(&secretary, &in_s1));
        assert!(!can_decide_membership(&other_secretary, &in_s1));
        assert!(!can_decide_membership(&adherent, &in_s1));
        let uncovered = PersonPlace { section: None, federation_code: Some("59".into()) };
        assert!(!can_decide_membership(&secretary, &uncovered));
        let fed = subject(5, None, Some("59"), true, &[(Role::FederationAnimator, Scope::Federation("59".into()))]);
        assert!(can_decide_membership(&fed, &uncovered) && can_decide_membership(&fed, &in_s1));
    }
}
