//! Benchmark of votes (issue 20), part of `make bench`:
//! - casting a ballot while 64 electors vote at once, each trying twice (a double tap): the time
//!   of each kept ballot, through the real service on a pool of 16 connections (the production
//!   default), then a check that exactly one ballot per elector was kept — none lost, none twice;
//! - counting 10,000 ballots of a jugement majoritaire over 8 options: the pure tally, and the
//!   whole closing (the ballots read, shuffled and written again, the count kept, the result
//!   published), on both databases.
//!
//! Never part of the test suite.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::row;

use std::sync::Arc;
use std::time::Instant;

use app::error::AppError;
use app::model::form::RawForm;
use app::model::votes::{tally, VoteKind};
use app::on_tx;
use app::server::context::{AppState, Settings};
use app::server::policy::Subject;
use app::server::services::votes;
use app::server::testing::{self, TestDb};
use app::server::{now_ms, Db};

const VOTERS: usize = 64;
const ROUNDS: usize = 8;
const BALLOTS: usize = 10_000;
const OPTIONS: usize = 8;
const TALLIES: usize = 20;

fn state_of(db: &Db) -> AppState {
    AppState {
        db: db.clone(),
        settings: Arc::new(Settings::default()),
        bus: app::server::bus::EventBus::start(db),
        media: app::server::media::MediaStore::in_memory(),
    }
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

/// Lille, its secretary and `VOTERS` confirmed adhérents.
async fn section(db: &Db) -> (Subject, Vec<Subject>) {
    let lille = testing::section(db, "lille", "59", &["59350"]).await;
    let secretary = testing::person(db, "secretaire", "59350", "adherent", "confirmed").await;
    let mut tx = db.begin().await.unwrap();
    app::server::store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let mut voters = Vec::with_capacity(VOTERS);
    for i in 0..VOTERS {
        let id = testing::person(db, &format!("votant-{i:02}"), "59350", "adherent", "confirmed").await;
        voters.push(testing::subject(db, id).await);
    }
    (testing::subject(db, secretary).await, voters)
}

async fn open(state: &AppState, secretary: &Subject, kind: &str, options: &str) -> i64 {
    let closes = app::i18n::paris_datetime_input(now_ms() + 86_400_000);
    let f = form(&[("title", "Banc d’essai"), ("kind", kind), ("options", options), ("closes_at", &closes)]);
    votes::open(state, secretary, &app::model::announcements::TeamScope::Section("lille".into()), &f).await.unwrap()
}

async fn count_rows(db: &Db, table: &str, vote: i64) -> i64 {
    let sql = format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table} WHERE vote_id = $1");
    app::on_pool!(db.read(), p => sqlx::query_scalar(&sql).bind(vote).fetch_one(p).await).unwrap()
}

async fn concurrent_ballots(db: &Db, backend: &str) {
    let state = state_of(db);
    let (secretary, voters) = section(db).await;
    let mut kept = Vec::new();
    for _ in 0..ROUNDS {
        let vote = open(&state, &secretary, "oui_non", "").await;
        let mut tasks = Vec::with_capacity(2 * VOTERS);
        for voter in voters.iter().chain(voters.iter()) {
            let (state, voter) = (state.clone(), voter.clone());
            tasks.push(tokio::spawn(async move {
                let started = Instant::now();
                let result = votes::cast(&state, &voter, vote, &form(&[("reponse", "oui")])).await;
                (started.elapsed(), result)
            }));
        }
        let (mut ok, mut twice) = (0, 0);
        for task in tasks {
            match task.await.unwrap() {
                (elapsed, Ok(_)) => {
                    ok += 1;
                    kept.push(elapsed);
                }
                (_, Err(AppError::Validation(_))) => twice += 1,
                (_, Err(other)) => panic!("{other:?}"),
            }
        }
        let (ballots, participations) = (count_rows(db, "vote_ballots", vote).await, count_rows(db, "vote_participations", vote).await);
        assert_eq!((ok, twice, ballots, participations), (VOTERS, VOTERS, VOTERS as i64, VOTERS as i64), "lost or duplicate ballots");
    }
    row(&format!("ballot, {VOTERS} electors at once, each twice ({backend})"), &mut kept);
    println!(
        "|   {ROUNDS} rounds: {} ballots kept, {} second attempts refused, none lost or duplicated |",
        ROUNDS * VOTERS,
        ROUNDS * VOTERS
    );
}

/// 10,000 graded ballots (8 options), as the choice column keeps them.
fn graded_ballots() -> Vec<String> {
    let mut seed = 0x2026_u64;
    (0..BALLOTS)
        .map(|_| {
            (0..OPTIONS)
                .map(|o| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    char::from(b'0' + (((seed >> 33) as usize + o) % 7) as u8)
                })
                .collect()
        })
        .collect()
}

fn pure_tally(choices: &[String]) {
    let mut samples = Vec::with_capacity(TALLIES);
    for _ in 0..TALLIES {
        let started = Instant::now();
        let result = tally(VoteKind::MajorityJudgment, OPTIONS, 1, choices.iter().map(String::as_str));
        samples.push(started.elapsed());
        assert!(!result.winners().is_empty());
    }
    row(&format!("tally, {BALLOTS} ballots × {OPTIONS} options (jugement majoritaire)"), &mut samples);
}

/// The whole closing of a vote of 10,000 ballots, each round on a fresh vote.
async fn closing(db: &Db, backend: &str, choices: &[String]) {
    let state = state_of(db);
    let (secretary, _) = section(db).await;
    let options: Vec<String> = (1..=OPTIONS).map(|i| format!("Option {i}")).collect();
    let mut samples = Vec::new();
    for round in 0..5 {
        let vote = open(&state, &secretary, "jugement_majoritaire", &options.join("\n")).await;
        let mut tx = db.begin().await.unwrap();
        let rows = choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                use app::server::store::bulk::Val;
                vec![Val::Int(vote), Val::Text(format!("R{round}-{i:05}")), Val::Text(c.clone())]
            })
            .collect();
        app::server::store::bulk::insert_many(&mut tx, "INSERT INTO vote_ballots (vote_id, id, choice)", 3, rows).await.unwrap();
        let sql = "UPDATE votes SET opens_at = opens_at - 172800000, closes_at = $1 WHERE id = $2";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(now_ms() - 1000).bind(vote).execute(c).await.map(|r| r.rows_affected())).unwrap();
        tx.commit().await.unwrap();
        let started = Instant::now();
        assert!(votes::count(&state, vote).await.unwrap());
        samples.push(started.elapsed());
        assert_eq!(count_rows(db, "vote_ballots", vote).await, BALLOTS as i64);
    }
    row(&format!("closing {BALLOTS} ballots: shuffle, tally, result, publication ({backend})"), &mut samples);
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        println!(
            "\nVotes — {VOTERS} electors voting at once (each twice), {ROUNDS} rounds; counting {BALLOTS} ballots × {OPTIONS} options\n"
        );
        println!("| {:<60} | {:>12} | {:>12} | {:>6} |", "what", "p50", "p99", "n");
        println!("|{:-<62}|{:-<14}|{:-<14}|{:-<8}|", "", "", "", "");
        let choices = graded_ballots();
        pure_tally(&choices);
        for backend in ["postgres", "sqlite"] {
            let t = if backend == "postgres" { TestDb::postgres_sized(16).await } else { TestDb::sqlite_sized(16).await };
            concurrent_ballots(&t.db, backend).await;
            t.cleanup().await;
            let t = if backend == "postgres" { TestDb::postgres_sized(16).await } else { TestDb::sqlite_sized(16).await };
            closing(&t.db, backend, &choices).await;
            t.cleanup().await;
        }
    });
}
