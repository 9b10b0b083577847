//! The router's state: the app's shared state plus what leptos needs and the operator's settings
//! that only the HTTP layer reads.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use app::server::AppState;

#[derive(Clone, Debug)]
pub struct ServerState {
    pub app: AppState,
    pub leptos: LeptosOptions,
    pub ops: Operations,
}

/// How the server sits in its network, and who may read its metrics.
#[derive(Clone, Debug, Default)]
pub struct Operations {
    /// How many proxies in front of Coopol append to `X-Forwarded-For` (0: trust no header; the
    /// client is the TCP peer). See `middleware::request_context::client_ip`.
    pub proxy_hops: usize,
    /// The bearer token that opens `GET /metrics` on the public address; none: that route answers 404
    /// (metrics are then only on the operator address, when one is set).
    pub metrics_token: Option<String>,
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
