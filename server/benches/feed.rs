//! Benchmark of the social feed on SQLite and PostgreSQL (issue 4), `make bench-feed`:
//! - the home feed at 100,000 publications, page 1 and page 500 (service call and whole
//!   server-rendered page), to show that keyset pagination stays flat;
//! - publish → receive latency on the event stream with 1,000 subscribers (real TCP SSE
//!   connections to a real server, each with its own session; PostgreSQL goes through
//!   NOTIFY and the LISTEN relay, each delivery re-checks visibility for its receiver).
//!
//! The data is bulk-inserted (the feed's read path is what is measured): 2,000 people in 20
//! sections of two federations, 10 groups, 10 coopains each, 100,000 publications of every
//! audience with a hashtag and two reactions each. Never part of the test suite.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::model::ids::{SectionId, UserId};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::i18n::Lang;
use app::model::feed::FeedKey;
use app::model::form::RawForm;
use app::on_tx;
use app::server::context::{AppState, Limit, RateLimits, Settings};
use app::server::services::{feed, posts, sessions};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store, Db};
use axum::body::Body;
use coopol_server::{build_router, ServerState};
use http::Request;
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower::ServiceExt;

const PEOPLE: usize = 2_000;
const SECTIONS: usize = 20;
const GROUPS: usize = 10;
const PUBLICATIONS: usize = 100_000;
const ROUNDS: usize = 200;
const SUBSCRIBERS: usize = 1_000;
const LIVE_PUBLICATIONS: usize = 20;

fn percentile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * q).round() as usize]
}

fn row(label: &str, samples: &mut [Duration]) {
    let p50 = percentile(samples, 0.5);
    let p99 = percentile(samples, 0.99);
    println!("| {label:<52} | {:>9.2} ms | {:>9.2} ms | {:>6} |", p50.as_secs_f64() * 1e3, p99.as_secs_f64() * 1e3, samples.len());
}

/// A deterministic pseudo-random sequence (no dependency, same data on every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

async fn exec(db: &Db, sql: &str) {
    let mut tx = db.begin().await.unwrap();
    on_tx!(&mut tx, c => sqlx::raw_sql(sql).execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
}

/// Inserts `rows` (already formatted "(…)" tuples) in chunks of multi-row INSERTs.
async fn insert_rows(db: &Db, head: &str, rows: &[String]) {
    for chunk in rows.chunks(1000) {
        exec(db, &format!("{head} VALUES {}", chunk.join(", "))).await;
    }
}

struct World {
    /// User ids, in creation order; person i lives in section i % SECTIONS.
    people: Vec<UserId>,
    section_ids: Vec<SectionId>,
}

async fn build_world(db: &Db) -> World {
    let started = Instant::now();
    // Ten communes (one section each) in each of two federations.
    let mut communes: Vec<(String, &'static str)> = Vec::new();
    for code in ["59", "62"] {
        let sql = format!("SELECT insee FROM communes WHERE departement_code = '{code}' ORDER BY insee LIMIT {}", SECTIONS / 2);
        let rows: Vec<String> = app::on_pool!(db.read(), p => sqlx::query_scalar(&sql).fetch_all(p).await).unwrap();
        communes.extend(rows.into_iter().map(|insee| (insee, code)));
    }
    let mut tx = db.begin().await.unwrap();
    let mut section_ids = Vec::new();
    let mut federation_of_section = Vec::new();
    for (i, (insee, code)) in communes.iter().enumerate() {
        let slug = format!("section-{i}");
        let new = store::sections::NewSection {
            slug: &slug,
            name: &slug,
            description: "",
            federation_code: code,
            created_by: None,
            now_ms: now_ms(),
        };
        let id = store::sections::insert(&mut tx, &new).await.unwrap();
        store::sections::attach_commune(&mut tx, insee, id).await.unwrap();
        section_ids.push(id);
        federation_of_section.push(*code);
    }
    let mut people = Vec::with_capacity(PEOPLE);
    for i in 0..PEOPLE {
        let handle = format!("personne-{i}");
        let email = format!("{handle}@example.fr");
        let new = store::users::NewUser {
            handle: &handle,
            display_name: &handle,
            email: &email,
            email_normalized: Some(&email),
            password_hash: "x",
            postal_code: "59000",
            membership: if i % 5 < 3 { "adherent" } else { "sympathisant" },
            membership_status: "confirmed",
            commune_insee: Some(&communes[i % SECTIONS].0),
            now_ms: now_ms(),
        };
        let id = store::users::insert(&mut tx, &new).await.unwrap();
        store::profiles::insert_default(&mut tx, id, now_ms()).await.unwrap();
        people.push(id);
    }
    tx.commit().await.unwrap();

    let now = now_ms();
    let groups: Vec<String> = (0..GROUPS)
        .map(|g| {
            format!(
                "({}, 'groupe-{g}', 'Groupe {g}', 'Un groupe de banc d’essai', '{}', {}, {now})",
                g + 1,
                if g % 2 == 0 { "public" } else { "private" },
                people[1]
            )
        })
        .collect();
    insert_rows(db, "INSERT INTO groups (id, slug, name, purpose, privacy, created_by, created_at)", &groups).await;
    let members: Vec<String> = people
        .iter()
        .enumerate()
        .flat_map(|(i, id)| [i % GROUPS, (i + 3) % GROUPS].map(|g| format!("({}, {id}, 'member', {now})", g + 1)))
        .collect();
    insert_rows(db, "INSERT INTO group_members (group_id, user_id, role, created_at)", &members).await;
    let coopains: Vec<String> = (0..PEOPLE)
        .flat_map(|i| (1..=5).flat_map(move |d| [(i, (i + d) % PEOPLE), ((i + d) % PEOPLE, i)]))
        .map(|(a, b)| format!("({}, {}, {now})", people[a], people[b]))
        .collect();
    insert_rows(db, "INSERT INTO coopains (user_id, coopain_id, since)", &coopains).await;

    // Publications: 5 % national (the national team), 40 % section, 15 % federation, 25 % public,
    // 10 % group, 5 % coopains; the author's section and federation recorded as on publishing.
    let mut rng = Lcg(42);
    let mut rows = Vec::with_capacity(PUBLICATIONS);
    let mut tags = Vec::with_capacity(PUBLICATIONS);
    let mut reactions = Vec::with_capacity(PUBLICATIONS * 2);
    for n in 0..PUBLICATIONS {
        let id = n as i64 + 1;
        let roll = rng.next() % 100;
        let author_index = if roll < 5 { 1 } else { (rng.next() as usize) % PEOPLE };
        let author = people[author_index];
        let section = section_ids[author_index % SECTIONS];
        let federation = federation_of_section[author_index % SECTIONS];
        let (audience, group) = match roll {
            0..5 => ("national", "NULL".to_string()),
            5..45 => ("section", "NULL".to_string()),
            45..60 => ("federation", "NULL".to_string()),
            60..85 => ("public", "NULL".to_string()),
            85..95 => ("group", ((author_index % GROUPS) + 1).to_string()),
            _ => ("coopains", "NULL".to_string()),
        };
        let tag = format!("theme{}", n % 50);
        let body = format!("Publication n°{n} : compte-rendu du tractage au marché, rendez-vous samedi. #{tag}");
        let html = format!(
            "<p>Publication n°{n} : compte-rendu du tractage au marché, rendez-vous samedi. <a href=\"/tags/{tag}\">#{tag}</a></p>"
        );
        rows.push(format!(
            "({id}, {author}, '{audience}', {section}, '{federation}', {group}, '{}', '{}', {})",
            body.replace('\'', "''"),
            html.replace('\'', "''"),
            now - (PUBLICATIONS - n) as i64 * 1000
        ));
        tags.push(format!("('{tag}', {id})"));
        for kind in ["bravo", "merci"] {
            reactions.push(format!("({id}, {}, '{kind}', {now})", people[(rng.next() as usize) % PEOPLE]));
        }
    }
    insert_rows(
        db,
        "INSERT INTO posts (id, author_id, audience, section_id, federation_code, group_id, body, body_html, created_at)",
        &rows,
    )
    .await;
    insert_rows(db, "INSERT INTO post_tags (tag, post_id)", &tags).await;
    reactions.sort();
    reactions.dedup_by(|a, b| a.split(',').take(3).eq(b.split(',').take(3)));
    insert_rows(db, "INSERT INTO reactions (post_id, user_id, kind, created_at)", &reactions).await;
    match db {
        Db::Postgres(_) => {
            exec(db, "SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT MAX(id) FROM posts))").await;
            exec(db, "SELECT setval(pg_get_serial_sequence('groups', 'id'), (SELECT MAX(id) FROM groups))").await;
            exec(db, "ANALYZE").await;
        }
        Db::Sqlite { .. } => exec(db, "ANALYZE").await,
    }
    println!(
        "| {:<52} | {:>9.1} s  | {:>12} | {:>6} |",
        format!("data set ({})", db.backend_name()),
        started.elapsed().as_secs_f64(),
        "",
        PUBLICATIONS
    );
    World { people, section_ids }
}

async fn open_sessions(db: &Db, users: &[UserId]) -> Vec<String> {
    let mut tx = db.begin().await.unwrap();
    let mut tokens = Vec::with_capacity(users.len());
    for id in users {
        tokens.push(sessions::open_in(&mut tx, *id).await.unwrap());
    }
    tx.commit().await.unwrap();
    tokens
}

async fn home_feed(state: &AppState, world: &World) {
    let db = &state.db;
    let viewer = world.people[0];
    let me = testing::subject(db, viewer).await;
    // Walk down to page 500 once, to know its cursor (and how deep the home feed goes).
    let mut cursors: Vec<Option<i64>> = vec![None];
    while cursors.len() < 500 {
        let page = feed::feed_page(state, &me, FeedKey::Home, *cursors.last().unwrap(), Lang::Fr).await.unwrap();
        match page.next_before {
            Some(c) => cursors.push(Some(c)),
            None => break,
        }
    }
    assert_eq!(cursors.len(), 500, "the viewer's home feed has at least 500 pages");
    let deep = cursors[499];
    for (label, cursor) in [("page 1", None), ("page 500", deep)] {
        let mut samples = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let t0 = Instant::now();
            let page = feed::feed_page(state, &me, FeedKey::Home, cursor, Lang::Fr).await.unwrap();
            samples.push(t0.elapsed());
            assert_eq!(page.posts.len(), 20);
        }
        row(&format!("home feed service, {label} ({})", db.backend_name()), &mut samples);
    }
    let token = open_sessions(db, &[viewer]).await.remove(0);
    let router = build_router(ServerState { app: state.clone(), leptos: leptos_options(), ops: Default::default() });
    for (label, cursor) in [("page 1", None), ("page 500", deep)] {
        let uri = match cursor {
            Some(c) => format!("/fil?avant={c}"),
            None => "/fil".to_string(),
        };
        let mut samples = Vec::with_capacity(ROUNDS);
        let mut bytes = 0;
        for _ in 0..ROUNDS {
            let request = Request::get(&uri)
                .header("host", "localhost")
                .header("cookie", format!("{}={token}", app::server::auth::session_token::COOKIE_NAME))
                .body(Body::empty())
                .unwrap();
            let t0 = Instant::now();
            let response = router.clone().oneshot(request).await.unwrap();
            assert_eq!(response.status(), 200);
            bytes = response.into_body().collect().await.unwrap().to_bytes().len();
            samples.push(t0.elapsed());
        }
        row(&format!("GET /fil HTML, {label}, {} KiB ({})", bytes / 1024, db.backend_name()), &mut samples);
    }
}

fn leptos_options() -> LeptosOptions {
    LeptosOptions::builder().output_name("coopol").site_root("target/site").build()
}

/// One SSE subscriber: reads its stream and reports each "post" event's id with its arrival time.
async fn subscriber(addr: SocketAddr, token: String, arrivals: mpsc::UnboundedSender<(i64, Instant)>, ready: mpsc::UnboundedSender<()>) {
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
        } else if let Some(data) = line.strip_prefix("data: ") {
            if event == "post" {
                let value: serde_json::Value = serde_json::from_str(data).unwrap();
                let _ = arrivals.send((value["post"].as_i64().unwrap(), Instant::now()));
            }
        } else if line.is_empty() {
            event.clear();
        }
    }
}

async fn fan_out(state: &AppState, world: &World) {
    let db = &state.db;
    let router = build_router(ServerState { app: state.clone(), leptos: leptos_options(), ops: Default::default() });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.unwrap();
    });
    let tokens = open_sessions(db, &world.people[..SUBSCRIBERS]).await;
    let (arrivals_tx, mut arrivals) = mpsc::unbounded_channel();
    let (ready_tx, mut ready) = mpsc::unbounded_channel();
    let clients: Vec<_> =
        tokens.into_iter().map(|token| tokio::spawn(subscriber(addr, token, arrivals_tx.clone(), ready_tx.clone()))).collect();
    for _ in 0..SUBSCRIBERS {
        ready.recv().await.unwrap();
    }
    // The streams are open; wait until each handler subscribed to the bus.
    while state.bus.subscriber_count() < SUBSCRIBERS {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let author = testing::subject(db, world.people[SUBSCRIBERS + 1]).await;
    let mut latencies = Vec::with_capacity(SUBSCRIBERS * LIVE_PUBLICATIONS);
    let mut per_round_last = Vec::new();
    for n in 0..LIVE_PUBLICATIONS {
        let form =
            RawForm(vec![("body".into(), format!("Publication en direct n°{n} #direct")), ("audience_group".into(), "public|".into())]);
        let t0 = Instant::now();
        let id = posts::publish(state, &author, &form).await.unwrap();
        let mut received: Vec<Instant> = Vec::with_capacity(SUBSCRIBERS);
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while received.len() < SUBSCRIBERS {
            match tokio::time::timeout_at(deadline, arrivals.recv()).await {
                Ok(Some((post, at))) if post == id => {
                    received.push(at);
                }
                Ok(Some(_)) => {}
                _ => panic!("only {} of {SUBSCRIBERS} subscribers received publication {id}", received.len()),
            }
        }
        let mut last = Duration::ZERO;
        for at in &received {
            let d = at.duration_since(t0);
            last = last.max(d);
            latencies.push(d);
        }
        per_round_last.push(last);
    }
    row(&format!("publish → receive, {SUBSCRIBERS} subscribers ({})", db.backend_name()), &mut latencies);
    row(&format!("publish → last of {SUBSCRIBERS} received ({})", db.backend_name()), &mut per_round_last);
    for client in clients {
        client.abort();
    }
    server.abort();
}

async fn bench(t: TestDb) {
    let state = AppState {
        db: t.db.clone(),
        settings: Arc::new(Settings {
            public_url: None,
            rate_limits: RateLimits { posting_per_account: Limit { max: 1_000_000, window_secs: 60 }, ..RateLimits::default() },
            ..Settings::default()
        }),
        bus: app::server::bus::EventBus::start(&t.db),
        media: t.media.clone(),
    };
    let world = build_world(&t.db).await;
    assert_eq!(world.section_ids.len(), SECTIONS);
    home_feed(&state, &world).await;
    fan_out(&state, &world).await;
    t.cleanup().await;
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        println!("\nFeed — {PUBLICATIONS} publications, {PEOPLE} people; {ROUNDS} rounds per page; {SUBSCRIBERS} SSE subscribers × {LIVE_PUBLICATIONS} publications\n");
        println!("| {:<52} | {:>12} | {:>12} | {:>6} |", "what", "p50", "p99", "n");
        println!("|{:-<54}|{:-<14}|{:-<14}|{:-<8}|", "", "", "", "");
        bench(TestDb::sqlite_sized(16).await).await;
        bench(TestDb::postgres_sized(16).await).await;
    });
}
