//! Server-only code: database, store, authorization policy, authentication and use cases.

pub mod auth;
pub mod bus;
pub mod context;
pub mod db;
pub mod ics;
pub mod media;
pub mod policy;
pub mod richtext;
pub mod services;
pub mod store;

pub use context::{AppState, Settings};
pub use db::Db;

/// Milliseconds since the Unix epoch: the one time representation stored in both databases.
pub fn now_ms() -> i64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(now.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(feature = "test-support")]
pub mod testing;
#[cfg(any(test, feature = "test-support"))]
pub mod testing_images;
