//! A ballot's choice, as the `vote_ballots.choice` column keeps it and the published CSV shows it:
//! short text anyone can read back — "oui", "non", "abstention"; the chosen options' numbers
//! from 1 ("2", "1 3"), "blanc" for a blank vote; one grade per option from 0 ("à rejeter") to
//! 6 ("excellent"), as digits ("604").

use crate::model::votes::majority_judgment::GRADES;
use crate::model::votes::VoteKind;

string_enum! {
    /// The answers of a oui / non question.
    pub enum YesNo {
        Yes = "oui",
        No = "non",
        Abstain = "abstention",
    }
}

/// What one ballot says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    YesNo(YesNo),
    /// The chosen options (positions from 0, ascending); none: a blank vote.
    Options(Vec<usize>),
    /// One grade per option (0: "à rejeter" … 6: "excellent").
    Grades(Vec<u8>),
}

pub const BLANK: &str = "blanc";

impl Choice {
    /// The stored and published text.
    pub fn encode(&self) -> String {
        match self {
            Choice::YesNo(answer) => answer.as_str().to_string(),
            Choice::Options(chosen) if chosen.is_empty() => BLANK.to_string(),
            Choice::Options(chosen) => chosen.iter().map(|p| (p + 1).to_string()).collect::<Vec<_>>().join(" "),
            Choice::Grades(grades) => grades.iter().map(|g| char::from(b'0' + g)).collect(),
        }
    }

    /// Reads a stored choice back for a vote of `kind` over `options` options (`max_choices`
    /// at most); `None` for anything a ballot of that vote could not say.
    pub fn decode(raw: &str, kind: VoteKind, options: usize, max_choices: usize) -> Option<Choice> {
        match kind {
            VoteKind::YesNo => YesNo::parse(raw).map(Choice::YesNo),
            VoteKind::OneOf | VoteKind::SomeOf => {
                if raw == BLANK {
                    return Some(Choice::Options(Vec::new()));
                }
                let mut chosen = Vec::new();
                for number in raw.split(' ') {
                    let n: usize = number.parse().ok()?;
                    if n == 0 || n > options || chosen.last().is_some_and(|&last| last + 1 >= n) {
                        return None;
                    }
                    chosen.push(n - 1);
                }
                let most = if kind == VoteKind::OneOf { 1 } else { max_choices };
                (!chosen.is_empty() && chosen.len() <= most).then_some(Choice::Options(chosen))
            }
            VoteKind::MajorityJudgment => {
                let grades: Vec<u8> = raw.bytes().map(|b| b.wrapping_sub(b'0')).collect();
                (grades.len() == options && grades.iter().all(|&g| (g as usize) < GRADES.len())).then_some(Choice::Grades(grades))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_reads_back_as_written() {
        let cases = [
            (Choice::YesNo(YesNo::Abstain), VoteKind::YesNo, "abstention"),
            (Choice::Options(vec![]), VoteKind::OneOf, "blanc"),
            (Choice::Options(vec![2]), VoteKind::OneOf, "3"),
            (Choice::Options(vec![0, 3]), VoteKind::SomeOf, "1 4"),
            (Choice::Grades(vec![6, 0, 4, 2]), VoteKind::MajorityJudgment, "6042"),
        ];
        for (choice, kind, text) in cases {
            assert_eq!(choice.encode(), text);
            assert_eq!(Choice::decode(text, kind, 4, 2), Some(choice));
        }
    }

    #[test]
    fn what_a_ballot_could_not_say_is_refused() {
        for (raw, kind) in [
            ("peut-être", VoteKind::YesNo),
            ("0", VoteKind::OneOf),
            ("5", VoteKind::OneOf),
            ("1 2", VoteKind::OneOf),
            ("1 2 3", VoteKind::SomeOf),
            ("2 1", VoteKind::SomeOf),
            ("1 1", VoteKind::SomeOf),
            ("", VoteKind::SomeOf),
            ("604", VoteKind::MajorityJudgment),
            ("6047", VoteKind::MajorityJudgment),
            ("60a2", VoteKind::MajorityJudgment),
        ] {
            assert_eq!(Choice::decode(raw, kind, 4, 2), None, "{raw} for {kind}");
        }
    }
}
