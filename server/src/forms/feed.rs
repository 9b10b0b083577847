//! Form posts of the feed: publish, edit, delete, comment, react. Each answers 303 to the
//! page it came from (`retour`, local paths only) or re-renders that page with what was typed.

use app::model::ids::{CommentId, PostId};
use axum::extract::{Path, State};
use axum::response::Response;

use app::server::services::posts;

use crate::forms::render::Submission;
use crate::forms::upload::UploadSubmission;
use crate::state::ServerState;

/// `back` without its fragment, to re-render the page.
fn page_of(path: &str) -> String {
    path.split('#').next().unwrap_or(path).to_string()
}

/// A publication, with its pictures when the form carries some (`multipart/form-data`).
pub async fn publish(State(state): State<ServerState>, upload: UploadSubmission) -> Response {
    let UploadSubmission { submission, uploads, slot: _slot } = upload;
    let page = page_of(&submission.back_or("/fil"));
    let result = posts::publish_with_pictures(&state.app, &submission.subject(), &submission.form, &uploads).await;
    submission.answer(&state, result.map(|id| format!("{page}#publication-{id}")), &page).await
}

pub async fn edit(State(state): State<ServerState>, Path(id): Path<PostId>, submission: Submission) -> Response {
    let page = format!("/publications/{id}");
    let result = posts::edit(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|()| page.clone()), &page).await
}

pub async fn delete(State(state): State<ServerState>, Path(id): Path<PostId>, submission: Submission) -> Response {
    let back = page_of(&submission.back_or("/fil"));
    let result = posts::delete(&state.app, &submission.subject(), id).await;
    // Back where the reader was, unless that was the publication's own page, which is gone.
    let next = result.map(|()| back.replace(&format!("/publications/{id}"), "/fil"));
    submission.answer(&state, next, &format!("/publications/{id}")).await
}

pub async fn react(State(state): State<ServerState>, Path(id): Path<PostId>, submission: Submission) -> Response {
    let page = page_of(&submission.back_or(&format!("/publications/{id}")));
    let result = posts::react(&state.app, &submission.subject(), id, submission.form.value("kind")).await;
    submission.answer(&state, result.map(|_| format!("{page}#publication-{id}")), &page).await
}

pub async fn comment(State(state): State<ServerState>, Path(id): Path<PostId>, submission: Submission) -> Response {
    let page = format!("/publications/{id}");
    let result = posts::comment(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|comment| format!("{page}#commentaire-{comment}")), &page).await
}

pub async fn delete_comment(State(state): State<ServerState>, Path(id): Path<CommentId>, submission: Submission) -> Response {
    let page = page_of(&submission.back_or("/fil"));
    let result = posts::delete_comment(&state.app, &submission.subject(), id).await;
    submission.answer(&state, result.map(|post| format!("/publications/{post}")), &page).await
}
