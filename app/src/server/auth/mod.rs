//! Authentication primitives: password hashing and session tokens.

pub mod password;
pub mod session_token;
