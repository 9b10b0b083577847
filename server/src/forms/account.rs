//! The account page's forms, back to `/compte` with what was done: POST /compte/adresse,
//! /compte/mot-de-passe, /compte/appareils/{device}/deconnexion (`services::account`),
//! /compte/donnees and GET /compte/donnees/{id} (`services::export`), /compte/suppression,
//! /compte/suppression/annuler and /compte/garder/{token} (`services::erasure`),
//! /compte/consentements/accepter and /compte/consentements/retirer (`services::consents`).

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

/// "Vu" in one-to-one conversations, on or off.
pub async fn read_receipts(State(state): State<ServerState>, submission: Submission) -> Response {
    let on = submission.form.value("vu") == "oui";
    let result = app::server::services::account::set_read_receipts(&state.app, &submission.subject(), on).await;
    submission.answer(&state, result.map(|()| "/compte?fait=vu#messages".to_string()), "/compte").await
}

/// Annonces by e-mail, on or off (`retour`: the annonce's page it was turned off from).
pub async fn announcements_by_mail(State(state): State<ServerState>, submission: Submission) -> Response {
    let on = submission.form.value("annonces") == "oui";
    let next = submission.back_or("/compte?fait=annonces#annonces");
    let result = app::server::services::announcements::set_by_mail(&state.app, &submission.subject(), on).await;
    submission.answer(&state, result.map(|()| next), "/compte").await
}

/// "Supprimer mon compte" (password required): takes effect after the delay unless cancelled.
pub async fn request_erasure(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = app::server::services::erasure::request(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(|()| "/compte?fait=suppression#suppression".to_string()), "/compte").await
}

/// "Garder mon compte", signed in.
pub async fn cancel_erasure(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = app::server::services::erasure::cancel(&state.app, &submission.subject()).await;
    submission.answer(&state, result.map(|()| "/compte?fait=suppression-annulee".to_string()), "/compte").await
}

/// "Garder mon compte" from the e-mail's link (signed in or not).
pub async fn keep_by_link(State(state): State<ServerState>, Path(token): Path<String>, submission: Submission) -> Response {
    let page = format!("/compte/garder/{token}");
    let result = app::server::services::erasure::cancel_by_link(&state.app, &token).await;
    submission.answer(&state, result.map(|()| format!("{page}?fait=1")), &page).await
}

/// "J'accepte" the current consent text.
pub async fn accept_consent(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = app::server::services::consents::accept(&state.app, &submission.subject()).await;
    submission.answer(&state, result.map(|()| "/compte/consentements?fait=accepte".to_string()), "/compte/consentements").await
}

/// Withdraws the consent (password required), which asks for the erasure of the account.
pub async fn withdraw_consent(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = app::server::services::consents::withdraw(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(|()| "/compte?fait=suppression#suppression".to_string()), "/compte/consentements").await
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
