//! POST /adhesions/{id} (confirm or refuse a claim), /profil/commune (move), /profil/adhesion
//! (claim adhérent status).

use axum::extract::{Path, Request, State};
use axum::response::Response;

use app::server::services::membership;

use crate::forms::render::{rerender_at, safe_local_path, see_other, Submission};
use crate::state::ServerState;

pub async fn decide(State(state): State<ServerState>, Path(person_id): Path<i64>, request: Request) -> Response {
    let submission = match Submission::read(request).await {
        Ok(s) => s,
        Err(response) => return response,
    };
    let back = safe_local_path(submission.form.value("retour")).unwrap_or_else(|| "/".to_string());
    let confirm = submission.form.value("decision") == "confirmer";
    let result = match submission.subject() {
        Ok(subject) => membership::decide(&state.app, &subject, person_id, confirm).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&back),
        Err(error) => rerender_at(&state, submission, &back, &error).await,
    }
}

pub async fn move_commune(State(state): State<ServerState>, request: Request) -> Response {
    let submission = match Submission::read(request).await {
        Ok(s) => s,
        Err(response) => return response,
    };
    let result = match submission.subject() {
        Ok(subject) => membership::move_commune(&state.app, &subject, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other("/profil?enregistre=1#ma-section"),
        Err(error) => rerender_at(&state, submission, "/profil", &error).await,
    }
}

pub async fn claim(State(state): State<ServerState>, request: Request) -> Response {
    let submission = match Submission::read(request).await {
        Ok(s) => s,
        Err(response) => return response,
    };
    let result = match submission.subject() {
        Ok(subject) => membership::claim_adherent(&state.app, &subject).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other("/profil?enregistre=1#ma-section"),
        Err(error) => rerender_at(&state, submission, "/profil", &error).await,
    }
}
