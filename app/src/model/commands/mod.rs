//! Forms parsed into typed commands: the services receive domain values, never HTML field names.
//! Each `parse` reads a `RawForm` (what the browser sent, kept to show the form again) and answers
//! the command or every field's error at once. Checks that need the database (a commune, a
//! handle, a duplicate) stay in the services, on the typed values.

pub mod account;
pub mod action;
pub mod announcement;
pub mod debate;
pub mod document;
pub mod group;
pub mod membership;
pub mod messages;
pub mod moderation;
pub mod post;
pub mod recovery;
pub mod report;
pub mod section;
pub mod vote;
