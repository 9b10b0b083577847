//! GET /healthz and GET /metrics.

use std::time::Duration;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use http::StatusCode;

use crate::state::ServerState;
use crate::telemetry::metrics_handle;

/// 200 when the database answers within two seconds, 503 otherwise.
pub async fn healthz(State(state): State<ServerState>) -> Response {
    match tokio::time::timeout(Duration::from_secs(2), state.app.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ok").into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response(),
    }
}

/// Prometheus text format: request counters and latency histograms by route, pool gauges.
pub async fn metrics(State(state): State<ServerState>) -> Response {
    for (pool, size, idle) in state.app.db.pool_stats() {
        metrics::gauge!("db_pool_connections", "pool" => pool).set(f64::from(size));
        metrics::gauge!("db_pool_idle_connections", "pool" => pool).set(idle as f64);
    }
    let body = metrics_handle().map(|h| h.render()).unwrap_or_default();
    ([(CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}
