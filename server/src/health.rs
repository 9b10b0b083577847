//! GET /healthz and GET /metrics. Metrics tell about traffic and load: on the public address they
//! need the operator's bearer token (COOPOL_METRICS_TOKEN); the operator address
//! (COOPOL_METRICS_ADDR) serves them to whoever reaches it, which the network restricts.

use std::time::Duration;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http::header::AUTHORIZATION;
use http::header::CONTENT_TYPE;
use http::HeaderMap;
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

/// GET /metrics on the public address: 404 unless the request carries the configured token.
pub async fn metrics(State(state): State<ServerState>, headers: HeaderMap) -> Response {
    let presented = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    match (&state.ops.metrics_token, presented) {
        (Some(token), Some(presented)) if tokens_match(token, presented) => render_metrics(&state).await,
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Compares in a time that does not depend on where the first difference is.
fn tokens_match(expected: &str, presented: &str) -> bool {
    use sha2::{Digest, Sha256};
    let (a, b) = (Sha256::digest(expected.as_bytes()), Sha256::digest(presented.as_bytes()));
    a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The operator address's router: metrics without a token, and the health check.
pub fn operator_router(state: ServerState) -> Router {
    Router::new()
        .route("/metrics", get(|State(state): State<ServerState>| async move { render_metrics(&state).await }))
        .route("/healthz", get(healthz))
        .with_state(state)
}

/// Prometheus text format: request counters and latency histograms by route, pool gauges.
async fn render_metrics(state: &ServerState) -> Response {
    // The outbox at a glance: mails waiting, sent, given up (`coopol mail failures` tells which).
    if let Ok((pending, sent, failed)) = app::server::store::mail::counts(&state.app.db).await {
        for (status, n) in [("pending", pending), ("sent", sent), ("failed", failed)] {
            metrics::gauge!("mail_outbox", "status" => status).set(n as f64);
        }
    }
    for (pool, size, idle) in state.app.db.pool_stats() {
        metrics::gauge!("db_pool_connections", "pool" => pool).set(f64::from(size));
        metrics::gauge!("db_pool_idle_connections", "pool" => pool).set(idle as f64);
    }
    let body = metrics_handle().map(|h| h.render()).unwrap_or_default();
    ([(CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}
