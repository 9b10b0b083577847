//! An annonce's form as a typed command: to whom (a segment, and its availability or action),
//! the subject, the text; and the count the author saw before confirming.

use crate::model::announcements::Segment;
use crate::model::feed::parse_body;
use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::profile::Availability;

pub const MAX_SUBJECT_CHARS: usize = 120;
pub const MAX_BODY_CHARS: usize = 8000;

/// The segment with what it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    All,
    Adherents,
    Sympathisants,
    Available(Availability),
    Participants(i64),
}

impl Audience {
    pub fn segment(self) -> Segment {
        match self {
            Audience::All => Segment::All,
            Audience::Adherents => Segment::Adherents,
            Audience::Sympathisants => Segment::Sympathisants,
            Audience::Available(_) => Segment::Available,
            Audience::Participants(_) => Segment::Participants,
        }
    }

    /// What the `segment_arg` column keeps: the availability, the action's id, or nothing.
    pub fn arg(self) -> String {
        match self {
            Audience::Available(a) => a.as_str().to_string(),
            Audience::Participants(id) => id.to_string(),
            _ => String::new(),
        }
    }
}

/// The segment fields alone (the count before the text is written).
pub fn parse_audience(form: &RawForm) -> Result<Audience, FieldErrors> {
    let mut e = FieldErrors::default();
    let audience = match Segment::choose(form.value("segment")) {
        Err(err) => {
            e.add("segment", err);
            None
        }
        Ok(Segment::All) => Some(Audience::All),
        Ok(Segment::Adherents) => Some(Audience::Adherents),
        Ok(Segment::Sympathisants) => Some(Audience::Sympathisants),
        Ok(Segment::Available) => e.check("availability", Availability::choose(form.value("availability"))).map(Audience::Available),
        Ok(Segment::Participants) => match form.value("action").trim().parse::<i64>() {
            Ok(id) if id > 0 => Some(Audience::Participants(id)),
            _ => {
                e.add("action", FieldError::ChoiceRequired);
                None
            }
        },
    };
    match audience {
        Some(a) if e.is_empty() => Ok(a),
        _ => Err(e),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnouncementInput {
    pub audience: Audience,
    pub subject: String,
    pub body: String,
    /// The number of recipients the author was shown ("Envoyer à N personnes"); `None` at the
    /// first step.
    pub confirmed_count: Option<i64>,
}

impl AnnouncementInput {
    pub fn parse(form: &RawForm) -> Result<AnnouncementInput, FieldErrors> {
        let mut e = FieldErrors::default();
        // One line: it becomes the e-mail's Subject header.
        let subject = e.check(
            "subject",
            fields::text(form.value("subject"), 1, MAX_SUBJECT_CHARS).and_then(|s| {
                if s.contains(['\n', '\r']) {
                    Err(FieldError::ControlCharacters)
                } else {
                    Ok(s)
                }
            }),
        );
        let body = e.check("body", parse_body(form.value("body"), MAX_BODY_CHARS));
        let audience = match parse_audience(form) {
            Ok(a) => Some(a),
            Err(errors) => {
                for (field, error) in errors.0 {
                    e.add(&field, error);
                }
                None
            }
        };
        let confirmed_count = form.value("attendu").trim().parse::<i64>().ok();
        match (audience, subject, body) {
            (Some(audience), Some(subject), Some(body)) if e.is_empty() => {
                Ok(AnnouncementInput { audience, subject, body, confirmed_count })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn a_segment_needs_what_it_names() {
        assert_eq!(parse_audience(&form(&[("segment", "sympathisants")])), Ok(Audience::Sympathisants));
        assert_eq!(
            parse_audience(&form(&[("segment", "available"), ("availability", "tractage")])),
            Ok(Audience::Available(Availability::Tractage))
        );
        let e = parse_audience(&form(&[("segment", "available")])).unwrap_err();
        assert_eq!(e.get("availability"), Some(&FieldError::ChoiceRequired));
        let e = parse_audience(&form(&[("segment", "participants"), ("action", "x")])).unwrap_err();
        assert_eq!(e.get("action"), Some(&FieldError::ChoiceRequired));
        let e = parse_audience(&form(&[("segment", "everyone")])).unwrap_err();
        assert_eq!(e.get("segment"), Some(&FieldError::InvalidChoice));
    }

    #[test]
    fn subject_and_text_are_required_and_bounded() {
        let e = AnnouncementInput::parse(&form(&[("segment", "all"), ("subject", " "), ("body", "")])).unwrap_err();
        assert_eq!(e.get("subject"), Some(&FieldError::Required));
        assert_eq!(e.get("body"), Some(&FieldError::Required));
        let long = "x".repeat(MAX_SUBJECT_CHARS + 1);
        let e = AnnouncementInput::parse(&form(&[("segment", "all"), ("subject", &long), ("body", "Salut")])).unwrap_err();
        assert_eq!(e.get("subject"), Some(&FieldError::TooLong { max: MAX_SUBJECT_CHARS }));
        let ok =
            AnnouncementInput::parse(&form(&[("segment", "all"), ("subject", "Réunion"), ("body", "Mardi"), ("attendu", "12")])).unwrap();
        assert_eq!(ok.confirmed_count, Some(12));
        let e =
            AnnouncementInput::parse(&form(&[("segment", "all"), ("subject", "Réunion\r\nBcc: x@y.fr"), ("body", "Mardi")])).unwrap_err();
        assert_eq!(e.get("subject"), Some(&FieldError::ControlCharacters));
    }
}
