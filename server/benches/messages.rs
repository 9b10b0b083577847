//! Benchmark of conversations (issue 19), part of `make bench`:
//! - publish → receive of a message to a 30-person group across two app instances on PostgreSQL
//!   (real TCP SSE connections, half the members on each instance; the message is written through
//!   instance A, so B's members receive it through NOTIFY and B's LISTEN relay);
//! - a thread's newest page and a page deep in it, in a conversation of 100,000 messages and in
//!   one of 10, on both databases (keyset on the message id: the cost must not grow with history);
//! - an annonce to a section of 5,000 people (counting, then sending: the annonce, 5,000
//!   recipients, notifications, live events and mails in one transaction), on both databases.
//!
//! Never part of the test suite.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::row;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::model::form::RawForm;
use app::model::ids::UserId;
use app::on_tx;
use app::server::context::{AppState, Limit, RateLimits, Settings};
use app::server::services::{messages, sessions};
use app::server::testing::{self, TestDb};
use app::server::Db;
use coopol_server::{build_router, ServerState};
use leptos::config::LeptosOptions;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

const GROUP: usize = 30;
const LIVE_MESSAGES: usize = 50;
const LONG_THREAD: i64 = 100_000;
const SHORT_THREAD: i64 = 10;
const ROUNDS: usize = 200;
const SECTION_PEOPLE: i64 = 5_000;
const ANNONCES: usize = 10;

fn state_of(db: &Db) -> AppState {
    let many = Limit { max: 1_000_000, window_secs: 60 };
    AppState {
        db: db.clone(),
        settings: Arc::new(Settings {
            rate_limits: RateLimits { messages_per_account: many, conversations_per_account: many, ..RateLimits::default() },
            ..Settings::default()
        }),
        bus: app::server::bus::EventBus::start(db),
        media: app::server::media::MediaStore::in_memory(),
    }
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

/// `GROUP` people of one section (they write to each other directly) and their group conversation.
async fn group(db: &Db, state: &AppState) -> (Vec<UserId>, i64) {
    testing::section(db, "lille", "59", &["59350"]).await;
    let mut people = Vec::with_capacity(GROUP);
    for i in 0..GROUP {
        people.push(testing::person(db, &format!("membre-{i:02}"), "59350", "adherent", "confirmed").await);
    }
    let author = testing::subject(db, people[0]).await;
    let others: Vec<String> = (1..GROUP).map(|i| format!("membre-{i:02}")).collect();
    let start = form(&[("recipients", &others.join(", ")), ("title", "Équipe de campagne"), ("body", "Bienvenue")]);
    let conversation = messages::start(state, &author, &start).await.unwrap();
    (people, conversation)
}

async fn serve(state: &AppState) -> (SocketAddr, tokio::task::JoinHandle<()>) {
    let leptos = LeptosOptions::builder().output_name("coopol").site_root("target/site").build();
    let router = build_router(ServerState { app: state.clone(), leptos, ops: Default::default() });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.unwrap();
    });
    (addr, server)
}

/// One member's stream: reports each "messages" event's arrival time.
async fn subscriber(addr: SocketAddr, token: String, arrivals: mpsc::UnboundedSender<Instant>, ready: mpsc::UnboundedSender<()>) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET /api/flux HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\nCookie: {}={token}\r\n\r\n",
        app::server::auth::session_token::COOKIE_NAME
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut lines = BufReader::new(stream).lines();
    let mut event = String::new();
    let mut announced = false;
    while let Ok(Some(line)) = lines.next_line().await {
        if !announced && line.starts_with("HTTP/1.1 ") {
            assert!(line.starts_with("HTTP/1.1 200"), "the stream answered {line}");
            announced = true;
            let _ = ready.send(());
        }
        if let Some(name) = line.strip_prefix("event: ") {
            event = name.to_string();
        } else if line.starts_with("data: ") && event == "messages" {
            let _ = arrivals.send(Instant::now());
        } else if line.is_empty() {
            event.clear();
        }
    }
}

/// PostgreSQL, two instances: the author writes through A; members listen on A and on B.
async fn across_instances(t: &TestDb) {
    let (a, b) = (state_of(&t.db), state_of(&t.db));
    let (people, conversation) = group(&t.db, &a).await;
    let ((addr_a, server_a), (addr_b, server_b)) = (serve(&a).await, serve(&b).await);
    let mut tx = t.db.begin().await.unwrap();
    let mut tokens = Vec::new();
    for id in &people[1..] {
        tokens.push(sessions::open_in(&mut tx, *id).await.unwrap());
    }
    tx.commit().await.unwrap();
    let (arrivals_tx, mut arrivals) = mpsc::unbounded_channel();
    let (ready_tx, mut ready) = mpsc::unbounded_channel();
    let listeners = tokens.len();
    let clients: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(i, token)| tokio::spawn(subscriber(if i % 2 == 0 { addr_a } else { addr_b }, token, arrivals_tx.clone(), ready_tx.clone())))
        .collect();
    for _ in 0..listeners {
        ready.recv().await.unwrap();
    }
    while a.bus.subscriber_count() + b.bus.subscriber_count() < listeners {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let author = testing::subject(&t.db, people[0]).await;
    let mut latencies = Vec::with_capacity(listeners * LIVE_MESSAGES);
    let mut last_of_round = Vec::with_capacity(LIVE_MESSAGES);
    for n in 0..LIVE_MESSAGES {
        let t0 = Instant::now();
        messages::send(&a, &author, conversation, &form(&[("body", &format!("Message n°{n}"))])).await.unwrap();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        let mut last = Duration::ZERO;
        for _ in 0..listeners {
            let at = tokio::time::timeout_at(deadline, arrivals.recv()).await.expect("every member receives it").unwrap();
            let d = at.duration_since(t0);
            last = last.max(d);
            latencies.push(d);
        }
        last_of_round.push(last);
    }
    row(&format!("message → received, {GROUP}-person group, 2 instances (postgres)"), &mut latencies);
    row(&format!("message → last of {} members received (postgres)", GROUP - 1), &mut last_of_round);
    for client in clients {
        client.abort();
    }
    server_a.abort();
    server_b.abort();
}

async fn exec(db: &Db, sql: &str) {
    let mut tx = db.begin().await.unwrap();
    on_tx!(&mut tx, c => sqlx::raw_sql(sql).execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
}

/// A conversation between two people with `count` messages, inserted in bulk.
async fn thread_of(db: &Db, state: &AppState, a: &str, b: &str, count: i64) -> (i64, UserId) {
    let ida = testing::person(db, a, "59350", "adherent", "confirmed").await;
    let idb = testing::person(db, b, "59350", "adherent", "confirmed").await;
    let sa = testing::subject(db, ida).await;
    let conversation = messages::start(state, &sa, &form(&[("recipients", b), ("body", "Premier")])).await.unwrap();
    let series = match db {
        Db::Sqlite { .. } => format!("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i FROM n"),
        Db::Postgres(_) => format!("SELECT generate_series(1, {count}) AS i"),
    };
    exec(
        db,
        &format!(
            "INSERT INTO messages (conversation_id, author_id, body, body_html, created_at) \
             SELECT {conversation}, CASE WHEN i % 2 = 0 THEN {ida} ELSE {idb} END, 'Message ' || i, '<p>Message ' || i || '</p>', 1700000000000 + i \
             FROM ({series}) s"
        ),
    )
    .await;
    exec(db, &format!("UPDATE conversations SET last_message_id = (SELECT MAX(id) FROM messages WHERE conversation_id = {conversation}) WHERE id = {conversation}")).await;
    // Other conversations go on after it (their messages take the newest ids).
    background_conversations(db).await;
    // What autovacuum does after a bulk load in production: the planner sees the tables' sizes.
    if let Db::Postgres(_) = db {
        exec(db, "ANALYZE messages; ANALYZE conversation_members; ANALYZE conversations").await;
    }
    (conversation, idb)
}

/// Other people's conversations around the measured ones: 5,000 of them, 10 messages each, their
/// ids interleaved. Without them the planner sees three conversations and walks the primary key
/// (half the table matches, it thinks); with them it uses the thread index, as in production.
async fn background_conversations(db: &Db) {
    let series = |n: i64| match db {
        Db::Sqlite { .. } => format!("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) SELECT i FROM n"),
        Db::Postgres(_) => format!("SELECT generate_series(1, {n}) AS i"),
    };
    let before: i64 = {
        let mut tx = db.begin().await.unwrap();
        let n = on_tx!(&mut tx, c => sqlx::query_scalar::<_, i64>("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM conversations").fetch_one(c).await).unwrap();
        tx.commit().await.unwrap();
        n
    };
    exec(
        db,
        &format!(
            "INSERT INTO conversations (kind, title, created_at, last_message_at) SELECT 'group', 'Autre ' || i, 0, 0 FROM ({}) s",
            series(5_000)
        ),
    )
    .await;
    exec(
        db,
        &format!(
            "INSERT INTO messages (conversation_id, author_id, body, body_html, created_at) \
             SELECT {before} + 1 + (i % 5000), NULL, 'Bruit', '<p>Bruit</p>', i FROM ({}) s",
            series(50_000)
        ),
    )
    .await;
}

async fn flat_with_history(t: &TestDb) {
    let state = state_of(&t.db);
    background_conversations(&t.db).await;
    for (label, count, a, b) in [("10", SHORT_THREAD, "court-a", "court-b"), ("100,000", LONG_THREAD, "long-a", "long-b")] {
        let (conversation, reader) = thread_of(&t.db, &state, a, b, count).await;
        let me = testing::subject(&t.db, reader).await;
        let mut newest = Vec::with_capacity(ROUNDS);
        let mut deep = Vec::with_capacity(ROUNDS);
        // Deep in the thread: the cursor of the page holding the oldest messages.
        let first = messages::thread(&state, &me, conversation, None).await.unwrap();
        let deep_cursor = first.messages.first().map(|m| m.id - count / 2).filter(|_| count > 100).or(first.older);
        for _ in 0..ROUNDS {
            let t0 = Instant::now();
            messages::thread(&state, &me, conversation, None).await.unwrap();
            newest.push(t0.elapsed());
            let t0 = Instant::now();
            messages::thread(&state, &me, conversation, deep_cursor).await.unwrap();
            deep.push(t0.elapsed());
        }
        row(&format!("thread, newest page, {label} messages ({})", t.db.backend_name()), &mut newest);
        row(&format!("thread, a page in the middle, {label} messages ({})", t.db.backend_name()), &mut deep);
    }
}

/// A section of `SECTION_PEOPLE` people (inserted in bulk, addresses proven) and its secretary,
/// who counts, then sends, `ANNONCES` annonces to everyone.
async fn announcement_fanout(t: &TestDb) {
    use app::model::announcements::TeamScope;
    use app::server::services::announcements;
    let db = &t.db;
    let state = state_of(db);
    let lille = testing::section(db, "lille", "59", &["59350"]).await;
    let secretary = testing::person(db, "secretaire", "59350", "adherent", "confirmed").await;
    let series = match db {
        Db::Sqlite { .. } => {
            format!("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {SECTION_PEOPLE}) SELECT i FROM n")
        }
        Db::Postgres(_) => format!("SELECT generate_series(1, {SECTION_PEOPLE}) AS i"),
    };
    exec(
        db,
        &format!(
            "INSERT INTO users (handle, display_name, email, email_normalized, password_hash, postal_code, membership, membership_status, \
             created_at, updated_at, commune_insee, email_verified_at) \
             SELECT 'membre-' || i, 'Membre ' || i, 'membre' || i || '@example.fr', 'membre' || i || '@example.fr', 'x', '59000', \
             CASE WHEN i % 3 = 0 THEN 'adherent' ELSE 'sympathisant' END, CASE WHEN i % 3 = 0 THEN 'confirmed' ELSE 'none' END, 0, 0, '59350', 0 \
             FROM ({series}) s"
        ),
    )
    .await;
    exec(
        db,
        &format!(
            "INSERT INTO roles (user_id, role, scope_kind, scope_code, granted_at) VALUES ({}, 'section_secretary', 'section', '{lille}', 0)",
            secretary.get()
        ),
    )
    .await;
    if let Db::Postgres(_) = db {
        exec(db, "ANALYZE users").await;
    }
    let me = testing::subject(db, secretary).await;
    let scope = TeamScope::Section("lille".into());
    let (mut counting, mut sending) = (Vec::with_capacity(ANNONCES), Vec::with_capacity(ANNONCES));
    for i in 0..ANNONCES {
        let subject = format!("Annonce {i}");
        let f = form(&[("segment", "all"), ("subject", &subject), ("body", "Assemblée générale jeudi à 19 h.")]);
        let t0 = Instant::now();
        let (count, by_mail) = announcements::preview(&state, &me, &scope, &f).await.unwrap();
        counting.push(t0.elapsed());
        assert_eq!((count, by_mail), (SECTION_PEOPLE, SECTION_PEOPLE));
        let confirmed = count.to_string();
        let f = form(&[("segment", "all"), ("subject", &subject), ("body", "Assemblée générale jeudi à 19 h."), ("attendu", &confirmed)]);
        let t0 = Instant::now();
        announcements::send(&state, &me, &scope, &f).await.unwrap();
        sending.push(t0.elapsed());
    }
    row(&format!("annonce to {SECTION_PEOPLE} people: count ({})", db.backend_name()), &mut counting);
    row(&format!("annonce to {SECTION_PEOPLE} people: send, mails included ({})", db.backend_name()), &mut sending);
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        println!("\nConversations — {GROUP}-person group × {LIVE_MESSAGES} messages; threads of {SHORT_THREAD} and {LONG_THREAD} messages, {ROUNDS} rounds\n");
        println!("| {:<60} | {:>12} | {:>12} | {:>6} |", "what", "p50", "p99", "n");
        println!("|{:-<62}|{:-<14}|{:-<14}|{:-<8}|", "", "", "", "");
        let pg = TestDb::postgres_sized(16).await;
        across_instances(&pg).await;
        flat_with_history(&pg).await;
        pg.cleanup().await;
        let pg = TestDb::postgres_sized(16).await;
        announcement_fanout(&pg).await;
        pg.cleanup().await;
        let sqlite = TestDb::sqlite_sized(16).await;
        flat_with_history(&sqlite).await;
        sqlite.cleanup().await;
        let sqlite = TestDb::sqlite_sized(16).await;
        announcement_fanout(&sqlite).await;
        sqlite.cleanup().await;
    });
}
