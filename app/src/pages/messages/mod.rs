//! Conversations (issue 19): the list, a thread, a new conversation.

pub mod list;
pub mod new;
pub mod thread;
