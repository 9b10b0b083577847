//! One module per page.

pub mod about;
pub mod edit_section;
pub mod error_view;
pub mod federation;
pub mod federations;
pub mod find_section;
pub mod home;
pub mod member;
pub mod national_journal;
pub mod new_section;
pub mod not_found;
pub mod profile;
pub mod section;
pub mod signin;
pub mod signup;
