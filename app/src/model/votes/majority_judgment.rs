//! Jugement majoritaire (Balinski and Laraki, *Majority Judgment*, MIT Press 2011): each voter
//! grades every option on one scale, from "à rejeter" to "excellent"; an option's **majority
//! grade** is the lower median of its grades; options are ranked by their **majority value**, the
//! sequence of lower medians obtained by taking the majority grade away one ballot at a time —
//! compared lexicographically, the higher first. Two options whose grades are distributed alike
//! have the same value and stay tied (the rule has no other tie-break).
//!
//! Computed from the count of each grade (what the published ballots give), without expanding
//! the ballots: the lower medians of a sorted sequence taken away one by one are read by two
//! cursors moving outwards from the middle.

use std::cmp::Ordering;

/// The grades, worst first (index 0): the scale shown to voters.
pub const GRADES: [&str; 7] = ["À rejeter", "Insuffisant", "Passable", "Assez bien", "Bien", "Très bien", "Excellent"];

/// How many ballots gave each grade to one option (`counts[g]`: grade `g`, 0 the worst).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merit {
    counts: Vec<u64>,
}

impl Merit {
    pub fn new(counts: Vec<u64>) -> Merit {
        Merit { counts }
    }

    pub fn ballots(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The grade at `index` of the ballots sorted from the worst grade.
    fn grade_at(&self, index: u64) -> usize {
        let mut seen = 0;
        for (grade, &n) in self.counts.iter().enumerate() {
            seen += n;
            if index < seen {
                return grade;
            }
        }
        self.counts.len().saturating_sub(1)
    }

    /// The majority grade (the lower median), `None` without ballots.
    pub fn majority_grade(&self) -> Option<usize> {
        let n = self.ballots();
        (n > 0).then(|| self.grade_at((n - 1) / 2))
    }

    /// The majority value: the lower median, then the lower median of what remains once one
    /// ballot of that grade is taken away, and so on until no ballot remains.
    pub fn majority_value(&self) -> impl Iterator<Item = usize> + '_ {
        let n = self.ballots();
        // The remaining ballots are [0, left) and [right, n) of the sorted sequence: the lower
        // median is always next to the gap, on the left when both sides are even, else on the right.
        let mut left = (n.saturating_sub(1)) / 2; // the first median is taken at this index
        let mut right = left;
        let mut first = n > 0;
        std::iter::from_fn(move || {
            if first {
                first = false;
                right = left + 1;
                return Some(self.grade_at(left));
            }
            let remaining = left + (n - right);
            if remaining == 0 {
                return None;
            }
            let median = (remaining - 1) / 2;
            if median < left {
                left -= 1;
                Some(self.grade_at(left))
            } else {
                right += 1;
                Some(self.grade_at(right - 1))
            }
        })
    }

    /// Which of two options the rule ranks first (`Greater`: `self`).
    pub fn compare(&self, other: &Merit) -> Ordering {
        let mut a = self.majority_value();
        let mut b = other.majority_value();
        loop {
            match (a.next(), b.next()) {
                (Some(x), Some(y)) if x == y => continue,
                (Some(x), Some(y)) => return x.cmp(&y),
                // Electorates of one size grade every option: unequal lengths only in tests.
                (Some(_), None) => return Ordering::Greater,
                (None, Some(_)) => return Ordering::Less,
                (None, None) => return Ordering::Equal,
            }
        }
    }
}

/// The options' ranks (0: first), ties sharing a rank, from their merits.
pub fn ranking(merits: &[Merit]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..merits.len()).collect();
    order.sort_by(|&a, &b| merits[b].compare(&merits[a]));
    let mut ranks = vec![0; merits.len()];
    for (position, &option) in order.iter().enumerate() {
        let previous = position.checked_sub(1).map(|p| order[p]);
        ranks[option] = match previous {
            Some(before) if merits[before].compare(&merits[option]) == Ordering::Equal => ranks[before],
            _ => position,
        };
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The majority value of a list of grades, computed the slow way (sort, take the lower
    /// median away, again): the reference the cursors must agree with.
    fn slow_value(grades: &[usize]) -> Vec<usize> {
        let mut rest: Vec<usize> = grades.to_vec();
        rest.sort();
        let mut out = Vec::new();
        while !rest.is_empty() {
            let i = (rest.len() - 1) / 2;
            out.push(rest.remove(i));
        }
        out
    }

    fn merit_of(grades: &[usize]) -> Merit {
        let mut counts = vec![0; GRADES.len()];
        for &g in grades {
            counts[g] += 1;
        }
        Merit::new(counts)
    }

    #[test]
    fn the_cursors_give_the_slow_sequence() {
        // Every multiset of up to 7 ballots on a 3-grade scale, and some larger ones.
        let mut cases: Vec<Vec<usize>> = Vec::new();
        for n in 0..=7u32 {
            for code in 0..3usize.pow(n) {
                let mut c = code;
                cases.push(
                    (0..n)
                        .map(|_| {
                            let g = c % 3;
                            c /= 3;
                            g
                        })
                        .collect(),
                );
            }
        }
        cases.push((0..101).map(|i| (i * 7 + 3) % 7).collect());
        cases.push((0..100).map(|i| (i * i) % 7).collect());
        for grades in cases {
            let merit = merit_of(&grades);
            assert_eq!(merit.majority_value().collect::<Vec<_>>(), slow_value(&grades), "{grades:?}");
            assert_eq!(merit.majority_grade(), slow_value(&grades).first().copied());
        }
    }

    #[test]
    fn the_majority_grade_decides_then_the_values() {
        // Median "Bien" beats median "Assez bien", whatever the extremes.
        let a = merit_of(&[4, 4, 4, 0, 0]);
        let b = merit_of(&[3, 3, 3, 6, 6]);
        assert_eq!(a.majority_grade(), Some(4));
        assert_eq!(a.compare(&b), Ordering::Greater);
        // Same majority grade: the next grades decide (b has more above it).
        let a = merit_of(&[2, 3, 3, 3, 4]);
        let b = merit_of(&[2, 3, 3, 4, 4]);
        assert_eq!(a.majority_grade(), b.majority_grade());
        assert_eq!(a.compare(&b), Ordering::Less);
        // Lower median with an even number of ballots.
        assert_eq!(merit_of(&[1, 5]).majority_grade(), Some(1));
        assert_eq!(ranking(&[a.clone(), b.clone(), a]), vec![1, 0, 1]);
    }
}
