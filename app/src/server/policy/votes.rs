//! Who opens votes, who sees them, who votes, who downloads the ballots (issue 20).
//!
//! A section's votes are opened by its team (secretary, animators); a federation's by its
//! responsables (national administrators everywhere) — the same people who write annonces. The
//! electorate is fixed at opening: the scope's confirmed adhérents at that moment, and only them
//! (a sympathisant, an adhérent who arrived later, cannot vote). A vote is seen by its
//! electorate, the scope's people and the team above; the ballots (after counting) are
//! downloaded by the electorate and the teams, who may recount.

use crate::server::policy::announcements::{self, ScopeFacts};
use crate::server::policy::Subject;

/// Opening a vote in the scope.
pub fn can_open(s: &Subject, scope: &ScopeFacts) -> bool {
    announcements::can_write(s, scope)
}

/// The scope's team and the one above (they see every vote of the scope).
fn is_team(s: &Subject, scope: &ScopeFacts) -> bool {
    announcements::can_read_history(s, scope)
}

/// The scope's people: a section's, or a federation's.
fn is_of_scope(s: &Subject, scope: &ScopeFacts) -> bool {
    s.is_active()
        && match scope {
            ScopeFacts::Section(section) => s.belongs_to_section(section.id),
            ScopeFacts::Federation(code) => s.belonging.federation_code.as_deref() == Some(code.as_str()),
        }
}

/// A vote's page (and the scope's list of votes): question, options, participation, result.
pub fn can_see(s: &Subject, scope: &ScopeFacts, elector: bool) -> bool {
    (s.is_active() && elector) || is_of_scope(s, scope) || is_team(s, scope)
}

/// Casting a ballot: an active member of the electorate fixed at opening (the window is checked
/// apart: it is a matter of time, not of who).
pub fn can_vote(s: &Subject, elector: bool) -> bool {
    s.is_active() && elector
}

/// The published ballots (CSV), to recount.
pub fn can_download(s: &Subject, scope: &ScopeFacts, elector: bool) -> bool {
    (s.is_active() && elector) || is_team(s, scope)
}

/// Closing before the time, once the whole electorate voted (nothing left to wait for): the team
/// that may open votes there.
pub fn can_close_early(s: &Subject, scope: &ScopeFacts) -> bool {
    can_open(s, scope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SectionId;
    use crate::model::territory::{Role, Scope};
    use crate::server::policy::SectionScope;

    fn lille() -> ScopeFacts {
        ScopeFacts::Section(SectionScope { id: SectionId(1), federation_code: "59".into() })
    }

    #[test]
    fn the_electorate_votes_the_scope_sees_the_team_opens() {
        let secretary = Subject::for_tests(1, Some(1), Some("59"), true, vec![(Role::SectionSecretary, Scope::Section(1))]);
        let adherent = Subject::for_tests(2, Some(1), Some("59"), true, vec![]);
        let sympathisant = Subject::for_tests(3, Some(1), Some("59"), false, vec![]);
        let elsewhere = Subject::for_tests(4, Some(2), Some("62"), true, vec![]);
        let federal =
            Subject::for_tests(5, Some(9), Some("59"), true, vec![(Role::FederationFirstSecretary, Scope::Federation("59".into()))]);
        assert!(can_open(&secretary, &lille()) && !can_open(&adherent, &lille()) && !can_open(&federal, &lille()));
        assert!(can_see(&sympathisant, &lille(), false) && can_see(&federal, &lille(), false));
        assert!(!can_see(&elsewhere, &lille(), false) && can_see(&elsewhere, &lille(), true));
        assert!(can_vote(&adherent, true) && !can_vote(&sympathisant, false) && !can_vote(&Subject::anonymous(), true));
        assert!(can_download(&adherent, &lille(), true) && !can_download(&sympathisant, &lille(), false));
        assert!(can_download(&federal, &lille(), false));
        let nord = ScopeFacts::Federation("59".into());
        assert!(can_see(&sympathisant, &nord, false) && !can_see(&elsewhere, &nord, false) && can_open(&federal, &nord));
    }
}
