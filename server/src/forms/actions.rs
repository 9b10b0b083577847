//! Form posts of the field actions: create (or propose), edit, cancel, approve, answer, and the
//! personal calendar address. Each answers 303, or re-renders its page with what was typed.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use app::error::AppError;
use app::server::services::{actions, calendar, reports, rsvp};

use crate::forms::feed::read;
use crate::forms::render::{rerender_at, see_other};
use crate::state::ServerState;

pub async fn create(State(state): State<ServerState>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match subject {
        Ok(subject) => actions::create(&state.app, &subject, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => see_other(&format!("/actions/{id}")),
        Err(error) => rerender_at(&state, submission, "/actions/nouvelle", &error).await,
    }
}

pub async fn edit(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match subject {
        Ok(subject) => actions::edit(&state.app, &subject, id, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&format!("/actions/{id}")),
        Err(error) => rerender_at(&state, submission, &format!("/actions/{id}/modifier"), &error).await,
    }
}

pub async fn cancel(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match subject {
        Ok(subject) => actions::cancel(&state.app, &subject, id, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&format!("/actions/{id}")),
        Err(error) => rerender_at(&state, submission, &format!("/actions/{id}"), &error).await,
    }
}

pub async fn approve(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match subject {
        Ok(subject) => actions::approve(&state.app, &subject, id).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other(&format!("/actions/{id}")),
        Err(error) => rerender_at(&state, submission, &format!("/actions/{id}"), &error).await,
    }
}

pub async fn answer(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match subject {
        Ok(subject) => rsvp::answer(&state.app, &subject, id, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => see_other(&format!("/actions/{id}#reponse-titre")),
        Err(error) => rerender_at(&state, submission, &format!("/actions/{id}"), &error).await,
    }
}

/// An invitation to co-organize, accepted or declined by the person invited.
pub async fn organizer_invitation(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match (subject, submission.form.value("decision")) {
        (Ok(subject), "accepter") => actions::answer_invitation(&state.app, &subject, id, true).await,
        (Ok(subject), "refuser") => actions::answer_invitation(&state.app, &subject, id, false).await,
        (Ok(_), _) => Err(AppError::NotFound),
        (Err(e), _) => Err(e),
    };
    match result {
        Ok(()) => see_other(&format!("/actions/{id}")),
        Err(error) => rerender_at(&state, submission, &format!("/actions/{id}"), &error).await,
    }
}

/// The compte-rendu: saved (or recognized as a replay of one already saved) → back to the action.
pub async fn report(State(state): State<ServerState>, Path(id): Path<i64>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match subject {
        Ok(subject) => reports::submit(&state.app, &subject, id, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => see_other(&format!("/actions/{id}?compte-rendu=ok#compte-rendu-titre")),
        Err(error) => rerender_at(&state, submission, &format!("/actions/{id}/compte-rendu"), &error).await,
    }
}

/// Makes (or changes) the personal calendar address, or deletes it.
pub async fn calendar_address(State(state): State<ServerState>, request: Request) -> Response {
    let (submission, subject) = match read(request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let result = match (subject, submission.form.value("action")) {
        (Ok(subject), "creer") => calendar::new_token(&state.app, &subject).await.map(Some),
        (Ok(subject), "supprimer") => calendar::revoke(&state.app, &subject).await.map(|()| None),
        (Ok(_), _) => Err(AppError::NotFound),
        (Err(e), _) => Err(e),
    };
    match result {
        // The address is shown once, on the list page; calendar apps will fetch it as it is.
        Ok(Some(token)) => see_other(&format!("/actions?calendrier={token}#agenda-titre")),
        Ok(None) => see_other("/actions#agenda-titre"),
        Err(error) => rerender_at(&state, submission, "/actions", &error).await,
    }
}
