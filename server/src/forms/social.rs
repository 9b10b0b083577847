//! Form posts for coopains and blocks, groups, and notifications.

use axum::extract::{Path, State};
use axum::response::Response;

use app::error::AppError;
use app::server::services::groups::{self, GroupAction, MemberDecision};
use app::server::services::notifications;
use app::server::services::social::{self, CoopainAction};

use crate::forms::render::Submission;
use crate::state::ServerState;

pub async fn coopain(State(state): State<ServerState>, Path(handle): Path<String>, submission: Submission) -> Response {
    let page = submission.back_or(&format!("/membres/{handle}"));
    let result = match CoopainAction::parse(submission.form.value("action")) {
        Some(action) => social::act(&state.app, &submission.subject(), &handle, action).await.map(|()| action),
        None => Err(AppError::NotFound),
    };
    let next = result.map(|action| match action {
        CoopainAction::Request => format!("{page}{}demande=envoyee", if page.contains('?') { "&" } else { "?" }),
        _ => page.clone(),
    });
    submission.answer(&state, next, &page).await
}

pub async fn create_group(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = groups::create(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(|slug| format!("/groupes/{slug}")), "/groupes/nouveau").await
}

pub async fn membership(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    let page = format!("/groupes/{slug}");
    let action = match submission.form.value("action") {
        "rejoindre" => Some(GroupAction::Join),
        "quitter" => Some(GroupAction::Leave),
        _ => None,
    };
    let result = match action {
        Some(action) => groups::join_or_leave(&state.app, &submission.subject(), &slug, action).await,
        None => Err(AppError::NotFound),
    };
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn member_decision(
    State(state): State<ServerState>,
    Path((slug, handle)): Path<(String, String)>,
    submission: Submission,
) -> Response {
    let page = format!("/groupes/{slug}");
    let decision = match submission.form.value("decision") {
        "accepter" => Some(MemberDecision::Accept),
        "refuser" => Some(MemberDecision::Refuse),
        "admin" => Some(MemberDecision::MakeAdmin),
        _ => None,
    };
    let result = match decision {
        Some(decision) => groups::decide(&state.app, &submission.subject(), &slug, &handle, decision).await,
        None => Err(AppError::NotFound),
    };
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn read_all(State(state): State<ServerState>, submission: Submission) -> Response {
    mark(state, None, submission).await
}

pub async fn read_one(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    mark(state, Some(id), submission).await
}

async fn mark(state: ServerState, id: Option<i64>, submission: Submission) -> Response {
    let page = submission.back_or("/notifications");
    let result = notifications::mark_read(&state.app, &submission.subject(), id).await;
    submission.answer(&state, result.map(|()| page), "/notifications").await
}
