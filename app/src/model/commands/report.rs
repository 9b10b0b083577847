//! The compte-rendu form (`/actions/{id}/compte-rendu`) as a typed command: figures, notes and up
//! to `CONTACT_ROWS` new contacts, each with their consent and retention period.

use crate::model::account::Email;
use crate::model::commands::post::picture_alt;
use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::report::{CONTACT_RETENTION_MONTHS, CONTACT_ROWS, MAX_REPORT_PHOTOS, REMOVE_PHOTO_FIELD};

/// The validated compte-rendu.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportInput {
    pub present: i64,
    pub tracts: i64,
    pub doors_knocked: i64,
    pub doors_opened: i64,
    pub conversations: i64,
    pub calls: i64,
    pub notes: String,
    pub contacts: Vec<ContactInput>,
}

/// A new contact met, with what they agreed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactInput {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub wants_callback: bool,
    pub wants_news: bool,
    pub wants_volunteer: bool,
    pub months: i64,
}

/// Digits, spaces, dots, dashes and a leading +, 6 to 15 digits; empty is allowed (an e-mail may do).
fn phone(raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let allowed = t.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " .-".contains(c) || (c == '+' && i == 0));
    if t.is_empty() || (allowed && (6..=15).contains(&digits)) {
        Ok(t.to_string())
    } else {
        Err(FieldError::InvalidPhone)
    }
}

/// Contact row `i`: `None` when left blank; its errors are added to `errors`.
fn parse_contact(form: &RawForm, i: usize, errors: &mut FieldErrors) -> Option<ContactInput> {
    let field = |suffix: &str| format!("contact{i}_{suffix}");
    let (name, phone_raw, email_raw) = (form.value(&field("name")), form.value(&field("phone")), form.value(&field("email")));
    if name.trim().is_empty() && phone_raw.trim().is_empty() && email_raw.trim().is_empty() {
        return None; // a row left blank
    }
    let name = errors.check(&field("name"), fields::text(name, 1, 80));
    let phone = errors.check(&field("phone"), phone(phone_raw));
    let email = match email_raw.trim() {
        "" => Some(String::new()),
        raw => errors.check(&field("email"), Email::parse(raw).map(|e| e.as_str().to_string())),
    };
    if phone_raw.trim().is_empty() && email_raw.trim().is_empty() {
        errors.add(&field("phone"), FieldError::ContactMeansRequired);
    }
    if form.value(&field("consent")) != "oui" {
        errors.add(&field("consent"), FieldError::ConsentRequired);
    }
    let months = form.value(&field("duree")).trim().parse::<i64>().ok().filter(|m| CONTACT_RETENTION_MONTHS.contains(m));
    if months.is_none() {
        errors.add(&field("duree"), FieldError::InvalidChoice);
    }
    Some(ContactInput {
        name: name?,
        phone: phone?,
        email: email?,
        wants_callback: form.value(&field("rappel")) == "oui",
        wants_news: form.value(&field("nouvelles")) == "oui",
        wants_volunteer: form.value(&field("benevole")) == "oui",
        months: months?,
    })
}

impl ReportInput {
    /// The figures, the notes and the contacts of the form; every field's error at once.
    pub fn parse(form: &RawForm) -> Result<ReportInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut number = |name: &str| e.check(name, fields::count(form.value(name))).map(Option::unwrap_or_default);
        let (present, tracts, doors_knocked, doors_opened, conversations, calls) = (
            number("present"),
            number("tracts"),
            number("doors_knocked"),
            number("doors_opened"),
            number("conversations"),
            number("calls"),
        );
        let notes = e.check("notes", fields::text(form.value("notes"), 0, 2000));
        if let (Some(knocked), Some(opened)) = (doors_knocked, doors_opened) {
            if opened > knocked {
                e.add("doors_opened", FieldError::MoreThan { other: "doors_knocked".into() });
            }
        }
        let contacts: Vec<Option<ContactInput>> = (1..=CONTACT_ROWS).map(|i| parse_contact(form, i, &mut e)).collect();
        let valid = || -> Option<ReportInput> {
            Some(ReportInput {
                present: present?,
                tracts: tracts?,
                doors_knocked: doors_knocked?,
                doors_opened: doors_opened?,
                conversations: conversations?,
                calls: calls?,
                notes: notes.clone()?,
                contacts: Vec::new(),
            })
        };
        match valid() {
            Some(mut input) if e.is_empty() => {
                input.contacts = contacts.into_iter().flatten().collect();
                Ok(input)
            }
            _ => Err(e),
        }
    }
}

/// What the form does to the compte-rendu's photos: the kept ones it takes off (by key), and
/// the description of each new one (`alt_{n}` for the file of slot `photo_{n}`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportPhotos {
    pub remove: Vec<String>,
    /// `(slot, description)` of each new photo, in slot order.
    pub new: Vec<(usize, String)>,
}

impl ReportPhotos {
    /// `slots`: the form's photo slots that hold a file (1-based); `kept`: the keys of the photos
    /// the compte-rendu holds now. Those kept, less those taken off, and the new ones make
    /// `MAX_REPORT_PHOTOS` at most.
    pub fn parse(form: &RawForm, slots: &[usize], kept: &[String]) -> Result<ReportPhotos, FieldErrors> {
        let mut e = FieldErrors::default();
        let taken_off = form.values(REMOVE_PHOTO_FIELD);
        let remove: Vec<String> = kept.iter().filter(|k| taken_off.contains(&k.as_str())).cloned().collect();
        let mut new = Vec::new();
        for n in slots {
            let field = format!("alt_{n}");
            if let Some(alt) = e.check(&field, picture_alt(form.value(&field))) {
                new.push((*n, alt));
            }
        }
        if kept.len() - remove.len() + slots.len() > MAX_REPORT_PHOTOS {
            e.add("photos", FieldError::TooManyPictures { max: MAX_REPORT_PHOTOS });
        }
        if e.is_empty() {
            new.sort_by_key(|(n, _)| *n);
            Ok(ReportPhotos { remove, new })
        } else {
            Err(e)
        }
    }
}

/// The idempotency key the form carries: 16 to 64 letters, digits or dashes, so that a replayed
/// submission (offline sync, a double tap) is recognized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportKey(String);

impl ReportKey {
    pub fn parse(form: &RawForm) -> Result<ReportKey, FieldErrors> {
        let k = form.value("cle");
        if (16..=64).contains(&k.len()) && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            Ok(ReportKey(k.to_string()))
        } else {
            let mut e = FieldErrors::default();
            e.add("cle", FieldError::Required);
            Err(e)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(f: &RawForm) -> FieldErrors {
        match ReportInput::parse(f) {
            Err(e) => e,
            other => panic!("expected a validation error, got {:?}", other.map(|i| i.present)),
        }
    }

    #[test]
    fn photos_kept_taken_off_and_new_make_four_at_most() {
        let kept: Vec<String> = ["a", "b", "c"].iter().map(|k| k.to_string()).collect();
        let form = RawForm::of(&[("retirer_photo", "b"), ("retirer_photo", "inconnue"), ("alt_2", "Le stand"), ("alt_1", "")]);
        let photos = ReportPhotos::parse(&form, &[2, 1], &kept).expect("3 − 1 + 2 = 4");
        assert_eq!(photos.remove, vec!["b".to_string()]);
        assert_eq!(photos.new, vec![(1, String::new()), (2, "Le stand".to_string())]);
        let e = ReportPhotos::parse(&RawForm::of(&[]), &[1, 2], &kept).expect_err("3 + 2 = 5");
        assert_eq!(e.get("photos"), Some(&FieldError::TooManyPictures { max: 4 }));
        let long = "x".repeat(501);
        let e = ReportPhotos::parse(&RawForm::of(&[("alt_1", long.as_str())]), &[1], &[]).expect_err("long");
        assert!(matches!(e.get("alt_1"), Some(FieldError::TooLong { .. })));
    }

    #[test]
    fn figures_must_be_whole_and_not_negative() {
        let e = errors(&RawForm::of(&[("tracts", "-5"), ("doors_knocked", "10"), ("doors_opened", "12"), ("calls", "beaucoup")]));
        assert_eq!(e.get("tracts"), Some(&FieldError::MustNotBeNegative));
        assert!(matches!(e.get("doors_opened"), Some(FieldError::MoreThan { .. })));
        assert_eq!(e.get("calls"), Some(&FieldError::NotANumber));
        let ok = ReportInput::parse(&RawForm::of(&[("tracts", "300"), ("present", "4")])).map(|i| (i.tracts, i.present, i.calls));
        assert!(matches!(ok, Ok((300, 4, 0))));
    }

    #[test]
    fn contacts_need_consent_a_way_to_reach_them_and_a_retention() {
        let e = errors(&RawForm::of(&[("contact1_name", "Jeanne"), ("contact2_name", "Marc"), ("contact2_phone", "06 12 34 56 78")]));
        assert_eq!(e.get("contact1_phone"), Some(&FieldError::ContactMeansRequired));
        assert_eq!(e.get("contact1_consent"), Some(&FieldError::ConsentRequired));
        assert_eq!(e.get("contact2_duree"), Some(&FieldError::InvalidChoice));
        let e = errors(&RawForm::of(&[("contact1_name", "Jeanne"), ("contact1_phone", "appelle-moi"), ("contact1_consent", "oui")]));
        assert_eq!(e.get("contact1_phone"), Some(&FieldError::InvalidPhone));
        let ok = ReportInput::parse(&RawForm::of(&[
            ("contact3_name", "Jeanne"),
            ("contact3_email", "jeanne@example.fr"),
            ("contact3_consent", "oui"),
            ("contact3_duree", "12"),
            ("contact3_benevole", "oui"),
        ]));
        let contacts = ok.map(|i| i.contacts).unwrap_or_default();
        assert_eq!(contacts.len(), 1);
        assert!(contacts.iter().all(|c| c.wants_volunteer && !c.wants_news && c.months == 12));
    }

    #[test]
    fn figures_and_a_contact_are_read() {
        let input = ReportInput::parse(&RawForm::of(&[
            ("present", "4"),
            ("tracts", "350"),
            ("doors_knocked", "40"),
            ("doors_opened", "12"),
            ("notes", "  Bon accueil au marché  "),
            ("contact2_name", "Nadia"),
            ("contact2_phone", "06 12 34 56 78"),
            ("contact2_consent", "oui"),
            ("contact2_duree", "12"),
            ("contact2_benevole", "oui"),
        ]))
        .expect("valid");
        assert_eq!((input.present, input.tracts, input.doors_knocked, input.doors_opened), (4, 350, 40, 12));
        assert_eq!(input.notes, "Bon accueil au marché");
        assert_eq!(input.contacts.len(), 1, "blank rows are ignored");
        assert_eq!((input.contacts[0].name.as_str(), input.contacts[0].months), ("Nadia", 12));
    }

    #[test]
    fn keys_are_checked() {
        assert!(ReportKey::parse(&RawForm::of(&[("cle", "0123456789abcdef")])).is_ok());
        assert!(ReportKey::parse(&RawForm::of(&[("cle", "court")])).is_err());
        assert!(ReportKey::parse(&RawForm::of(&[("cle", "0123456789abcdef'; --")])).is_err());
    }
}
