//! Who reports, who sees which queue, who decides, who appeals and who answers an appeal, who
//! reads which journal.
//!
//! Each scope has its moderators: a group's admins; a section's moderators and its secretary; a
//! federation's moderators and its premier·e secrétaire; the national moderators and admins. A
//! moderator never decides on a case about themselves: the case goes to the scope above
//! (`scope_for_case`), and the rule refuses it anyway (`can_decide`). An appeal goes to the scope
//! above the decision and is answered by someone other than the first decision's author.

use crate::model::ids::UserId;
use crate::model::moderation::{DecisionKind, ModerationScope};
use crate::model::territory::{Role, Scope};
use crate::server::policy::Subject;

/// `group_admin`: the subject administers the group of a `Group` scope (the caller read it).
pub fn moderates(s: &Subject, scope: &ModerationScope, group_admin: bool) -> bool {
    if !s.is_active() {
        return false;
    }
    let has = |role: Role, scope: Scope| s.roles.contains(&(role, scope));
    match scope {
        ModerationScope::Group(_) => group_admin,
        ModerationScope::Section(id) => has(Role::Moderator, Scope::Section(*id)) || has(Role::SectionSecretary, Scope::Section(*id)),
        ModerationScope::Federation(code) => {
            has(Role::Moderator, Scope::Federation(code.clone())) || has(Role::FederationFirstSecretary, Scope::Federation(code.clone()))
        }
        ModerationScope::National => has(Role::Moderator, Scope::National) || s.is_national_admin(),
    }
}

/// The scope above: a section's federation, the nation above a federation and a group; the
/// national scope is its own appeal (answered by another national moderator).
pub fn scope_above(scope: &ModerationScope, section_federation: Option<&str>) -> ModerationScope {
    match (scope, section_federation) {
        (ModerationScope::Section(_), Some(code)) => ModerationScope::Federation(code.to_string()),
        _ => ModerationScope::National,
    }
}

/// Where a case goes: the item's own scope, unless the person concerned moderates it (or nobody
/// else does), then the scope above.
pub fn scope_for_case(
    item_scope: ModerationScope,
    concerned_moderates_it: bool,
    others_moderate_it: bool,
    section_federation: Option<&str>,
) -> ModerationScope {
    if concerned_moderates_it || !others_moderate_it {
        if item_scope == ModerationScope::National {
            return item_scope;
        }
        return scope_above(&item_scope, section_federation);
    }
    item_scope
}

/// The scope of a publication (and of its comments): the audience it was written for.
pub fn post_scope(audience: &str, section: Option<i64>, federation: Option<&str>, group: Option<i64>) -> ModerationScope {
    match (audience, section, federation, group) {
        ("group", _, _, Some(g)) => ModerationScope::Group(g),
        ("section", Some(s), _, _) => ModerationScope::Section(s),
        ("federation", _, Some(f), _) => ModerationScope::Federation(f.to_string()),
        _ => ModerationScope::National,
    }
}

/// The scopes that may decide on an item of `item_scope`, from its own upwards (a section's
/// federation, then the nation).
pub fn chain(item_scope: &ModerationScope, section_federation: Option<&str>) -> Vec<ModerationScope> {
    let mut scopes = vec![item_scope.clone()];
    let mut last = item_scope.clone();
    while last != ModerationScope::National {
        last = scope_above(&last, section_federation);
        scopes.push(last.clone());
    }
    scopes
}

/// Taking an item up without a report ("Modérer"): someone who could decide on it in one of the
/// scopes of its `chain`. The decision then follows the one path: rule, reason, journal, notice,
/// appeal (moderators never hide or delete others' words directly).
pub fn can_take_up(s: &Subject, chain: &[ModerationScope], group_admin: bool, concerned: UserId) -> bool {
    chain.iter().any(|scope| can_decide(s, scope, group_admin, concerned))
}

/// Reporting: an active person with a proven address (what speaking needs), who sees the item
/// (the caller checked), and not about themselves.
pub fn can_report(s: &Subject, concerned: UserId) -> bool {
    s.may_speak() && s.id() != Some(concerned)
}

/// A scope's queue: its moderators.
pub fn can_see_queue(s: &Subject, scope: &ModerationScope, group_admin: bool) -> bool {
    moderates(s, scope, group_admin)
}

/// Deciding on a case: a moderator of its scope who is not the person concerned.
pub fn can_decide(s: &Subject, scope: &ModerationScope, group_admin: bool, concerned: UserId) -> bool {
    moderates(s, scope, group_admin) && s.id() != Some(concerned)
}

/// Appealing: the person concerned, once, against a sanction (not against an appeal's answer).
pub fn can_appeal(s: &Subject, concerned: Option<UserId>, kind: DecisionKind, already_appealed: bool) -> bool {
    s.is_active() && concerned.is_some() && s.id() == concerned && kind.is_sanction() && !already_appealed
}

/// Appealing a suspension through the link of its e-mail (the person cannot sign in): the link's
/// person, once, against their suspension.
pub fn can_appeal_by_link(link_user: UserId, concerned: Option<UserId>, kind: DecisionKind, already_appealed: bool) -> bool {
    concerned == Some(link_user) && kind == DecisionKind::Suspend && !already_appealed
}

/// Answering an appeal: a moderator of the scope above who took neither the first decision nor is
/// the person concerned.
pub fn can_decide_appeal(s: &Subject, appeal_scope: &ModerationScope, first_decider: Option<UserId>, concerned: Option<UserId>) -> bool {
    moderates(s, appeal_scope, false) && s.id().is_some() && s.id() != first_decider && s.id() != concerned
}

/// A decision's page: the person concerned, the moderators of its scope and of the scope its
/// appeal goes to. Reporters learn the outcome by notification (kind and rule, never the reason).
pub fn can_see_decision(s: &Subject, concerned: Option<UserId>, moderates_scope: bool, moderates_appeal_scope: bool) -> bool {
    s.is_active() && ((concerned.is_some() && s.id() == concerned) || moderates_scope || moderates_appeal_scope)
}

/// A scope's journal: its members (the public scope's: everyone) and its moderators.
/// `member`: the subject belongs to the scope (their section or federation, a group they are in).
pub fn can_read_journal(s: &Subject, scope: &ModerationScope, member: bool, group_admin: bool) -> bool {
    match scope {
        ModerationScope::National => true,
        _ => (s.is_active() && member) || moderates(s, scope, group_admin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, section: Option<i64>, roles: &[(Role, Scope)]) -> Subject {
        Subject::for_tests(id, section, Some("59"), true, roles.to_vec())
    }

    #[test]
    fn each_scope_has_its_moderators() {
        let s7 = ModerationScope::Section(7);
        assert!(moderates(&person(1, None, &[(Role::SectionSecretary, Scope::Section(7))]), &s7, false));
        assert!(moderates(&person(1, None, &[(Role::Moderator, Scope::Section(7))]), &s7, false));
        assert!(!moderates(&person(1, None, &[(Role::SectionAnimator, Scope::Section(7))]), &s7, false), "animators do not moderate");
        assert!(!moderates(&person(1, None, &[(Role::Moderator, Scope::Section(8))]), &s7, false), "another section's queue");
        assert!(!moderates(&person(1, None, &[(Role::Moderator, Scope::Federation("59".into()))]), &s7, false), "not below");
        let f = ModerationScope::Federation("59".into());
        assert!(moderates(&person(1, None, &[(Role::FederationFirstSecretary, Scope::Federation("59".into()))]), &f, false));
        assert!(!moderates(&person(1, None, &[(Role::FederationFirstSecretary, Scope::Federation("62".into()))]), &f, false));
        assert!(moderates(&person(1, None, &[(Role::NationalAdmin, Scope::National)]), &ModerationScope::National, false));
        assert!(moderates(&person(1, None, &[]), &ModerationScope::Group(3), true));
        assert!(!moderates(&Subject::anonymous(), &ModerationScope::Group(3), true));
    }

    #[test]
    fn nobody_decides_about_themselves() {
        let secretary = person(1, Some(7), &[(Role::SectionSecretary, Scope::Section(7))]);
        assert!(!can_decide(&secretary, &ModerationScope::Section(7), false, UserId(1)));
        assert!(can_decide(&secretary, &ModerationScope::Section(7), false, UserId(2)));
        assert_eq!(scope_for_case(ModerationScope::Section(7), true, true, Some("59")), ModerationScope::Federation("59".into()));
        assert_eq!(
            scope_for_case(ModerationScope::Section(7), false, false, Some("59")),
            ModerationScope::Federation("59".into()),
            "no moderator"
        );
        assert_eq!(scope_for_case(ModerationScope::Section(7), false, true, Some("59")), ModerationScope::Section(7));
        assert_eq!(scope_for_case(ModerationScope::Group(3), true, true, None), ModerationScope::National);
        assert_eq!(scope_for_case(ModerationScope::National, true, true, None), ModerationScope::National);
    }

    #[test]
    fn moderators_take_up_what_their_scope_or_a_scope_below_holds() {
        let chain = chain(&ModerationScope::Section(7), Some("59"));
        assert_eq!(chain, vec![ModerationScope::Section(7), ModerationScope::Federation("59".into()), ModerationScope::National]);
        let fed = person(9, None, &[(Role::Moderator, Scope::Federation("59".into()))]);
        assert!(can_take_up(&fed, &chain, false, UserId(5)));
        assert!(!can_take_up(&fed, &chain, false, UserId(9)), "not about themselves");
        let other = person(9, None, &[(Role::Moderator, Scope::Section(8))]);
        assert!(!can_take_up(&other, &chain, false, UserId(5)), "another section");
        let national = chain_of_public();
        assert!(!can_take_up(&fed, &national, false, UserId(5)), "public content is the national team's");
        assert!(can_take_up(&person(9, None, &[(Role::NationalAdmin, Scope::National)]), &national, false, UserId(5)));
        assert!(!can_take_up(&person(5, Some(7), &[]), &chain, false, UserId(6)), "members report, they do not take up");
    }

    fn chain_of_public() -> Vec<ModerationScope> {
        chain(&ModerationScope::National, None)
    }

    #[test]
    fn appeals_go_up_to_someone_else() {
        let author = person(5, Some(7), &[]);
        assert!(can_appeal(&author, Some(UserId(5)), DecisionKind::Hide, false));
        assert!(!can_appeal(&author, Some(UserId(5)), DecisionKind::Hide, true), "once");
        assert!(!can_appeal(&author, Some(UserId(5)), DecisionKind::Dismiss, false));
        assert!(!can_appeal(&person(6, Some(7), &[]), Some(UserId(5)), DecisionKind::Hide, false));
        let fed = person(9, None, &[(Role::Moderator, Scope::Federation("59".into()))]);
        let above = ModerationScope::Federation("59".into());
        assert!(can_decide_appeal(&fed, &above, Some(UserId(1)), Some(UserId(5))));
        assert!(!can_decide_appeal(&fed, &above, Some(UserId(9)), Some(UserId(5))), "not the first decider");
        assert!(!can_decide_appeal(
            &person(1, Some(7), &[(Role::SectionSecretary, Scope::Section(7))]),
            &above,
            Some(UserId(2)),
            Some(UserId(5))
        ));
    }

    #[test]
    fn journals_are_read_by_their_scope() {
        assert!(can_read_journal(&Subject::anonymous(), &ModerationScope::National, false, false));
        assert!(!can_read_journal(&Subject::anonymous(), &ModerationScope::Section(7), false, false));
        assert!(can_read_journal(&person(1, Some(7), &[]), &ModerationScope::Section(7), true, false));
        assert!(!can_read_journal(&person(1, Some(8), &[]), &ModerationScope::Section(7), false, false));
    }
}
