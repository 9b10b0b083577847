//! One module per page.

pub mod about;
pub mod action;
pub mod action_form;
pub mod actions;
pub mod coopains;
pub mod edit_section;
pub mod error_view;
pub mod federation;
pub mod federations;
pub mod feed;
pub mod find_section;
pub mod groups;
pub mod home;
pub mod member;
pub mod my_actions;
pub mod national_journal;
pub mod new_section;
pub mod not_found;
pub mod notifications;
pub mod post;
pub mod profile;
pub mod report;
pub mod section;
pub mod section_statistics;
pub mod signin;
pub mod signup;
