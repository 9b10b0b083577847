//! Form posts of la boîte à outils (issue 21): add a document (multipart: its file and what
//! describes it), a new version (multipart), delete, "utiliser pour une action", and take a
//! document off an action. Each answers 303, or the page again with what was typed and why.

use axum::extract::{Path, State};
use axum::response::Response;

use app::model::ids::{ActionId, DocumentId};
use app::server::services::documents;

use crate::forms::render::Submission;
use crate::forms::upload::UploadSubmission;
use crate::state::ServerState;

pub async fn create(State(state): State<ServerState>, upload: UploadSubmission) -> Response {
    let UploadSubmission { submission, uploads, slot: _slot } = upload;
    let result = documents::create(&state.app, &submission.subject(), &submission.form, &uploads).await;
    submission.answer(&state, result.map(|id| format!("/boite-a-outils/{id}")), "/boite-a-outils/nouveau").await
}

pub async fn new_version(State(state): State<ServerState>, Path(id): Path<DocumentId>, upload: UploadSubmission) -> Response {
    let UploadSubmission { submission, uploads, slot: _slot } = upload;
    let page = format!("/boite-a-outils/{id}");
    let result = documents::add_version(&state.app, &submission.subject(), id, &submission.form, &uploads).await;
    submission.answer(&state, result.map(|_| format!("{page}#versions")), &page).await
}

pub async fn update_details(State(state): State<ServerState>, Path(id): Path<DocumentId>, submission: Submission) -> Response {
    let page = format!("/boite-a-outils/{id}");
    let result = documents::update_details(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn delete(State(state): State<ServerState>, Path(id): Path<DocumentId>, submission: Submission) -> Response {
    let result = documents::delete(&state.app, &submission.subject(), id).await;
    submission.answer(&state, result.map(|()| "/boite-a-outils".to_string()), &format!("/boite-a-outils/{id}")).await
}

pub async fn attach(State(state): State<ServerState>, Path(id): Path<DocumentId>, submission: Submission) -> Response {
    let result = documents::attach(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|action| format!("/actions/{action}")), &format!("/boite-a-outils/{id}")).await
}

pub async fn detach(
    State(state): State<ServerState>,
    Path((action, id)): Path<(ActionId, DocumentId)>,
    submission: Submission,
) -> Response {
    let page = format!("/actions/{action}");
    let result = documents::detach(&state.app, &submission.subject(), action, id).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}
