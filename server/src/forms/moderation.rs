//! Moderation's forms (`services::moderation`): POST /signaler/{kind}/{id}, /moderer/{kind}/{id}
//! (a moderator takes an item up without a report), a decision on
//! /moderation/dossiers/{id}, an appeal and its answer on /moderation/decisions/{id}/appel and
//! /moderation/decisions/{id}/reponse, and accepting the charter on /charte.

use axum::extract::{Path, State};
use axum::response::Response;

use app::error::AppError;
use app::model::moderation::ItemKind;
use app::server::services::moderation;

use crate::forms::render::Submission;
use crate::state::ServerState;

pub async fn report(State(state): State<ServerState>, Path((kind, key)): Path<(String, String)>, submission: Submission) -> Response {
    let page = format!("/signaler/{kind}/{key}");
    let result = match ItemKind::from_slug(&kind) {
        Some(item) => moderation::report(&state.app, &submission.subject(), item, &key, &submission.form).await,
        None => Err(AppError::NotFound),
    };
    submission.answer(&state, result.map(|_| format!("{page}?fait=oui")), &page).await
}

pub async fn take_up(State(state): State<ServerState>, Path((kind, key)): Path<(String, String)>, submission: Submission) -> Response {
    let page = submission.back_or("/moderation");
    let result = match ItemKind::from_slug(&kind) {
        Some(item) => moderation::take_up(&state.app, &submission.subject(), item, &key).await,
        None => Err(AppError::NotFound),
    };
    submission.answer(&state, result.map(|case| format!("/moderation/dossiers/{case}")), &page).await
}

pub async fn decide(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let page = format!("/moderation/dossiers/{id}");
    let result = moderation::decide(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|_| format!("{page}?fait=oui")), &page).await
}

pub async fn appeal(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let page = format!("/moderation/decisions/{id}");
    let result = moderation::appeal(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|()| format!("{page}?fait=appel")), &page).await
}

/// A suspended person's appeal, through the link of the suspension's e-mail.
pub async fn appeal_by_link(State(state): State<ServerState>, Path(token): Path<String>, submission: Submission) -> Response {
    let page = format!("/appel/{token}");
    let result = moderation::appeal_by_link(&state.app, &token, &submission.form).await;
    submission.answer(&state, result.map(|()| format!("{page}?fait=appel")), &page).await
}

pub async fn answer_appeal(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let page = format!("/moderation/decisions/{id}");
    let result = moderation::decide_appeal(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|_| format!("{page}?fait=reponse")), &page).await
}

pub async fn accept_charter(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = app::server::services::consents::accept_charter(&state.app, &submission.subject()).await;
    submission.answer(&state, result.map(|()| "/charte?fait=accepte".to_string()), "/charte").await
}
