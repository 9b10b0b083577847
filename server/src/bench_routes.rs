//! Benchmark builds only (feature `bench`, `make bench`): what the measurements compare against.
//!
//! - `GET /__bench/octets`: the bytes of the file named by `COOPOL_BENCH_STATIC_FILE`, read once
//!   and then sent from memory through the same middleware as every page — the ceiling a
//!   rendered page is measured against.
//! - `GET /__bench/plancher-sql`: the SQL floor of the home feed — the very statements of `/fil`
//!   for the same person (the middleware's session lookup, then `feed_page`), and the same bytes
//!   as `octets`, without rendering: `/fil` ÷ this is what rendering costs.
//! - `GET /__bench/requetes-sql`: how many SQL statements the process has run (a tracing layer
//!   counts sqlx's `sqlx::query` events: `statement_count`); read before and after one page to get its cost.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use app::i18n::Lang;
use app::model::feed::FeedKey;
use app::server::policy::Subject;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::state::ServerState;

/// What `telemetry::init_logging` counts in benchmark builds.
pub static STATEMENTS: AtomicU64 = AtomicU64::new(0);

pub fn routes() -> Router<ServerState> {
    Router::new()
        .route("/__bench/octets", get(static_bytes))
        .route("/__bench/plancher-sql", get(sql_floor))
        .route("/__bench/requetes-sql", get(statements))
}

async fn sql_floor(State(state): State<ServerState>, subject: Option<Extension<Subject>>) -> Response {
    let subject = subject.map(|Extension(s)| s).unwrap_or_default();
    match app::server::services::feed::feed_page(&state.app, &subject, FeedKey::Home, None, Lang::Fr).await {
        Ok(page) if !page.posts.is_empty() => static_bytes().await.into_response(),
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn static_bytes() -> impl IntoResponse + use<> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes =
        BYTES.get_or_init(|| std::env::var("COOPOL_BENCH_STATIC_FILE").ok().and_then(|path| std::fs::read(path).ok()).unwrap_or_default());
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes.as_slice())
}

async fn statements() -> String {
    STATEMENTS.load(Ordering::SeqCst).to_string()
}
