//! Feed DTOs: publications, comments, reactions, feeds and their pages, coopains, groups,
//! notifications, and the parsed values written into them.

use serde::{Deserialize, Serialize};

use super::form::FieldError;

/// HTML that went through the sanitizer (`server::richtext`). The only type the UI renders with
/// `inner_html`; on the server it can only be built by the sanitizer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafeHtml(String);

impl SafeHtml {
    #[cfg(feature = "ssr")]
    pub(crate) fn from_sanitizer(html: String) -> Self {
        Self(html)
    }

    /// Reads back what the sanitizer stored in the database.
    #[cfg(feature = "ssr")]
    pub(crate) fn from_stored(html: String) -> Self {
        Self(html)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_enum! {
    /// Who may read a publication, chosen when writing it.
    pub enum Audience {
        Public = "public",
        /// Campaigns of the national team, in everyone's home feed.
        National = "national",
        Section = "section",
        Federation = "federation",
        Group = "group",
        Coopains = "coopains",
    }
}

string_enum! {
    /// The small fixed set of reactions.
    pub enum ReactionKind {
        Bravo = "bravo",
        Soutien = "soutien",
        Idee = "idee",
        Debat = "debat",
        Merci = "merci",
    }
}

impl ReactionKind {
    pub fn emoji(self) -> &'static str {
        match self {
            ReactionKind::Bravo => "👏",
            ReactionKind::Soutien => "✊",
            ReactionKind::Idee => "💡",
            ReactionKind::Debat => "🤔",
            ReactionKind::Merci => "❤️",
        }
    }
}

pub const MAX_POST_CHARS: usize = 5_000;
pub const MAX_COMMENT_CHARS: usize = 2_000;
pub const FEED_PAGE_SIZE: i64 = 20;

/// The text of a publication or comment: trimmed, not empty, at most `max` characters, no
/// control characters but line breaks and tabs.
pub fn parse_body(raw: &str, max: usize) -> Result<String, FieldError> {
    let text = raw.replace("\r\n", "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    if text.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(FieldError::ControlCharacters);
    }
    Ok(text.to_string())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub handle: String,
    pub display_name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactionCount {
    pub kind: ReactionKind,
    pub count: i64,
    pub mine: bool,
}

/// What the viewer may do with a publication (decided by the policy on the server).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostAbilities {
    pub edit: bool,
    pub delete: bool,
    /// "Modérer": take it up as a moderator (a case, then a decision with a rule and a reason).
    pub moderate: bool,
    pub comment: bool,
    pub react: bool,
    /// "Signaler": signed in, proven address, not its author.
    pub report: bool,
}

/// Where a publication was published, for its header ("dans la section de Lille").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PostPlace {
    Section { slug: String, name: String },
    Federation { code: String, name: String },
    Group { slug: String, name: String },
    Nowhere,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostView {
    pub id: i64,
    /// `None`: "message supprimé" (its author's account was erased; others' replies stay).
    pub author: Option<Author>,
    pub audience: Audience,
    pub place: PostPlace,
    pub html: SafeHtml,
    /// What the author typed, for the author's edit form only.
    pub source: Option<String>,
    pub created_at_ms: i64,
    pub edited: bool,
    /// Shown to the author and moderators only.
    pub hidden_reason: Option<String>,
    pub comment_count: i64,
    pub reactions: Vec<ReactionCount>,
    pub abilities: PostAbilities,
    /// Up to four pictures, in the order they were sent.
    pub pictures: Vec<crate::model::media::Picture>,
    /// Its author's avatar, when they chose one.
    pub author_avatar: Option<crate::model::media::Picture>,
}

/// Which feed is being read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FeedKey {
    Home,
    Section(String),
    Federation(String),
    Group(String),
    Member(String),
    Tag(String),
}

impl FeedKey {
    /// The page that shows this feed.
    pub fn path(&self) -> String {
        match self {
            FeedKey::Home => "/fil".into(),
            FeedKey::Section(slug) => format!("/sections/{slug}/fil"),
            FeedKey::Federation(code) => format!("/federations/{code}/fil"),
            FeedKey::Group(slug) => format!("/groupes/{slug}"),
            FeedKey::Member(handle) => format!("/membres/{handle}/publications"),
            FeedKey::Tag(tag) => format!("/tags/{tag}"),
        }
    }
}

/// Where a new publication can go from this feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceChoice {
    pub audience: Audience,
    pub group_slug: Option<String>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedPage {
    pub key: FeedKey,
    pub title: String,
    pub posts: Vec<PostView>,
    /// The cursor of the next page (the last id shown), when there may be more.
    pub next_before: Option<i64>,
    /// Empty when the viewer may not publish here.
    pub audiences: Vec<AudienceChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: i64,
    pub parent_id: Option<i64>,
    /// `None`: "message supprimé".
    pub author: Option<Author>,
    pub html: SafeHtml,
    pub created_at_ms: i64,
    pub can_delete: bool,
    pub can_reply: bool,
    /// The viewer may report it ("signaler": signed in, not its author).
    pub can_report: bool,
    /// The viewer may take it up as a moderator ("Modérer").
    pub can_moderate: bool,
    /// Hidden by the moderation: others see "masqué par la modération" instead of its text.
    pub hidden: bool,
    /// Why (its author only).
    pub hidden_reason: Option<String>,
    /// The article of the charter applied (none while it is held after several reports).
    pub hidden_rule: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostPage {
    pub post: PostView,
    pub comments: Vec<CommentView>,
    /// Who reacted, by kind (visible to whoever sees the publication).
    pub reacted: Vec<(ReactionKind, Vec<Author>)>,
}

/// Live counts of one publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostCounts {
    pub id: i64,
    pub comment_count: i64,
    pub reactions: Vec<ReactionCount>,
}

// ---- Coopains ----------------------------------------------------------------------------------

/// How the viewer relates to another person, for the buttons on their profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoopainState {
    Myself,
    None,
    RequestSent,
    RequestReceived,
    Coopains,
    /// I blocked them.
    Blocked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCard {
    pub author: Author,
    /// Why they are suggested ("même section", "3 coopains en commun"…), as a code.
    pub reason: Option<SuggestionReason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SuggestionReason {
    SameSection,
    SharedInterests,
    CommonCoopains(i64),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopainsView {
    pub coopains: Vec<PersonCard>,
    pub received: Vec<PersonCard>,
    pub sent: Vec<PersonCard>,
    pub suggestions: Vec<PersonCard>,
    pub blocked: Vec<PersonCard>,
}

// ---- Groups ------------------------------------------------------------------------------------

string_enum! {
    pub enum GroupPrivacy {
        Public = "public",
        Private = "private",
    }
}

string_enum! {
    /// A person's row in a group, as stored: asked to join, member, or admin.
    pub enum GroupRole {
        Pending = "pending",
        Member = "member",
        Admin = "admin",
    }
}

/// Where the viewer stands in a group (`None`: no row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupMembership {
    None,
    Pending,
    Member,
    Admin,
}

impl From<GroupRole> for GroupMembership {
    fn from(role: GroupRole) -> Self {
        match role {
            GroupRole::Pending => Self::Pending,
            GroupRole::Member => Self::Member,
            GroupRole::Admin => Self::Admin,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    pub slug: String,
    pub name: String,
    pub purpose: String,
    pub privacy: GroupPrivacy,
    /// None when the viewer may not know it (private group, not a member).
    pub member_count: Option<i64>,
    pub membership: GroupMembership,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    pub summary: GroupSummary,
    /// Members and admins, for those who may see them.
    pub members: Option<Vec<(Author, bool)>>,
    /// Pending requests, for the group's admins.
    pub requests: Option<Vec<Author>>,
    pub can_join: bool,
    /// Its banner, for those who may see inside.
    pub banner: Option<crate::model::media::Picture>,
    /// The viewer may change the banner (its admins).
    pub can_change_banner: bool,
    /// A page of its publications, for those who may see inside.
    pub feed: Option<FeedPage>,
}

// ---- Notifications -----------------------------------------------------------------------------

string_enum! {
    pub enum NotificationKind {
        Mention = "mention",
        Comment = "comment",
        Reply = "reply",
        /// A reply in a thread where I wrote (not to my own comment).
        ThreadReply = "thread_reply",
        Reaction = "reaction",
        CoopainRequest = "coopain_request",
        CoopainAccepted = "coopain_accepted",
        GroupRequest = "group_request",
        GroupAccepted = "group_accepted",
        GroupRefused = "group_refused",
        ActionChanged = "action_changed",
        ActionCancelled = "action_cancelled",
        ActionPromoted = "action_promoted",
        ActionReminder = "action_reminder",
        ActionProposed = "action_proposed",
        ActionApproved = "action_approved",
        /// A member of my section (I am on its team) moved to another commune, out of it.
        MemberLeft = "member_left",
        /// A member moved into my section (I am on its team); an adhérent's status is to confirm.
        MemberArrived = "member_arrived",
        /// Someone asks me to co-organize an action (I accept or refuse on the action's page).
        OrganizerInvited = "organizer_invited",
        /// The person I invited accepted to co-organize.
        OrganizerAccepted = "organizer_accepted",
        /// A moderator decided about my content, profile, group or action (the decision's page
        /// says why and takes the appeal).
        ModerationDecision = "moderation_decision",
        /// Something I reported was handled (what was decided, under which rule).
        ReportHandled = "report_handled",
        /// My appeal was answered.
        AppealDecided = "appeal_decided",
        /// My publication or comment is held after several reports, until a moderator decides.
        ContentHeld = "content_held",
        /// An annonce of my section's or federation's team reached me.
        Announcement = "announcement",
        /// A vote whose electorate I am in was opened (I may vote from its opening).
        VoteOpened = "vote_opened",
    }
}

/// Unread notifications are counted up to this many ("99+" beyond): the header's count costs the
/// same whatever the backlog.
pub const UNREAD_CAP: i64 = 100;

/// The unread count as the badge shows it: "3", "99+".
pub fn unread_label(n: i64) -> String {
    if n >= UNREAD_CAP {
        format!("{}+", UNREAD_CAP - 1)
    } else {
        n.to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub kind: NotificationKind,
    pub actor: Option<Author>,
    /// How many people reacted (aggregated reactions), else 1.
    pub count: i64,
    pub link: String,
    pub group_name: Option<String>,
    pub created_at_ms: i64,
    pub unread: bool,
    /// A moderation notification's decision: what, under which article of the charter.
    pub decision: Option<(crate::model::moderation::DecisionKind, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsPage {
    pub items: Vec<NotificationView>,
    pub unread: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_trimmed_and_bounded() {
        assert_eq!(parse_body("  salut \r\n", 10), Ok("salut".into()));
        assert_eq!(parse_body("   ", 10), Err(FieldError::Required));
        assert_eq!(parse_body(&"é".repeat(11), 10), Err(FieldError::TooLong { max: 10 }));
        assert_eq!(parse_body(&"é".repeat(10), 10), Ok("é".repeat(10)));
        assert_eq!(parse_body("a\u{0}b", 10), Err(FieldError::ControlCharacters));
    }

    #[test]
    fn codes_round_trip() {
        for &a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
        for &k in ReactionKind::ALL {
            assert_eq!(ReactionKind::parse(k.as_str()), Some(k));
        }
        for &n in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(n.as_str()), Some(n));
        }
    }
}
