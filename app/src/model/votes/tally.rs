//! The count of a vote from its ballots' choices (the published text), as the server stores it
//! at closing and as anyone can recompute it from the CSV of ballots.

use serde::{Deserialize, Serialize};

use crate::model::votes::ballot::{Choice, YesNo};
use crate::model::votes::majority_judgment::{ranking, Merit, GRADES};
use crate::model::votes::VoteKind;

/// A counted vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteResult {
    /// Adopted when more oui than non (abstentions are counted, not expressed).
    YesNo { yes: u64, no: u64, abstain: u64 },
    /// How many ballots chose each option; blank ballots apart. The most chosen win (ties share).
    Options { counts: Vec<u64>, blank: u64 },
    /// How many ballots gave each grade to each option (`grades[option][grade]`), each option's
    /// majority grade, and the ranks (0: first; ties share a rank).
    MajorityJudgment { grades: Vec<Vec<u64>>, majority_grades: Vec<Option<usize>>, ranks: Vec<usize> },
}

impl VoteResult {
    /// The winning options (positions), ties included; for a oui / non question, `[0]` when
    /// adopted, `[1]` when rejected, nothing on a tie.
    pub fn winners(&self) -> Vec<usize> {
        match self {
            VoteResult::YesNo { yes, no, .. } => match yes.cmp(no) {
                std::cmp::Ordering::Greater => vec![0],
                std::cmp::Ordering::Less => vec![1],
                std::cmp::Ordering::Equal => vec![],
            },
            VoteResult::Options { counts, .. } => {
                let best = counts.iter().copied().max().unwrap_or(0);
                if best == 0 {
                    return vec![];
                }
                (0..counts.len()).filter(|&i| counts[i] == best).collect()
            }
            VoteResult::MajorityJudgment { ranks, grades, .. } => {
                if grades.iter().all(|g| g.iter().sum::<u64>() == 0) {
                    return vec![];
                }
                (0..ranks.len()).filter(|&i| ranks[i] == 0).collect()
            }
        }
    }
}

/// Counts `choices` (stored text, one per ballot) for a vote of `kind` over `options` options.
/// A text no ballot of this vote could hold is not counted (none is ever written).
pub fn tally<'a>(kind: VoteKind, options: usize, max_choices: usize, choices: impl IntoIterator<Item = &'a str>) -> VoteResult {
    let decoded = choices.into_iter().filter_map(|raw| Choice::decode(raw, kind, options, max_choices));
    match kind {
        VoteKind::YesNo => {
            let (mut yes, mut no, mut abstain) = (0, 0, 0);
            for choice in decoded {
                match choice {
                    Choice::YesNo(YesNo::Yes) => yes += 1,
                    Choice::YesNo(YesNo::No) => no += 1,
                    Choice::YesNo(YesNo::Abstain) => abstain += 1,
                    _ => {}
                }
            }
            VoteResult::YesNo { yes, no, abstain }
        }
        VoteKind::OneOf | VoteKind::SomeOf => {
            let mut counts = vec![0; options];
            let mut blank = 0;
            for choice in decoded {
                match choice {
                    Choice::Options(chosen) if chosen.is_empty() => blank += 1,
                    Choice::Options(chosen) => chosen.into_iter().for_each(|p| counts[p] += 1),
                    _ => {}
                }
            }
            VoteResult::Options { counts, blank }
        }
        VoteKind::MajorityJudgment => {
            let mut grades = vec![vec![0u64; GRADES.len()]; options];
            for choice in decoded {
                if let Choice::Grades(given) = choice {
                    for (option, grade) in given.into_iter().enumerate() {
                        grades[option][grade as usize] += 1;
                    }
                }
            }
            let merits: Vec<Merit> = grades.iter().cloned().map(Merit::new).collect();
            VoteResult::MajorityJudgment {
                majority_grades: merits.iter().map(Merit::majority_grade).collect(),
                ranks: ranking(&merits),
                grades,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_adopts_on_more_oui_than_non() {
        let result = tally(VoteKind::YesNo, 0, 1, ["oui", "non", "oui", "abstention", "abstention"]);
        assert_eq!(result, VoteResult::YesNo { yes: 2, no: 1, abstain: 2 });
        assert_eq!(result.winners(), vec![0]);
        assert_eq!(tally(VoteKind::YesNo, 0, 1, ["oui", "non"]).winners(), Vec::<usize>::new());
    }

    #[test]
    fn options_count_every_choice_and_blanks_apart() {
        let result = tally(VoteKind::SomeOf, 3, 2, ["1 2", "2", "blanc", "2 3"]);
        assert_eq!(result, VoteResult::Options { counts: vec![1, 3, 1], blank: 1 });
        assert_eq!(result.winners(), vec![1]);
        assert_eq!(tally(VoteKind::OneOf, 2, 1, ["1", "2"]).winners(), vec![0, 1]);
    }

    #[test]
    fn majority_judgment_ranks_by_majority_grade_then_value() {
        // Option 1: grades 6, 4, 4 (majority grade 4, "Bien"); option 2: 5, 4, 1 (also 4, but
        // taking the median away leaves 1 and 5 → lower median 1 against 4): option 1 wins.
        let result = tally(VoteKind::MajorityJudgment, 2, 1, ["65", "44", "41"]);
        let VoteResult::MajorityJudgment { majority_grades, ranks, .. } = &result else { panic!("{result:?}") };
        assert_eq!(majority_grades, &vec![Some(4), Some(4)]);
        assert_eq!(ranks, &vec![0, 1]);
        assert_eq!(result.winners(), vec![0]);
        assert_eq!(tally(VoteKind::MajorityJudgment, 2, 1, ["60", "06"]).winners(), vec![0, 1]);
        assert_eq!(tally(VoteKind::MajorityJudgment, 2, 1, Vec::<&str>::new()).winners(), Vec::<usize>::new());
    }
}
