//! Débats (issue 20): `/debats`, a scope's debates with the opening form, one debate.

pub mod list;
pub mod one;
