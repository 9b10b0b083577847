//! Votes (issue 20, under way): how results are counted from the published ballots. Pure
//! functions over counts, shared by the server (the published result) and anyone recomputing it
//! from the ballots' CSV.

pub mod majority_judgment;
