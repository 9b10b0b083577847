//! The `coopol` server: configuration, database start-up, the axum router with its middleware,
//! form handlers, health and metrics, and background jobs. Exposed as a library so the HTTP tests
//! drive the very router the binary serves.

#[cfg(feature = "bench")]
pub mod bench_routes;
pub mod calendar;
pub mod config;
pub mod demo;
pub mod forms;
pub mod health;
pub mod jobs;
pub mod live;
pub mod live_checks;
pub mod mail;
pub mod media;
pub mod middleware;
pub mod router;
pub mod state;
pub mod statement_count;
pub mod telemetry;

pub use router::build_router;

/// The French territory, derived from `@etalab/decoupage-administratif` by
/// scripts/derive-territory.py and embedded so that no file or network is needed at run time.
pub static TERRITORY_GZ: &[u8] = include_bytes!("../data/territoire.tsv.gz");
pub use state::ServerState;
