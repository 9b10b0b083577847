//! Benchmark of the "near me" list (`/actions`) with 10,000 upcoming actions spread over
//! metropolitan France, on SQLite and PostgreSQL: the service call for a sympathisant of Lille
//! (30 km around their commune), its second page (keyset cursor), a kind filter, and a 200 km
//! radius. Run with `make bench-actions` (release build, never part of the test suite).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::model::ids::UserId;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::model::action::{ActionAudience, ActionFilters, ActionKind, ActionStatus};
use app::on_pool;
use app::server::context::{AppState, Settings};
use app::server::now_ms;
use app::server::services::action_views;
use app::server::store::{self, actions::NewAction};
use app::server::testing::{self, TestDb};

const ACTIONS: usize = 10_000;
const ROUNDS: usize = 500;
const KINDS: [&str; 5] = ["tractage", "porte_a_porte", "phoning", "boitage", "reunion_publique"];

fn report(label: &str, mut samples: Vec<Duration>, shown: usize) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "| {label:<52} | {:>8.2} ms | {:>8.2} ms | {:>6} | {:>5} |",
        pick(0.5).as_secs_f64() * 1e3,
        pick(0.99).as_secs_f64() * 1e3,
        samples.len(),
        shown
    );
}

/// Deterministic pseudo-random numbers (a 64-bit LCG), so every run seeds the same actions.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

async fn seed(t: &TestDb) -> UserId {
    let section = testing::section(&t.db, "lille", "59", &["59350"]).await;
    let organizer = testing::person(&t.db, "olga-organise", "59350", "adherent", "confirmed").await;
    // Communes with a reference point, metropolitan France, with their département.
    let sql = "SELECT c.lat, c.lng, c.departement_code FROM communes c WHERE c.lat IS NOT NULL AND c.lat > 41 ORDER BY c.insee";
    let communes: Vec<(f64, f64, String)> = on_pool!(t.db.read(), p => sqlx::query_as(sql).fetch_all(p).await).unwrap();
    let mut rng = Lcg(42);
    let started = Instant::now();
    let now = now_ms();
    let mut tx = t.db.begin().await.unwrap();
    for i in 0..ACTIONS {
        let (lat, lng, dept) = &communes[(rng.next() as usize) % communes.len()];
        let starts_at = now + 3_600_000 + (rng.next() % (60 * 86_400)) as i64 * 1000;
        let title = format!("Action {i}");
        let new = NewAction {
            kind: ActionKind::parse(KINDS[i % KINDS.len()]).expect("a kind"),
            title: &title,
            description: "",
            starts_at,
            ends_at: starts_at + 7_200_000,
            place_name: "Place de la mairie",
            address: "",
            lat: *lat,
            lng: *lng,
            capacity: Some(10),
            material: "",
            audience: ActionAudience::Public,
            section_id: (dept == "59").then_some(section),
            federation_code: dept,
            reinforcements: 0,
        };
        store::actions::insert(&mut tx, &new, ActionStatus::Published, organizer, now).await.unwrap();
    }
    tx.commit().await.unwrap();
    t.db.analyze().await.unwrap();
    println!(
        "| {:<52} | {:>8} ms | {:>11} | {:>6} | {:>5} |",
        format!("seed {ACTIONS} upcoming actions ({})", t.db.backend_name()),
        started.elapsed().as_millis(),
        "",
        1,
        ""
    );
    testing::person(&t.db, "sacha-lille", "59350", "sympathisant", "none").await
}

async fn bench(t: TestDb) {
    let reader = seed(&t).await;
    let state = AppState {
        db: t.db.clone(),
        settings: Arc::new(Settings::default()),
        bus: app::server::bus::EventBus::for_db(&t.db),
        media: t.media.clone(),
    };
    let subject = testing::subject(&t.db, reader).await;
    let backend = t.db.backend_name();
    let first = action_views::list(&state, &subject, ActionFilters::default()).await.unwrap();
    let cursor = first.next.clone().unwrap_or_default();
    let cases: Vec<(String, ActionFilters)> = vec![
        (format!("near me, 30 km, page 1 ({backend})"), ActionFilters::default()),
        (format!("near me, 30 km, page 2 ({backend})"), ActionFilters { after: cursor, ..Default::default() }),
        (format!("near me, 30 km, tractage only ({backend})"), ActionFilters { kind: Some(ActionKind::Tractage), ..Default::default() }),
        (format!("near me, 200 km, page 1 ({backend})"), ActionFilters { radius_km: Some(200), ..Default::default() }),
    ];
    for (label, filters) in cases {
        let mut samples = Vec::with_capacity(ROUNDS);
        let mut shown = 0;
        for _ in 0..ROUNDS {
            let t0 = Instant::now();
            let page = action_views::list(&state, &subject, filters.clone()).await.unwrap();
            samples.push(t0.elapsed());
            shown = page.items.len();
        }
        report(&label, samples, shown);
    }
    t.cleanup().await;
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        println!("\n\"Near me\" — /actions for a sympathisant of Lille, {ACTIONS} upcoming actions over France, {ROUNDS} calls each\n");
        println!("| {:<52} | {:>11} | {:>11} | {:>6} | {:>5} |", "what", "p50", "p99", "n", "shown");
        println!("|{:-<54}|{:-<13}|{:-<13}|{:-<8}|{:-<7}|", "", "", "", "", "");
        bench(TestDb::sqlite().await).await;
        bench(TestDb::postgres().await).await;
    });
}
