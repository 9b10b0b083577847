//! CSRF defence: a state-changing request that a browser says comes from another site is refused
//! with 403 before it reaches any handler.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{HOST, ORIGIN};
use http::{HeaderMap, Method, StatusCode};

use crate::state::ServerState;

/// Whether the request's origin evidence is acceptable for a state-changing method.
pub fn same_origin(headers: &HeaderMap, public_url: Option<&str>) -> bool {
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
    if origin == "null" {
        return false;
    }
    match public_url {
        Some(public) => origin.trim_end_matches('/') == public.trim_end_matches('/'),
        None => {
            let host = headers.get(HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
            let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            !host.is_empty() && origin_host == host
        }
    }
}

pub async fn reject_cross_site(State(state): State<ServerState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !same_origin(request.headers(), state.app.settings.public_url.as_deref()) {
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
        assert!(same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")]), None));
        assert!(!same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", "http://evil.example")]), None));
        assert!(!same_origin(&headers(&[("origin", "null")]), None));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")]), None));
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")]), None));
        assert!(same_origin(&headers(&[]), None));
        let public = Some("https://coopol.example");
        assert!(same_origin(&headers(&[("origin", "https://coopol.example")]), public));
        assert!(!same_origin(&headers(&[("origin", "http://coopol.example")]), public));
    }
}
