//! POST /adresse/renvoyer (a new link for the signed-in person's address) and POST /adresse/{token}
//! (the link opened: the address is proven and this device signed in).

use axum::extract::{Path, State};
use axum::response::Response;

use app::server::services::address::{self, Confirmation};

use crate::forms::render::{see_other, Submission};
use crate::middleware::cookies;
use crate::state::ServerState;

/// Back to the page the banner was on, which then says the link left.
pub async fn resend(State(state): State<ServerState>, submission: Submission) -> Response {
    let result = address::resend(&state.app, &submission.subject()).await;
    let back = submission.back_or("/");
    let separator = if back.contains('?') { '&' } else { '?' };
    submission.answer(&state, result.map(|()| format!("{back}{separator}adresse=renvoyee")), &back).await
}

pub async fn confirm(State(state): State<ServerState>, Path(token): Path<String>, submission: Submission) -> Response {
    match address::confirm(&state.app, &token).await {
        Ok(Confirmation::AddressTaken) => see_other("/connexion?adresse=deja-confirmee"),
        Ok(confirmation) => {
            let mut response = see_other("/?adresse=confirmee");
            if let Some(opened) = confirmation.opened() {
                cookies::set_session(response.headers_mut(), &opened.token, state.app.settings.secure_cookies());
            }
            response
        }
        Err(error) => {
            let page = format!("/adresse/{token}");
            submission.answer(&state, Err(error), &page).await
        }
    }
}
