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
