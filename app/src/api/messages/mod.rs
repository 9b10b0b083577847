//! Conversations (issue 19): the list, a thread, the new conversation form, the badge's count.

pub mod get_conversations;
pub mod get_new_conversation;
pub mod get_thread;
pub mod get_unread_conversations;
