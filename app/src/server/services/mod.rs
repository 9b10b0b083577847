//! Use cases that span several statements: one transaction each.

pub mod accounts;
pub mod profiles;
pub mod rate_limit;
pub mod sessions;
