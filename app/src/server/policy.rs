//! Every authorization rule of Coopol, in one place. Server functions and form handlers ask here;
//! nothing else decides who may read or write what.

use crate::model::profile::Visibility;
use crate::server::context::SessionUser;

/// How the viewer relates to the owner of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub is_owner: bool,
    pub signed_in: bool,
    /// Both belong to the same section (sections arrive with the territory; until then, never).
    pub same_section: bool,
}

impl Relation {
    pub fn between(viewer: Option<&SessionUser>, owner_id: i64, same_section: bool) -> Self {
        Self {
            is_owner: viewer.is_some_and(|v| v.id == owner_id),
            signed_in: viewer.is_some(),
            same_section: viewer.is_some() && same_section,
        }
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

/// A profile's identity (display name, handle) is visible to everyone: it is what a person
/// chooses to show by joining; everything else goes through `can_see_profile_field`.
pub fn can_see_profile_identity(_relation: Relation) -> bool {
    true
}

/// Only the owner edits a profile (moderators will get their own rule with the moderation issue).
pub fn can_edit_profile(viewer: Option<&SessionUser>, owner_id: i64) -> bool {
    viewer.is_some_and(|v| v.id == owner_id)
}

/// Private account data (e-mail, postal code, membership claim, consents) is the owner's alone.
pub fn can_read_private_account(viewer: Option<&SessionUser>, owner_id: i64) -> bool {
    viewer.is_some_and(|v| v.id == owner_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: i64) -> SessionUser {
        SessionUser { id, handle: format!("u{id}"), display_name: "U".into(), token_hash: String::new() }
    }

    /// The profile-field matrix: viewer kind × visibility → allowed.
    #[test]
    fn profile_field_matrix() {
        let owner = user(1);
        let other = user(2);
        let cases: [(&str, Option<&SessionUser>, bool, Visibility, bool); 12] = [
            ("anonymous", None, false, Visibility::Public, true),
            ("anonymous", None, false, Visibility::Section, false),
            ("anonymous", None, false, Visibility::OnlyMe, false),
            ("anonymous claiming same section", None, true, Visibility::Section, false),
            ("member elsewhere", Some(&other), false, Visibility::Public, true),
            ("member elsewhere", Some(&other), false, Visibility::Section, false),
            ("member elsewhere", Some(&other), false, Visibility::OnlyMe, false),
            ("same section", Some(&other), true, Visibility::Section, true),
            ("same section", Some(&other), true, Visibility::OnlyMe, false),
            ("owner", Some(&owner), false, Visibility::Public, true),
            ("owner", Some(&owner), false, Visibility::Section, true),
            ("owner", Some(&owner), false, Visibility::OnlyMe, true),
        ];
        for (who, viewer, same_section, visibility, expected) in cases {
            let relation = Relation::between(viewer, owner.id, same_section);
            assert_eq!(can_see_profile_field(relation, visibility), expected, "{who} / {visibility:?}");
        }
    }

    #[test]
    fn only_the_owner_edits_and_reads_private_data() {
        assert!(can_edit_profile(Some(&user(1)), 1));
        assert!(!can_edit_profile(Some(&user(2)), 1));
        assert!(!can_edit_profile(None, 1));
        assert!(can_read_private_account(Some(&user(1)), 1));
        assert!(!can_read_private_account(Some(&user(2)), 1));
        assert!(!can_read_private_account(None, 1));
    }
}
