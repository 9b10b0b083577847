//! Private conversations as pages show them: the list of a person's conversations and a thread.

use serde::{Deserialize, Serialize};

use crate::model::feed::{Author, SafeHtml};

/// How the viewer is in a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Member,
    /// The first message of someone who may not write to them yet: accept or refuse.
    Request,
    /// They left: they read what was written until then.
    Left,
}

impl Standing {
    pub fn from_db(status: &str) -> Option<Standing> {
        match status {
            "active" => Some(Standing::Member),
            "request" => Some(Standing::Request),
            "left" => Some(Standing::Left),
            _ => None,
        }
    }
}

/// Whether the viewer may start a conversation now, and if not, why (what the page says).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StartAbility {
    Allowed,
    /// Their address is not proven yet.
    ProveAddress,
    /// A moderation restriction is in force.
    Restricted,
}

/// A line of `/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSummary {
    pub id: i64,
    pub group: bool,
    /// The group's title, or the other people's names.
    pub name: String,
    pub standing: Standing,
    pub muted: bool,
    pub last_message_ms: i64,
    /// The last message the viewer may read, as text (no markup), and who wrote it.
    pub last_text: Option<String>,
    pub last_author: Option<String>,
    /// Up to 100 (shown as "99+").
    pub unread: i64,
}

/// The list's cursor as its links carry it: "time-id".
pub fn list_cursor(at: i64, id: i64) -> String {
    format!("{at}-{id}")
}

pub fn parse_list_cursor(raw: &str) -> Option<(i64, i64)> {
    let (at, id) = raw.split_once('-')?;
    Some((at.parse().ok()?, id.parse().ok()?))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationsPage {
    pub items: Vec<ConversationSummary>,
    /// The cursor of the next (older) page: (last message time, id).
    pub next: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    /// `None`: the author's account was erased.
    pub author: Option<Author>,
    pub mine: bool,
    pub html: SafeHtml,
    pub created_at_ms: i64,
}

/// A thread, oldest first on the page; `older` pages upwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPage {
    pub id: i64,
    pub group: bool,
    pub name: String,
    /// The other people in it (or asked to it), by name.
    pub people: String,
    pub standing: Standing,
    pub muted: bool,
    pub messages: Vec<MessageView>,
    /// The id to page from for older messages.
    pub older: Option<i64>,
    /// The viewer may write (a member; a request is answered first).
    pub can_write: bool,
    /// One-to-one with "vu" on both sides: the viewer's newest message the other person has read.
    pub seen: Option<i64>,
}
