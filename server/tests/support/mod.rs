//! Helpers shared by the HTTP test files: the real router over a test database, and requests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use app::server::context::{RateLimits, Settings};
use app::server::testing::TestDb;
use app::server::AppState;
use axum::body::Body;
use axum::Router;
use coopol_server::{build_router, ServerState};
use http::{header, HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use tower::ServiceExt;

pub const HOST: &str = "localhost:3000";
pub const ORIGIN: &str = "http://localhost:3000";

pub fn router_with(t: &TestDb, rate_limits: RateLimits, public_url: Option<&str>) -> Router {
    build_router(server_state(t, rate_limits, public_url))
}

/// The state `router_with` builds, for tests that change the operator's settings (`ops`).
pub fn server_state(t: &TestDb, rate_limits: RateLimits, public_url: Option<&str>) -> ServerState {
    ServerState {
        app: AppState {
            db: t.db.clone(),
            settings: Arc::new(Settings { public_url: public_url.map(str::to_string), rate_limits, ..Settings::default() }),
            bus: app::server::bus::EventBus::start(&t.db),
            media: t.media.clone(),
        },
        leptos: LeptosOptions::builder().output_name("coopol").site_root("target/site").site_pkg_dir("pkg").build(),
        ops: Default::default(),
    }
}

pub fn router(t: &TestDb) -> Router {
    router_with(t, RateLimits::default(), None)
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: impl header::AsHeaderName) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The session cookie set by this reply ("name=value"), if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("coopol_session=") && !c.starts_with("coopol_session=;"))
            .and_then(|c| c.split(';').next())
            .map(str::to_string)
    }
}

pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router.clone().oneshot(request).await.expect("router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

pub fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut builder = Request::get(path)
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::empty()).expect("request")
}

pub fn post_form(path: &str, fields: &[(&str, &str)], cookie: Option<&str>, origin: Option<&str>) -> Request<Body> {
    let body = serde_urlencoded::to_string(fields).expect("encode");
    let mut builder = Request::post(path)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9");
    if let Some(origin) = origin {
        builder = builder.header(header::ORIGIN, origin);
    }
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::from(body)).expect("request")
}

/// The status and headers only, without reading the body (for endless streams).
pub async fn status_of(router: &Router, request: Request<Body>) -> (StatusCode, HeaderMap) {
    let response = router.clone().oneshot(request).await.expect("router answers");
    (response.status(), response.headers().clone())
}

const BOUNDARY: &str = "coopol-test-boundary-7d1f";

/// A part of a multipart form: a text field, or a file (name, declared type, bytes).
#[derive(Clone)]
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a str, Vec<u8>),
}

pub fn multipart(path: &str, parts: Vec<Part<'_>>, cookie: Option<&str>) -> Request<Body> {
    let mut body = Vec::new();
    for part in parts {
        body.extend(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
            }
            Part::File(name, file_name, kind, bytes) => {
                body.extend(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {kind}\r\n\r\n")
                        .as_bytes(),
                );
                body.extend(bytes);
                body.extend(b"\r\n");
            }
        }
    }
    body.extend(format!("--{BOUNDARY}--\r\n").as_bytes());
    let mut builder = Request::post(path)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"));
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::from(body)).expect("request")
}
