//! The action form (create, edit) and the cancellation form as typed commands. Where the action
//! takes place is parsed apart (`ActionPlace`): a commune typed instead of a point on the map is
//! resolved by the service, against the database.

use crate::model::action::{in_french_territory, ActionAudience, ActionKind, RsvpAnswer};
use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};

/// The most co-organizers named in one form.
pub const MAX_ORGANIZERS: usize = 10;

/// The validated values of the action form (its place apart).
#[derive(Debug, Clone, PartialEq)]
pub struct ActionInput {
    pub kind: ActionKind,
    pub title: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place_name: String,
    pub address: String,
    pub capacity: Option<i64>,
    pub material: String,
    pub audience: ActionAudience,
    pub reinforcements: i64,
    /// Handles of the people invited to co-organize, without "@", each once.
    pub organizers: Vec<String>,
}

/// Where the action takes place: a point picked on the map, or a commune typed (name or INSEE
/// code) whose reference point the service looks up.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionPlace {
    Point(f64, f64),
    Commune(String),
}

impl ActionInput {
    /// Every field but the place; `now` refuses a start in the past.
    pub fn parse(form: &RawForm, now: i64) -> Result<ActionInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = e.check("kind", ActionKind::parse(form.value("kind")).ok_or(FieldError::ChoiceRequired));
        let title = e.check("title", fields::text(form.value("title"), 3, 120));
        let description = e.check("description", fields::text(form.value("description"), 0, 5000));
        let starts_at = e.check("starts_at", fields::paris_datetime(form.value("starts_at")));
        let ends_at = e.check("ends_at", fields::paris_datetime(form.value("ends_at")));
        if let Some(start) = starts_at {
            if start <= now {
                e.add("starts_at", FieldError::InThePast);
            }
            if ends_at.is_some_and(|end| end <= start) {
                e.add("ends_at", FieldError::EndBeforeStart);
            }
        }
        let place_name = e.check("place_name", fields::text(form.value("place_name"), 2, 120));
        let address = e.check("address", fields::text(form.value("address"), 0, 200));
        let capacity = e.check("capacity", fields::positive(form.value("capacity")));
        let material = e.check("material", fields::text(form.value("material"), 0, 500));
        let audience = e.check("audience", ActionAudience::parse(form.value("audience")).ok_or(FieldError::ChoiceRequired));
        let reinforcements = e.check("reinforcements", fields::count(form.value("reinforcements")));
        let organizers = handles(form.value("organizers"));
        if organizers.len() > MAX_ORGANIZERS {
            e.add("organizers", FieldError::TooManyItems { max: MAX_ORGANIZERS });
        }
        match (kind, title, description, starts_at, ends_at, place_name, address, capacity, material, audience, reinforcements) {
            (
                Some(kind),
                Some(title),
                Some(description),
                Some(starts_at),
                Some(ends_at),
                Some(place_name),
                Some(address),
                Some(capacity),
                Some(material),
                Some(audience),
                Some(reinforcements),
            ) if e.is_empty() => Ok(ActionInput {
                kind,
                title,
                description,
                starts_at,
                ends_at,
                place_name,
                address,
                capacity,
                material,
                audience,
                reinforcements: reinforcements.unwrap_or(0),
                organizers,
            }),
            _ => Err(e),
        }
    }
}

impl ActionPlace {
    /// A point in France (both coordinates), or else the commune typed.
    pub fn parse(form: &RawForm) -> Result<ActionPlace, FieldErrors> {
        let mut e = FieldErrors::default();
        let lat = e.check("lat", fields::coordinate(form.value("lat")));
        let lng = e.check("lng", fields::coordinate(form.value("lng")));
        match (lat, lng) {
            (Some(Some(lat)), Some(Some(lng))) if in_french_territory(lat, lng) => return Ok(ActionPlace::Point(lat, lng)),
            (Some(Some(_)), Some(Some(_))) => e.add("lat", FieldError::OutsideFrance),
            // No point picked on the map: the commune's reference point.
            (Some(None), Some(None)) => match form.value("commune").trim() {
                "" => e.add("commune", FieldError::Required),
                entry => return Ok(ActionPlace::Commune(entry.to_string())),
            },
            (Some(_), Some(_)) => e.add(if form.value("lat").trim().is_empty() { "lat" } else { "lng" }, FieldError::Required),
            _ => {}
        }
        Err(e)
    }
}

/// Handles typed in the organizers field: "@lea-martin, paul" → ["lea-martin", "paul"].
pub fn handles(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = raw
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(|h| h.trim().trim_start_matches('@').to_lowercase())
        .filter(|h| !h.is_empty())
        .collect();
    out.dedup();
    out
}

/// The scope a new action is organized for, as the form's `scope` choice names it (a section or a
/// federation the person may organize for); `None`: no choice sent (a bare post, or only one
/// scope offered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeChoice(pub Option<String>);

impl ScopeChoice {
    pub fn parse(form: &RawForm) -> ScopeChoice {
        ScopeChoice(Some(form.value("scope").trim()).filter(|v| !v.is_empty()).map(str::to_string))
    }
}

/// Why an action is cancelled (told to its participants).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelInput {
    pub reason: String,
}

impl CancelInput {
    pub fn parse(form: &RawForm) -> Result<CancelInput, FieldErrors> {
        let mut e = FieldErrors::default();
        match e.check("reason", fields::text(form.value("reason"), 3, 300)) {
            Some(reason) => Ok(CancelInput { reason }),
            None => Err(e),
        }
    }
}

/// An answer to an action ("oui", "peut-etre", "non") and what the person shares with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RsvpInput {
    pub answer: RsvpAnswer,
    /// Their e-mail to the organizers.
    pub share_contact: bool,
    /// Their first name to the other participants.
    pub show_first_name: bool,
}

impl RsvpInput {
    pub fn parse(form: &RawForm) -> Result<RsvpInput, FieldErrors> {
        let mut e = FieldErrors::default();
        match RsvpAnswer::parse(form.value("reponse")) {
            Some(answer) => {
                Ok(RsvpInput { answer, share_contact: form.value("partage") == "oui", show_first_name: form.value("prenom") == "oui" })
            }
            None => {
                e.add("reponse", FieldError::ChoiceRequired);
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::paris_time::parse_paris_datetime;

    fn valid(extra: &[(&str, &str)]) -> RawForm {
        let mut f = RawForm::of(&[
            ("kind", "tractage"),
            ("title", "Tractage au marché"),
            ("starts_at", "2026-12-12T10:00"),
            ("ends_at", "2026-12-12T12:00"),
            ("place_name", "Marché de Wazemmes"),
            ("audience", "public"),
            ("organizers", "@Lea-Martin, paul;paul"),
        ]);
        f.0.retain(|(n, _)| !extra.iter().any(|(e, _)| e == n));
        f.0.extend(RawForm::of(extra).0);
        f
    }

    fn now() -> i64 {
        parse_paris_datetime("2026-12-05T09:00").expect("a date")
    }

    #[test]
    fn a_complete_form_is_read() {
        let input = ActionInput::parse(&valid(&[("capacity", "12")]), now()).expect("valid");
        assert_eq!(input.kind, ActionKind::Tractage);
        assert_eq!(input.audience, ActionAudience::Public);
        assert_eq!((input.capacity, input.reinforcements), (Some(12), 0));
        assert_eq!(input.organizers, ["lea-martin", "paul"]);
        assert_eq!(input.ends_at - input.starts_at, 2 * 3_600_000);
    }

    #[test]
    fn dates_and_choices_are_checked() {
        let e = ActionInput::parse(&valid(&[("starts_at", "2026-12-01T10:00"), ("ends_at", "2026-12-01T09:00"), ("kind", "")]), now())
            .expect_err("refused");
        assert!(e.0.contains(&("starts_at".into(), FieldError::InThePast)));
        assert!(e.0.contains(&("ends_at".into(), FieldError::EndBeforeStart)));
        assert!(e.0.contains(&("kind".into(), FieldError::ChoiceRequired)));
        let many = (0..11).map(|i| format!("p{i}")).collect::<Vec<_>>().join(" ");
        let e = ActionInput::parse(&valid(&[("organizers", &many)]), now()).expect_err("too many");
        assert_eq!(e.0, vec![("organizers".to_string(), FieldError::TooManyItems { max: 10 })]);
    }

    #[test]
    fn the_place_is_a_point_in_france_or_a_commune() {
        assert_eq!(ActionPlace::parse(&RawForm::of(&[("lat", "50,6367"), ("lng", "3.0633")])), Ok(ActionPlace::Point(50.6367, 3.0633)));
        assert_eq!(ActionPlace::parse(&RawForm::of(&[("commune", " Lille ")])), Ok(ActionPlace::Commune("Lille".into())));
        let refused = |pairs: &[(&str, &str)]| ActionPlace::parse(&RawForm::of(pairs)).expect_err("refused").0;
        assert_eq!(refused(&[("lat", "3.06"), ("lng", "50.63")]), vec![("lat".to_string(), FieldError::OutsideFrance)]);
        assert_eq!(refused(&[]), vec![("commune".to_string(), FieldError::Required)]);
        assert_eq!(refused(&[("lat", "50.6")]), vec![("lng".to_string(), FieldError::Required)]);
    }

    #[test]
    fn the_scope_chosen_or_none() {
        assert_eq!(ScopeChoice::parse(&RawForm::of(&[("scope", "section:lille")])), ScopeChoice(Some("section:lille".into())));
        assert_eq!(ScopeChoice::parse(&RawForm::of(&[("scope", " ")])), ScopeChoice(None));
    }

    #[test]
    fn organizer_handles_are_split_and_cleaned() {
        assert_eq!(handles("@Lea-Martin, paul;  zoe"), vec!["lea-martin", "paul", "zoe"]);
        assert!(handles("  ").is_empty());
    }

    #[test]
    fn an_answer_and_what_is_shared() {
        let r = RsvpInput::parse(&RawForm::of(&[("reponse", "peut-etre"), ("partage", "oui")])).expect("valid");
        assert_eq!(r, RsvpInput { answer: RsvpAnswer::Maybe, share_contact: true, show_first_name: false });
        assert_eq!(
            RsvpInput::parse(&RawForm::of(&[("reponse", "bof")])).expect_err("refused").0,
            vec![("reponse".to_string(), FieldError::ChoiceRequired)]
        );
    }

    #[test]
    fn a_cancellation_needs_a_reason() {
        assert_eq!(
            CancelInput::parse(&RawForm::of(&[("reason", " Pluie annoncée ")])),
            Ok(CancelInput { reason: "Pluie annoncée".into() })
        );
        assert!(CancelInput::parse(&RawForm::of(&[("reason", "")])).is_err());
    }
}
