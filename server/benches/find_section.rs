//! Benchmark of "trouver ma section" on the full French territory, on SQLite and PostgreSQL:
//! the service call (three indexed statements) and the whole server-rendered page through the
//! router. Run with `make bench-territory` (never part of the test suite).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::server::context::{AppState, Settings};
use app::server::services::{find_section, territory};
use app::server::testing::{TestDb, TERRITORY_GZ};
use axum::body::Body;
use coopol_server::{build_router, ServerState};
use http::Request;
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use tower::ServiceExt;

const ROUNDS: usize = 2000;

fn postal_codes(tsv: &str) -> Vec<String> {
    let mut codes: Vec<String> = tsv
        .lines()
        .filter(|l| l.starts_with("C\t"))
        .filter_map(|l| l.rsplit('\t').next())
        .flat_map(|p| p.split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .collect();
    codes.sort();
    codes.dedup();
    // A deterministic spread over the whole country.
    codes.into_iter().step_by(7).collect()
}

fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    println!(
        "| {label:<44} | {:>8.1} µs | {:>8.1} µs | {:>8.1} µs | {:>6} |",
        pick(0.5).as_secs_f64() * 1e6,
        pick(0.99).as_secs_f64() * 1e6,
        mean.as_secs_f64() * 1e6,
        samples.len()
    );
}

async fn bench(t: TestDb, codes: &[String], tsv: &str) {
    let started = Instant::now();
    let imported = territory::import(&t.db, tsv, None, |_, _| {}).await.unwrap();
    println!(
        "| {:<44} | {:>8} ms | {:>11} | {:>11} | {:>6} |",
        format!("import ({} communes, {})", imported.communes, t.db.backend_name()),
        started.elapsed().as_millis(),
        "",
        "",
        1
    );
    let state = AppState {
        db: t.db.clone(),
        settings: Arc::new(Settings::default()),
        bus: app::server::bus::EventBus::for_db(&t.db),
        media: t.media.clone(),
    };

    let mut service = Vec::with_capacity(ROUNDS);
    for i in 0..ROUNDS {
        let code = &codes[i % codes.len()];
        let t0 = Instant::now();
        let answer = find_section::find(&state, code).await.unwrap();
        service.push(t0.elapsed());
        assert!(matches!(answer, app::model::territory::FindSectionAnswer::Found(_)), "{code}");
    }
    report(&format!("find_section service ({})", t.db.backend_name()), service);

    let router = build_router(ServerState {
        app: state.clone(),
        leptos: LeptosOptions::builder().output_name("coopol").site_root("target/site").build(),
        ops: Default::default(),
    });
    let mut page = Vec::with_capacity(ROUNDS);
    for i in 0..ROUNDS {
        let code = &codes[i % codes.len()];
        let request =
            Request::get(format!("/trouver-ma-section?code_postal={code}")).header("host", "localhost").body(Body::empty()).unwrap();
        let t0 = Instant::now();
        let response = router.clone().oneshot(request).await.unwrap();
        let _ = response.into_body().collect().await.unwrap();
        page.push(t0.elapsed());
    }
    report(&format!("GET /trouver-ma-section page ({})", t.db.backend_name()), page);
    t.cleanup().await;
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let tsv = territory::decompress(TERRITORY_GZ).unwrap();
        let codes = postal_codes(&tsv);
        println!("\n\"Trouver ma section\" — {ROUNDS} look-ups over {} postal codes spread over France\n", codes.len());
        println!("| {:<44} | {:>11} | {:>11} | {:>11} | {:>6} |", "what", "p50", "p99", "mean", "n");
        println!("|{:-<46}|{:-<13}|{:-<13}|{:-<13}|{:-<8}|", "", "", "", "", "");
        bench(TestDb::sqlite().await, &codes, &tsv).await;
        bench(TestDb::postgres().await, &codes, &tsv).await;
    });
}
