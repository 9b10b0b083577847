//! Request middleware, outermost first: metrics, security headers, CSRF/Origin check, request
//! context (client address, language, session).

pub mod cookies;
pub mod metrics;
pub mod origin;
pub mod request_context;
pub mod security_headers;
