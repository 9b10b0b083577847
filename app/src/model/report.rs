//! Comptes-rendus d'action and section statistics: the DTOs of `/actions/{id}/compte-rendu`
//! and `/sections/{slug}/statistiques`.

use serde::{Deserialize, Serialize};

use super::action::ActionKind;
use super::media::Picture;

/// Photos a compte-rendu may hold (those kept and those sent, together).
pub const MAX_REPORT_PHOTOS: usize = 4;
/// The field of the form that takes a kept photo off (one value per photo: its key).
pub const REMOVE_PHOTO_FIELD: &str = "retirer_photo";

/// Blank rows for new contacts in the form (a row left empty is ignored).
pub const CONTACT_ROWS: usize = 3;

/// How long a new contact's data may be kept, in months, as the contact chose.
pub const CONTACT_RETENTION_MONTHS: [i64; 3] = [6, 12, 24];

/// The compte-rendu form: the action it is about, the figures already recorded (when rewriting)
/// and a fresh idempotency key, so a submission replayed (offline sync, double tap) counts once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFormView {
    pub action_id: i64,
    pub title: String,
    pub starts_at_ms: i64,
    pub kind: ActionKind,
    pub values: Vec<(String, String)>,
    pub key: String,
    pub already_written: bool,
    /// The photos it holds already (each may be taken off by whoever may rewrite it).
    pub photos: Vec<Picture>,
    /// Opened on the action's day, before it starts: it can be filled, and sent once it started.
    pub not_started: bool,
}

/// One month of a section's field work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthStats {
    pub year: i64,
    pub month: u32,
    /// Actions per kind, in `ActionKind::ALL` order, kinds with none left out.
    pub by_kind: Vec<(ActionKind, i64)>,
    pub actions: i64,
    /// People present (the compte-rendu's figure, else those who had a place).
    pub participants: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub doors_opened: i64,
    pub conversations: i64,
    pub calls: i64,
    pub contacts: i64,
    /// Actions of the month with a compte-rendu.
    pub reported: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionStatsView {
    pub slug: String,
    pub name: String,
    /// The last twelve months, oldest first (the current month included).
    pub months: Vec<MonthStats>,
    pub totals: MonthStats,
}
