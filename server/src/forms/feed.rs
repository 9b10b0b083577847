//! Form posts of the feed: publish, edit, delete, hide, comment, react. Each answers 303 to the
//! page it came from (`retour`, local paths only) or re-renders that page with what was typed.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use app::error::AppError;
use app::server::policy::Subject;
use app::server::services::posts;

use crate::forms::render::{rerender_at, safe_local_path, see_other, Submission};
use crate::state::ServerState;

/// Reads the submission and its subject, or answers at once (bad body).
pub(crate) async fn read(request: Request) -> Result<(Submission, Result<Subject, AppError>), Response> {
    let submission = Submission::read(request).await?;
    let subject = submission.subject();
    Ok((submission, subject))
}

/// Where to go back: the form's `retour` if it is a local path, else `default`.
pub(crate) fn back(submission: &Submission, default: &str) -> String {
    safe_local_path(submission.form.value("retour")).unwrap_or_else(|| default.to_string())
}

/// `back` without its fragment, to re-render the page.
fn page_of(path: &str) -> String {
    path.split('#').next().unwrap_or(path).to_string()
}

pub async fn publish(State(state): State<ServerState>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let back = back(&submission, "/fil");
    let result = match subject {
        Ok(subject) => posts::publish(&state.app, &subject, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => see_other(&format!("{}#publication-{id}", page_of(&back))),
        Err(error) => rerender_at(&state, submission, &page_of(&back), &error).await,
    }
}

pub async fn edit(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = format!("/publications/{id}");
    let result = match subject {
        Ok(subject) => posts::edit(&state.app, &subject, id, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&page),
        Err(error) => rerender_at(&state, submission, &page, &error).await,
    }
}

pub async fn delete(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let back = back(&submission, "/fil");
    let result = match subject {
        Ok(subject) => posts::delete(&state.app, &subject, id).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&page_of(&back).replace(&format!("/publications/{id}"), "/fil")),
        Err(error) => rerender_at(&state, submission, &format!("/publications/{id}"), &error).await,
    }
}

pub async fn hide(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = format!("/publications/{id}");
    let result = match subject {
        Ok(subject) => posts::hide(&state.app, &subject, id, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&page),
        Err(error) => rerender_at(&state, submission, &page, &error).await,
    }
}

pub async fn react(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let back = back(&submission, &format!("/publications/{id}"));
    let kind = submission.form.value("kind").to_string();
    let result = match subject {
        Ok(subject) => posts::react(&state.app, &subject, id, &kind).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => see_other(&format!("{}#publication-{id}", page_of(&back))),
        Err(error) => rerender_at(&state, submission, &page_of(&back), &error).await,
    }
}

pub async fn comment(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let page = format!("/publications/{id}");
    let result = match subject {
        Ok(subject) => posts::comment(&state.app, &subject, id, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(comment_id) => see_other(&format!("{page}#commentaire-{comment_id}")),
        Err(error) => rerender_at(&state, submission, &page, &error).await,
    }
}

pub async fn delete_comment(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let back = back(&submission, "/fil");
    let result = match subject {
        Ok(subject) => posts::delete_comment(&state.app, &subject, id).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(post_id) => see_other(&format!("/publications/{post_id}")),
        Err(error) => rerender_at(&state, submission, &page_of(&back), &error).await,
    }
}
