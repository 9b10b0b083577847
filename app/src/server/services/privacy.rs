//! The privacy notice of `/confidentialite`, read from the configuration and the constants the
//! code runs with (never written by hand: the page cannot drift from what the instance does).

use crate::model::privacy::PrivacyNotice;
use crate::model::report::CONTACT_RETENTION_MONTHS;
use crate::server::auth::session_token;
use crate::server::context::{Settings, DAY_MS};
use crate::server::services::{address, export, recovery};

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

pub fn notice(settings: &Settings) -> PrivacyNotice {
    let p = &settings.privacy;
    PrivacyNotice {
        controller_name: non_empty(&p.controller_name),
        controller_address: non_empty(&p.controller_address),
        privacy_contact: non_empty(&p.privacy_contact),
        dpo_contact: non_empty(&p.dpo_contact),
        erasure_delay_days: p.erasure_delay_ms / DAY_MS,
        retention_days: p.retention_ms / DAY_MS,
        retention_warning_days: p.retention_warning_ms / DAY_MS,
        session_days: session_token::LIFETIME_MS / DAY_MS,
        sent_mail_days: crate::server::store::mail::SENT_KEPT_MS / DAY_MS,
        export_days: export::KEPT_MS / DAY_MS,
        address_link_hours: address::LINK_MS / 3_600_000,
        reset_link_minutes: recovery::RESET_LINK_MS / 60_000,
        contact_months: CONTACT_RETENTION_MONTHS.to_vec(),
        map_tiles_origin: settings.map.tile_origin(),
        mail_relay: p.mail_relay.clone(),
        consent_version: crate::model::consent::CURRENT_VERSION.to_string(),
    }
}
