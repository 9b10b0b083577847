//! Who opens, reads, takes part in and organizes débats (issue 20).
//!
//! A debate belongs to a section, a federation or a group. Its **team** opens it at once and
//! organizes it (approves, pins, selects, merges, writes the synthèse, puts it to a vote): a
//! section's secretary and animators, a federation's responsables (the people who write
//! annonces; national administrators too), a group's admins (only: a group is its members'). A
//! confirmed adhérent of the scope may **propose** one: it waits, seen by its author and the team
//! only, until the team approves it. An approved debate is read by anyone if public, else by the scope's people and the
//! teams above; it is **taken part in** (contributions, replies, propositions, supports) by the
//! scope's people with a proven address. Anyone else gets what a missing debate gets.
//!
//! `DEBATE_LISTED` is the same reading rule in SQL for `/debats`, without the teams above (who
//! find them on the scope's page) and without pending debates.

use crate::model::feed::GroupMembership;
use crate::model::ids::UserId;
use crate::server::policy::announcements::{self, ScopeFacts};
use crate::server::policy::Subject;

/// A debate's scope as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DebateScopeFacts {
    Team(ScopeFacts),
    /// A group, with the reader's place in it.
    Group(GroupMembership),
}

/// A debate as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebateFacts {
    pub scope: DebateScopeFacts,
    pub public: bool,
    pub approved: bool,
    pub author: Option<UserId>,
}

/// The scope's team.
pub fn is_team(s: &Subject, scope: &DebateScopeFacts) -> bool {
    match scope {
        DebateScopeFacts::Team(facts) => announcements::can_write(s, facts),
        // A group is its members' own: its admins, not the party's teams (as its publications).
        DebateScopeFacts::Group(membership) => s.may_speak() && *membership == GroupMembership::Admin,
    }
}

/// The scope's people (a section's, a federation's, a group's members).
fn is_of_scope(s: &Subject, scope: &DebateScopeFacts) -> bool {
    s.is_active()
        && match scope {
            DebateScopeFacts::Team(ScopeFacts::Section(section)) => s.belongs_to_section(section.id),
            DebateScopeFacts::Team(ScopeFacts::Federation(code)) => s.belonging.federation_code.as_deref() == Some(code.as_str()),
            DebateScopeFacts::Group(membership) => matches!(membership, GroupMembership::Member | GroupMembership::Admin),
        }
}

/// The teams above a section or federation (they read its debates, as its annonces' history).
fn is_team_above(s: &Subject, scope: &DebateScopeFacts) -> bool {
    match scope {
        DebateScopeFacts::Team(facts) => announcements::can_read_history(s, facts),
        DebateScopeFacts::Group(_) => false,
    }
}

/// Opening a debate at once.
pub fn can_open(s: &Subject, scope: &DebateScopeFacts) -> bool {
    is_team(s, scope)
}

/// Proposing a debate for the team's approval.
pub fn can_propose(s: &Subject, scope: &DebateScopeFacts) -> bool {
    s.may_speak() && s.is_confirmed_adherent() && is_of_scope(s, scope)
}

/// The scope's list of debates (its pending ones only for the team).
pub fn can_list(s: &Subject, scope: &DebateScopeFacts) -> bool {
    is_of_scope(s, scope) || is_team_above(s, scope) || is_team(s, scope)
}

/// A debate's page, its contributions and propositions, and its live events.
pub fn can_see(s: &Subject, d: &DebateFacts) -> bool {
    if !d.approved {
        return (s.is_active() && d.author.is_some() && s.id() == d.author) || is_team(s, &d.scope);
    }
    d.public || is_of_scope(s, &d.scope) || is_team_above(s, &d.scope) || is_team(s, &d.scope)
}

/// Contributing, replying, proposing, supporting (the window is checked apart).
pub fn can_take_part(s: &Subject, d: &DebateFacts) -> bool {
    d.approved && s.may_speak() && (is_of_scope(s, &d.scope) || is_team(s, &d.scope))
}

/// Approving, pinning, selecting, merging, the synthèse, the vote.
pub fn can_organize(s: &Subject, d: &DebateFacts) -> bool {
    is_team(s, &d.scope)
}

/// May `me` (the `VIEWER` CTE) find debate `d` in `/debats`: approved, and public or of their
/// section, federation or group.
pub const DEBATE_LISTED: &str = "(d.approved_at IS NOT NULL AND (d.audience = 'public' \
     OR (d.scope_kind = 'section' AND d.scope_code = CAST(me.section_id AS TEXT)) \
     OR (d.scope_kind = 'federation' AND d.scope_code = me.federation_code) \
     OR (d.scope_kind = 'group' AND EXISTS (SELECT 1 FROM group_members gm WHERE gm.user_id = me.id \
         AND CAST(gm.group_id AS TEXT) = d.scope_code AND gm.role IN ('admin', 'member')))))";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SectionId;
    use crate::model::territory::{Role, Scope};
    use crate::server::policy::SectionScope;

    fn lille(public: bool, approved: bool, author: Option<i64>) -> DebateFacts {
        DebateFacts {
            scope: DebateScopeFacts::Team(ScopeFacts::Section(SectionScope { id: SectionId(1), federation_code: "59".into() })),
            public,
            approved,
            author: author.map(UserId),
        }
    }

    #[test]
    fn the_team_opens_the_scope_takes_part_others_read_public_ones() {
        let secretary = Subject::for_tests(1, Some(1), Some("59"), true, vec![(Role::SectionSecretary, Scope::Section(1))]);
        let adherent = Subject::for_tests(2, Some(1), Some("59"), true, vec![]);
        let sympathisant = Subject::for_tests(3, Some(1), Some("59"), false, vec![]);
        let elsewhere = Subject::for_tests(4, Some(2), Some("62"), true, vec![]);
        let federal =
            Subject::for_tests(5, Some(9), Some("59"), true, vec![(Role::FederationFirstSecretary, Scope::Federation("59".into()))]);
        let scope = lille(false, true, Some(1)).scope;
        assert!(can_open(&secretary, &scope) && !can_open(&adherent, &scope) && !can_open(&federal, &scope));
        assert!(can_propose(&adherent, &scope) && !can_propose(&sympathisant, &scope) && !can_propose(&elsewhere, &scope));
        let closed = lille(false, true, Some(1));
        assert!(can_see(&sympathisant, &closed) && can_see(&federal, &closed) && !can_see(&elsewhere, &closed));
        assert!(can_take_part(&sympathisant, &closed) && !can_take_part(&federal, &closed) && !can_take_part(&elsewhere, &closed));
        let public = lille(true, true, Some(1));
        assert!(can_see(&elsewhere, &public) && can_see(&Subject::anonymous(), &public) && !can_take_part(&elsewhere, &public));
        let pending = lille(false, false, Some(2));
        assert!(can_see(&adherent, &pending) && can_see(&secretary, &pending) && !can_see(&sympathisant, &pending));
        assert!(!can_take_part(&adherent, &pending) && can_organize(&secretary, &pending) && !can_organize(&adherent, &pending));
    }

    #[test]
    fn a_group_debate_is_its_members_and_admins() {
        let member = Subject::for_tests(1, Some(1), Some("59"), false, vec![]);
        let group = |m| DebateFacts { scope: DebateScopeFacts::Group(m), public: false, approved: true, author: None };
        assert!(can_take_part(&member, &group(GroupMembership::Member)) && !can_see(&member, &group(GroupMembership::Pending)));
        assert!(can_organize(&member, &group(GroupMembership::Admin)) && !can_organize(&member, &group(GroupMembership::Member)));
    }
}
