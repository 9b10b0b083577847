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
use app::server::context::{CharterDue, ClientIp, ConsentDue, UnreadConversations, UnreadNotifications};
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
                | "/islands.js"
                | "/live.js"
                | "/offline.js"
                | "/offline.css"
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

/// The client's address. Behind `hops` proxies that each append the address they received from to
/// `X-Forwarded-For`, the client is the entry the outermost proxy added: the `hops`-th from the
/// right. Entries left of it were written by the client itself and prove nothing (taking the
/// leftmost let anyone pick the address every per-address limit counts).
pub fn client_ip(headers: &HeaderMap, peer: Option<SocketAddr>, hops: usize) -> String {
    let peer = || peer.map(|addr| addr.ip().to_string()).unwrap_or_else(|| "unknown".to_string());
    if hops == 0 {
        return peer();
    }
    // Several X-Forwarded-For headers are one list, in order.
    let chain: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    if chain.is_empty() {
        return peer();
    }
    // Fewer entries than proxies: the chain is all proxies' doing; its first entry is the client.
    let index = chain.len().saturating_sub(hops);
    chain[index].parse::<std::net::IpAddr>().map(|ip| ip.to_string()).unwrap_or_else(|_| peer())
}

/// Server functions that answer the same to everyone ("trouver ma section", the list of
/// federations): they do not pay the session lookup (issue 15).
fn needs_no_person(path: &str) -> bool {
    use app::api::territory::{find_section::FindSection, list_federations::ListFederations};
    use leptos::server_fn::ServerFn;
    path == <FindSection as ServerFn>::PATH || path == <ListFederations as ServerFn>::PATH
}

pub async fn attach_request_context(State(state): State<ServerState>, mut request: Request, next: Next) -> Response {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| *addr);
    let ip = client_ip(request.headers(), peer, state.ops.proxy_hops);
    let lang = negotiate_lang(request.headers());
    request.extensions_mut().insert(ClientIp(ip));
    request.extensions_mut().insert(lang);
    if !is_static(request.uri().path()) && !needs_no_person(request.uri().path()) {
        if let Some(token) = cookies::get(request.headers(), session_token::COOKIE_NAME).filter(|t| !t.is_empty()) {
            let user_agent = request.headers().get(http::header::USER_AGENT).and_then(|v| v.to_str().ok());
            match sessions::resolve_from(&state.app.db, &token, user_agent).await {
                Ok(Some(signed_in)) => {
                    request.extensions_mut().insert(UnreadNotifications(signed_in.unread_notifications));
                    request.extensions_mut().insert(UnreadConversations(signed_in.unread_conversations));
                    request.extensions_mut().insert(ConsentDue(app::model::consent::is_due(signed_in.consent_version.as_deref())));
                    request.extensions_mut().insert(CharterDue(app::model::moderation::charter_due(signed_in.charter_version.as_deref())));
                    request.extensions_mut().insert(signed_in.subject);
                }
                Ok(None) => {}
                Err(_) => tracing::warn!("session lookup failed; continuing signed out"),
            }
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn forwarded(values: &[&'static str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_static(v));
        }
        h
    }

    const PEER: Option<SocketAddr> = Some(SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2)), 40000));

    #[test]
    fn a_client_cannot_choose_its_address_through_the_header() {
        // The client sent "1.2.3.4"; our one proxy appended the address it saw.
        let h = forwarded(&["1.2.3.4, 203.0.113.7"]);
        assert_eq!(client_ip(&h, PEER, 1), "203.0.113.7");
        assert_eq!(client_ip(&h, PEER, 0), "10.0.0.2", "no trusted proxy: the header is ignored");
        // Two proxies: the outer one's entry is second from the right.
        let h = forwarded(&["1.2.3.4", "203.0.113.7, 10.0.0.9"]);
        assert_eq!(client_ip(&h, PEER, 2), "203.0.113.7");
        assert_eq!(client_ip(&forwarded(&["203.0.113.7"]), PEER, 2), "203.0.113.7");
        assert_eq!(client_ip(&forwarded(&["not-an-address"]), PEER, 1), "10.0.0.2");
        assert_eq!(client_ip(&HeaderMap::new(), PEER, 1), "10.0.0.2");
    }
}
