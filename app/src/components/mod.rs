//! Small reusable view pieces.

pub mod form;
pub mod layout;
pub mod lang;
pub mod territory;
