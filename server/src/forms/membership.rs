//! POST /adhesions/{id} (confirm or refuse a claim), /profil/commune (move), /profil/adhesion
//! (claim adhérent status).

use app::model::ids::UserId;
use axum::extract::{Path, State};
use axum::response::Response;

use app::server::services::membership;

use crate::forms::render::Submission;
use crate::state::ServerState;

pub async fn decide(State(state): State<ServerState>, Path(person_id): Path<UserId>, submission: Submission) -> Response {
    let back = submission.back_or("/");
    let confirm = submission.form.value("decision") == "confirmer";
    let result = membership::decide(&state.app, &submission.subject(), person_id, confirm).await;
    submission.answer(&state, result.map(|()| back.clone()), &back).await
}

pub async fn move_commune(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = membership::move_commune(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(|()| "/profil?enregistre=1#ma-section".to_string()), "/profil").await
}

pub async fn claim(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = membership::claim_adherent(&state.app, &submission.subject()).await;
    submission.answer(&state, result.map(|()| "/profil?enregistre=1#ma-section".to_string()), "/profil").await
}
