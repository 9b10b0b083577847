//! POST /deconnexion and POST /deconnexion-partout

use axum::extract::{Request, State};
use axum::response::Response;
use http::HeaderValue;

use app::server::context::subject_of;
use app::server::services::sessions;

use crate::forms::render::see_other;
use crate::middleware::cookies;
use crate::state::ServerState;

fn signed_out(state: &ServerState) -> Response {
    let mut response = see_other("/");
    cookies::clear_session(response.headers_mut(), state.app.settings.secure_cookies());
    // The service worker also empties its caches on this request; this covers the HTTP cache.
    response.headers_mut().insert("clear-site-data", HeaderValue::from_static("\"cache\""));
    response
}

pub async fn this_device(State(state): State<ServerState>, request: Request) -> Response {
    if let Some(user) = subject_of(request.extensions()).user {
        if sessions::close(&state.app, &user).await.is_err() {
            return crate::forms::render::see_other("/profil");
        }
    }
    signed_out(&state)
}

pub async fn all_devices(State(state): State<ServerState>, request: Request) -> Response {
    if let Some(user) = subject_of(request.extensions()).user {
        match sessions::close_all(&state.app, &user).await {
            Ok(closed) => tracing::info!(user_id = %user.id, closed, "signed out of all devices"),
            Err(_) => return crate::forms::render::see_other("/profil"),
        }
    }
    signed_out(&state)
}
