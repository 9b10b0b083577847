//! `/confidentialite`: the privacy notice, built from the running configuration (who answers for
//! the data, how long each kind is kept, which outside services see what), so it never says
//! something the instance does not do.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyNotice {
    /// The data controller (responsable du traitement), its address and where to write.
    pub controller_name: Option<String>,
    pub controller_address: Option<String>,
    pub privacy_contact: Option<String>,
    pub dpo_contact: Option<String>,
    pub erasure_delay_days: i64,
    pub retention_days: i64,
    pub retention_warning_days: i64,
    pub session_days: i64,
    pub sent_mail_days: i64,
    pub export_days: i64,
    pub address_link_hours: i64,
    pub reset_link_minutes: i64,
    /// The months a contact met at an action may choose for their data.
    pub contact_months: Vec<i64>,
    /// The origin browsers load map tiles from (it sees their IP address), if maps have tiles.
    pub map_tiles_origin: Option<String>,
    /// The SMTP relay e-mails leave through, if one is configured (else files on the server).
    pub mail_relay: Option<String>,
    pub consent_version: String,
}
