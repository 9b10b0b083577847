//! Moderation's forms as typed commands: a report, a decision, an appeal and its outcome.

use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::moderation::{
    article, DecisionKind, ReportCategory, MAX_APPEAL_CHARS, MAX_DURATION_DAYS, MAX_EXPLANATION_CHARS, MAX_REASON_CHARS,
};

/// "Signaler": a category and an optional explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportInput {
    pub category: ReportCategory,
    pub explanation: String,
}

impl ReportInput {
    pub fn parse(form: &RawForm) -> Result<ReportInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let category = e.check("category", ReportCategory::choose(form.value("category")));
        let explanation = e.check("explanation", fields::text(form.value("explanation"), 0, MAX_EXPLANATION_CHARS));
        match (category, explanation) {
            (Some(category), Some(explanation)) if e.is_empty() => Ok(ReportInput { category, explanation }),
            _ => Err(e),
        }
    }
}

/// A moderator's decision: what, under which article of the charter, why, for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionInput {
    pub kind: DecisionKind,
    pub rule: String,
    pub reason: String,
    /// Days, for restrictions and suspensions.
    pub days: Option<i64>,
}

/// An article of the charter in force.
fn rule(raw: &str) -> Result<String, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::ChoiceRequired),
        number => article(number).map(|a| a.number.to_string()).ok_or(FieldError::InvalidChoice),
    }
}

fn reason(raw: &str) -> Result<String, FieldError> {
    fields::text(raw, 5, MAX_REASON_CHARS)
}

impl DecisionInput {
    /// `allowed`: the decisions this case admits (a suspension only nationally…).
    pub fn parse(form: &RawForm, allowed: &[DecisionKind]) -> Result<DecisionInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = e.check(
            "decision",
            DecisionKind::choose(form.value("decision")).and_then(|k| {
                if allowed.contains(&k) {
                    Ok(k)
                } else {
                    Err(FieldError::InvalidChoice)
                }
            }),
        );
        let rule = e.check("rule", rule(form.value("rule")));
        let reason = e.check("reason", reason(form.value("reason")));
        let days = match kind {
            Some(k) if k.has_duration() => e.check(
                "days",
                fields::positive(form.value("days")).and_then(|d| match d {
                    None => Err(FieldError::Required),
                    Some(d) if d > MAX_DURATION_DAYS => Err(FieldError::TooLong { max: 3 }),
                    Some(d) => Ok(Some(d)),
                }),
            ),
            _ => Some(None),
        };
        match (kind, rule, reason, days) {
            (Some(kind), Some(rule), Some(reason), Some(days)) if e.is_empty() => Ok(DecisionInput { kind, rule, reason, days }),
            _ => Err(e),
        }
    }
}

/// The person concerned appeals: why the decision is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealInput {
    pub text: String,
}

impl AppealInput {
    pub fn parse(form: &RawForm) -> Result<AppealInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let text = e.check("appeal", fields::text(form.value("appeal"), 10, MAX_APPEAL_CHARS));
        match text {
            Some(text) if e.is_empty() => Ok(AppealInput { text }),
            _ => Err(e),
        }
    }
}

/// The scope above answers an appeal: the first decision stands, or is undone; with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealOutcomeInput {
    pub overturn: bool,
    pub rule: String,
    pub reason: String,
}

impl AppealOutcomeInput {
    pub fn parse(form: &RawForm, first_rule: &str) -> Result<AppealOutcomeInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let outcome = e.check(
            "outcome",
            DecisionKind::choose(form.value("outcome")).and_then(|k| match k {
                DecisionKind::Maintain => Ok(false),
                DecisionKind::Overturn => Ok(true),
                _ => Err(FieldError::InvalidChoice),
            }),
        );
        // The rule stays the first decision's unless the answer names another.
        let raw_rule = if form.value("rule").trim().is_empty() { first_rule } else { form.value("rule") };
        let rule = e.check("rule", rule(raw_rule));
        let reason = e.check("reason", reason(form.value("reason")));
        match (outcome, rule, reason) {
            (Some(overturn), Some(rule), Some(reason)) if e.is_empty() => Ok(AppealOutcomeInput { overturn, rule, reason }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_needs_a_category() {
        assert!(ReportInput::parse(&RawForm::of(&[("category", "")])).unwrap_err().get("category").is_some());
        assert!(ReportInput::parse(&RawForm::of(&[("category", "n_importe")])).is_err());
        let ok = ReportInput::parse(&RawForm::of(&[("category", "spam"), ("explanation", "  pub  ")])).unwrap();
        assert_eq!((ok.category, ok.explanation.as_str()), (ReportCategory::Spam, "pub"));
    }

    #[test]
    fn a_decision_names_an_article_a_reason_and_a_duration_when_it_lasts() {
        let allowed = [DecisionKind::Dismiss, DecisionKind::Hide, DecisionKind::Restrict];
        let no_rule = DecisionInput::parse(&RawForm::of(&[("decision", "hide"), ("reason", "Insulte")]), &allowed).unwrap_err();
        assert_eq!(no_rule.get("rule"), Some(&FieldError::ChoiceRequired));
        let bad_rule =
            DecisionInput::parse(&RawForm::of(&[("decision", "hide"), ("rule", "99"), ("reason", "Insulte")]), &allowed).unwrap_err();
        assert_eq!(bad_rule.get("rule"), Some(&FieldError::InvalidChoice));
        let not_here =
            DecisionInput::parse(&RawForm::of(&[("decision", "suspend"), ("rule", "1"), ("reason", "Insulte")]), &allowed).unwrap_err();
        assert_eq!(not_here.get("decision"), Some(&FieldError::InvalidChoice));
        let no_days =
            DecisionInput::parse(&RawForm::of(&[("decision", "restrict"), ("rule", "1"), ("reason", "Insultes répétées")]), &allowed);
        assert_eq!(no_days.unwrap_err().get("days"), Some(&FieldError::Required));
        let ok = DecisionInput::parse(
            &RawForm::of(&[("decision", "restrict"), ("rule", "1"), ("reason", "Insultes répétées"), ("days", "7")]),
            &allowed,
        )
        .unwrap();
        assert_eq!(ok.days, Some(7));
        let hide = DecisionInput::parse(
            &RawForm::of(&[("decision", "hide"), ("rule", "3"), ("reason", "Adresse publiée"), ("days", "x")]),
            &allowed,
        )
        .unwrap();
        assert_eq!(hide.days, None, "a hide has no duration, whatever was typed");
    }

    #[test]
    fn an_appeal_outcome_keeps_the_first_rule_by_default() {
        let ok = AppealOutcomeInput::parse(&RawForm::of(&[("outcome", "overturn"), ("reason", "Critique légitime")]), "1").unwrap();
        assert!(ok.overturn && ok.rule == "1");
        assert!(AppealOutcomeInput::parse(&RawForm::of(&[("outcome", "hide"), ("reason", "Critique légitime")]), "1").is_err());
        assert!(AppealInput::parse(&RawForm::of(&[("appeal", "court")])).is_err());
    }
}
