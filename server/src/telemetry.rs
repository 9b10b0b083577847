//! Structured logs and Prometheus metrics.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tracing_subscriber::{fmt, EnvFilter};

use crate::config::LogFormat;

#[cfg(not(feature = "bench"))]
pub fn init_logging(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_target(true);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// Benchmark builds: the same logs, plus the SQL statement counter (which needs sqlx's
/// statement events whatever the log filter says).
#[cfg(feature = "bench")]
pub fn init_logging(filter: &str, format: LogFormat) {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = match format {
        LogFormat::Json => fmt::layer().json().with_target(true).with_filter(filter).boxed(),
        LogFormat::Text => fmt::layer().with_target(true).with_filter(filter).boxed(),
    };
    let statements = crate::statement_count::CountStatements(&crate::bench_routes::STATEMENTS);
    let _ = tracing_subscriber::registry()
        .with(logs)
        .with(statements.with_filter(crate::statement_count::CountStatements::filter()))
        .try_init();
}

/// The process-wide Prometheus recorder (installed once, even when tests build many routers).
pub fn metrics_handle() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("http_request_duration_seconds".into()),
                    &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0],
                )
                .ok()?
                .install_recorder()
                .ok()
        })
        .clone()
}
