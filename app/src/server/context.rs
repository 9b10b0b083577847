//! Shared state and per-request accessors, used by server functions and form handlers alike.

use std::sync::Arc;

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::server::db::Db;
use crate::server::policy::{SessionUser, Subject};

/// One fixed-window limit: at most `max` hits per `window_secs`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window_secs: i64,
}

#[derive(Debug, Clone)]
pub struct RateLimits {
    pub signin_per_ip: Limit,
    pub signin_failures_per_account: Limit,
    pub signup_per_ip: Limit,
    pub signup_per_account: Limit,
    /// Publications and comments per account.
    pub posting_per_account: Limit,
    /// Changes of commune per account (counted from the journals, which keep them).
    pub moves_per_account: Limit,
    /// Coopain requests and withdrawals per account (each request may notify someone).
    pub coopain_per_account: Limit,
    /// Reports ("signaler") per account: a flood of reports by one person is refused.
    pub reports_per_account: Limit,
    /// New conversations per account (each may notify up to 29 people).
    pub conversations_per_account: Limit,
    /// Messages per account.
    pub messages_per_account: Limit,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            signin_per_ip: Limit { max: 30, window_secs: 15 * 60 },
            signin_failures_per_account: Limit { max: 8, window_secs: 15 * 60 },
            signup_per_ip: Limit { max: 10, window_secs: 60 * 60 },
            signup_per_account: Limit { max: 5, window_secs: 60 * 60 },
            posting_per_account: Limit { max: 30, window_secs: 10 * 60 },
            moves_per_account: Limit { max: 2, window_secs: 30 * 24 * 3600 },
            coopain_per_account: Limit { max: 30, window_secs: 60 * 60 },
            reports_per_account: Limit { max: 20, window_secs: 60 * 60 },
            conversations_per_account: Limit { max: 20, window_secs: 24 * 3600 },
            messages_per_account: Limit { max: 120, window_secs: 10 * 60 },
        }
    }
}

/// The tile server of the maps (/actions, the action form). Tiles are pictures fetched by the
/// browser: their origin is added to the CSP's `img-src`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapSettings {
    /// A Leaflet URL template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`); empty: maps
    /// show the markers on a blank background (tests, or a site that wants no third party).
    pub tiles: String,
    /// Credit shown on the map, as plain text; `attribution_url` is its link.
    pub attribution: String,
    pub attribution_url: String,
}

pub const OSM_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

impl Default for MapSettings {
    fn default() -> Self {
        Self {
            tiles: OSM_TILES.into(),
            attribution: "© les contributeurs d’OpenStreetMap".into(),
            attribution_url: "https://www.openstreetmap.org/copyright".into(),
        }
    }
}

impl MapSettings {
    /// What `img-src` must allow for the tiles: `https://tile.openstreetmap.org`, or
    /// `https://*.tile.example.org` for a `{s}.` template; `None` without tiles.
    pub fn tile_origin(&self) -> Option<String> {
        let (scheme, rest) = self.tiles.split_once("://")?;
        let host = rest.split('/').next()?.replace("{s}", "*");
        let valid =
            matches!(scheme, "https" | "http") && !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || "-.:*".contains(c));
        valid.then(|| format!("{scheme}://{host}"))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Public origin (scheme://host[:port]) when known, for Origin checks and cookie flags.
    pub public_url: Option<String>,
    pub rate_limits: RateLimits,
    pub map: MapSettings,
    pub privacy: PrivacySettings,
    pub moderation: ModerationSettings,
    /// How long a message waits unread before its reader is e-mailed (issue 19).
    pub message_mail_delay_ms: i64,
    /// Annonces one section or federation team may send in a rolling week (0: no limit).
    pub announcements_per_week: i64,
}

/// Abuse resistance (issue 18).
#[derive(Debug, Clone)]
pub struct ModerationSettings {
    /// An account is new this long after its sign-up: lower posting and reporting limits.
    pub new_account_ms: i64,
    /// A publication or comment reported by this many distinct people who see it is hidden until
    /// a moderator decides (0: never).
    pub auto_hide_reporters: i64,
    /// A new account's posting and reporting limits are the usual ones divided by this.
    pub new_account_divisor: i64,
}

impl ModerationSettings {
    /// The limit that applies to an account created at `created_ms`.
    pub fn limit_for(&self, usual: Limit, created_ms: i64, now_ms: i64) -> Limit {
        if now_ms - created_ms < self.new_account_ms {
            Limit { max: (usual.max / self.new_account_divisor.max(1)).max(1), ..usual }
        } else {
            usual
        }
    }
}

impl Default for ModerationSettings {
    fn default() -> Self {
        Self { new_account_ms: DAY_MS, auto_hide_reporters: 5, new_account_divisor: 6 }
    }
}

/// Personal data: delays, retention and who answers for it (shown on `/confidentialite`).
#[derive(Debug, Clone)]
pub struct PrivacySettings {
    /// How long an erasure request waits (cancellable) before it takes effect.
    pub erasure_delay_ms: i64,
    /// Data of sympathisants and of people who left is kept this long after their last visit.
    pub retention_ms: i64,
    /// How long before the end of that retention the person is warned by e-mail.
    pub retention_warning_ms: i64,
    /// The data controller (responsable du traitement): the party or federation running Coopol.
    pub controller_name: String,
    pub controller_address: String,
    /// Where people write about their data (an e-mail address or a URL).
    pub privacy_contact: String,
    /// The data protection officer (délégué·e à la protection des données), if any.
    pub dpo_contact: String,
    /// The host of the SMTP relay e-mails leave through (shown as a recipient), if any.
    pub mail_relay: Option<String>,
}

pub const DAY_MS: i64 = 86_400_000;

impl Default for PrivacySettings {
    fn default() -> Self {
        Self {
            erasure_delay_ms: 7 * DAY_MS,
            retention_ms: 3 * 365 * DAY_MS,
            retention_warning_ms: 30 * DAY_MS,
            controller_name: String::new(),
            controller_address: String::new(),
            privacy_contact: String::new(),
            dpo_contact: String::new(),
            mail_relay: None,
        }
    }
}

#[cfg(test)]
mod map_tests {
    use super::MapSettings;

    #[test]
    fn tile_origins_for_the_csp() {
        let osm = MapSettings::default();
        assert_eq!(osm.tile_origin().as_deref(), Some("https://tile.openstreetmap.org"));
        let sub = MapSettings { tiles: "https://{s}.tiles.example.org/{z}/{x}/{y}.png".into(), ..osm.clone() };
        assert_eq!(sub.tile_origin().as_deref(), Some("https://*.tiles.example.org"));
        let none = MapSettings { tiles: String::new(), ..osm.clone() };
        assert_eq!(none.tile_origin(), None);
        let hostile = MapSettings { tiles: "https://x.org; script-src *'/{z}".into(), ..osm };
        assert_eq!(hostile.tile_origin(), None);
    }
}

impl Settings {
    /// An absolute link to `path` (starting with `/`) on this site, for e-mails.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.as_deref().unwrap_or("http://127.0.0.1:3000").trim_end_matches('/'))
    }

    /// Cookies get `Secure` when Coopol is served over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Live events (in-process, or relayed through PostgreSQL between instances).
    pub bus: crate::server::bus::EventBus,
    /// Stored pictures and documents, and the workers that process them.
    pub media: crate::server::media::MediaStore,
}

/// The client's address as the server sees it (or as a trusted proxy reports it).
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the leptos context");
        AppError::Internal
    })
}

fn request_parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// Who makes a request: the `Subject` the session middleware put in its extensions (loaded with
/// the session, no statement), anonymous when there is none (a visitor, an expired session, or a
/// route that does not read the session). Server functions and form handlers both ask here.
pub fn subject_of(extensions: &http::Extensions) -> Subject {
    extensions.get::<Subject>().cloned().unwrap_or_default()
}

/// The policy subject of this server function's request.
pub fn subject() -> Subject {
    request_parts().map(|parts| subject_of(&parts.extensions)).unwrap_or_default()
}

/// The signed-in person, if any.
pub fn session_user() -> Option<SessionUser> {
    subject().user
}

/// The unread notification count found with the session, for the header (`get_current_user`).
#[derive(Debug, Clone, Copy)]
pub struct UnreadNotifications(pub i64);

/// The unread count loaded with the session, if the middleware loaded one.
pub fn unread_notifications() -> Option<i64> {
    request_parts().and_then(|parts| parts.extensions.get::<UnreadNotifications>().map(|u| u.0))
}

/// The count of conversations with unread messages found with the session (the "Messages" badge).
#[derive(Debug, Clone, Copy)]
pub struct UnreadConversations(pub i64);

pub fn unread_conversations() -> Option<i64> {
    request_parts().and_then(|parts| parts.extensions.get::<UnreadConversations>().map(|u| u.0))
}

/// Whether the consent text in force for the signed-in person is not the current one (found with
/// the session by the middleware).
#[derive(Debug, Clone, Copy)]
pub struct ConsentDue(pub bool);

pub fn consent_due() -> bool {
    request_parts().and_then(|parts| parts.extensions.get::<ConsentDue>().map(|c| c.0)).unwrap_or(false)
}

/// Whether the signed-in person has not accepted the charter in force (found with the session).
#[derive(Debug, Clone, Copy)]
pub struct CharterDue(pub bool);

pub fn charter_due() -> bool {
    request_parts().and_then(|parts| parts.extensions.get::<CharterDue>().map(|c| c.0)).unwrap_or(false)
}

/// The language negotiated for this request by the middleware.
pub fn request_lang() -> Lang {
    request_parts().and_then(|parts| parts.extensions.get::<Lang>().copied()).unwrap_or_default()
}

/// The body every server function shares: the shared state and the request's subject, handed to
/// the service, whose failure gets its HTTP status (`with_status`).
pub async fn serve<T, Answer>(service: impl FnOnce(AppState, Subject) -> Answer) -> Result<T, AppError>
where
    Answer: std::future::Future<Output = Result<T, AppError>>,
{
    let result = match app_state() {
        Ok(state) => service(state, subject()).await,
        Err(error) => Err(error),
    };
    with_status(result)
}

/// Gives a server function's failure its HTTP status (401, 403, 404, 429…) instead of the
/// framework's blanket 500, so clients and logs tell them apart.
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(error.status());
        }
    }
    result
}
