//! What `COOPOL_SQLITE_SYNCHRONOUS=full` (the default) costs on writes, against `normal`
//! (`make bench` runs it; alone: `cargo bench -p server --bench sqlite_durability`).
//!
//! Each round publishes through the real service (`posts::publish`: validation, one transaction,
//! the publication and its hashtags, the live event) into a fresh SQLite file in `target/`, by
//! one writer and then by 8 concurrent writers (the write pool queues them on one connection).
//! FULL syncs the WAL at every commit, so the figure depends on the disk: measure where you run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use app::model::form::RawForm;
use app::server::context::{AppState, Limit, RateLimits, Settings};
use app::server::db::SqliteDurability;
use app::server::services::{posts, territory};
use app::server::{testing, Db};

const PUBLICATIONS: usize = 2_000;
const WRITERS: usize = 8;

async fn state_on(path: &std::path::Path, durability: SqliteDurability) -> AppState {
    let _ = std::fs::remove_dir_all(path);
    let db = Db::connect_with(&format!("sqlite://{}/bench.db", path.display()), 16, durability).await.unwrap();
    db.migrate().await.unwrap();
    let tsv = territory::decompress(testing::TERRITORY_GZ).unwrap();
    territory::import(&db, &tsv, Some(&["59"]), |_, _| {}).await.unwrap();
    let limits = RateLimits { posting_per_account: Limit { max: i64::MAX, window_secs: 60 }, ..RateLimits::default() };
    AppState {
        db: db.clone(),
        settings: std::sync::Arc::new(Settings { rate_limits: limits, ..Settings::default() }),
        bus: app::server::bus::EventBus::start(&db),
        media: app::server::media::MediaStore::in_memory(),
    }
}

async fn publish_all(state: &AppState, writers: usize) -> Duration {
    let mut authors = Vec::new();
    for w in 0..writers {
        let id = testing::person(&state.db, &format!("redactrice{w}"), "59350", "adherent", "confirmed").await;
        authors.push(testing::subject(&state.db, id).await);
    }
    let started = Instant::now();
    let tasks: Vec<_> = authors
        .into_iter()
        .enumerate()
        .map(|(w, author)| {
            let state = state.clone();
            tokio::spawn(async move {
                for n in 0..PUBLICATIONS / writers {
                    let form = RawForm(vec![
                        ("body".into(), format!("Tractage du marché, écriture {w}-{n} #terrain")),
                        ("audience_group".into(), "public|".into()),
                    ]);
                    posts::publish(&state, &author, &form).await.unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    started.elapsed()
}

#[tokio::main]
async fn main() {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench/durability");
    println!("| SQLite synchronous | writers | publications/s | ms per commit |");
    println!("|---|---:|---:|---:|");
    for (label, durability) in [("FULL (default)", SqliteDurability::Full), ("NORMAL", SqliteDurability::Normal)] {
        for writers in [1, WRITERS] {
            let state = state_on(&base.join(format!("{label}-{writers}").replace([' ', '(', ')'], "")), durability).await;
            let elapsed = publish_all(&state, writers).await;
            let per_second = PUBLICATIONS as f64 / elapsed.as_secs_f64();
            println!("| {label} | {writers} | {per_second:.0} | {:.2} |", elapsed.as_secs_f64() * 1e3 / PUBLICATIONS as f64);
            state.db.close().await;
        }
    }
    let _ = std::fs::remove_dir_all(base);
}
