//! A debate's forms as typed commands: opening one, a contribution or a reply, a proposition, a
//! merge, the synthèse.

use crate::model::debates::{DebateAudience, Stance};
use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};

pub const MAX_TITLE_CHARS: usize = 140;
pub const MAX_DESCRIPTION_CHARS: usize = 5000;
pub const MAX_CONTRIBUTION_CHARS: usize = 3000;
pub const MAX_PROPOSAL_TITLE_CHARS: usize = 140;
pub const MAX_SYNTHESIS_CHARS: usize = 8000;
/// The longest a debate may stay open.
pub const MAX_DURATION_MS: i64 = 183 * 86_400_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDebateInput {
    pub title: String,
    pub description: String,
    pub audience: DebateAudience,
    pub opens_at: i64,
    pub closes_at: i64,
}

impl NewDebateInput {
    /// Every field; `now` is the server's clock (an empty opening is "now").
    pub fn parse(form: &RawForm, now: i64) -> Result<NewDebateInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.check("title", fields::text(form.value("title"), 3, MAX_TITLE_CHARS));
        let description = e.check("description", fields::text(form.value("description"), 10, MAX_DESCRIPTION_CHARS));
        let audience = e.check("audience", DebateAudience::choose(form.value("audience")));
        let opens_at = if form.value("opens_at").trim().is_empty() {
            Some(now)
        } else {
            e.check("opens_at", fields::paris_datetime(form.value("opens_at")))
        };
        let closes_at = e.check("closes_at", fields::paris_datetime(form.value("closes_at")));
        if let (Some(opens), Some(closes)) = (opens_at, closes_at) {
            if closes <= now {
                e.add("closes_at", FieldError::InThePast);
            } else if closes <= opens {
                e.add("closes_at", FieldError::ClosesBeforeOpens);
            } else if closes - opens > MAX_DURATION_MS {
                e.add("closes_at", FieldError::DebateTooLong { days: MAX_DURATION_MS / 86_400_000 });
            }
        }
        match (title, description, audience, opens_at, closes_at) {
            (Some(title), Some(description), Some(audience), Some(opens_at), Some(closes_at)) if e.is_empty() => {
                Ok(NewDebateInput { title, description, audience, opens_at, closes_at })
            }
            _ => Err(e),
        }
    }
}

/// A contribution (with its stance) or, with `parent`, a reply (no stance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributionInput {
    pub parent: Option<i64>,
    pub stance: Option<Stance>,
    pub body: String,
}

impl ContributionInput {
    pub fn parse(form: &RawForm) -> Result<ContributionInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let parent = form.value("parent").trim().parse::<i64>().ok();
        let stance = match parent {
            Some(_) => Some(None),
            None => e.check("stance", Stance::choose(form.value("stance"))).map(Some),
        };
        let body = e.check("body", fields::text(form.value("body"), 2, MAX_CONTRIBUTION_CHARS));
        match (stance, body) {
            (Some(stance), Some(body)) if e.is_empty() => Ok(ContributionInput { parent, stance, body }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalInput {
    pub title: String,
    pub body: String,
}

impl ProposalInput {
    pub fn parse(form: &RawForm) -> Result<ProposalInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.check("proposal_title", fields::text(form.value("proposal_title"), 3, MAX_PROPOSAL_TITLE_CHARS));
        let body = e.check("proposal_body", fields::text(form.value("proposal_body"), 0, MAX_CONTRIBUTION_CHARS));
        match (title, body) {
            (Some(title), Some(body)) if e.is_empty() => Ok(ProposalInput { title, body }),
            _ => Err(e),
        }
    }
}

/// The proposition another one is merged into (`into`), never itself.
pub fn parse_merge(form: &RawForm, merged: i64) -> Result<i64, FieldErrors> {
    let mut e = FieldErrors::default();
    match form.value("into").trim().parse::<i64>() {
        Ok(into) if into == merged => e.add("into", FieldError::MergeIntoItself),
        Ok(into) => return Ok(into),
        Err(_) => e.add("into", FieldError::Required),
    }
    Err(e)
}

pub fn parse_synthesis(form: &RawForm) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    match e.check("synthesis", fields::text(form.value("synthesis"), 10, MAX_SYNTHESIS_CHARS)) {
        Some(text) if e.is_empty() => Ok(text),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn a_contribution_needs_a_stance_a_reply_does_not() {
        let missing = ContributionInput::parse(&form(&[("body", "Je suis pour.")])).unwrap_err();
        assert_eq!(missing.get("stance"), Some(&FieldError::ChoiceRequired));
        let ok = ContributionInput::parse(&form(&[("stance", "nuance"), ("body", "Oui, mais…")])).unwrap();
        assert_eq!(ok.stance, Some(Stance::Nuance));
        let reply = ContributionInput::parse(&form(&[("parent", "7"), ("stance", "pour"), ("body", "D’accord")])).unwrap();
        assert_eq!((reply.parent, reply.stance), (Some(7), None));
    }

    #[test]
    fn a_debate_closes_after_it_opens() {
        let now = 1_800_000_000_000;
        let bad = NewDebateInput::parse(
            &form(&[
                ("title", "Le marché"),
                ("description", "Où tracter samedi ?"),
                ("audience", "scope"),
                ("opens_at", "2027-03-02T10:00"),
                ("closes_at", "2027-03-01T10:00"),
            ]),
            now,
        )
        .unwrap_err();
        assert_eq!(bad.get("closes_at"), Some(&FieldError::ClosesBeforeOpens));
        assert_eq!(parse_merge(&form(&[("into", "3")]), 3).unwrap_err().get("into"), Some(&FieldError::MergeIntoItself));
    }
}
