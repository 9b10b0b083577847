//! Small reusable view pieces.

pub mod action_calendar;
pub mod actions;
pub mod charts;
pub mod debates;
pub mod feed;
pub mod fetched;
pub mod form;
pub mod islands;
pub mod lang;
pub mod layout;
pub mod live;
pub mod loaded;
pub mod map;
pub mod media;
pub mod messages;
pub mod moderation;
pub mod territory;
