//! Votes (issue 20): a scope's votes, one vote.

pub mod get_vote;
pub mod get_votes;
