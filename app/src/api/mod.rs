//! Server functions, one per file, by domain: read context → authenticate → authorize (policy)
//! → call a service → return a DTO.

pub mod account;
pub mod actions;
pub mod announcements;
pub mod debates;
pub mod documents;
pub mod feed;
pub mod messages;
pub mod moderation;
pub mod profile;
pub mod territory;
pub mod votes;
