//! POST /connexion

use axum::extract::State;
use axum::response::Response;

use app::server::services::accounts;

use crate::forms::render::{rerender, safe_local_path, see_other, Submission};
use crate::middleware::cookies;
use crate::state::ServerState;

pub async fn submit(State(state): State<ServerState>, submission: Submission) -> Response {
    match accounts::sign_in(&state.app, &submission.form, &submission.client_ip()).await {
        Ok(opened) => {
            let target = safe_local_path(submission.form.value("retour")).unwrap_or_else(|| "/".to_string());
            let mut response = see_other(&target);
            cookies::set_session(response.headers_mut(), &opened.token, state.app.settings.secure_cookies());
            response
        }
        Err(error) => rerender(&state, submission, &error).await,
    }
}
