//! Who may see, organize, join and report field actions.
//!
//! Audiences: `public` (everyone, signed in or not), `section` (people of the organizing section;
//! when it asks for renfort, everyone of its federation too), `adherents` (confirmed adhérents of
//! the federation). Organizers, the section's secretary and animators and the federation's
//! responsables always see and manage their actions. A proposed action is seen only by whoever may
//! approve it and its author.

use crate::model::action::{ActionAudience, ActionStatus, RsvpStatus};
use crate::server::policy::{SectionScope, Subject};

/// What the rules need to know about one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFacts {
    pub audience: ActionAudience,
    pub status: ActionStatus,
    pub section_id: Option<i64>,
    pub federation_code: String,
    pub created_by: Option<i64>,
    /// The subject is one of its organizers.
    pub is_organizer: bool,
    pub reinforcements: i64,
}

/// Organize for a section: its secretary and animators, and the federation's responsables.
pub fn can_create_for_section(s: &Subject, section: &SectionScope) -> bool {
    s.is_section_officer(section.id) || s.is_federation_responsable(&section.federation_code)
}

/// Organize for a whole federation: its responsables.
pub fn can_create_for_federation(s: &Subject, federation_code: &str) -> bool {
    s.is_federation_responsable(federation_code)
}

/// A confirmed adhérent of the section may propose an action; an animator approves it.
pub fn can_propose_for_section(s: &Subject, section: &SectionScope) -> bool {
    s.is_confirmed_adherent_of(section.id)
}

/// The team above the action: the section's officers and the federation's responsables.
fn is_scope_team(s: &Subject, a: &ActionFacts) -> bool {
    a.section_id.is_some_and(|id| s.is_section_officer(id)) || s.is_federation_responsable(&a.federation_code)
}

/// Edit, cancel, see contact details: organizers and the team above.
pub fn can_manage(s: &Subject, a: &ActionFacts) -> bool {
    s.is_active() && (a.is_organizer || is_scope_team(s, a))
}

/// Approve a proposal: the team above (not its author alone).
pub fn can_approve(s: &Subject, a: &ActionFacts) -> bool {
    a.status == ActionStatus::Proposed && is_scope_team(s, a)
}

pub fn can_see(s: &Subject, a: &ActionFacts) -> bool {
    if can_manage(s, a) {
        return true;
    }
    match a.status {
        ActionStatus::Proposed => s.is_active() && a.created_by.is_some() && s.id() == a.created_by,
        ActionStatus::Published | ActionStatus::Cancelled => can_see_audience(s, a),
    }
}

fn can_see_audience(s: &Subject, a: &ActionFacts) -> bool {
    let in_federation = s.is_active() && s.belonging.federation_code.as_deref() == Some(a.federation_code.as_str());
    match a.audience {
        ActionAudience::Public => true,
        ActionAudience::Section => {
            a.section_id.is_some_and(|id| s.belongs_to_section(id))
                || (a.section_id.is_none() && in_federation)
                || (a.reinforcements > 0 && in_federation)
        }
        ActionAudience::Adherents => in_federation && s.belonging.confirmed_adherent,
    }
}

/// Answer "je participe / peut-être / non": signed in, may see it, published, not over.
pub fn can_rsvp(s: &Subject, a: &ActionFacts, is_past: bool) -> bool {
    s.is_active() && a.status == ActionStatus::Published && !is_past && can_see(s, a)
}

/// Who comes (first names): the organizers and team, and the participants themselves.
pub fn can_see_participants(s: &Subject, a: &ActionFacts, mine: Option<RsvpStatus>) -> bool {
    can_manage(s, a) || (can_see(s, a) && matches!(mine, Some(RsvpStatus::Going | RsvpStatus::Waiting | RsvpStatus::Maybe)))
}

/// Write the compte-rendu: organizers and team, and the people who had a place.
pub fn can_report(s: &Subject, a: &ActionFacts, mine: Option<RsvpStatus>) -> bool {
    a.status == ActionStatus::Published && (can_manage(s, a) || (can_see(s, a) && mine == Some(RsvpStatus::Going)))
}

/// A section's statistics: its confirmed adhérents, its team and the federation above.
pub fn can_see_section_statistics(s: &Subject, section: &SectionScope) -> bool {
    s.is_confirmed_adherent_of(section.id) || can_create_for_section(s, section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::territory::{Role, Scope};
    use crate::server::context::SessionUser;
    use crate::server::policy::Belonging;

    fn person(id: i64, section: i64, fed: &str, adherent: bool, roles: Vec<(Role, Scope)>) -> Subject {
        Subject {
            user: Some(SessionUser::for_tests(id)),
            belonging: Belonging {
                section_id: Some(section),
                federation_code: Some(fed.into()),
                confirmed_adherent: adherent,
                suspended: false,
            },
            roles,
        }
    }

    fn action(audience: ActionAudience) -> ActionFacts {
        ActionFacts {
            audience,
            status: ActionStatus::Published,
            section_id: Some(1),
            federation_code: "59".into(),
            created_by: Some(100),
            is_organizer: false,
            reinforcements: 0,
        }
    }

    #[test]
    fn audiences() {
        let anonymous = Subject::anonymous();
        let sympathisant_here = person(2, 1, "59", false, vec![]);
        let neighbour = person(3, 2, "59", false, vec![]);
        let adherent_neighbour = person(4, 2, "59", true, vec![]);
        let adherent_far = person(5, 9, "62", true, vec![]);
        assert!(can_see(&anonymous, &action(ActionAudience::Public)));
        assert!(!can_see(&anonymous, &action(ActionAudience::Section)));
        assert!(can_see(&sympathisant_here, &action(ActionAudience::Section)));
        assert!(!can_see(&neighbour, &action(ActionAudience::Section)));
        let mut renfort = action(ActionAudience::Section);
        renfort.reinforcements = 6;
        assert!(can_see(&neighbour, &renfort), "renfort opens the action to the federation");
        assert!(!can_see(&adherent_far, &renfort));
        assert!(!can_see(&sympathisant_here, &action(ActionAudience::Adherents)));
        assert!(can_see(&adherent_neighbour, &action(ActionAudience::Adherents)));
        assert!(!can_see(&adherent_far, &action(ActionAudience::Adherents)));
    }

    #[test]
    fn proposals_and_management() {
        let secretary = person(7, 1, "59", true, vec![(Role::SectionSecretary, Scope::Section(1))]);
        let author = person(100, 1, "59", true, vec![]);
        let other = person(8, 1, "59", true, vec![]);
        let mut proposed = action(ActionAudience::Public);
        proposed.status = ActionStatus::Proposed;
        assert!(can_see(&author, &proposed) && !can_approve(&author, &proposed));
        assert!(!can_see(&other, &proposed));
        assert!(can_approve(&secretary, &proposed) && can_manage(&secretary, &proposed));
        assert!(!can_rsvp(&other, &proposed, false));
        assert!(!can_rsvp(&other, &action(ActionAudience::Public), true), "not after the action");
        assert!(can_rsvp(&other, &action(ActionAudience::Public), false));
        assert!(!can_see_participants(&other, &action(ActionAudience::Public), None));
        assert!(can_see_participants(&other, &action(ActionAudience::Public), Some(RsvpStatus::Going)));
        assert!(can_report(&other, &action(ActionAudience::Public), Some(RsvpStatus::Going)));
        assert!(!can_report(&other, &action(ActionAudience::Public), Some(RsvpStatus::Maybe)));
    }
}
