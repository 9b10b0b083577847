//! Form posts of the field actions: create (or propose), edit, cancel, approve, answer, and the
//! personal calendar address. Each answers 303, or re-renders its page with what was typed.

use app::model::ids::ActionId;
use axum::extract::{Path, State};
use axum::response::Response;

use app::error::AppError;
use app::server::services::{actions, calendar, reports, rsvp};

use crate::forms::render::Submission;
use crate::forms::upload::UploadSubmission;
use crate::state::ServerState;

pub async fn create(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = actions::create(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(|id| format!("/actions/{id}")), "/actions/nouvelle").await
}

pub async fn edit(State(state): State<ServerState>, Path(id): Path<ActionId>, submission: Submission) -> Response {
    let result = actions::edit(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|()| format!("/actions/{id}")), &format!("/actions/{id}/modifier")).await
}

pub async fn cancel(State(state): State<ServerState>, Path(id): Path<ActionId>, submission: Submission) -> Response {
    let result = actions::cancel(&state.app, &submission.subject(), id, &submission.form).await;
    let page = format!("/actions/{id}");
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn approve(State(state): State<ServerState>, Path(id): Path<ActionId>, submission: Submission) -> Response {
    let result = actions::approve(&state.app, &submission.subject(), id).await;
    let page = format!("/actions/{id}");
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn answer(State(state): State<ServerState>, Path(id): Path<ActionId>, submission: Submission) -> Response {
    let result = rsvp::answer(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|_| format!("/actions/{id}#reponse-titre")), &format!("/actions/{id}")).await
}

/// An invitation to co-organize, accepted or declined by the person invited.
pub async fn organizer_invitation(State(state): State<ServerState>, Path(id): Path<ActionId>, submission: Submission) -> Response {
    let subject = submission.subject();
    let result = match submission.form.value("decision") {
        "accepter" => actions::answer_invitation(&state.app, &subject, id, true).await,
        "refuser" => actions::answer_invitation(&state.app, &subject, id, false).await,
        _ => Err(AppError::NotFound),
    };
    let page = format!("/actions/{id}");
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

/// The compte-rendu: saved (or recognized as a replay of one already saved) → back to the action.
/// It may carry photos (`multipart/form-data`).
pub async fn report(State(state): State<ServerState>, Path(id): Path<ActionId>, upload: UploadSubmission) -> Response {
    let UploadSubmission { submission, uploads, slot: _slot } = upload;
    let result = reports::submit(&state.app, &submission.subject(), id, &submission.form, &uploads).await;
    let next = result.map(|_| format!("/actions/{id}?compte-rendu=ok#compte-rendu-titre"));
    submission.answer(&state, next, &format!("/actions/{id}/compte-rendu")).await
}

/// Makes (or changes) the personal calendar address, or deletes it.
pub async fn calendar_address(State(state): State<ServerState>, submission: Submission) -> Response {
    let subject = submission.subject();
    let next = match submission.form.value("action") {
        // The address is shown once, on the list page; calendar apps will fetch it as it is.
        "creer" => calendar::new_token(&state.app, &subject).await.map(|token| format!("/actions?calendrier={token}#agenda-titre")),
        "supprimer" => calendar::revoke(&state.app, &subject).await.map(|()| "/actions#agenda-titre".to_string()),
        _ => Err(AppError::NotFound),
    };
    submission.answer(&state, next, "/actions").await
}
