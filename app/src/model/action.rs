//! Field actions: kinds, audiences, answers, and the DTOs of /actions and /actions/{id}.

use serde::{Deserialize, Serialize};

use super::feed::Author;
use super::profile::Availability;
use super::refs::ScopeRef;

string_enum! {
    pub enum ActionKind {
        Tractage = "tractage",
        Boitage = "boitage",
        PorteAPorte = "porte_a_porte",
        Phoning = "phoning",
        Collage = "collage",
        ReunionPublique = "reunion_publique",
        ReunionAppartement = "reunion_appartement",
        Permanence = "permanence",
        Meeting = "meeting",
        Formation = "formation",
        Autre = "autre",
    }
}

impl ActionKind {
    /// The kinds of action a declared availability is good for (engagement à la carte).
    pub fn for_availability(a: Availability) -> &'static [ActionKind] {
        use ActionKind::*;
        match a {
            Availability::Tractage => &[Tractage],
            Availability::Boitage => &[Boitage],
            Availability::PorteAPorte => &[PorteAPorte],
            Availability::Phoning => &[Phoning],
            Availability::Collage => &[Collage],
            Availability::Accueil => &[Permanence, ReunionPublique, Meeting],
            Availability::Logistique => &[Meeting, ReunionPublique],
            Availability::Covoiturage | Availability::ReseauxSociaux => &[],
        }
    }
}

string_enum! {
    /// Who may see and join an action.
    pub enum ActionAudience { Public = "public", Section = "section", Adherents = "adherents" }
}

string_enum! {
    pub enum ActionStatus { Proposed = "proposed", Published = "published", Cancelled = "cancelled" }
}

string_enum! {
    /// Where a person stands: a place, the waiting list, maybe, or no.
    pub enum RsvpStatus { Going = "going", Waiting = "waiting", Maybe = "maybe", Declined = "declined" }
}

string_enum! {
    /// What a person answers ("je participe / peut-être / je ne peux pas"); "oui" may land on the
    /// waiting list when the action is full.
    pub enum RsvpAnswer { Yes = "oui", Maybe = "peut-etre", No = "non" }
}

string_enum! {
    /// How /actions shows what it found (the `vue` parameter): a list, a map, a month or a week.
    pub enum ActionsLayout { List = "liste", Map = "carte", Month = "mois", Week = "semaine" }
}

/// A new contact as organizers see it on the action (until their data expires).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactView {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub wants_callback: bool,
    pub wants_news: bool,
    pub wants_volunteer: bool,
    pub expires_at_ms: i64,
}

/// One line of the list of actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionSummary {
    pub id: i64,
    pub kind: ActionKind,
    pub title: String,
    pub starts_at_ms: i64,
    pub ends_at_ms: i64,
    pub place_name: String,
    pub organizer: ScopeRef,
    /// This reader may answer (signed in, published, upcoming, visible to them).
    pub may_rsvp: bool,
    /// From the reader's reference point, when there is one.
    pub distance_m: Option<i64>,
    pub going: i64,
    pub capacity: Option<i64>,
    pub status: ActionStatus,
    pub my_rsvp: Option<RsvpStatus>,
    /// People still needed ("renfort"), 0 when none were asked.
    pub reinforcements: i64,
    /// A call for renfort that concerns this reader (a neighbouring section of the federation,
    /// or a sympathisant living nearby).
    pub highlighted: bool,
    /// Suggested to this reader: its kind is one of their declared availabilities.
    pub suggested: bool,
    pub lat: f64,
    pub lng: f64,
}

/// The filters of /actions, as read from the URL (echoed so the form keeps them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionFilters {
    pub kind: Option<ActionKind>,
    /// `YYYY-MM-DD`, Europe/Paris days.
    pub from: String,
    pub to: String,
    pub radius_km: Option<i64>,
    /// A postal code or commune typed by the reader, or empty (then: my commune).
    pub near: String,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    /// Keyset cursor: "starts_ms-id" of the last action shown.
    pub after: String,
    /// None: the list.
    pub layout: Option<ActionsLayout>,
    /// The month (`YYYY-MM`) or the week (any `YYYY-MM-DD` in it) of the calendar views.
    pub period: String,
}

impl ActionFilters {
    /// The query string of these filters (without the cursor), for links and the next page.
    pub fn query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(kind) = self.kind {
            parts.push(format!("type={}", kind.as_str()));
        }
        for (key, value) in [("du", &self.from), ("au", &self.to), ("pres", &self.near)] {
            if !value.is_empty() {
                parts.push(format!("{key}={}", encode(value)));
            }
        }
        if let Some(r) = self.radius_km {
            parts.push(format!("rayon={r}"));
        }
        if let (Some(lat), Some(lng)) = (self.lat, self.lng) {
            parts.push(format!("lat={lat:.4}&lng={lng:.4}"));
        }
        if let Some(layout) = self.layout.filter(|l| *l != ActionsLayout::List) {
            parts.push(format!("vue={}", layout.as_str()));
        }
        if !self.period.is_empty() {
            parts.push(format!("periode={}", encode(&self.period)));
        }
        parts.join("&")
    }

    /// The address of these filters shown another way (`period` empty: the current one).
    pub fn href(&self, layout: ActionsLayout, period: &str) -> String {
        let other = ActionFilters { layout: Some(layout), period: period.to_string(), after: String::new(), ..self.clone() };
        let q = other.query();
        if q.is_empty() {
            "/actions".into()
        } else {
            format!("/actions?{q}")
        }
    }
}

/// The tile server of the maps, as the browser needs it (empty `tiles`: no background).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapConfig {
    pub tiles: String,
    pub attribution: String,
    pub attribution_url: String,
}

/// One day of the month or week views.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`, Europe/Paris.
    pub date: String,
    /// Its first instant (for the labels, in the reader's language).
    pub start_ms: i64,
    pub day_of_month: u32,
    /// False for the days of the neighbouring months that fill the first and last weeks.
    pub in_period: bool,
    pub today: bool,
    pub items: Vec<ActionSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarView {
    pub layout: ActionsLayout,
    pub year: i64,
    pub month: u32,
    /// The first day shown (a Monday).
    pub first_day_ms: i64,
    /// `periode` of the previous and next month or week.
    pub previous: String,
    pub next: String,
    pub days: Vec<CalendarDay>,
    /// More actions than a calendar page shows: narrow the filters.
    pub truncated: bool,
}

/// Percent-encodes a query value (letters, digits and `-_.~` kept).
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A commune's reference point, where the action form's map looks first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommunePoint {
    pub lat: f64,
    pub lng: f64,
    pub name: String,
}

/// "Mes actions": what I answered or organize, upcoming then past.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyActionsPage {
    /// Soonest first (all of them on the first page, none on the older pages).
    pub upcoming: Vec<ActionSummary>,
    /// Latest first, one keyset page.
    pub past: Vec<PastAction>,
    /// The cursor of the next page of past actions.
    pub older: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastAction {
    pub summary: ActionSummary,
    /// No compte-rendu yet and this person may write it: "compte-rendu à rédiger".
    pub report_due: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionsPage {
    /// This person has a personal calendar address (it can be deleted).
    pub has_calendar: bool,
    pub items: Vec<ActionSummary>,
    pub filters: ActionFilters,
    /// The reference point used for distances, in words ("Lille"; empty for the reader's position).
    pub origin: Option<String>,
    pub at_my_position: bool,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
    /// Where this person may create or propose an action (none: no button).
    pub may_create: bool,
    /// The personal calendar feed's address, if the reader made one.
    pub signed_in: bool,
    pub layout: ActionsLayout,
    /// For the map view.
    pub map: Option<MapConfig>,
    /// For the month and week views.
    pub calendar: Option<CalendarView>,
    /// Engagement à la carte: upcoming actions near me of a kind I said I am available for.
    pub suggestions: Vec<ActionSummary>,
}

/// A participant as a given reader may see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantView {
    /// The full name for organizers; for other participants, the first name of those who allowed
    /// it (the others are only counted).
    pub name: String,
    /// Only for organizers (a link to the profile).
    pub handle: Option<String>,
    pub status: RsvpStatus,
    /// Only for organizers, and only when the participant allowed it.
    pub email: Option<String>,
    /// Only for organizers: the participant's address is not proven yet.
    pub unverified: bool,
}

/// The compte-rendu's figures, as shown on the action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFigures {
    pub present: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub doors_opened: i64,
    pub conversations: i64,
    pub calls: i64,
    pub contacts: i64,
    pub notes: String,
    /// Its photos, for the people who were there and those who manage the action (empty for
    /// everyone else: faces at a political action say their political opinion).
    pub photos: Vec<crate::model::media::Picture>,
}

/// One version of a compte-rendu (who wrote it, when, its main figures).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRevision {
    pub author: Option<String>,
    pub at_ms: i64,
    pub present: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub conversations: i64,
    pub calls: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionView {
    pub summary: ActionSummary,
    pub description: String,
    pub address: String,
    pub material: String,
    pub audience: ActionAudience,
    pub organizers: Vec<Author>,
    pub waiting: i64,
    pub maybe: i64,
    /// Empty for readers who may not see who comes; for participants, only those who let them
    /// see their first name.
    pub participants: Vec<ParticipantView>,
    /// How many answered yes, maybe or wait, for the readers who see the list.
    pub participants_total: i64,
    pub my_share_contact: bool,
    pub my_show_first_name: bool,
    /// The reader was invited to co-organize and has not answered.
    pub organizer_invitation: bool,
    /// Invited co-organizers who have not answered, for the people who manage the action.
    pub pending_organizers: Vec<Author>,
    /// Every version of the compte-rendu, newest first, for the people who manage the action.
    pub report_history: Vec<ReportRevision>,
    pub cancel_reason: Option<String>,
    pub may_rsvp: bool,
    pub may_manage: bool,
    pub may_approve: bool,
    pub may_report: bool,
    pub report: Option<ReportFigures>,
    /// New contacts met at the action: only for the people who manage it.
    pub contacts: Vec<ContactView>,
    pub is_past: bool,
    pub signed_in: bool,
    /// The vote that decided it, if one did.
    pub decided_by: Option<Decision>,
    /// Documents of a toolbox to bring ("Utiliser pour une action"), those this reader may read.
    pub documents: Vec<crate::model::documents::ActionDocument>,
}

/// What the creation / edit form starts from: the scopes this person may organize for
/// ("section:12" / "federation:59", with a label), and the action's current values when editing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionFormView {
    pub scopes: Vec<(String, ScopeRef)>,
    /// True when this person may only propose (an animator approves).
    pub propose_only: bool,
    pub values: Vec<(String, String)>,
    pub title: String,
    /// For the map where the meeting point is picked.
    pub map: MapConfig,
    /// The vote this new action carries out (`/actions/nouvelle?vote=…`).
    pub decision: Option<Decision>,
}

/// The vote that decided an action: "Décidé le … par le vote « … »", with a link to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub source: DecisionSource,
    /// The vote's or the debate's id.
    pub id: i64,
    pub title: String,
    /// When the vote was counted, or the debate closed.
    pub decided_at_ms: i64,
}

/// Where a new action's form starts from: a counted vote (and one of its options, from 1), or a
/// closed debate (and one of its propositions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecidedFrom {
    Vote(i64, Option<usize>),
    Debate(i64, Option<i64>),
}

/// What decided an action: a counted vote, or a closed debate (issue 20).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionSource {
    Vote,
    Debate,
}

impl Decision {
    /// The page of what decided it (the action's "Décidé le … par …" links back to it).
    pub fn path(&self) -> String {
        match self.source {
            DecisionSource::Vote => format!("/votes/{}", self.id),
            DecisionSource::Debate => format!("/debats/{}", self.id),
        }
    }
}

/// Distance between two points in metres (haversine on a 6,371 km sphere).
pub fn distance_m(lat1: f64, lng1: f64, lat2: f64, lng2: f64) -> i64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lng2 - lng1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    (2.0 * 6_371_000.0 * a.sqrt().asin()).round() as i64
}

/// Is this point on French territory (metropole, Corsica, the overseas départements and
/// collectivités)? Coarse boxes: enough to refuse a point in the sea off Brazil or a swapped
/// latitude/longitude.
pub fn in_french_territory(lat: f64, lng: f64) -> bool {
    const BOXES: [(f64, f64, f64, f64); 10] = [
        (41.3, 51.2, -5.3, 9.7),       // metropole and Corsica
        (15.8, 16.6, -61.9, -60.9),    // Guadeloupe
        (14.3, 14.9, -61.3, -60.7),    // Martinique
        (2.0, 5.9, -54.7, -51.5),      // Guyane
        (-21.5, -20.8, 55.2, 55.9),    // La Réunion
        (-13.1, -12.6, 44.9, 45.4),    // Mayotte
        (46.7, 47.2, -56.5, -56.1),    // Saint-Pierre-et-Miquelon
        (17.8, 18.2, -63.2, -62.7),    // Saint-Martin, Saint-Barthélemy
        (-23.0, -19.5, 163.5, 168.2),  // Nouvelle-Calédonie
        (-28.0, -7.8, -154.8, -134.4), // Polynésie française
    ];
    lat.is_finite() && lng.is_finite() && BOXES.iter().any(|&(s, n, w, e)| lat >= s && lat <= n && lng >= w && lng <= e)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::refs::SectionRef;

    /// A plain published action, for the tests of what shows summaries.
    pub(crate) fn summary_for_tests() -> ActionSummary {
        ActionSummary {
            id: 1,
            kind: ActionKind::Tractage,
            title: "Tractage au marché".into(),
            starts_at_ms: 0,
            ends_at_ms: 3_600_000,
            place_name: "Marché".into(),
            organizer: ScopeRef::Section(SectionRef { slug: "lille".into(), name: "Section de Lille".into() }),
            distance_m: None,
            going: 0,
            capacity: None,
            status: ActionStatus::Published,
            my_rsvp: None,
            reinforcements: 0,
            highlighted: false,
            may_rsvp: true,
            suggested: false,
            lat: 50.63,
            lng: 3.06,
        }
    }

    #[test]
    fn enums_round_trip_through_their_text() {
        for k in ActionKind::ALL {
            assert_eq!(ActionKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(RsvpAnswer::parse("peut-etre"), Some(RsvpAnswer::Maybe));
        assert_eq!(ActionAudience::parse("tout"), None);
    }

    #[test]
    fn distance_lille_roubaix_is_about_twelve_km() {
        let d = distance_m(50.6333, 3.0667, 50.6942, 3.1746);
        assert!((10_000..13_000).contains(&d), "{d}");
        assert_eq!(distance_m(48.85, 2.35, 48.85, 2.35), 0);
    }

    #[test]
    fn territory_boxes_accept_france_and_refuse_elsewhere() {
        assert!(in_french_territory(50.63, 3.06)); // Lille
        assert!(in_french_territory(-21.1, 55.5)); // Saint-Denis de La Réunion
        assert!(in_french_territory(42.7, 9.45)); // Bastia
        assert!(!in_french_territory(3.06, 50.63)); // swapped
        assert!(!in_french_territory(40.4, -3.7)); // Madrid
        assert!(!in_french_territory(f64::NAN, 2.0));
    }

    #[test]
    fn filters_make_a_query_string() {
        let f = ActionFilters { kind: Some(ActionKind::Tractage), near: "59 000".into(), radius_km: Some(20), ..Default::default() };
        assert_eq!(f.query(), "type=tractage&pres=59%20000&rayon=20");
        assert_eq!(f.href(ActionsLayout::Month, "2026-12"), "/actions?type=tractage&pres=59%20000&rayon=20&vue=mois&periode=2026-12");
        let list = ActionFilters { after: "1_2".into(), layout: Some(ActionsLayout::Map), ..Default::default() };
        assert_eq!(list.href(ActionsLayout::List, ""), "/actions");
    }
}
