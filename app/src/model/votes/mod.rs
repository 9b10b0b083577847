//! Votes (issue 20): consultations of a section's or a federation's confirmed adhérents, as pages
//! show them, the ballot's choice as it is stored and published, and how a result is counted
//! from the published ballots (pure functions: the server's count and anyone's recount agree).

pub mod ballot;
pub mod majority_judgment;
pub mod tally;

use serde::{Deserialize, Serialize};

use crate::model::action::ActionSummary;
use crate::model::announcements::TeamScope;
use crate::model::feed::{Author, SafeHtml};

pub use ballot::{Choice, YesNo};
pub use tally::{tally, VoteResult};

string_enum! {
    /// The kinds of question.
    pub enum VoteKind {
        /// Oui, non or abstention.
        YesNo = "oui_non",
        /// One option among n (or a blank vote).
        OneOf = "un_choix",
        /// Up to k options among n (or a blank vote).
        SomeOf = "plusieurs_choix",
        /// Every option graded from "à rejeter" to "excellent".
        MajorityJudgment = "jugement_majoritaire",
    }
}

/// Where a vote stands, by the server's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteStatus {
    Upcoming,
    Open,
    /// Past its closing time; `counted` once the result is in.
    Closed {
        counted: bool,
    },
}

impl VoteStatus {
    pub fn at(now_ms: i64, opens_at_ms: i64, closes_at_ms: i64, counted: bool) -> VoteStatus {
        if counted || now_ms >= closes_at_ms {
            VoteStatus::Closed { counted }
        } else if now_ms < opens_at_ms {
            VoteStatus::Upcoming
        } else {
            VoteStatus::Open
        }
    }
}

/// A line of a scope's votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteLine {
    pub id: i64,
    pub title: String,
    pub kind: VoteKind,
    pub opens_at_ms: i64,
    pub closes_at_ms: i64,
    pub status: VoteStatus,
    pub electorate: i64,
}

/// A scope's votes page: the opening form for its team, its votes newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotesPage {
    pub scope: TeamScope,
    pub scope_name: String,
    pub may_open: bool,
    /// How many confirmed adhérents the electorate would hold if a vote opened now (the team's
    /// form says it).
    pub electorate_now: Option<i64>,
    /// The debate whose selected propositions the form puts to the vote (`?debat=`).
    pub from_debate: Option<crate::model::debates::DebateForVote>,
    pub votes: Vec<VoteLine>,
    /// The cursor of the next page ("time-id").
    pub next: Option<String>,
}

/// One vote as a person who may see it sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteView {
    pub id: i64,
    pub scope: TeamScope,
    pub scope_name: String,
    pub author: Option<Author>,
    pub title: String,
    pub html: SafeHtml,
    pub kind: VoteKind,
    pub max_choices: usize,
    pub options: Vec<String>,
    pub opens_at_ms: i64,
    pub closes_at_ms: i64,
    pub quorum_percent: Option<i64>,
    pub electorate: i64,
    pub participation: i64,
    pub status: VoteStatus,
    /// In the electorate fixed at opening.
    pub elector: bool,
    pub voted: bool,
    /// May download the ballots (after counting): the electorate and the scope's team.
    pub may_download: bool,
    /// May close it now: its team, while it is open and once every elector voted.
    pub may_close_early: bool,
    /// The result, once counted.
    pub result: Option<VoteResult>,
    /// The feed publication that announced the result.
    pub result_post: Option<i64>,
    /// May turn the result into field actions ("Organiser une action"): the team, once counted.
    pub may_decide: bool,
    /// The actions the vote decided, with their comptes-rendus' figures.
    pub decided: Vec<DecidedAction>,
}

/// An action a vote decided, and the main figures of its compte-rendu once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecidedAction {
    pub action: ActionSummary,
    pub report: Option<DecidedFigures>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecidedFigures {
    pub present: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub conversations: i64,
    pub calls: i64,
}

impl VoteView {
    /// The address of a vote's page.
    pub fn path(id: i64) -> String {
        format!("/votes/{id}")
    }
}

/// Whether `ballots` out of `electorate` meet a quorum of `percent` (none: always).
pub fn quorum_met(ballots: u64, electorate: u64, percent: Option<i64>) -> bool {
    match percent {
        None => true,
        Some(p) => ballots * 100 >= electorate * p.clamp(0, 100) as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_the_clock_and_the_count() {
        assert_eq!(VoteStatus::at(5, 10, 20, false), VoteStatus::Upcoming);
        assert_eq!(VoteStatus::at(10, 10, 20, false), VoteStatus::Open);
        assert_eq!(VoteStatus::at(20, 10, 20, false), VoteStatus::Closed { counted: false });
        assert_eq!(VoteStatus::at(15, 10, 20, true), VoteStatus::Closed { counted: true });
    }

    #[test]
    fn quorum_is_a_share_of_the_electorate() {
        assert!(quorum_met(5, 10, Some(50)) && !quorum_met(4, 10, Some(50)) && quorum_met(0, 10, None));
        assert!(quorum_met(1, 3, Some(33)) && !quorum_met(1, 3, Some(34)));
    }
}
