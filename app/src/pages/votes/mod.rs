//! Votes (issue 20): a scope's votes with the team's opening form, and one vote (the ballot, the
//! receipt, the participation, the result and its ballots).

pub mod one;
pub mod scope;
