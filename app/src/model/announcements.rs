//! Annonces (issue 19) as pages show them: a scope's page (who may write, to whom, what was sent)
//! and one annonce as its recipients read it.

use serde::{Deserialize, Serialize};

use crate::model::feed::{Author, SafeHtml};

string_enum! {
    /// To whom an annonce goes, within its section or federation.
    pub enum Segment {
        All = "all",
        Adherents = "adherents",
        Sympathisants = "sympathisants",
        /// People who said they are available for a kind of action (`Availability`).
        Available = "available",
        /// Those who answered "je participe" to one of the scope's actions.
        Participants = "participants",
    }
}

/// A team's space: a section or a federation, where annonces are written from and votes held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TeamScope {
    /// A section, by its slug.
    Section(String),
    /// A federation, by its code.
    Federation(String),
}

impl TeamScope {
    /// The scope's annonces page.
    pub fn page(&self) -> String {
        match self {
            TeamScope::Section(slug) => format!("/sections/{slug}/annonces"),
            TeamScope::Federation(code) => format!("/federations/{code}/annonces"),
        }
    }

    /// The scope's votes.
    pub fn votes_page(&self) -> String {
        match self {
            TeamScope::Section(slug) => format!("/sections/{slug}/votes"),
            TeamScope::Federation(code) => format!("/federations/{code}/votes"),
        }
    }

    /// The scope's own page.
    pub fn home(&self) -> String {
        match self {
            TeamScope::Section(slug) => format!("/sections/{slug}"),
            TeamScope::Federation(code) => format!("/federations/{code}"),
        }
    }
}

/// An action of the scope whose participants may be written to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionChoice {
    pub id: i64,
    pub title: String,
    pub starts_at_ms: i64,
    pub going: i64,
}

/// A line of a scope's sent annonces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentAnnouncement {
    pub id: i64,
    pub subject: String,
    pub author: Option<Author>,
    pub segment: Segment,
    /// The availability's or the action's name, for the two segments that have one.
    pub segment_detail: Option<String>,
    pub recipients: i64,
    pub by_mail: i64,
    pub created_at_ms: i64,
}

/// `/sections/{slug}/annonces`, `/federations/{code}/annonces`: the form (for the team) and what
/// was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementsPage {
    pub scope: TeamScope,
    /// "Lille", "Nord".
    pub scope_name: String,
    pub actions: Vec<ActionChoice>,
    /// Annonces the scope may still send in the rolling week, and the weekly limit.
    pub remaining_this_week: i64,
    pub weekly_limit: i64,
    /// The viewer may write (else they only read the history: the scope above).
    pub may_write: bool,
    pub sent: Vec<SentAnnouncement>,
    /// The next page of the history ("time-id").
    pub next: Option<String>,
}

/// `/annonces/{id}`: an annonce, for its recipients and the scope's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementView {
    pub id: i64,
    pub scope: TeamScope,
    pub scope_name: String,
    pub author: Option<Author>,
    pub subject: String,
    pub html: SafeHtml,
    pub created_at_ms: i64,
    /// The viewer received it and gets annonces by e-mail (the page offers to stop).
    pub by_mail: bool,
    pub received: bool,
    /// For the scope's team: (recipients, of whom by e-mail).
    pub delivery: Option<(i64, i64)>,
}

/// `/desabonnement/{token}`: whether the link is good (a confirmation button), and for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnsubscribeLink {
    Valid { already: bool },
    Unknown,
}
