//! A stored action as the policy and the lists see it: its facts (for every rule about actions),
//! its line in a list for this reader, and the box around a point that "near me" queries use.

use crate::model::action::ActionSummary;
use crate::model::refs::{FederationRef, ScopeRef, SectionRef};
use crate::server::now_ms;
use crate::server::policy::actions::{self as rules, ActionFacts};
use crate::server::policy::Subject;
use crate::server::store::actions::ActionRow;

/// The facts the policy needs, from a stored action read for this subject.
pub fn facts(row: &ActionRow) -> ActionFacts {
    ActionFacts {
        audience: row.audience,
        status: row.status,
        section_id: row.section_id,
        federation_code: row.federation_code.clone(),
        created_by: row.created_by,
        is_organizer: row.is_organizer,
        reinforcements: row.reinforcements,
        point: (row.lat, row.lng),
    }
}

/// One action as a line of a list, for this reader (renfort highlighted when it concerns them).
pub fn summary(subject: &Subject, row: &ActionRow, distance: Option<i64>) -> ActionSummary {
    let organizer = match (&row.section_slug, &row.section_name) {
        (Some(slug), Some(name)) => ScopeRef::Section(SectionRef { slug: slug.clone(), name: name.clone() }),
        _ => ScopeRef::Federation(FederationRef { code: row.federation_code.clone(), name: row.federation_name.clone() }),
    };
    let facts = facts(row);
    ActionSummary {
        id: row.id.get(),
        kind: row.kind,
        title: row.title.clone(),
        starts_at_ms: row.starts_at,
        ends_at_ms: row.ends_at,
        place_name: row.place_name.clone(),
        organizer,
        distance_m: distance,
        going: row.going,
        capacity: row.capacity,
        status: row.status,
        my_rsvp: row.my_status,
        reinforcements: row.reinforcements,
        highlighted: rules::renfort_concerns(subject, &facts),
        may_rsvp: rules::can_rsvp(subject, &facts, row.starts_at <= now_ms()),
        suggested: false,
        lat: row.lat,
        lng: row.lng,
    }
}

/// (south, north, west, east) of a square of `radius_km` around a point, for the indexed filter
/// before the exact distance.
pub fn bounding_box(lat: f64, lng: f64, radius_km: i64) -> (f64, f64, f64, f64) {
    let dlat = radius_km as f64 / 111.0;
    let dlng = radius_km as f64 / (111.0 * lat.to_radians().cos().max(0.05));
    (lat - dlat, lat + dlat, lng - dlng, lng + dlng)
}
