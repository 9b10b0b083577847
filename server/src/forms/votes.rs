//! Form posts of votes (issue 20): opening one (the team), a ballot (answered with the page and
//! its receipt, shown once: it is never kept with the voter's name), closing early once everyone
//! voted; and the published ballots as CSV.

use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, StatusCode};

use app::error::AppError;
use app::model::announcements::TeamScope;
use app::model::form::{FormOutcome, RawForm};
use app::model::votes::VoteView;
use app::server::context::subject_of;
use app::server::services::votes;

use crate::forms::render::{render_page, Submission};
use crate::state::ServerState;

pub async fn open_in_section(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    open(state, TeamScope::Section(slug), submission).await
}

pub async fn open_in_federation(State(state): State<ServerState>, Path(code): Path<String>, submission: Submission) -> Response {
    open(state, TeamScope::Federation(code), submission).await
}

async fn open(state: ServerState, scope: TeamScope, submission: Submission) -> Response {
    let result = votes::open(&state.app, &submission.subject(), &scope, &submission.form).await;
    submission.answer(&state, result.map(VoteView::path), &scope.votes_page()).await
}

/// A ballot: the vote's page again with the receipt (200), or with why it was refused.
pub async fn cast(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let page = VoteView::path(id);
    match votes::cast(&state.app, &submission.subject(), id, &submission.form).await {
        Ok(receipt) => {
            let outcome = FormOutcome { values: RawForm(vec![("recu".into(), receipt)]), ..FormOutcome::default() };
            let mut response = render_page(&state, submission.parts, &page, outcome).await;
            // The receipt is for this answer only.
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => submission.answer(&state, Err(error), &page).await,
    }
}

pub async fn close_early(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let page = VoteView::path(id);
    let result = votes::close_early(&state.app, &submission.subject(), id).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

/// `GET /votes/{id}/bulletins.csv`: for the electorate and the teams, once counted.
pub async fn ballots(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let subject = subject_of(request.extensions());
    match votes::ballots_csv(&state.app, &subject, id).await {
        Ok((filename, csv)) => {
            let mut response = (StatusCode::OK, [(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
                response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(AppError::NotAuthenticated) => crate::forms::render::see_other(&format!("/connexion?retour=%2Fvotes%2F{id}")),
        Err(AppError::Validation(_)) => (StatusCode::CONFLICT, "Les bulletins sont publiés à la clôture du vote.").into_response(),
        Err(AppError::Forbidden) => (StatusCode::FORBIDDEN, "Ces bulletins ne te sont pas ouverts.").into_response(),
        Err(AppError::NotFound) => (StatusCode::NOT_FOUND, "Vote introuvable.").into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Erreur interne.").into_response(),
    }
}
