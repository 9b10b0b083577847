//! Types shared by the server and the browser: DTOs and parsed domain values.

#[macro_use]
pub(crate) mod string_enum;
pub mod account;
pub mod action;
pub mod announcements;
pub mod commands;
pub mod consent;
pub mod debates;
pub mod documents;
pub mod feed;
pub mod fields;
pub mod form;
pub mod home;
pub mod ids;
pub mod media;
pub mod messages;
pub mod moderation;
pub mod paris_time;
pub mod privacy;
pub mod profile;
pub mod refs;
pub mod report;
pub mod territory;
pub mod user;
pub mod votes;
