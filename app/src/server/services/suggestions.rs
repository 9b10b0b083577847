//! Engagement à la carte: upcoming actions near a person's commune whose kind matches the
//! availabilities of their profile. Shown only to that person; nobody sees who matches what
//! (no ranking of people, no counts for organizers).

use crate::error::AppError;
use crate::model::action::{distance_m, ActionKind, ActionSummary};
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::action_views::{bounding_box, summary};
use crate::server::services::actions::facts;
use crate::server::store;

/// How far from their commune actions are suggested.
pub const SUGGESTION_RADIUS_KM: i64 = 30;
const SHOWN: usize = 3;

pub async fn for_person(state: &AppState, subject: &Subject) -> Result<Vec<ActionSummary>, AppError> {
    let (Some(me), Some((lat, lng))) = (subject.id(), subject.belonging.home) else {
        return Ok(Vec::new());
    };
    let mut kinds: Vec<&'static str> = Vec::new();
    for availability in store::profiles::availabilities(&state.db, me).await? {
        for kind in ActionKind::for_availability(availability) {
            if !kinds.contains(&kind.as_str()) {
                kinds.push(kind.as_str());
            }
        }
    }
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    let bbox = bounding_box(lat, lng, SUGGESTION_RADIUS_KM);
    let rows = store::actions::suggestions(&state.db, me, now_ms(), bbox, &kinds, 20).await?;
    Ok(rows
        .iter()
        .filter(|row| rules::can_see(subject, &facts(row)))
        .filter_map(|row| {
            let d = distance_m(lat, lng, row.lat, row.lng);
            (d <= SUGGESTION_RADIUS_KM * 1000).then(|| ActionSummary { suggested: true, ..summary(subject, row, Some(d)) })
        })
        .take(SHOWN)
        .collect())
}
