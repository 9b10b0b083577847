//! The event stream (`GET /api/flux`) re-checks every delivery for its receiver: a section-only
//! publication reaches the section's people and nobody else, a blocked person receives nothing
//! from the one who blocked them. Several streams are open at once, so their checks are batched
//! (`live_checks`): this is what proves the batch answers each viewer for themself.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::model::ids::{PostId, UserId};
use std::sync::Arc;
use std::time::Duration;

use app::model::form::RawForm;
use app::on_both_backends;
use app::server::context::{AppState, Limit, RateLimits, Settings};
use app::server::services::social::CoopainAction;
use app::server::services::{posts, sessions, social};
use app::server::testing::{self, TestDb};
use axum::body::Body;
use coopol_server::{build_router, live_checks, ServerState};
use http::Request;
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use tower::ServiceExt;

struct Stream {
    body: Body,
    pending: String,
}

impl Stream {
    /// The next event: its name, id and data.
    async fn next_event(&mut self) -> (String, String, String) {
        loop {
            if let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                let field = |name: &str| block.lines().find_map(|l| l.strip_prefix(name)).unwrap_or("").to_string();
                if block.lines().any(|l| l.starts_with("event: ")) {
                    return (field("event: "), field("id: "), field("data: "));
                }
                continue;
            }
            let frame = tokio::time::timeout(Duration::from_secs(10), self.body.frame()).await.expect("an event within 10 s");
            let frame = frame.expect("the stream stays open").unwrap();
            if let Ok(data) = frame.into_data() {
                self.pending.push_str(&String::from_utf8_lossy(&data).replace("\r\n", "\n"));
            }
        }
    }

    /// The next "post" event's publication id (other events are skipped).
    async fn next_post(&mut self) -> i64 {
        loop {
            let (kind, _, data) = self.next_event().await;
            if kind == "post" {
                let value: serde_json::Value = serde_json::from_str(&data).unwrap();
                return value["post"].as_i64().unwrap();
            }
        }
    }

    /// Reads until the `fin` event, then expects the end of the response.
    async fn ends(&mut self) {
        while self.next_event().await.0 != "fin" {}
        let after = tokio::time::timeout(Duration::from_secs(10), self.body.frame()).await.expect("the end within 10 s");
        assert!(after.is_none(), "nothing after fin");
    }
}

async fn open(router: &axum::Router, t: &TestDb, user: UserId) -> Stream {
    let token = session(t, user).await;
    connect(router, &token, None).await
}

async fn session(t: &TestDb, user: UserId) -> String {
    let mut tx = t.db.begin().await.unwrap();
    let token = sessions::open_in(&mut tx, user).await.unwrap();
    tx.commit().await.unwrap();
    token
}

/// A page of a tab opening its stream: `since` is the position the tab's previous page reached.
async fn connect(router: &axum::Router, token: &str, since: Option<&str>) -> Stream {
    let uri = match since {
        Some(id) => format!("/api/flux?depuis={id}"),
        None => "/api/flux".to_string(),
    };
    let request = Request::get(uri)
        .header("host", "localhost:3000")
        .header("accept", "text/event-stream")
        .header("cookie", format!("coopol_session={token}"))
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), 200);
    Stream { body: response.into_body(), pending: String::new() }
}

/// The app and its router on the test's database.
fn server(t: &TestDb, settings: Settings) -> (AppState, axum::Router) {
    let state =
        AppState { db: t.db.clone(), settings: Arc::new(settings), bus: app::server::bus::EventBus::start(&t.db), media: t.media.clone() };
    let router = build_router(ServerState {
        app: state.clone(),
        leptos: LeptosOptions::builder().output_name("coopol").site_root("target/site").build(),
        ops: Default::default(),
    });
    (state, router)
}

fn publication(body: &str, audience: &str) -> RawForm {
    RawForm(vec![("body".into(), body.into()), ("audience_group".into(), format!("{audience}|"))])
}

async fn each_delivery_is_checked_for_its_receiver(t: &TestDb) {
    let settings = Settings {
        public_url: None,
        rate_limits: RateLimits { posting_per_account: Limit { max: 1000, window_secs: 600 }, ..RateLimits::default() },
        ..Settings::default()
    };
    let (state, router) = server(t, settings);
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "arras", "62", &["62041"]).await;
    let ada = testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await;
    let bea = testing::person(&t.db, "bea", "59350", "sympathisant", "none").await;
    let cyril = testing::person(&t.db, "cyril", "62041", "adherent", "confirmed").await;
    let dan = testing::person(&t.db, "dan", "59350", "adherent", "confirmed").await;
    let ada_s = testing::subject(&t.db, ada).await;
    let bea_s = testing::subject(&t.db, bea).await;
    social::act(&state, &ada_s, "dan", CoopainAction::Block).await.unwrap();

    let mut bea_stream = open(&router, t, bea).await;
    let mut cyril_stream = open(&router, t, cyril).await;
    let mut dan_stream = open(&router, t, dan).await;
    // Let the three handlers subscribe to the bus before anything is published.
    while state.bus.subscriber_count() < 3 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    let section_only = posts::publish(&state, &ada_s, &publication("Réunion de section jeudi", "section")).await.unwrap();
    let public = posts::publish(&state, &ada_s, &publication("Meeting public samedi", "public")).await.unwrap();
    let from_bea = posts::publish(&state, &bea_s, &publication("Je viens samedi", "public")).await.unwrap();

    // Bea (same section) receives all three, in order.
    assert_eq!(bea_stream.next_post().await, section_only);
    assert_eq!(bea_stream.next_post().await, public);
    assert_eq!(bea_stream.next_post().await, from_bea);
    // Cyril (another federation) never hears of the section-only one.
    assert_eq!(cyril_stream.next_post().await, public);
    assert_eq!(cyril_stream.next_post().await, from_bea);
    // Dan, blocked by Ada, receives nothing of hers, not even her public publication.
    assert_eq!(dan_stream.next_post().await, from_bea);

    // The batch itself, deterministically: one statement answers each viewer for themself.
    let everyone = [bea, cyril, dan, ada];
    let seen = |post: PostId| {
        let db = t.db.clone();
        async move {
            let verdicts = live_checks::verdicts(&db, post, &everyone).await;
            let mut who: Vec<UserId> = verdicts.keys().copied().collect();
            who.sort_unstable();
            (who, verdicts)
        }
    };
    let (who, verdicts) = seen(section_only).await;
    assert_eq!(who, vec![ada, bea], "the section's people only");
    assert!(verdicts[&bea].home, "in Bea's home feed (her section)");
    let (who, verdicts) = seen(public).await;
    assert_eq!(who, vec![ada, bea, cyril], "everyone but the blocked person");
    assert!(!verdicts[&cyril].home, "not in Cyril's home feed (another section)");
    assert_eq!(verdicts[&cyril].post.author_handle, "ada");
    let (who, _) = seen(from_bea).await;
    assert_eq!(who, vec![ada, bea, cyril, dan]);
}

/// Signing out everywhere, or a suspension, ends the open streams of that person at once (an
/// event every instance relays), and nobody else's.
async fn streams_end_with_their_session(t: &TestDb) {
    let (state, router) = server(t, Settings::default());
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    let bea = testing::person(&t.db, "bea", "59350", "sympathisant", "none").await;
    let dan = testing::person(&t.db, "dan", "59350", "adherent", "confirmed").await;
    let eve = testing::person(&t.db, "eve", "59350", "adherent", "confirmed").await;
    let mut bea_phone = open(&router, t, bea).await;
    let mut bea_laptop = open(&router, t, bea).await;
    let mut dan_stream = open(&router, t, dan).await;
    let mut eve_stream = open(&router, t, eve).await;
    while state.bus.subscriber_count() < 4 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let bea_user = app::server::policy::SessionUser {
        id: bea,
        handle: "bea".into(),
        display_name: "bea".into(),
        section_slug: None,
        federation_code: None,
        token_hash: String::new(),
    };
    sessions::close_all(&state, &bea_user).await.unwrap();
    bea_phone.ends().await;
    bea_laptop.ends().await;
    app::server::services::roles::set_suspended_by_email(&state, "dan@example.fr", true).await.unwrap();
    dan_stream.ends().await;
    // Eve's stream carries on.
    let eve_s = testing::subject(&t.db, eve).await;
    let post = posts::publish(&state, &eve_s, &publication("Toujours là", "public")).await.unwrap();
    assert_eq!(eve_stream.next_post().await, post);
}

/// Pages are full navigations: each page of a tab opens its own stream, from the position the
/// previous page reached (`?depuis=`). What was published between two pages arrives on the next
/// one, once: a page that resumes after it does not receive it again.
async fn a_tab_resumes_where_its_last_page_stopped(t: &TestDb) {
    let (state, router) = server(t, Settings::default());
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    let ada = testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await;
    let bea = testing::person(&t.db, "bea", "59350", "sympathisant", "none").await;
    let ada_s = testing::subject(&t.db, ada).await;
    let tab = session(t, bea).await;

    // A new tab learns its position first.
    let mut first_page = connect(&router, &tab, None).await;
    let (kind, start, _) = first_page.next_event().await;
    assert_eq!(kind, "pret");
    drop(first_page);

    // Published while the tab went from one page to the next: the next page gets it, then its position.
    let between = posts::publish(&state, &ada_s, &publication("Entre deux pages", "public")).await.unwrap();
    let mut second_page = connect(&router, &tab, Some(&start)).await;
    let (kind, post_event, data) = second_page.next_event().await;
    assert_eq!(kind, "post");
    assert!(data.contains(&format!("\"post\":{between}")), "{data}");
    let (kind, position, _) = second_page.next_event().await;
    assert_eq!(kind, "pret");
    assert!(position.parse::<i64>().unwrap() >= post_event.parse::<i64>().unwrap());
    drop(second_page);

    // The third page resumes after it: only what is new.
    let later = posts::publish(&state, &ada_s, &publication("Plus tard", "public")).await.unwrap();
    let mut third_page = connect(&router, &tab, Some(&position)).await;
    let (kind, _, data) = third_page.next_event().await;
    assert_eq!(kind, "post");
    assert!(data.contains(&format!("\"post\":{later}")), "only the new publication, not {between} again: {data}");
    assert_eq!(third_page.next_event().await.0, "pret");
    // …and then what happens live.
    while state.bus.subscriber_count() < 1 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let live = posts::publish(&state, &ada_s, &publication("En direct", "public")).await.unwrap();
    assert_eq!(third_page.next_post().await, live);
}

/// A message reaches the streams of the conversation's members only: the conversation's id and
/// their own badge count, never its text; someone outside it (in the same section) hears nothing.
async fn a_message_reaches_its_members_only(t: &TestDb) {
    let settings = Settings {
        rate_limits: RateLimits { posting_per_account: Limit { max: 1000, window_secs: 600 }, ..RateLimits::default() },
        ..Settings::default()
    };
    let (state, router) = server(t, settings);
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    let ada = testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await;
    let bea = testing::person(&t.db, "bea", "59350", "sympathisant", "none").await;
    let dan = testing::person(&t.db, "dan", "59350", "adherent", "confirmed").await;
    let ada_s = testing::subject(&t.db, ada).await;
    let mut bea_stream = open(&router, t, bea).await;
    let mut dan_stream = open(&router, t, dan).await;
    while state.bus.subscriber_count() < 2 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let form = |pairs: &[(&str, &str)]| RawForm(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    let talk =
        app::server::services::messages::start(&state, &ada_s, &form(&[("recipients", "bea"), ("body", "TEXTE-PRIVE")])).await.unwrap();
    let (kind, _, data) = loop {
        let event = bea_stream.next_event().await;
        if event.0 != "pret" {
            break event;
        }
    };
    assert_eq!(kind, "messages");
    assert_eq!(data, format!("{{\"conversation\":{talk},\"unread\":1}}"));
    // Dan's stream: the next thing it hears is a public publication, not the message before it.
    posts::publish(&state, &ada_s, &publication("Tout le monde", "public")).await.unwrap();
    loop {
        let (kind, _, data) = dan_stream.next_event().await;
        assert_ne!(kind, "messages", "a message to someone else: {data}");
        assert!(!data.contains("TEXTE-PRIVE"));
        if kind == "post" {
            break;
        }
    }
}

on_both_backends!(
    each_delivery_is_checked_for_its_receiver,
    streams_end_with_their_session,
    a_tab_resumes_where_its_last_page_stopped,
    a_message_reaches_its_members_only
);
