//! Who may read and write publications, comments, reactions, groups and coopain links.
//!
//! Reading is decided in SQL, because feeds, counts, notifications and the live stream filter
//! thousands of rows: `VIEWER` and `POST_VISIBLE` are the one definition of "may this person see
//! this publication", spliced into every query that returns publications or anything about them.
//! Writing is decided here in Rust on the `Subject`.

use crate::model::feed::{Audience, GroupMembership, GroupPrivacy};
use crate::model::ids::{SectionId, UserId};
use crate::model::territory::{Role, Scope};
use crate::server::policy::Subject;

/// `me`: the viewer (bind the user id as `$1`, 0 for a visitor): id, section and federation, all
/// NULL for visitors and suspended accounts. Always exactly one row.
pub const VIEWER: &str = "me AS (SELECT vu.id AS id, vsc.section_id AS section_id, vc.departement_code AS federation_code \
     FROM (SELECT CAST($1 AS BIGINT) AS uid) vx \
     LEFT JOIN users vu ON vu.id = vx.uid AND vu.suspended_at IS NULL \
     LEFT JOIN communes vc ON vc.insee = vu.commune_insee \
     LEFT JOIN section_communes vsc ON vsc.insee = vu.commune_insee)";

/// `me` found from a session (bind the token's hash as `$1` and now as `$2`): the same columns as
/// `VIEWER`, plus the session's `last_seen_at` and `expires_at`; no row when the session is unknown or expired or
/// its account suspended. The request's first statement is built on it (`store::sessions`).
pub const SESSION_VIEWER: &str = "me AS (SELECT vu.id AS id, vsc.section_id AS section_id, vc.departement_code AS federation_code, \
     vs.last_seen_at AS last_seen_at, vs.expires_at AS expires_at, vs.client AS client \
     FROM sessions vs JOIN users vu ON vu.id = vs.user_id AND vu.suspended_at IS NULL \
     LEFT JOIN communes vc ON vc.insee = vu.commune_insee \
     LEFT JOIN section_communes vsc ON vsc.insee = vu.commune_insee \
     WHERE vs.token_hash = $1 AND vs.expires_at > $2)";

/// `me` for several signed-in viewers at once (the live stream checks one event for every
/// connected person in one statement): one row per active viewer whose id is in `placeholders`,
/// with the same columns as `VIEWER`, so `POST_VISIBLE` reads the same.
pub fn viewers(placeholders: &str) -> String {
    format!(
        "me AS (SELECT vu.id AS id, vsc.section_id AS section_id, vc.departement_code AS federation_code \
         FROM users vu \
         LEFT JOIN communes vc ON vc.insee = vu.commune_insee \
         LEFT JOIN section_communes vsc ON vsc.insee = vu.commune_insee \
         WHERE vu.id IN ({placeholders}) AND vu.suspended_at IS NULL)"
    )
}

/// Is the person in column `$author` restricted (or excluded) in the scope of publication `p`?
/// Restrictions (`moderation_restrictions`, rows exist only while they apply) cover their scope
/// and what lies under it: a section's publications for the section, its federation's and the
/// nation's; a group's for the group and the nation. The restricted person's own view is the
/// caller's to allow (they still read what they wrote).
macro_rules! author_restricted {
    ($author:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM moderation_restrictions vr WHERE vr.user_id = ",
            $author,
            " AND (vr.scope_kind = 'national' \
              OR (vr.scope_kind = 'federation' AND vr.scope_code = p.federation_code AND p.audience IN ('federation', 'section')) \
              OR (vr.scope_kind = 'section' AND p.audience = 'section' AND vr.scope_code = CAST(p.section_id AS TEXT)) \
              OR (vr.scope_kind = 'group' AND p.audience = 'group' AND vr.scope_code = CAST(p.group_id AS TEXT))))"
        )
    };
}
pub(crate) use author_restricted;

/// May `me` see publication `p` written by `u`? Public and national publications: everyone.
/// Section / federation: the people of that section / federation. Group: members (and, for a
/// public group, anyone signed in). Coopains: the author's coopains. Never across a block (either
/// way), never a suspended author's, nor one of an author restricted in its scope (to others), and a hidden
/// one only to its author.
///
/// `LIMIT 1 OFFSET 0` in the `EXISTS` keeps them per-row index probes: without it PostgreSQL turns
/// an `EXISTS` under `OR` into a hashed subplan that reads the whole `coopains` table (54,000 rows
/// on the S demo) for every statement (`/tags/logement`: 32 ms → 3.5 ms). Harmless for SQLite.
/// The rule's text, with what it says of hidden publications as a parameter: `POST_VISIBLE` and
/// `POST_VISIBLE_WITH_HIDDEN` are built from this one definition (never by patching one into the
/// other: an edit of the rule must change both).
macro_rules! post_visible {
    ($hidden:literal) => {
        concat!(
            "(u.suspended_at IS NULL AND ",
            $hidden,
            " AND (p.audience IN ('public', 'national') \
       OR p.author_id = me.id \
       OR (p.audience = 'section' AND p.section_id = me.section_id) \
       OR (p.audience = 'federation' AND p.federation_code = me.federation_code) \
       OR (p.audience = 'group' AND (EXISTS (SELECT 1 FROM group_members vgm WHERE vgm.group_id = p.group_id AND vgm.user_id = me.id AND vgm.role <> 'pending' LIMIT 1 OFFSET 0) \
            OR (me.id IS NOT NULL AND EXISTS (SELECT 1 FROM groups vg WHERE vg.id = p.group_id AND vg.privacy = 'public' LIMIT 1 OFFSET 0)))) \
       OR (p.audience = 'coopains' AND EXISTS (SELECT 1 FROM coopains vk WHERE vk.user_id = p.author_id AND vk.coopain_id = me.id LIMIT 1 OFFSET 0))) \
     AND NOT EXISTS (SELECT 1 FROM blocks vb WHERE vb.blocker_id = p.author_id AND vb.blocked_id = me.id) \
     AND NOT EXISTS (SELECT 1 FROM blocks vb2 WHERE vb2.blocker_id = me.id AND vb2.blocked_id = p.author_id) \
     AND (p.author_id = me.id OR NOT ",
            author_restricted!("p.author_id"),
            "))"
        )
    };
}

pub const POST_VISIBLE: &str = post_visible!("(p.hidden_at IS NULL OR p.author_id = me.id)");

/// The same rule, hidden publications included: for moderators, whom the caller checks.
pub const POST_VISIBLE_WITH_HIDDEN: &str = post_visible!("TRUE");

/// One way a publication gets into `me`'s home feed (`/fil`). `applies` asks it of one
/// publication `p` (the live stream); `scan` reads the same publications for the feed as one index
/// range of `posts` per value of `me` (`FROM … WHERE …`, newest first), so that the feed is a union
/// of short keyset scans (`store::posts::feed`) instead of a filter over the whole table. The scans
/// read `me` through scalar subqueries, which the planners treat as constants: a join on the
/// materialized `me` made SQLite walk the whole table by id instead (120 ms on the S demo).
pub struct HomeBranch {
    pub applies: &'static str,
    pub scan: &'static str,
}

/// Mine, the national team's, my section's, my federation's, my groups', my coopains' (public
/// and for coopains).
pub const HOME_BRANCHES: [HomeBranch; 7] = [
    HomeBranch { applies: "p.author_id = me.id", scan: "FROM posts p WHERE p.author_id = (SELECT id FROM me)" },
    HomeBranch { applies: "p.audience = 'national'", scan: "FROM posts p WHERE p.audience = 'national'" },
    HomeBranch {
        applies: "p.section_id = me.section_id AND p.audience IN ('section', 'public')",
        scan: "FROM posts p WHERE p.section_id = (SELECT section_id FROM me) AND p.audience IN ('section', 'public')",
    },
    HomeBranch {
        applies: "p.federation_code = me.federation_code AND p.audience = 'federation'",
        scan: "FROM posts p WHERE p.federation_code = (SELECT federation_code FROM me) AND p.audience = 'federation'",
    },
    // Groups: every range of my groups, then sorted (bounded by my groups' sizes), never a walk
    // through every group publication.
    HomeBranch {
        applies: "p.audience = 'group' AND p.group_id IN (SELECT hgm.group_id FROM group_members hgm WHERE hgm.user_id = me.id AND hgm.role <> 'pending')",
        scan: "FROM group_members hgm CROSS JOIN posts p WHERE hgm.user_id = (SELECT id FROM me) AND hgm.role <> 'pending' \
               AND p.group_id = hgm.group_id AND p.audience = 'group'",
    },
    // Coopains: one index range per coopain and audience (`posts_author_audience_idx`), then
    // sorted: bounded by what my coopains wrote for the public or for their coopains, never by
    // the rest of what they wrote (the demo's national admin writes thousands of 'national').
    HomeBranch {
        applies: "p.audience = 'public' AND p.author_id IN (SELECT hk.coopain_id FROM coopains hk WHERE hk.user_id = me.id)",
        scan: "FROM coopains hk CROSS JOIN posts p WHERE hk.user_id = (SELECT id FROM me) AND p.author_id = hk.coopain_id \
               AND p.audience = 'public'",
    },
    HomeBranch {
        applies: "p.audience = 'coopains' AND p.author_id IN (SELECT hk.coopain_id FROM coopains hk WHERE hk.user_id = me.id)",
        scan: "FROM coopains hk CROSS JOIN posts p WHERE hk.user_id = (SELECT id FROM me) AND p.author_id = hk.coopain_id \
               AND p.audience = 'coopains'",
    },
];

/// Is publication `p` in `me`'s home feed (the live stream asks it of one publication).
pub fn in_home() -> String {
    let applies: Vec<&str> = HOME_BRANCHES.iter().map(|b| b.applies).collect();
    format!("(({}))", applies.join(") OR ("))
}

/// Where a publication lives, for moderation rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostScope {
    /// `None` for a "message supprimé" (its author's account was erased).
    pub author_id: Option<UserId>,
    pub section_id: Option<SectionId>,
    pub federation_code: Option<String>,
    /// The viewer's role in the publication's group, if any.
    pub viewer_group_role: Option<GroupMembership>,
}

/// Publishing needs an active account with a proven address; each audience has its condition.
pub fn can_publish(s: &Subject, audience: Audience, group_role: Option<GroupMembership>) -> bool {
    if !s.may_speak() {
        return false;
    }
    match audience {
        Audience::Public | Audience::Coopains => true,
        Audience::National => s.is_national_admin(),
        Audience::Section => s.belonging.section_id.is_some(),
        Audience::Federation => s.belonging.federation_code.is_some(),
        Audience::Group => matches!(group_role, Some(GroupMembership::Member | GroupMembership::Admin)),
    }
}

pub fn can_edit_post(s: &Subject, post: &PostScope) -> bool {
    post.author_id.is_some() && s.id() == post.author_id
}

/// Moderators of the scope: moderators of the author's section, federation or the nation, the
/// federation's responsables, national admins, and a group's admins for its publications.
pub fn can_moderate_post(s: &Subject, post: &PostScope) -> bool {
    if !s.is_active() {
        return false;
    }
    let section = post.section_id.is_some_and(|id| s.roles.contains(&(Role::Moderator, Scope::Section(id.get()))));
    let federation = post
        .federation_code
        .as_deref()
        .is_some_and(|code| s.roles.contains(&(Role::Moderator, Scope::Federation(code.to_string()))) || s.is_federation_responsable(code));
    section
        || federation
        || s.is_national_admin()
        || s.roles.contains(&(Role::Moderator, Scope::National))
        || post.viewer_group_role == Some(GroupMembership::Admin)
}

/// The author deletes; moderators hide (with a reason) rather than delete.
pub fn can_delete_post(s: &Subject, post: &PostScope) -> bool {
    can_edit_post(s, post)
}

/// Commenting and reacting: any active person with a proven address who sees the publication
/// (the caller checked that with `POST_VISIBLE`), unless the author blocked them (also excluded
/// by `POST_VISIBLE`).
pub fn can_interact(s: &Subject) -> bool {
    s.may_speak()
}

/// Thematic groups are created by confirmed adhérents (and the national team), address proven.
pub fn can_create_group(s: &Subject) -> bool {
    s.may_speak() && (s.is_confirmed_adherent() || s.is_national_admin())
}

/// A private group's member list, member count and content: its members only.
pub fn can_see_group_inside(privacy: GroupPrivacy, membership: GroupMembership, s: &Subject) -> bool {
    match privacy {
        GroupPrivacy::Public => true,
        GroupPrivacy::Private => s.is_active() && matches!(membership, GroupMembership::Member | GroupMembership::Admin),
    }
}

pub fn can_administer_group(s: &Subject, membership: GroupMembership) -> bool {
    s.is_active() && membership == GroupMembership::Admin
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::policy::Belonging;

    fn person(id: i64, section: Option<i64>, roles: &[(Role, Scope)]) -> Subject {
        Subject::for_tests(id, section, Some("59"), true, roles.to_vec())
    }

    #[test]
    fn the_rule_with_hidden_publications_differs_only_there() {
        assert_eq!(POST_VISIBLE.replace("(p.hidden_at IS NULL OR p.author_id = me.id)", "TRUE"), POST_VISIBLE_WITH_HIDDEN);
        assert_ne!(POST_VISIBLE, POST_VISIBLE_WITH_HIDDEN);
    }

    #[test]
    fn publishing_needs_a_place_for_each_audience() {
        let homeless =
            Subject { belonging: Belonging { section_id: None, email_verified: true, ..Default::default() }, ..person(1, None, &[]) };
        assert!(can_publish(&homeless, Audience::Public, None));
        let unverified = Subject { belonging: Belonging { email_verified: false, ..homeless.belonging.clone() }, ..homeless.clone() };
        assert!(!can_publish(&unverified, Audience::Public, None) && !can_interact(&unverified), "an unproven address does not speak");
        assert!(!can_publish(&homeless, Audience::Section, None));
        assert!(!can_publish(&homeless, Audience::National, None));
        assert!(!can_publish(&homeless, Audience::Group, Some(GroupMembership::Pending)));
        assert!(can_publish(&homeless, Audience::Group, Some(GroupMembership::Member)));
        assert!(!can_publish(&Subject::anonymous(), Audience::Public, None));
        assert!(can_publish(&person(2, None, &[(Role::NationalAdmin, Scope::National)]), Audience::National, None));
    }

    #[test]
    fn moderation_follows_the_scope() {
        let post = PostScope {
            author_id: Some(UserId(1)),
            section_id: Some(SectionId(7)),
            federation_code: Some("59".into()),
            viewer_group_role: None,
        };
        assert!(can_moderate_post(&person(2, None, &[(Role::Moderator, Scope::Section(7))]), &post));
        assert!(!can_moderate_post(&person(2, None, &[(Role::Moderator, Scope::Section(8))]), &post));
        assert!(can_moderate_post(&person(2, None, &[(Role::Moderator, Scope::Federation("59".into()))]), &post));
        assert!(!can_moderate_post(&person(2, None, &[(Role::Moderator, Scope::Federation("62".into()))]), &post));
        assert!(!can_moderate_post(&person(1, Some(7), &[]), &post), "authors delete, they do not hide");
        assert!(can_delete_post(&person(1, Some(7), &[]), &post));
        assert!(!can_delete_post(&person(2, Some(7), &[(Role::Moderator, Scope::Section(7))]), &post));
        let in_group = PostScope { viewer_group_role: Some(GroupMembership::Admin), ..post };
        assert!(can_moderate_post(&person(3, None, &[]), &in_group));
    }
}
