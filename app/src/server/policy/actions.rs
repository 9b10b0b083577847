//! Who may see, organize, join and report field actions.
//!
//! Audiences: `public` (everyone, signed in or not), `section` (people of the organizing section;
//! when it asks for renfort, everyone of its federation too), `adherents` (confirmed adhérents of
//! the federation; a call for renfort adds the sympathisants living within 30 km). Organizers, the section's secretary and animators and the federation's
//! responsables always see and manage their actions. A proposed action is seen only by whoever may
//! approve it and its author.

use crate::model::action::{distance_m, ActionAudience, ActionStatus, RsvpStatus};
use crate::model::ids::{SectionId, UserId};
use crate::server::policy::{SectionScope, Subject};

/// What the rules need to know about one action.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionFacts {
    pub audience: ActionAudience,
    pub status: ActionStatus,
    pub section_id: Option<SectionId>,
    pub federation_code: String,
    pub created_by: Option<UserId>,
    /// The subject is one of its organizers.
    pub is_organizer: bool,
    pub reinforcements: i64,
    /// The meeting point (lat, lng).
    pub point: (f64, f64),
}

/// How far a call for renfort reaches sympathisants, from their commune.
pub const RENFORT_RADIUS_KM: i64 = 30;

fn is_sympathisant(s: &Subject) -> bool {
    s.is_active() && !s.belonging.confirmed_adherent
}

fn lives_within_renfort_radius(s: &Subject, a: &ActionFacts) -> bool {
    s.belonging.home.is_some_and(|(lat, lng)| distance_m(lat, lng, a.point.0, a.point.1) <= RENFORT_RADIUS_KM * 1000)
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

/// The team above a scope (a section of a federation, or a federation): the section's officers
/// and the federation's responsables.
fn is_team_above(s: &Subject, section_id: Option<SectionId>, federation_code: &str) -> bool {
    section_id.is_some_and(|id| s.is_section_officer(id)) || s.is_federation_responsable(federation_code)
}

/// The team above the action.
fn is_scope_team(s: &Subject, a: &ActionFacts) -> bool {
    is_team_above(s, a.section_id, &a.federation_code)
}

/// Who may be invited to co-organize an action of this scope (its section, or `None` for a
/// federation's action): an active person of the scope, or of the team above it. Organizers see
/// participants' shared e-mails and the contacts met: never someone from elsewhere.
pub fn can_be_invited_organizer(invitee: &Subject, section_id: Option<SectionId>, federation_code: &str) -> bool {
    let of_scope = match section_id {
        Some(section) => invitee.belonging.section_id == Some(section),
        None => invitee.belonging.federation_code.as_deref() == Some(federation_code),
    };
    invitee.is_active() && (of_scope || is_team_above(invitee, section_id, federation_code))
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
                || (a.reinforcements > 0 && is_sympathisant(s) && lives_within_renfort_radius(s, a))
        }
        ActionAudience::Adherents => in_federation && s.belonging.confirmed_adherent,
    }
}

/// A call for renfort is shown highlighted to the people it is meant for: those of the other
/// sections of the federation, and sympathisants living nearby (their own section's included).
/// Never to its organizers, nor to the people of an action's own scope, for whom it is routine.
pub fn renfort_concerns(s: &Subject, a: &ActionFacts) -> bool {
    if a.reinforcements <= 0 || a.status != ActionStatus::Published || a.is_organizer || !can_see(s, a) {
        return false;
    }
    let in_federation = s.belonging.federation_code.as_deref() == Some(a.federation_code.as_str());
    let own_scope = match a.section_id {
        Some(id) => s.belongs_to_section(id),
        None => in_federation,
    };
    (in_federation && !own_scope) || (is_sympathisant(s) && lives_within_renfort_radius(s, a))
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

/// Rewrite a compte-rendu already written (`author`: its first author, `None` once their account
/// is gone): the people who manage the action, and that author. Every version is kept.
pub fn can_rewrite_report(s: &Subject, a: &ActionFacts, author: Option<UserId>) -> bool {
    can_manage(s, a) || (author.is_some() && author == s.id())
}

/// The photos of a compte-rendu: the people who manage the action and those who had a place
/// (who were there). Faces at a political action say the people's political opinion (GDPR
/// art. 9): not its whole audience — a photo meant for everyone is a publication.
pub fn can_see_report_photos(s: &Subject, a: &ActionFacts, mine: Option<RsvpStatus>) -> bool {
    can_manage(s, a) || (s.is_active() && can_see(s, a) && mine == Some(RsvpStatus::Going))
}

/// A section's statistics: its confirmed adhérents, its team and the federation above.
pub fn can_see_section_statistics(s: &Subject, section: &SectionScope) -> bool {
    s.is_confirmed_adherent_of(section.id) || can_create_for_section(s, section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::territory::{Role, Scope};
    use crate::server::policy::Belonging;

    fn person(id: i64, section: i64, fed: &str, adherent: bool, roles: Vec<(Role, Scope)>) -> Subject {
        let mut person = Subject::for_tests(id, Some(section), Some(fed), adherent, roles);
        person.belonging.home = Some((50.6333, 3.0667));
        person.belonging.home_name = Some("Lille".into());
        person
    }

    fn action(audience: ActionAudience) -> ActionFacts {
        ActionFacts {
            audience,
            status: ActionStatus::Published,
            section_id: Some(SectionId(1)),
            federation_code: "59".into(),
            created_by: Some(UserId(100)),
            is_organizer: false,
            reinforcements: 0,
            point: (50.6333, 3.0667), // Lille
        }
    }

    #[test]
    fn co_organizers_come_from_the_scope_and_rewrites_from_the_author_or_the_team() {
        let here = person(2, 1, "59", false, vec![]);
        let neighbour = person(3, 2, "59", true, vec![]);
        let fed_lead = person(4, 2, "59", true, vec![(Role::FederationFirstSecretary, Scope::Federation("59".into()))]);
        let far = person(5, 9, "62", true, vec![]);
        assert!(can_be_invited_organizer(&here, Some(SectionId(1)), "59"));
        assert!(!can_be_invited_organizer(&neighbour, Some(SectionId(1)), "59"), "another section of the federation");
        assert!(can_be_invited_organizer(&fed_lead, Some(SectionId(1)), "59"), "the team above");
        assert!(can_be_invited_organizer(&neighbour, None, "59"), "a federation's action: its people");
        assert!(!can_be_invited_organizer(&far, None, "59"));
        assert!(!can_be_invited_organizer(&Subject::anonymous(), None, "59"));

        let a = action(ActionAudience::Public);
        assert!(can_rewrite_report(&here, &a, Some(UserId(2))), "its author");
        assert!(!can_rewrite_report(&here, &a, Some(UserId(7))), "another participant's compte-rendu");
        assert!(!can_rewrite_report(&here, &a, None), "an author whose account is gone");
        assert!(can_rewrite_report(&fed_lead, &a, Some(UserId(7))), "the team above");
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
    fn renfort_reaches_neighbours_and_nearby_sympathisants() {
        let mut renfort = action(ActionAudience::Section);
        renfort.reinforcements = 6;
        let member_here = person(2, 1, "59", true, vec![]);
        let neighbour = person(3, 2, "59", true, vec![]);
        let sympathisant_here = person(4, 1, "59", false, vec![]);
        let mut sympathisant_across = person(5, 9, "62", false, vec![]);
        sympathisant_across.belonging.home = Some((50.55, 2.95)); // ~12 km away, other federation
        let mut sympathisant_far = person(6, 9, "62", false, vec![]);
        sympathisant_far.belonging.home = Some((50.29, 2.78)); // Arras, ~44 km
        let adherent_across = Subject {
            belonging: Belonging { confirmed_adherent: true, ..sympathisant_across.belonging.clone() },
            ..person(7, 9, "62", true, vec![])
        };
        assert!(!renfort_concerns(&member_here, &renfort), "routine for the section itself");
        assert!(renfort_concerns(&neighbour, &renfort));
        assert!(renfort_concerns(&sympathisant_here, &renfort), "sympathisants nearby are the reserve");
        assert!(can_see(&sympathisant_across, &renfort) && renfort_concerns(&sympathisant_across, &renfort));
        assert!(!can_see(&sympathisant_far, &renfort) && !renfort_concerns(&sympathisant_far, &renfort));
        assert!(!can_see(&adherent_across, &renfort), "adhérents of another federation: their own federation's actions");
        let mut no_renfort = renfort.clone();
        no_renfort.reinforcements = 0;
        assert!(!renfort_concerns(&neighbour, &no_renfort) && !can_see(&sympathisant_across, &no_renfort));
        let mut adherents_only = renfort.clone();
        adherents_only.audience = ActionAudience::Adherents;
        assert!(!can_see(&sympathisant_across, &adherents_only) && !renfort_concerns(&sympathisant_here, &adherents_only));
        let mut cancelled = renfort;
        cancelled.status = ActionStatus::Cancelled;
        assert!(!renfort_concerns(&neighbour, &cancelled));
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
