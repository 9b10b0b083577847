//! Débats (issue 20): the lists, one debate.

pub mod get_debate;
pub mod get_debates;
