//! Form posts for coopains and blocks, groups, and notifications.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use app::error::AppError;
use app::server::services::groups::{self, GroupAction, MemberDecision};
use app::server::services::notifications;
use app::server::services::social::{self, CoopainAction};

use crate::forms::feed::{back, read};
use crate::forms::render::{rerender_at, see_other};
use crate::state::ServerState;

pub async fn coopain(State(state): State<ServerState>, Path(handle): Path<String>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = back(&submission, &format!("/membres/{handle}"));
    let action = CoopainAction::parse(submission.form.value("action"));
    let result = match (subject, action) {
        (Ok(subject), Some(action)) => social::act(&state.app, &subject, &handle, action).await.map(|()| action),
        (Err(e), _) => Err(e),
        (_, None) => Err(AppError::NotFound),
    };
    match result {
        Ok(CoopainAction::Request) => see_other(&format!("{page}{}demande=envoyee", if page.contains('?') { "&" } else { "?" })),
        Ok(_) => see_other(&page),
        Err(error) => rerender_at(&state, submission, &page, &error).await,
    }
}

pub async fn create_group(State(state): State<ServerState>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match subject {
        Ok(subject) => groups::create(&state.app, &subject, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(slug) => see_other(&format!("/groupes/{slug}")),
        Err(error) => rerender_at(&state, submission, "/groupes/nouveau", &error).await,
    }
}

pub async fn membership(State(state): State<ServerState>, Path(slug): Path<String>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = format!("/groupes/{slug}");
    let action = match submission.form.value("action") {
        "rejoindre" => Some(GroupAction::Join),
        "quitter" => Some(GroupAction::Leave),
        _ => None,
    };
    let result = match (subject, action) {
        (Ok(subject), Some(action)) => groups::join_or_leave(&state.app, &subject, &slug, action).await,
        (Err(e), _) => Err(e),
        (_, None) => Err(AppError::NotFound),
    };
    match result {
        Ok(()) => see_other(&page),
        Err(error) => rerender_at(&state, submission, &page, &error).await,
    }
}

pub async fn member_decision(State(state): State<ServerState>, Path((slug, handle)): Path<(String, String)>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = format!("/groupes/{slug}");
    let decision = match submission.form.value("decision") {
        "accepter" => Some(MemberDecision::Accept),
        "refuser" => Some(MemberDecision::Refuse),
        "admin" => Some(MemberDecision::MakeAdmin),
        _ => None,
    };
    let result = match (subject, decision) {
        (Ok(subject), Some(decision)) => groups::decide(&state.app, &subject, &slug, &handle, decision).await,
        (Err(e), _) => Err(e),
        (_, None) => Err(AppError::NotFound),
    };
    match result {
        Ok(()) => see_other(&page),
        Err(error) => rerender_at(&state, submission, &page, &error).await,
    }
}

pub async fn read_all(State(state): State<ServerState>, request: Request) -> Response {
    mark(state, None, request).await
}

pub async fn read_one(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    mark(state, Some(id), request).await
}

async fn mark(state: ServerState, id: Option<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = back(&submission, "/notifications");
    let result = match subject {
        Ok(subject) => notifications::mark_read(&state.app, &subject, id).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&page),
        Err(error) => rerender_at(&state, submission, "/notifications", &error).await,
    }
}
