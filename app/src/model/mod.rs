//! Types shared by the server and the browser: DTOs and parsed domain values.

pub mod account;
pub mod action;
pub mod feed;
pub mod form;
pub mod home;
pub mod paris_time;
pub mod profile;
pub mod report;
pub mod territory;
pub mod user;
