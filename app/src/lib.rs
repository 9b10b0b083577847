#![recursion_limit = "256"]
//! Coopol's isomorphic crate: routes, pages, components, server functions and shared types.
//! Server-only code lives in `server` (feature `ssr`); browser-only code is gated on `hydrate`.

pub mod api;
pub mod components;
pub mod error;
pub mod i18n;
pub mod model;
pub mod pages;
mod root;

#[cfg(feature = "ssr")]
pub mod server;

pub use root::{shell, App};
