//! POST /federations/{code}/sections, /sections/{slug}/modifier, /sections/{slug}/equipe and
//! /federations/{code}/equipe.

use axum::extract::{Path, State};
use axum::response::Response;

use app::error::AppError;
use app::model::form::{FieldError, FieldErrors};
use app::model::territory::{Role, Scope};
use app::server::services::{roles, sections};
use app::server::store;

use crate::forms::render::{rerender_at, Submission};
use crate::state::ServerState;

pub async fn create(State(state): State<ServerState>, Path(code): Path<String>, submission: Submission) -> Response {
    let result = sections::create(&state.app, &submission.subject(), &code, &submission.form).await;
    submission.answer(&state, result.map(|slug| format!("/sections/{slug}")), &format!("/federations/{code}/nouvelle-section")).await
}

pub async fn update(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    let result = sections::update(&state.app, &submission.subject(), &slug, &submission.form).await;
    submission.answer(&state, result.map(|()| format!("/sections/{slug}")), &format!("/sections/{slug}/modifier")).await
}

fn parse_role(raw: &str, allowed: &[Role]) -> Result<Role, AppError> {
    Role::parse(raw).filter(|r| allowed.contains(r)).ok_or_else(|| {
        let mut e = FieldErrors::default();
        e.add("role", FieldError::InvalidChoice);
        AppError::Validation(e)
    })
}

async fn team_change(state: &ServerState, submission: &Submission, scope: &Scope, allowed: &[Role]) -> Result<(), AppError> {
    let subject = submission.subject();
    let role = parse_role(submission.form.value("role"), allowed)?;
    let handle = submission.form.value("handle");
    if submission.form.value("action") == "retirer" {
        roles::revoke(&state.app, &subject, role, scope, handle).await
    } else {
        roles::grant(&state.app, &subject, role, scope, handle).await
    }
}

pub async fn section_team(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    let page = format!("/sections/{slug}");
    let section = match store::sections::by_slug(&state.app.db, &slug).await {
        Ok(Some(section)) => section,
        Ok(None) => return rerender_at(&state, submission, &page, &AppError::NotFound).await,
        Err(e) => return rerender_at(&state, submission, &page, &AppError::from(e)).await,
    };
    let allowed = [Role::SectionSecretary, Role::SectionAnimator, Role::Moderator];
    let result = team_change(&state, &submission, &Scope::Section(section.id.get()), &allowed).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn federation_team(State(state): State<ServerState>, Path(code): Path<String>, submission: Submission) -> Response {
    let page = format!("/federations/{code}");
    let allowed = [Role::FederationFirstSecretary, Role::FederationAnimator, Role::Moderator];
    let result = team_change(&state, &submission, &Scope::Federation(code.to_uppercase()), &allowed).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}
