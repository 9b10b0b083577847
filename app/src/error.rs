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
    /// Transport-level failure (network down, bad payload); the text is the framework's, not ours.
    #[error("request failed")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
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
            AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}
