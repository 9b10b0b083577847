//! POST /profil

use axum::extract::State;
use axum::response::Response;

use app::server::services::profiles;

use crate::forms::render::{see_other, Submission};
use crate::state::ServerState;

pub async fn submit(State(state): State<ServerState>, submission: Submission) -> Response {
    if submission.user().is_none() {
        return see_other("/connexion?retour=%2Fprofil");
    }
    let result = profiles::update_profile(&state.app, &submission.subject(), &submission.form).await;
    // A session that ended meanwhile is sent to sign in by `answer`, back to /profil after.
    submission.answer(&state, result.map(|()| "/profil?enregistre=1".to_string()), "/profil").await
}
