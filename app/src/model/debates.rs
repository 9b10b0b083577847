//! Débats (issue 20): a question put to a section, a federation or a group; contributions *pour*,
//! *contre* or *nuance* with replies and supports; propositions the team selects for a vote or
//! merges; a synthèse at closing. As the pages show them.

use serde::{Deserialize, Serialize};

use crate::model::feed::{Author, SafeHtml};
use crate::model::votes::{DecidedAction, VoteStatus};

string_enum! {
    /// Where a contribution stands on the question.
    pub enum Stance {
        Pour = "pour",
        Contre = "contre",
        Nuance = "nuance",
    }
}

string_enum! {
    /// Who reads a debate: anyone, or the scope's people (and the teams above).
    pub enum DebateAudience {
        Public = "public",
        Scope = "scope",
    }
}

string_enum! {
    /// The order of a debate's contributions (pinned ones always first).
    pub enum DebateSort {
        Supports = "soutiens",
        Date = "date",
    }
}

/// Where a debate belongs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DebateScope {
    /// A section, by its slug.
    Section(String),
    /// A federation, by its code.
    Federation(String),
    /// A thematic group, by its slug.
    Group(String),
}

impl DebateScope {
    /// From a route's kind ("section", "federation", "group") and code.
    pub fn from_route(kind: &str, code: String) -> Option<DebateScope> {
        match kind {
            "section" => Some(DebateScope::Section(code)),
            "federation" => Some(DebateScope::Federation(code)),
            "group" => Some(DebateScope::Group(code)),
            _ => None,
        }
    }

    pub fn home(&self) -> String {
        match self {
            DebateScope::Section(slug) => format!("/sections/{slug}"),
            DebateScope::Federation(code) => format!("/federations/{code}"),
            DebateScope::Group(slug) => format!("/groupes/{slug}"),
        }
    }

    /// The scope's debates (and the opening form).
    pub fn debates_page(&self) -> String {
        format!("{}/debats", self.home())
    }

    /// The scope's votes, where a debate's selected propositions are put to a vote (sections and
    /// federations: a group has no electorate).
    pub fn votes_page(&self) -> Option<String> {
        match self {
            DebateScope::Group(_) => None,
            _ => Some(format!("{}/votes", self.home())),
        }
    }
}

/// Where a debate stands, by the server's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DebateStatus {
    /// An adhérent's debate the team has not approved yet.
    Pending,
    Upcoming,
    Open,
    Closed,
}

impl DebateStatus {
    pub fn at(now_ms: i64, approved: bool, opens_at_ms: i64, closes_at_ms: i64) -> DebateStatus {
        if !approved {
            DebateStatus::Pending
        } else if now_ms >= closes_at_ms {
            DebateStatus::Closed
        } else if now_ms < opens_at_ms {
            DebateStatus::Upcoming
        } else {
            DebateStatus::Open
        }
    }
}

/// A line of a list of debates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebateLine {
    pub id: i64,
    pub title: String,
    pub scope_name: String,
    pub status: DebateStatus,
    pub opens_at_ms: i64,
    pub closes_at_ms: i64,
    pub contributions: i64,
    pub proposals: i64,
}

/// `/debats` (the debates of the person's section, federation and groups, and public ones) or a
/// scope's debates with its opening form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebatesPage {
    /// The scope, for a scope's page; `None` for `/debats`.
    pub scope: Option<DebateScope>,
    pub scope_name: String,
    /// Opens a debate at once (the scope's team).
    pub may_open: bool,
    /// Proposes a debate the team approves (an adhérent of the scope).
    pub may_propose: bool,
    /// The person's own section and federation, for `/debats` (where to open or propose one).
    pub my_scopes: Vec<DebateScope>,
    pub debates: Vec<DebateLine>,
    /// The cursor of the next page ("time-id").
    pub next: Option<String>,
}

/// A reply to a contribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyView {
    pub id: i64,
    pub author: Option<Author>,
    pub html: SafeHtml,
    pub created_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionView {
    pub id: i64,
    pub author: Option<Author>,
    pub stance: Stance,
    pub html: SafeHtml,
    pub supports: i64,
    /// The reader supports it.
    pub supported: bool,
    pub pinned: bool,
    pub created_at_ms: i64,
    pub replies: Vec<ReplyView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: i64,
    pub author: Option<Author>,
    pub title: String,
    pub html: SafeHtml,
    pub supports: i64,
    pub supported: bool,
    pub selected: bool,
    /// Merged into this proposition (id, title).
    pub merged_into: Option<(i64, String)>,
    pub created_at_ms: i64,
}

/// A vote that came from the debate, and what it decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DebateVote {
    pub id: i64,
    pub title: String,
    pub status: VoteStatus,
    /// The winning options, once counted.
    pub winners: Vec<String>,
}

/// One debate as a person who may see it sees it: the whole thread from the question to the
/// comptes-rendus of the actions its votes decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DebateView {
    pub id: i64,
    pub scope: DebateScope,
    pub scope_name: String,
    pub author: Option<Author>,
    pub title: String,
    pub html: SafeHtml,
    pub audience: DebateAudience,
    pub opens_at_ms: i64,
    pub closes_at_ms: i64,
    pub status: DebateStatus,
    pub synthesis: Option<SafeHtml>,
    /// Contributes, replies, proposes, supports (while open).
    pub may_take_part: bool,
    /// Approves, pins, selects, merges, writes the synthèse, puts to a vote (the scope's team).
    pub may_organize: bool,
    pub sort: DebateSort,
    pub contribution_count: i64,
    pub contributions: Vec<ContributionView>,
    /// The cursor of the next page of contributions.
    pub next: Option<String>,
    pub proposals: Vec<ProposalView>,
    pub votes: Vec<DebateVote>,
    /// The actions its votes decided (those the reader may see), with their comptes-rendus' figures.
    pub decided: Vec<DecidedAction>,
}

impl DebateView {
    pub fn path(id: i64) -> String {
        format!("/debats/{id}")
    }

    /// The selected propositions, not merged, in the order shown.
    pub fn selected(&self) -> impl Iterator<Item = &ProposalView> {
        self.proposals.iter().filter(|p| p.selected && p.merged_into.is_none())
    }
}

/// What the votes page needs to open a vote from a debate: its question and selected propositions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebateForVote {
    pub id: i64,
    pub title: String,
    pub options: Vec<String>,
}

/// A page cursor of contributions: "date" sorts by id ("id"), "soutiens" by supports then id
/// ("supports-id"); both descending but date (oldest first, as a conversation reads).
pub fn parse_contribution_cursor(sort: DebateSort, raw: &str) -> Option<(i64, i64)> {
    match sort {
        DebateSort::Date => raw.parse().ok().map(|id| (0, id)),
        DebateSort::Supports => {
            let (supports, id) = raw.split_once('-')?;
            Some((supports.parse().ok()?, id.parse().ok()?))
        }
    }
}

pub fn contribution_cursor(sort: DebateSort, supports: i64, id: i64) -> String {
    match sort {
        DebateSort::Date => id.to_string(),
        DebateSort::Supports => format!("{supports}-{id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_approval_and_clock() {
        assert_eq!(DebateStatus::at(15, false, 10, 20), DebateStatus::Pending);
        assert_eq!(DebateStatus::at(5, true, 10, 20), DebateStatus::Upcoming);
        assert_eq!(DebateStatus::at(10, true, 10, 20), DebateStatus::Open);
        assert_eq!(DebateStatus::at(20, true, 10, 20), DebateStatus::Closed);
    }

    #[test]
    fn cursors_round_trip() {
        let c = contribution_cursor(DebateSort::Supports, 3, 42);
        assert_eq!(parse_contribution_cursor(DebateSort::Supports, &c), Some((3, 42)));
        assert_eq!(parse_contribution_cursor(DebateSort::Date, "42"), Some((0, 42)));
        assert_eq!(parse_contribution_cursor(DebateSort::Supports, "x"), None);
    }
}
