//! Use cases that span several statements: one transaction each.

pub mod account;
pub mod accounts;
pub mod action_calendar;
pub mod action_summary;
pub mod action_views;
pub mod actions;
pub mod address;
pub mod calendar;
pub mod communes;
pub mod consents;
pub mod erasure;
pub mod export;
pub mod feed;

pub mod find_section;
pub mod groups;
pub mod home;
pub mod mail;
pub mod membership;
pub mod notifications;
pub mod posts;
pub mod profiles;
pub mod rate_limit;
pub mod recovery;
pub mod reminders;
pub mod reports;
pub mod roles;
pub mod rsvp;
pub mod sections;
pub mod sessions;
pub mod social;
pub mod statistics;
pub mod subjects;
pub mod suggestions;
pub mod territory;
