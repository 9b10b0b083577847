//! Form posts of conversations (issue 19): start one, write, answer a request, mute, rename,
//! leave. Each comes back to the conversation (its answer box), or to the list when the person is
//! no longer in it; a refusal draws the page again with what was typed.

use axum::extract::{Path, State};
use axum::response::Response;

use app::error::AppError;
use app::server::services::messages;

use crate::forms::render::Submission;
use crate::state::ServerState;

/// The answer box of a conversation (plain links and redirections land on it).
fn at_answer(id: i64) -> String {
    format!("/messages/{id}#repondre")
}

pub async fn start(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = messages::start(&state.app, &submission.subject(), &submission.form).await;
    submission.answer(&state, result.map(at_answer), "/messages/nouveau").await
}

pub async fn send(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let result = messages::send(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|_| at_answer(id)), &format!("/messages/{id}")).await
}

pub async fn answer_request(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let accept = match submission.form.value("decision") {
        "accepter" => Some(true),
        "refuser" => Some(false),
        _ => None,
    };
    let result = match accept {
        Some(accept) => messages::answer_request(&state.app, &submission.subject(), id, accept).await.map(|()| {
            if accept {
                at_answer(id)
            } else {
                "/messages".to_string()
            }
        }),
        None => Err(AppError::NotFound),
    };
    submission.answer(&state, result, &format!("/messages/{id}")).await
}

pub async fn mute(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let muted = submission.form.value("sourdine") == "oui";
    let result = messages::set_muted(&state.app, &submission.subject(), id, muted).await;
    submission.answer(&state, result.map(|()| format!("/messages/{id}")), &format!("/messages/{id}")).await
}

pub async fn rename(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let result = messages::rename(&state.app, &submission.subject(), id, &submission.form).await;
    submission.answer(&state, result.map(|()| format!("/messages/{id}")), &format!("/messages/{id}")).await
}

pub async fn leave(State(state): State<ServerState>, Path(id): Path<i64>, submission: Submission) -> Response {
    let result = messages::leave(&state.app, &submission.subject(), id).await;
    submission.answer(&state, result.map(|()| "/messages".to_string()), &format!("/messages/{id}")).await
}
