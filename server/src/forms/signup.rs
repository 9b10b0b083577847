//! POST /inscription

use axum::extract::State;
use axum::response::Response;

use app::server::services::accounts;

use crate::forms::render::{rerender, see_other, Submission};
use crate::middleware::cookies;
use crate::state::ServerState;

pub async fn submit(State(state): State<ServerState>, submission: Submission) -> Response {
    match accounts::sign_up(&state.app, &submission.form, &submission.client_ip()).await {
        Ok(opened) => {
            let mut response = see_other("/");
            cookies::set_session(response.headers_mut(), &opened.token, state.app.settings.secure_cookies());
            response
        }
        Err(error) => rerender(&state, submission, &error).await,
    }
}
