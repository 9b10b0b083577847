//! Form posts of débats (issue 20): opening (or proposing) one, approving it; contributions and
//! replies, "+1", pins; propositions, their "+1", selection and merging; the synthèse. Each
//! answers with the debate's page (a redirection), or the page again with what to fix.

use axum::extract::{Path, State};
use axum::response::Response;

use app::model::debates::{DebateScope, DebateView};
use app::server::services::debates;

use crate::forms::render::Submission;
use crate::state::ServerState;

pub async fn open_in_section(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    open(state, DebateScope::Section(slug), submission).await
}

pub async fn open_in_federation(State(state): State<ServerState>, Path(code): Path<String>, submission: Submission) -> Response {
    open(state, DebateScope::Federation(code), submission).await
}

pub async fn open_in_group(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    open(state, DebateScope::Group(slug), submission).await
}

async fn open(state: ServerState, scope: DebateScope, submission: Submission) -> Response {
    let result = debates::open(&state.app, &submission.subject(), &scope, &submission.form).await;
    submission.answer(&state, result.map(DebateView::path), &scope.debates_page()).await
}

pub async fn approve(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let result = debates::approve(&state.app, &submission.subject(), id).await;
    back(state, id, result.map(|()| None), submission).await
}

pub async fn contribute(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let result = debates::contribute(&state.app, &submission.subject(), id, &submission.form).await;
    back(state, id, result.map(|c| Some(format!("contribution-{c}"))), submission).await
}

pub async fn support_contribution(State(state): State<ServerState>, Path((id, c)): Path<(i64, i64)>, submission: Submission) -> Response {
    let result = debates::support_contribution(&state.app, &submission.subject(), id, c).await;
    back(state, id, result.map(|()| Some(format!("contribution-{c}"))), submission).await
}

pub async fn pin(State(state): State<ServerState>, Path((id, c)): Path<(i64, i64)>, submission: Submission) -> Response {
    let result = debates::pin(&state.app, &submission.subject(), id, c).await;
    back(state, id, result.map(|()| Some(format!("contribution-{c}"))), submission).await
}

pub async fn propose(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let result = debates::propose(&state.app, &submission.subject(), id, &submission.form).await;
    back(state, id, result.map(|p| Some(format!("proposition-{p}"))), submission).await
}

pub async fn support_proposal(State(state): State<ServerState>, Path((id, p)): Path<(i64, i64)>, submission: Submission) -> Response {
    let result = debates::support_proposal(&state.app, &submission.subject(), id, p).await;
    back(state, id, result.map(|()| Some(format!("proposition-{p}"))), submission).await
}

pub async fn select(State(state): State<ServerState>, Path((id, p)): Path<(i64, i64)>, submission: Submission) -> Response {
    let result = debates::select(&state.app, &submission.subject(), id, p).await;
    back(state, id, result.map(|()| Some(format!("proposition-{p}"))), submission).await
}

pub async fn merge(State(state): State<ServerState>, Path((id, p)): Path<(i64, i64)>, submission: Submission) -> Response {
    let result = debates::merge(&state.app, &submission.subject(), id, p, &submission.form).await;
    back(state, id, result.map(|()| Some("propositions".to_string())), submission).await
}

pub async fn synthesize(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let result = debates::synthesize(&state.app, &submission.subject(), id, &submission.form).await;
    back(state, id, result.map(|()| Some("synthese".to_string())), submission).await
}

/// The debate's page, at `anchor` when the change took; else the page again with what to fix.
async fn back(state: ServerState, id: i64, result: Result<Option<String>, app::error::AppError>, submission: Submission) -> Response {
    let page = DebateView::path(id);
    let next = result.map(|anchor| match anchor {
        Some(anchor) => format!("{page}#{anchor}"),
        None => page.clone(),
    });
    submission.answer(&state, next, &page).await
}
