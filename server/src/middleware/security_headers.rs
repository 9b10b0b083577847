//! Security headers on every response, a fresh CSP nonce per request (handed to leptos for its
//! hydration script), and cache rules that never keep personal pages.

use app::server::context::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::HeaderValue;
use leptos::nonce::Nonce;
use rand::RngCore;

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// `tile_origin`: the map tile server, the one outside origin pages may load pictures from.
pub fn content_security_policy(nonce: &str, tile_origin: Option<&str>) -> String {
    let tiles = tile_origin.map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:{tiles}; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

fn cache_rule(path: &str) -> &'static str {
    if path.starts_with("/pkg/") {
        // cargo-leptos hashes these file names: a new build is a new URL.
        "public, max-age=31536000, immutable"
    } else if matches!(path, "/sw.js" | "/manifest.webmanifest" | "/register-sw.js" | "/islands.js" | "/live.js") {
        "no-cache"
    } else if path.starts_with("/icons/") || path.starts_with("/vendor/") || path == "/offline.html" {
        "public, max-age=86400"
    } else {
        // Pages and API answers can hold personal data: never stored by shared or browser caches.
        "no-store"
    }
}

pub async fn add_security_headers(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let nonce = new_nonce();
    request.extensions_mut().insert(Nonce::from_value(nonce.clone()));
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // A stored file's route sets its own, stricter policy (a sandbox); pages get the app's.
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce, state.settings.map.tile_origin().as_deref())) {
            headers.insert(CONTENT_SECURITY_POLICY, csp);
        }
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=(self)"));
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    if state.settings.secure_cookies() {
        // Served over https: browsers must never come back over plain http (a year, renewed by each visit).
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    if !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache_rule(&path)));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_allows_only_the_nonce_for_inline_scripts() {
        let csp = content_security_policy("abc", None);
        assert!(csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(csp.contains("img-src 'self' data:;"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn csp_lets_pictures_come_from_the_map_tile_server_only() {
        let csp = content_security_policy("abc", Some("https://tile.openstreetmap.org"));
        assert!(csp.contains("img-src 'self' data: https://tile.openstreetmap.org;"));
        assert!(csp.contains("connect-src 'self';"));
    }

    #[test]
    fn personal_pages_are_not_cached() {
        assert_eq!(cache_rule("/profil"), "no-store");
        assert_eq!(cache_rule("/api/get_my_profile123"), "no-store");
        assert!(cache_rule("/pkg/coopol.abc.wasm").contains("immutable"));
        assert_eq!(cache_rule("/sw.js"), "no-cache");
        assert!(cache_rule("/vendor/leaflet/leaflet.js").starts_with("public"));
    }
}
