//! The router's state: the app's shared state plus what leptos needs and the operator's settings
//! that only the HTTP layer reads.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use tokio::sync::Semaphore;

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
    /// Forms with files being read or processed at once (each may hold 80 MB).
    pub uploads: UploadSlots,
}

/// Forms with files handled at once: a file form holds up to four 20 MB files in memory while it
/// is read and processed, so past `MAX_CONCURRENT_UPLOADS` the next one is asked to come back in
/// a few seconds (503, `Retry-After`) instead of the server running out of memory. Rate limits
/// bound each person; this bounds everyone together.
#[derive(Clone, Debug)]
pub struct UploadSlots(pub Arc<Semaphore>);

pub const MAX_CONCURRENT_UPLOADS: usize = 8;

impl Default for UploadSlots {
    fn default() -> Self {
        UploadSlots(Arc::new(Semaphore::new(MAX_CONCURRENT_UPLOADS)))
    }
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
