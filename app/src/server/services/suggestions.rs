//! Engagement à la carte: upcoming actions near a person's commune whose kind matches the
//! availabilities of their profile. Shown only to that person; nobody sees who matches what
//! (no ranking of people, no counts for organizers).

use crate::error::AppError;
use crate::model::action::{distance_m, ActionKind, ActionSummary};
use crate::model::profile::Availability;
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::action_summary::{bounding_box, facts, summary};
use crate::server::store::{self, actions::ActionRow, bundle::Part};

/// How far from their commune actions are suggested.
pub const SUGGESTION_RADIUS_KM: i64 = 30;
const SHOWN: usize = 3;

pub async fn for_person(state: &AppState, subject: &Subject) -> Result<Vec<ActionSummary>, AppError> {
    Ok(match part(subject) {
        Some(part) => from_rows(subject, &part.fetch_all(&state.db).await?),
        None => Vec::new(),
    })
}

/// The candidate actions, as a part of a page's bundle (`None`: nobody to suggest to, or no
/// commune to measure from). The person's availabilities are read by the same statement.
pub fn part(subject: &Subject) -> Option<Part> {
    let (Some(me), Some((lat, lng))) = (subject.id(), subject.belonging.home) else {
        return None;
    };
    let kinds: Vec<(&'static str, &'static str)> =
        Availability::ALL.iter().flat_map(|a| ActionKind::for_availability(*a).iter().map(move |k| (a.as_str(), k.as_str()))).collect();
    Some(store::actions::suggestions(me, now_ms(), bounding_box(lat, lng, SUGGESTION_RADIUS_KM), &kinds, 20))
}

/// The few of the candidates this person may see, within the radius.
pub fn from_rows(subject: &Subject, rows: &[ActionRow]) -> Vec<ActionSummary> {
    let Some((lat, lng)) = subject.belonging.home else {
        return Vec::new();
    };
    rows.iter()
        .filter(|row| rules::can_see(subject, &facts(row)))
        .filter_map(|row| {
            let d = distance_m(lat, lng, row.lat, row.lng);
            (d <= SUGGESTION_RADIUS_KM * 1000).then(|| ActionSummary { suggested: true, ..summary(subject, row, Some(d)) })
        })
        .take(SHOWN)
        .collect()
}
