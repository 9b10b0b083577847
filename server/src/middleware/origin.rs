//! CSRF defence: a state-changing request that a browser says comes from another site is refused
//! with 403 before it reaches any handler.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{HOST, ORIGIN};
use http::{HeaderMap, Method, StatusCode};

use crate::state::ServerState;

/// Scheme, host and port of an origin (`scheme://host[:port]`), the port made explicit.
fn origin_parts(origin: &str) -> Option<(String, String, u16)> {
    let (scheme, authority) = origin.trim_end_matches('/').split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    if authority.is_empty() || authority.contains(['/', '@', '?', '#']) {
        return None;
    }
    // "[::1]:3000", "[::1]", "host:3000", "host".
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (inside, after) = rest.split_once(']')?;
            (inside, after)
        }
        None => authority.split_at(authority.find(':').unwrap_or(authority.len())),
    };
    let port = match port.strip_prefix(':') {
        Some(digits) => digits.parse().ok()?,
        None if port.is_empty() => default_port,
        None => return None,
    };
    Some((scheme, host.to_ascii_lowercase(), port))
}

/// Whether the request's origin evidence is acceptable for a state-changing method. The Origin must
/// be the public URL's scheme, host and port; without a public URL, `http` (what this server
/// speaks; `https` when a trusted proxy says so with `X-Forwarded-Proto`) on the Host asked for.
pub fn same_origin(headers: &HeaderMap, public_url: Option<&str>, trusted_proxy: bool) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site == "cross-site" || site == "same-site" {
            return false;
        }
    }
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        // No Origin: not a modern browser's cross-site form or fetch (those always send one);
        // the SameSite=Lax session cookie covers older ones.
        return true;
    };
    let Some(origin) = origin_parts(origin) else {
        return false; // "null", another scheme, anything malformed
    };
    let expected = match public_url {
        Some(public) => origin_parts(public),
        None => {
            let host = headers.get(HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
            let forwarded_https = trusted_proxy
                && headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
            let scheme = if forwarded_https { "https" } else { "http" };
            if host.is_empty() {
                None
            } else {
                origin_parts(&format!("{scheme}://{host}"))
            }
        }
    };
    expected.is_some_and(|expected| expected == origin)
}

pub async fn reject_cross_site(State(state): State<ServerState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // RFC 8058 one-click unsubscribe: mail providers post from their own servers; the token in
    // the address is the proof, and all it can do is stop annonce mails.
    let one_click_unsubscribe = request.uri().path().starts_with("/desabonnement/");
    if !safe
        && !one_click_unsubscribe
        && !same_origin(request.headers(), state.app.settings.public_url.as_deref(), state.ops.proxy_hops > 0)
    {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, "Requête refusée : elle ne vient pas de Coopol.").into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn origin_rules() {
        let local = |origin: &'static str| same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", origin)]), None, false);
        assert!(local("http://127.0.0.1:3000"));
        assert!(local("HTTP://127.0.0.1:3000/"));
        assert!(!local("http://evil.example"));
        // Scheme and port count, not only the host.
        assert!(!local("evil://127.0.0.1:3000"));
        assert!(!local("https://127.0.0.1:3000"));
        assert!(!local("http://127.0.0.1:3001"));
        assert!(!local("http://127.0.0.1"));
        assert!(!local("http://user@127.0.0.1:3000"));
        assert!(!same_origin(&headers(&[("host", "localhost"), ("origin", "http://localhost:8080")]), None, false));
        assert!(same_origin(&headers(&[("host", "localhost"), ("origin", "http://localhost:80")]), None, false));
        assert!(!same_origin(&headers(&[("origin", "null")]), None, false));
        assert!(!same_origin(&headers(&[("origin", "http://127.0.0.1:3000")]), None, false), "no Host: nothing to compare with");
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")]), None, false));
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")]), None, false));
        assert!(same_origin(&headers(&[]), None, false));
        // Behind a trusted proxy terminating TLS.
        let proxied = headers(&[("host", "coopol.example"), ("origin", "https://coopol.example"), ("x-forwarded-proto", "https")]);
        assert!(same_origin(&proxied, None, true));
        assert!(!same_origin(&proxied, None, false), "an untrusted X-Forwarded-Proto changes nothing");
        let public = Some("https://coopol.example");
        assert!(same_origin(&headers(&[("origin", "https://coopol.example")]), public, false));
        assert!(same_origin(&headers(&[("origin", "https://coopol.example:443")]), public, false));
        assert!(!same_origin(&headers(&[("origin", "http://coopol.example")]), public, false));
        assert!(!same_origin(&headers(&[("origin", "https://coopol.example:8443")]), public, false));
        assert!(!same_origin(&headers(&[("origin", "evil://coopol.example")]), public, false));
    }
}
