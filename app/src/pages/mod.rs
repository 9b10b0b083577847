//! One module per page.

pub mod error_view;
pub mod home;
pub mod member;
pub mod not_found;
pub mod profile;
pub mod signin;
pub mod signup;
