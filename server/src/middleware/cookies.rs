//! Reading and writing the few cookies Coopol uses.

use http::header::{COOKIE, SET_COOKIE};
use http::{HeaderMap, HeaderValue};

use app::server::auth::session_token;

pub const LANG_COOKIE: &str = "coopol_lang";

pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_string())
}

fn build(name: &str, value: &str, max_age_secs: i64, secure: bool) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")).ok()
}

pub fn set_session(headers: &mut HeaderMap, token: &str, secure: bool) {
    if let Some(v) = build(session_token::COOKIE_NAME, token, session_token::LIFETIME_MS / 1000, secure) {
        headers.append(SET_COOKIE, v);
    }
}

pub fn clear_session(headers: &mut HeaderMap, secure: bool) {
    if let Some(v) = build(session_token::COOKIE_NAME, "", 0, secure) {
        headers.append(SET_COOKIE, v);
    }
}

pub fn set_lang(headers: &mut HeaderMap, code: &str, secure: bool) {
    if let Some(v) = build(LANG_COOKIE, code, 365 * 24 * 3600, secure) {
        headers.append(SET_COOKIE, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_many() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static("a=1; coopol_session=abc ; b=2"));
        assert_eq!(get(&headers, "coopol_session").as_deref(), Some("abc"));
        assert_eq!(get(&headers, "missing"), None);
    }

    #[test]
    fn session_cookie_flags() {
        let mut headers = HeaderMap::new();
        set_session(&mut headers, "tok", true);
        let value = headers.get(SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(value.contains("HttpOnly") && value.contains("SameSite=Lax") && value.contains("Secure"), "{value}");
        let mut plain = HeaderMap::new();
        set_session(&mut plain, "tok", false);
        assert!(!plain.get(SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default().contains("Secure"));
    }
}
