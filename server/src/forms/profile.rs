//! POST /profil

use axum::extract::{Request, State};
use axum::response::Response;

use app::error::AppError;
use app::server::services::profiles;

use crate::forms::render::{rerender, see_other, Submission};
use crate::state::ServerState;

pub async fn submit(State(state): State<ServerState>, request: Request) -> Response {
    let submission = match Submission::read(request).await {
        Ok(s) => s,
        Err(response) => return response,
    };
    if submission.user().is_none() {
        return see_other("/connexion?retour=%2Fprofil");
    }
    let result = match submission.subject() {
        Ok(subject) => profiles::update_profile(&state.app, &subject, &submission.form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => see_other("/profil?enregistre=1"),
        Err(AppError::NotAuthenticated) => see_other("/connexion?retour=%2Fprofil"),
        Err(error) => rerender(&state, submission, &error).await,
    }
}
