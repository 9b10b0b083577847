//! Server functions that fail before their body runs (arguments that cannot be decoded, a body
//! over the limit) are answered by the framework with a blanket 500. Their error is ours
//! (`AppError`, JSON, see `app::error`), so this gives the response the status it names: 400 or
//! 413 for a bad request, like the form posts, and the codes the services chose otherwise.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_LENGTH;
use http::StatusCode;

use app::error::AppError;

/// Error bodies are small JSON values; anything bigger is not one of ours.
const MAX_ERROR_BODY: usize = 16 * 1024;

pub async fn status_from_error(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
    }
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}
