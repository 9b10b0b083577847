//! The signed-in person, as the pages need it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub section_slug: Option<String>,
    pub federation_code: Option<String>,
    /// Unread notifications when the page was loaded (the live stream updates it).
    pub unread_notifications: i64,
}
