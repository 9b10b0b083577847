//! Request middleware, outermost first: metrics, security headers, CSRF/Origin check, request
//! context (client address, language, session); then, around the handlers, the status of
//! server functions' decoding errors.

pub mod cookies;
pub mod metrics;
pub mod origin;
pub mod request_context;
pub mod security_headers;
pub mod server_fn_errors;
