//! The router's state: the app's shared state plus what leptos needs.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use app::server::AppState;

#[derive(Clone, Debug)]
pub struct ServerState {
    pub app: AppState,
    pub leptos: LeptosOptions,
    pub trust_proxy: bool,
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos.clone()
    }
}

impl FromRef<ServerState> for AppState {
    fn from_ref(state: &ServerState) -> Self {
        state.app.clone()
    }
}
