//! POST /mot-de-passe-oublie (a link by e-mail) and POST /mot-de-passe/{token} (the new password).

use axum::extract::{Path, State};
use axum::response::Response;

use app::server::services::recovery;

use crate::forms::render::Submission;
use crate::state::ServerState;

/// The same answer whether or not the address has an account.
pub async fn request(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = recovery::request_reset(&state.app, &submission.form, &submission.client_ip()).await;
    submission.answer(&state, result.map(|()| "/mot-de-passe-oublie?envoye=1".to_string()), "/mot-de-passe-oublie").await
}

/// Signed out everywhere: the person signs in again with the new password.
pub async fn reset(State(state): State<ServerState>, Path(token): Path<String>, submission: Submission) -> Response {
    let result = recovery::reset(&state.app, &token, &submission.form).await;
    let page = format!("/mot-de-passe/{token}");
    submission.answer(&state, result.map(|()| "/connexion?mot-de-passe=change".to_string()), &page).await
}
