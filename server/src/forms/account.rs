//! POST /compte/adresse, /compte/mot-de-passe and /compte/appareils/{device}/deconnexion: the
//! account page's forms (`services::account`), back to `/compte` with what was done.

use axum::extract::{Path, State};
use axum::response::Response;

use app::server::services::account;

use crate::forms::render::Submission;
use crate::state::ServerState;

pub async fn email(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = account::change_email(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(|()| "/compte?fait=adresse".to_string()), "/compte").await
}

pub async fn password(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = account::change_password(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(|()| "/compte?fait=mot-de-passe".to_string()), "/compte").await
}

pub async fn sign_out_device(State(state): State<ServerState>, Path(device): Path<String>, submission: Submission) -> Response {
    let result = account::sign_out_device(&state.app, &submission.subject(), &device).await;
    submission.answer(&state, result.map(|()| "/compte?fait=appareil".to_string()), "/compte").await
}

/// "Préparer mes données": the worker prepares the export; the page shows its progress.
pub async fn request_export(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = app::server::services::export::request(&state.app, &submission.subject()).await;
    submission.answer(&state, result.map(|()| "/compte?fait=export".to_string()), "/compte").await
}

/// The archive, to its owner only (anyone else, or an expired export: 404), as an attachment that
/// no browser renders.
pub async fn download_export(State(state): State<ServerState>, Path(id): Path<i64>, request: axum::extract::Request) -> Response {
    use axum::response::IntoResponse;
    use http::{header, HeaderValue, StatusCode};
    let subject = app::server::context::subject_of(request.extensions());
    match app::server::services::export::download(&state.app, &subject, id).await {
        Ok((file_name, archive)) => {
            let mut response = archive.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
            if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(app::error::AppError::NotAuthenticated) => crate::forms::render::see_other("/connexion?retour=%2Fcompte"),
        Err(error) => (error.status(), StatusCode::NOT_FOUND.canonical_reason().unwrap_or_default()).into_response(),
    }
}
