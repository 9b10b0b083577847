//! Puts what every handler needs into the request: the client's address, the language and the
//! signed-in person with their policy subject and unread count (one statement, skipped for static
//! files).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::ACCEPT_LANGUAGE;
use http::HeaderMap;

use app::i18n::Lang;
use app::server::auth::session_token;
use app::server::context::{ClientIp, UnreadNotifications};
use app::server::services::sessions;

use crate::middleware::cookies;
use crate::state::ServerState;

fn is_static(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/icons/")
        || path.starts_with("/vendor/")
        || matches!(
            path,
            "/sw.js"
                | "/register-sw.js"
                | "/offline-report.js"
                | "/field-map.js"
                | "/manifest.webmanifest"
                | "/offline.html"
                | "/favicon.ico"
                | "/healthz"
                | "/metrics"
        )
}

pub fn negotiate_lang(headers: &HeaderMap) -> Lang {
    cookies::get(headers, cookies::LANG_COOKIE)
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(Lang::from_accept_language))
        .unwrap_or_default()
}

fn client_ip(request: &Request, trust_proxy: bool) -> String {
    if trust_proxy {
        if let Some(first) = request.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()).and_then(|v| v.split(',').next()) {
            return first.trim().to_string();
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

pub async fn attach_request_context(State(state): State<ServerState>, mut request: Request, next: Next) -> Response {
    let ip = client_ip(&request, state.trust_proxy);
    let lang = negotiate_lang(request.headers());
    request.extensions_mut().insert(ClientIp(ip));
    request.extensions_mut().insert(lang);
    if !is_static(request.uri().path()) {
        if let Some(token) = cookies::get(request.headers(), session_token::COOKIE_NAME).filter(|t| !t.is_empty()) {
            match sessions::resolve(&state.app.db, &token).await {
                Ok(Some(signed_in)) => {
                    if let Some(user) = signed_in.subject.user.clone() {
                        request.extensions_mut().insert(user);
                    }
                    request.extensions_mut().insert(UnreadNotifications(signed_in.unread_notifications));
                    request.extensions_mut().insert(signed_in.subject);
                }
                Ok(None) => {}
                Err(_) => tracing::warn!("session lookup failed; continuing signed out"),
            }
        }
    }
    next.run(request).await
}
