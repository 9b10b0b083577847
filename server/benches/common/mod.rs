//! What the benches share: percentiles and the table row they print (`scripts/bench.py` reads it).

use std::time::Duration;

pub fn percentile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * q).round() as usize]
}

/// `| what | p50 | p99 | n |`, in milliseconds.
pub fn row(label: &str, samples: &mut [Duration]) {
    let p50 = percentile(samples, 0.5);
    let p99 = percentile(samples, 0.99);
    println!("| {label:<60} | {:>9.2} ms | {:>9.2} ms | {:>6} |", p50.as_secs_f64() * 1e3, p99.as_secs_f64() * 1e3, samples.len());
}
