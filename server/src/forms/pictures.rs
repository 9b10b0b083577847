//! Form posts that change an avatar or a banner (issue 21): a multipart form carrying the picture
//! in `photo`, or a plain post that removes it. Each answers 303 to the page that shows it, or the
//! form's page again with why it was refused.

use axum::extract::{Path, State};
use axum::response::Response;

use app::server::services::held_pictures;

use crate::forms::render::Submission;
use crate::forms::upload::UploadSubmission;
use crate::state::ServerState;

/// Where a changed avatar shows (no fragment: the upload's script loads this address again).
const PROFILE_SAVED: &str = "/profil?enregistre=1";

pub async fn set_avatar(State(state): State<ServerState>, upload: UploadSubmission) -> Response {
    let UploadSubmission { submission, uploads, slot: _slot } = upload;
    let result = held_pictures::set_avatar(&state.app, &submission.subject(), &uploads).await;
    submission.answer(&state, result.map(|()| PROFILE_SAVED.to_string()), "/profil").await
}

pub async fn remove_avatar(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = held_pictures::remove_avatar(&state.app, &submission.subject()).await;
    submission.answer(&state, result.map(|()| PROFILE_SAVED.to_string()), "/profil").await
}

pub async fn set_section_banner(State(state): State<ServerState>, Path(slug): Path<String>, upload: UploadSubmission) -> Response {
    let UploadSubmission { submission, uploads, slot: _slot } = upload;
    let result = held_pictures::set_section_banner(&state.app, &submission.subject(), &slug, &uploads).await;
    submission.answer(&state, result.map(|()| format!("/sections/{slug}")), &format!("/sections/{slug}/modifier")).await
}

pub async fn remove_section_banner(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    let result = held_pictures::remove_section_banner(&state.app, &submission.subject(), &slug).await;
    submission.answer(&state, result.map(|()| format!("/sections/{slug}")), &format!("/sections/{slug}/modifier")).await
}

pub async fn set_group_banner(State(state): State<ServerState>, Path(slug): Path<String>, upload: UploadSubmission) -> Response {
    let UploadSubmission { submission, uploads, slot: _slot } = upload;
    let page = format!("/groupes/{slug}");
    let result = held_pictures::set_group_banner(&state.app, &submission.subject(), &slug, &uploads).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn remove_group_banner(State(state): State<ServerState>, Path(slug): Path<String>, submission: Submission) -> Response {
    let page = format!("/groupes/{slug}");
    let result = held_pictures::remove_group_banner(&state.app, &submission.subject(), &slug).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}
