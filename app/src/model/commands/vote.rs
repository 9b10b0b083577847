//! A vote's opening form and a ballot as typed commands.

use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::votes::ballot::BLANK;
use crate::model::votes::majority_judgment::GRADES;
use crate::model::votes::{Choice, VoteKind, YesNo};

pub const MAX_TITLE_CHARS: usize = 140;
pub const MAX_DESCRIPTION_CHARS: usize = 5000;
pub const MAX_OPTION_CHARS: usize = 200;
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 20;
/// The longest a vote may stay open.
pub const MAX_DURATION_MS: i64 = 92 * 86_400_000;

/// A vote to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVoteInput {
    pub title: String,
    pub description: String,
    pub kind: VoteKind,
    /// The options, in order (none for a oui / non question).
    pub options: Vec<String>,
    pub max_choices: usize,
    pub opens_at: i64,
    pub closes_at: i64,
    pub quorum_percent: Option<i64>,
}

impl NewVoteInput {
    /// Every field; `now` is the server's clock (an empty opening is "now", and nothing may open
    /// or close in the past).
    pub fn parse(form: &RawForm, now: i64) -> Result<NewVoteInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.check("title", fields::text(form.value("title"), 3, MAX_TITLE_CHARS));
        let description = e.check("description", fields::text(form.value("description"), 0, MAX_DESCRIPTION_CHARS));
        let kind = e.check("kind", VoteKind::choose(form.value("kind")));
        let options = match kind {
            Some(VoteKind::YesNo) | None => Some(Vec::new()),
            Some(_) => e.check("options", options(form.value("options"))),
        };
        let max_choices = match (kind, &options) {
            (Some(VoteKind::SomeOf), Some(options)) => e.check("max_choices", max_choices(form.value("max_choices"), options.len())),
            _ => Some(1),
        };
        let opens_at = if form.value("opens_at").trim().is_empty() {
            Some(now)
        } else {
            e.check("opens_at", fields::paris_datetime(form.value("opens_at"))).filter(|&at| {
                // A minute of grace: the form was filled in a moment ago.
                let ok = at >= now - 60_000;
                if !ok {
                    e.add("opens_at", FieldError::InThePast);
                }
                ok
            })
        };
        let closes_at = e.check("closes_at", fields::paris_datetime(form.value("closes_at")));
        if let (Some(opens), Some(closes)) = (opens_at, closes_at) {
            if closes <= now {
                e.add("closes_at", FieldError::InThePast);
            } else if closes <= opens {
                e.add("closes_at", FieldError::ClosesBeforeOpens);
            } else if closes - opens > MAX_DURATION_MS {
                e.add("closes_at", FieldError::VoteTooLong { days: MAX_DURATION_MS / 86_400_000 });
            }
        }
        let quorum_percent = e.check("quorum", quorum(form.value("quorum")));
        match (title, description, kind, options, max_choices, opens_at, closes_at, quorum_percent) {
            (
                Some(title),
                Some(description),
                Some(kind),
                Some(options),
                Some(max_choices),
                Some(opens_at),
                Some(closes_at),
                Some(quorum_percent),
            ) if e.is_empty() => Ok(NewVoteInput { title, description, kind, options, max_choices, opens_at, closes_at, quorum_percent }),
            _ => Err(e),
        }
    }
}

/// One option per line: 2 to 20, none empty twice, none repeated.
fn options(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut options: Vec<String> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let option = fields::text(line, 1, MAX_OPTION_CHARS)?;
        if options.iter().any(|o| o.to_lowercase() == option.to_lowercase()) {
            return Err(FieldError::DuplicateOption { option });
        }
        options.push(option);
    }
    if options.len() < MIN_OPTIONS {
        return Err(FieldError::TooFewOptions { min: MIN_OPTIONS });
    }
    if options.len() > MAX_OPTIONS {
        return Err(FieldError::TooManyItems { max: MAX_OPTIONS });
    }
    Ok(options)
}

/// "k choix parmi n": from 2 to the number of options.
fn max_choices(raw: &str, options: usize) -> Result<usize, FieldError> {
    match fields::positive(raw)? {
        None => Err(FieldError::Required),
        Some(k) if k < 2 || k as usize > options => Err(FieldError::ChoicesBetween { min: 2, max: options }),
        Some(k) => Ok(k as usize),
    }
}

/// A share of the electorate in percent, 1 to 100; empty: no quorum.
fn quorum(raw: &str) -> Result<Option<i64>, FieldError> {
    match fields::positive(raw.trim().trim_end_matches('%'))? {
        Some(p) if p > 100 => Err(FieldError::PercentOutOfRange),
        other => Ok(other),
    }
}

/// A ballot's form for a vote of `kind` over `options` (`max_choices` at most): `reponse` (oui /
/// non), `choix` (the options' numbers from 1, or "blanc"), `note-1`… (a grade per option, 0 to 6).
pub fn parse_ballot(form: &RawForm, kind: VoteKind, options: usize, max_choices: usize) -> Result<Choice, FieldErrors> {
    let mut e = FieldErrors::default();
    let choice = match kind {
        VoteKind::YesNo => e.check("reponse", YesNo::choose(form.value("reponse"))).map(Choice::YesNo),
        VoteKind::OneOf | VoteKind::SomeOf => {
            let most = if kind == VoteKind::OneOf { 1 } else { max_choices };
            e.check("choix", chosen(&form.values("choix"), options, most)).map(Choice::Options)
        }
        VoteKind::MajorityJudgment => {
            let mut grades = Vec::with_capacity(options);
            for option in 1..=options {
                let field = format!("note-{option}");
                if let Some(grade) = e.check(&field, grade(form.value(&field))) {
                    grades.push(grade);
                }
            }
            (grades.len() == options).then_some(Choice::Grades(grades))
        }
    };
    match choice {
        Some(choice) if e.is_empty() => Ok(choice),
        _ => Err(e),
    }
}

/// The chosen options' numbers (from 1), or the blank vote alone.
fn chosen(raw: &[&str], options: usize, most: usize) -> Result<Vec<usize>, FieldError> {
    let raw: Vec<&str> = raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect();
    if raw.is_empty() {
        return Err(FieldError::ChoiceRequired);
    }
    if raw.contains(&BLANK) {
        return if raw.len() == 1 { Ok(Vec::new()) } else { Err(FieldError::BlankAndChoices) };
    }
    let mut chosen = Vec::with_capacity(raw.len());
    for r in raw {
        match r.parse::<usize>() {
            Ok(n) if (1..=options).contains(&n) => chosen.push(n - 1),
            _ => return Err(FieldError::InvalidChoice),
        }
    }
    chosen.sort_unstable();
    chosen.dedup();
    if chosen.len() > most {
        return Err(FieldError::TooManyChoices { max: most });
    }
    Ok(chosen)
}

fn grade(raw: &str) -> Result<u8, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::GradeRequired),
        t => match t.parse::<u8>() {
            Ok(g) if (g as usize) < GRADES.len() => Ok(g),
            _ => Err(FieldError::GradeOutsideScale),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::paris_time::parse_paris_datetime;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    fn now() -> i64 {
        parse_paris_datetime("2026-12-06T10:00").unwrap_or_default()
    }

    fn vote(extra: &[(&str, &str)]) -> RawForm {
        let mut pairs = vec![
            ("title", "Quel marché samedi ?"),
            ("kind", "jugement_majoritaire"),
            ("options", "Wazemmes\n\nVieux-Lille\n"),
            ("closes_at", "2026-12-10T20:00"),
        ];
        for (k, v) in extra {
            pairs.retain(|(key, _)| key != k);
            pairs.push((k, v));
        }
        form(&pairs)
    }

    #[test]
    fn a_vote_opens_now_unless_told() {
        let input = NewVoteInput::parse(&vote(&[]), now()).expect("valid");
        assert_eq!(input.options, vec!["Wazemmes", "Vieux-Lille"]);
        assert_eq!((input.opens_at, input.max_choices, input.quorum_percent), (now(), 1, None));
        let input = NewVoteInput::parse(&vote(&[("kind", "oui_non"), ("options", ""), ("quorum", "25 %")]), now()).expect("valid");
        assert!(input.options.is_empty());
        assert_eq!(input.quorum_percent, Some(25));
    }

    #[test]
    fn bad_votes_say_what_to_fix() {
        let refused = |extra: &[(&str, &str)], field: &str, error: FieldError| {
            let e = NewVoteInput::parse(&vote(extra), now()).expect_err("refused");
            assert_eq!(e.get(field), Some(&error), "{extra:?}: {e:?}");
        };
        refused(&[("options", "Wazemmes")], "options", FieldError::TooFewOptions { min: 2 });
        refused(&[("options", "Wazemmes\nwazemmes")], "options", FieldError::DuplicateOption { option: "wazemmes".into() });
        refused(&[("opens_at", "2026-12-11T10:00")], "closes_at", FieldError::ClosesBeforeOpens);
        refused(&[("closes_at", "2026-12-01T10:00")], "closes_at", FieldError::InThePast);
        refused(&[("opens_at", "2026-12-01T10:00")], "opens_at", FieldError::InThePast);
        refused(&[("closes_at", "2027-06-01T10:00")], "closes_at", FieldError::VoteTooLong { days: 92 });
        refused(&[("kind", "plusieurs_choix"), ("max_choices", "3")], "max_choices", FieldError::ChoicesBetween { min: 2, max: 2 });
        refused(&[("quorum", "120")], "quorum", FieldError::PercentOutOfRange);
        refused(&[("kind", "classement")], "kind", FieldError::InvalidChoice);
    }

    #[test]
    fn ballots() {
        let yes = parse_ballot(&form(&[("reponse", "oui")]), VoteKind::YesNo, 0, 1);
        assert_eq!(yes, Ok(Choice::YesNo(YesNo::Yes)));
        let two = parse_ballot(&form(&[("choix", "3"), ("choix", "1")]), VoteKind::SomeOf, 3, 2);
        assert_eq!(two, Ok(Choice::Options(vec![0, 2])));
        let blank = parse_ballot(&form(&[("choix", "blanc")]), VoteKind::OneOf, 3, 1);
        assert_eq!(blank, Ok(Choice::Options(vec![])));
        let grades = parse_ballot(&form(&[("note-1", "6"), ("note-2", "0")]), VoteKind::MajorityJudgment, 2, 1);
        assert_eq!(grades, Ok(Choice::Grades(vec![6, 0])));
        let error = |f: RawForm, kind, field: &str| parse_ballot(&f, kind, 2, 1).expect_err("refused").get(field).cloned();
        assert_eq!(
            error(form(&[("note-1", "7"), ("note-2", "1")]), VoteKind::MajorityJudgment, "note-1"),
            Some(FieldError::GradeOutsideScale)
        );
        assert_eq!(error(form(&[("note-1", "3")]), VoteKind::MajorityJudgment, "note-2"), Some(FieldError::GradeRequired));
        assert_eq!(error(form(&[("choix", "1"), ("choix", "2")]), VoteKind::OneOf, "choix"), Some(FieldError::TooManyChoices { max: 1 }));
        assert_eq!(error(form(&[("choix", "1"), ("choix", "blanc")]), VoteKind::OneOf, "choix"), Some(FieldError::BlankAndChoices));
        assert_eq!(error(form(&[("choix", "9")]), VoteKind::OneOf, "choix"), Some(FieldError::InvalidChoice));
        assert_eq!(error(form(&[]), VoteKind::YesNo, "reponse"), Some(FieldError::ChoiceRequired));
    }
}
