//! The signed-in person, as the pages need it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub section_slug: Option<String>,
    pub federation_code: Option<String>,
    /// Whether their address is proven (until then a banner asks them to open the link).
    pub email_verified: bool,
    /// Their consent in force is to an older text (or was withdrawn): a banner asks again.
    pub consent_due: bool,
    /// They have not accepted the charter in force (it changed, or predates their account): a
    /// banner links to `/charte`.
    pub charter_due: bool,
    /// Unread notifications when the page was loaded (the live stream updates it).
    pub unread_notifications: i64,
    /// Conversations with unread messages when the page was loaded (the live stream updates it).
    pub unread_conversations: i64,
}
