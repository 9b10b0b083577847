//! Annonces (issue 19): a scope's page (form and history), one annonce, the unsubscribe link.

pub mod get_announcement;
pub mod get_announcements;
pub mod get_unsubscribe_link;
