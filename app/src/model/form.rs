//! What a submitted form looks like on its way back to the page: the values the person typed
//! (never passwords) and one error code per field, translated by the page.

use serde::{Deserialize, Serialize};

/// Why one field was refused. The UI turns each code into a French (or English) sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    TooManyItems {
        max: usize,
    },
    InvalidEmail,
    /// The current password typed on the account page is not the account's.
    WrongPassword,
    /// The new address is the account's address already.
    SameAddress,
    InvalidPostalCode,
    ConsentRequired,
    ChoiceRequired,
    InvalidChoice,
    InvalidHandle,
    HandleTaken,
    ControlCharacters,
    UnknownPostalCode,
    /// Several communes share the postal code: the person picks one (insee, name).
    ChooseCommune {
        options: Vec<(String, String)>,
    },
    UnknownCommune {
        entry: String,
    },
    AmbiguousCommuneEntry {
        entry: String,
        options: Vec<(String, String)>,
    },
    CommuneInOtherSection {
        commune: String,
        section: String,
    },
    CommuneOutsideFederation {
        commune: String,
    },
    SlugTaken,
    UnknownMember,
    /// A co-organizer must be of the action's section (or federation), or of the team above it.
    NotOfScope,
    /// Groups with a close name or purpose exist (slug, name): join one, or confirm.
    SimilarGroups {
        groups: Vec<(String, String)>,
    },
    /// Not one of the audiences (or groups) this person may publish to.
    AudienceNotAllowed,
    /// Not a date and time (`2026-11-28T10:00`).
    InvalidDateTime,
    EndBeforeStart,
    InThePast,
    /// A moderation case or appeal was decided meanwhile (by someone else).
    AlreadyDecided,
    NotANumber,
    MustBePositive,
    MustNotBeNegative,
    /// Coordinates outside France's territories (or latitude and longitude swapped).
    OutsideFrance,
    /// Doors opened cannot exceed doors knocked, and the like. `other` is the other field's
    /// name; the message names it in the reader's language.
    MoreThan {
        other: String,
    },
    /// Not a phone number (digits, spaces, dots, dashes and a leading +).
    InvalidPhone,
    /// A new contact without a phone number or an e-mail address.
    ContactMeansRequired,
    /// An annonce's recipients changed between the count shown and "Envoyer": the new count.
    RecipientsChanged {
        count: i64,
    },
    /// Nobody matches the annonce's segment.
    NoRecipients,
    /// The scope sent its `max` annonces of the rolling week.
    WeeklyLimitReached {
        max: i64,
    },
    /// A vote must close after it opens.
    ClosesBeforeOpens,
    /// A vote stays open `days` days at most.
    VoteTooLong {
        days: i64,
    },
    /// A vote needs at least `min` options.
    TooFewOptions {
        min: usize,
    },
    /// The same option twice.
    DuplicateOption {
        option: String,
    },
    /// "k choix parmi n": k from `min` to `max`.
    ChoicesBetween {
        min: usize,
        max: usize,
    },
    /// A percentage from 1 to 100.
    PercentOutOfRange,
    /// A blank vote with options ticked.
    BlankAndChoices,
    /// More options ticked than the vote allows.
    TooManyChoices {
        max: usize,
    },
    /// An option left without a grade (jugement majoritaire).
    GradeRequired,
    /// A grade that is not on the scale.
    GradeOutsideScale,
    /// A ballot before the vote opened.
    VoteNotOpen,
    /// A ballot after the vote closed.
    VoteClosed,
    /// A second ballot.
    AlreadyVoted,
    /// Nobody could vote: the scope has no confirmed adhérent.
    EmptyElectorate,
    /// Closing early while `left` electors have not voted.
    NotEveryoneVoted {
        left: i64,
    },
    /// The ballots of a vote not counted yet.
    VoteNotCounted,
    /// The scope opened its `max` votes of the rolling week.
    VoteLimitReached {
        max: i64,
    },
    /// A debate open longer than `days`.
    DebateTooLong {
        days: i64,
    },
    /// A proposition merged into itself.
    MergeIntoItself,
    /// Taking part in a debate not open yet (or not approved).
    DebateNotOpen,
    /// Taking part in a closed debate.
    DebateClosed,
    /// A vote from a debate needs at least two selected propositions.
    TooFewSelected,
    /// An action from a debate that is not closed yet.
    DebateNotClosed,
    /// A file over the size limit (in megabytes).
    FileTooLarge {
        max_mb: u64,
    },
    /// A picture wider or taller than `max_px` pixels (or with too many pixels in all).
    ImageTooLarge {
        max_px: u32,
    },
    /// Not a JPEG, PNG or WebP picture (whatever its name says).
    NotAPicture,
    /// A picture that cannot be read to its end (truncated, damaged).
    DamagedPicture,
    /// More pictures than allowed.
    TooManyPictures {
        max: usize,
    },
    /// Not a PDF document (or a PDF that is also something else).
    NotAPdf,
    /// The person's (or the scope's) storage is full.
    QuotaExceeded {
        max_mb: u64,
    },
    /// A PDF that carries scripts, launch actions or attached files.
    UnsafePdf,
    /// Neither a PDF nor a picture (JPEG, PNG, WebP).
    NotADocument,
    /// Not a calendar day (`YYYY-MM-DD`).
    InvalidDate,
    /// A picture with more pixels in all than `max_mpx` millions.
    TooManyPixels {
        max_mpx: u64,
    },
}

/// Field name → error, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, FieldError)>);

impl FieldErrors {
    /// Both parts of a form, or every error of either (a command parsed in two parts).
    pub fn both<A, B>(a: Result<A, FieldErrors>, b: Result<B, FieldErrors>) -> Result<(A, B), FieldErrors> {
        match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (a, b) => {
                let mut all = FieldErrors::default();
                for (field, error) in a.err().into_iter().chain(b.err()).flat_map(|e| e.0) {
                    all.add(&field, error);
                }
                Err(all)
            }
        }
    }

    pub fn add(&mut self, field: &str, error: FieldError) {
        if self.get(field).is_none() {
            self.0.push((field.to_string(), error));
        }
    }

    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|(name, _)| name == field).map(|(_, e)| e)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records the outcome of one field's parse and returns the value when it is valid.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, FieldError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, error);
                None
            }
        }
    }
}

/// A urlencoded form body as name/value pairs, in order (checkbox groups repeat a name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawForm(pub Vec<(String, String)>);

impl RawForm {
    /// A form from (name, value) pairs, as a test or a server function writes one.
    pub fn of(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(pairs.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect())
    }

    pub fn value(&self, name: &str) -> &str {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    pub fn values(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect()
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(n, v)| n == name && v == value)
    }

    /// The same form without the fields that must never be echoed back or stored (passwords).
    pub fn without_secrets(&self) -> RawForm {
        RawForm(self.0.iter().filter(|(name, _)| !name.contains("password")).cloned().collect())
    }
}

/// A form-level failure that is not tied to one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormProblem {
    WrongCredentials,
    RateLimited { retry_after_secs: i64 },
    Internal,
    Forbidden,
    Suspended,
}

/// What a page with a form receives after a server-rendered (no-JavaScript or pre-hydration)
/// submission that failed: what was typed, what is wrong. Success is a redirect instead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOutcome {
    pub values: RawForm,
    pub errors: FieldErrors,
    pub problem: Option<FormProblem>,
}

impl FormOutcome {
    pub fn value(&self, name: &str) -> String {
        self.values.value(name).to_string()
    }

    pub fn error(&self, name: &str) -> Option<FieldError> {
        self.errors.get(name).cloned()
    }
}

/// A form shown again: after a refused submission what was typed wins over what is stored.
#[derive(Debug, Clone, Default)]
pub struct FormValues {
    outcome: Option<FormOutcome>,
    stored: Vec<(String, String)>,
}

impl FormValues {
    pub fn new(outcome: Option<FormOutcome>, stored: Vec<(String, String)>) -> Self {
        Self { outcome, stored }
    }

    pub fn value(&self, name: &str) -> String {
        match &self.outcome {
            Some(o) => o.value(name),
            None => self.stored.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default(),
        }
    }

    pub fn error(&self, name: &str) -> Option<FieldError> {
        self.outcome.as_ref().and_then(|o| o.error(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_never_echoed() {
        let form = RawForm(vec![
            ("email".into(), "a@b.fr".into()),
            ("password".into(), "secret-secret".into()),
            ("new_password".into(), "x".into()),
        ]);
        let safe = form.without_secrets();
        assert_eq!(safe.value("email"), "a@b.fr");
        assert_eq!(safe.value("password"), "");
        assert_eq!(safe.values("new_password").len(), 0);
    }

    #[test]
    fn first_error_per_field_wins() {
        let mut errors = FieldErrors::default();
        errors.add("email", FieldError::Required);
        errors.add("email", FieldError::InvalidEmail);
        assert_eq!(errors.get("email"), Some(&FieldError::Required));
        assert_eq!(errors.0.len(), 1);
    }

    #[test]
    fn checkbox_groups_keep_every_value() {
        let form = RawForm(vec![("a".into(), "1".into()), ("a".into(), "2".into())]);
        assert_eq!(form.values("a"), vec!["1", "2"]);
        assert!(form.has("a", "2"));
        assert!(!form.has("a", "3"));
    }
}
