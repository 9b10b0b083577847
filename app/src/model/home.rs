//! The member's home page.

use serde::{Deserialize, Serialize};

use super::action::ActionSummary;
use super::feed::{NotificationView, PostView};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeView {
    /// My next actions (answered or organized), soonest first.
    pub next: Vec<ActionSummary>,
    /// Upcoming actions near my commune whose kind suits my availabilities.
    pub near: Vec<ActionSummary>,
    /// The latest publications of my section's feed that I may read.
    pub section_news: Vec<PostView>,
    /// My latest notifications not read yet.
    pub notifications: Vec<NotificationView>,
    /// For a newcomer, the one step to take first.
    pub first_step: Option<FirstStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FirstStep {
    /// No commune known: find the section.
    FindSection,
    /// Actions near me suit me: answer one.
    JoinAnAction,
    /// Nothing to suggest yet: say when I am available.
    SetAvailabilities,
    /// Availabilities given, nothing nearby matches: look at every action.
    BrowseActions,
}
