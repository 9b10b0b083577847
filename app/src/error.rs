//! One error type for everything that crosses the server/browser boundary. Variants are stable
//! codes that the UI translates; internal causes are logged on the server and never sent.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::model::form::FieldErrors;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("authentication required")]
    NotAuthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("rate limited for {retry_after_secs} s")]
    RateLimited { retry_after_secs: i64 },
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("wrong credentials")]
    WrongCredentials,
    #[error("account suspended")]
    Suspended,
    #[error("internal error")]
    Internal,
    /// A request whose arguments could not be read (a missing field, a number out of range…).
    #[error("bad request")]
    BadRequest,
    /// A request body over the server's limit.
    #[error("request too large")]
    TooLarge,
    /// Transport-level failure (network down, bad payload); the text is the framework's, not ours.
    #[error("request failed")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server, decoding errors are the client's: a clean 400 or 413 (the server's
        // `server_fn_errors` middleware sets the status), never the framework's text.
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            ServerFnErrorErr::Deserialization(m) if m.contains("length limit exceeded") => AppError::TooLarge,
            ServerFnErrorErr::Deserialization(_) if cfg!(feature = "ssr") => AppError::BadRequest,
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        // The cause goes to the log (it never contains bound values), the client gets a code.
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}

impl AppError {
    /// A refusal of one field of a form (the others were fine).
    pub fn field(field: &str, error: crate::model::form::FieldError) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(field, error);
        AppError::Validation(errors)
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::NotAuthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Suspended => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Validation(_) | AppError::WrongCredentials => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}
