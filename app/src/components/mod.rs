//! Small reusable view pieces.

pub mod actions;
pub mod charts;
pub mod feed;
pub mod form;
pub mod lang;
pub mod layout;
pub mod live;
pub mod territory;
