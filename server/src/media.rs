//! `GET /medias/{key}/{width}.{webp|jpg}`: a stored picture, for who may read what holds it
//! (`services::media::serve` asks the holder's rule; anyone else gets the same 404 as for a
//! picture that never existed). The answer can never run as a page: `nosniff`, a sandboxing CSP
//! and `Content-Disposition: inline` with a harmless name.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use http::{HeaderValue, Request, StatusCode};

use app::error::AppError;
use app::server::context::subject_of;
use app::server::services::media;

use crate::state::ServerState;

/// What a stored file may do if a browser opened it as a document: nothing.
pub const SANDBOX_CSP: &str = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

pub async fn picture(
    State(state): State<ServerState>,
    Path((key, file)): Path<(String, String)>,
    request: Request<axum::body::Body>,
) -> Response {
    let subject = subject_of(request.extensions());
    match media::serve(&state.app, &subject, &key, &file).await {
        Ok(served) => {
            let mut response = served.bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(served.format.mime()));
            // The key names one file forever; private: a picture may be for some readers only.
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, max-age=604800, immutable"));
            headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(SANDBOX_CSP));
            if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"photo-{file}\"")) {
                headers.insert(CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(AppError::NotFound) | Err(AppError::Forbidden) | Err(AppError::NotAuthenticated) => {
            (StatusCode::NOT_FOUND, [(CACHE_CONTROL, "no-store")], "Introuvable.").into_response()
        }
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, [(CACHE_CONTROL, "no-store")], "Erreur.").into_response(),
    }
}

/// `GET /boite-a-outils/fichiers/{key}/{name}`: a toolbox document's version, for who may read
/// the document (the same 404 as a missing file for anyone else), counted as a download. Always
/// an attachment under the name Coopol gives it (`name` in the path is only for the browser's
/// address bar), `nosniff`, sandboxed: a PDF or a picture can never run as a page of this site.
pub async fn document(
    State(state): State<ServerState>,
    Path((key, _name)): Path<(String, String)>,
    request: Request<axum::body::Body>,
) -> Response {
    let subject = subject_of(request.extensions());
    match app::server::services::documents::download(&state.app, &subject, &key).await {
        Ok(file) => {
            let mut response = file.bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(file.kind.mime()));
            // Not cached by the browser: each download is counted, and a document may be for
            // some readers only.
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
            headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(SANDBOX_CSP));
            if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file.name)) {
                headers.insert(CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(AppError::NotFound) | Err(AppError::Forbidden) | Err(AppError::NotAuthenticated) => {
            (StatusCode::NOT_FOUND, [(CACHE_CONTROL, "no-store")], "Introuvable.").into_response()
        }
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, [(CACHE_CONTROL, "no-store")], "Erreur.").into_response(),
    }
}
