//! All SQL, by domain. Reads take `&Db` (read pool); writes take `&mut Tx` (a transaction).
//! Every statement is written once and runs on SQLite and PostgreSQL alike.

pub mod actions;
pub mod announcements;
pub mod audit;
pub mod bulk;
pub mod bundle;
pub mod comments;
pub mod consents;
pub mod debates;
pub mod documents;
pub mod erasure;
pub mod events;
pub mod exports;
pub mod groups;
pub mod mail;
pub mod media;
pub mod members;
pub mod messages;
pub mod moderation;
pub mod notifications;
pub mod posts;
pub mod profiles;
pub mod rate_limits;
pub mod reminders;
pub mod reports;
pub mod retention;
pub mod roles;
pub mod rsvps;
pub mod sections;
pub mod sessions;
pub mod social;
pub mod team_scope;
pub mod territory;
pub mod tokens;
pub mod users;
pub mod votes;
