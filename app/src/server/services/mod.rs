//! Use cases that span several statements: one transaction each.

pub mod accounts;
pub mod communes;
pub mod find_section;
pub mod membership;
pub mod profiles;
pub mod rate_limit;
pub mod roles;
pub mod sections;
pub mod sessions;
pub mod subjects;
pub mod territory;
