//! Authentication primitives: password hashing and session tokens.

pub mod device;
pub mod password;
pub mod session_token;
