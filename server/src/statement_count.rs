//! Counts the SQL statements sqlx runs, from the `sqlx::query` events it emits for each one (not
//! the PRAGMAs a new SQLite connection sets itself up with). Used by the statements-per-page test
//! and by benchmark builds; the subscriber must let `sqlx::query` events through at TRACE.

use std::sync::atomic::{AtomicU64, Ordering};

use tracing::Subscriber;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::{Context, Layer};

/// A tracing layer adding one to `counter` per statement (printing it when `SHOW_SQL` is set).
pub struct CountStatements(pub &'static AtomicU64);

impl CountStatements {
    /// The filter that gives this layer sqlx's statement events and nothing else.
    pub fn filter() -> Targets {
        Targets::new().with_target("sqlx::query", tracing::Level::TRACE)
    }
}

/// The statement's text, from the event's `summary` / `db.statement` fields.
#[derive(Default)]
struct StatementText(String);

impl tracing::field::Visit for StatementText {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" || field.name() == "db.statement" {
            self.0.push_str(&format!("{value:?}"));
        }
    }

    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "summary" || field.name() == "db.statement" {
            self.0.push_str(value);
        }
    }
}

impl<S: Subscriber> Layer<S> for CountStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut text = StatementText::default();
        event.record(&mut text);
        if !text.0.trim_start_matches('"').to_ascii_uppercase().starts_with("PRAGMA") {
            self.0.fetch_add(1, Ordering::SeqCst);
            if std::env::var_os("SHOW_SQL").is_some() {
                eprintln!("SQL: {}", text.0.chars().take(90).collect::<String>());
            }
        }
    }
}
