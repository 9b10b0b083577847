//! Types shared by the server and the browser: DTOs and parsed domain values.

pub mod account;
pub mod form;
pub mod profile;
pub mod territory;
pub mod user;
