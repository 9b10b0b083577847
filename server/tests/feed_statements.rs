//! "A feed page costs at most 3 SQL statements whatever its size": counted for real, from the
//! `sqlx::query` events sqlx emits for every statement it runs, on both databases, for every kind
//! of feed, on the first page and deep in the feed.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use app::i18n::Lang;
use app::model::feed::FeedKey;
use app::model::form::RawForm;
use app::server::context::{Limit, RateLimits};
use app::server::services::social::CoopainAction;
use app::server::services::{feed, groups, posts, social};
use app::server::testing::{self, TestDb};
use tracing::Subscriber;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

struct CountStatements;

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
        // A connection the pool opens on the way sets itself up with PRAGMAs: not the page's cost.
        if !text.0.trim_start_matches('"').to_ascii_uppercase().starts_with("PRAGMA") {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
            if std::env::var_os("SHOW_SQL").is_some() {
                eprintln!("SQL: {}", text.0.chars().take(90).collect::<String>());
            }
        }
    }
}

fn install_counter() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let filter = tracing_subscriber::filter::Targets::new().with_target("sqlx::query", tracing::Level::TRACE);
        let subscriber = tracing_subscriber::registry().with(CountStatements.with_filter(filter));
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm(pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect())
}

async fn feed_pages_cost_at_most_three_statements(t: &TestDb) {
    install_counter();
    let state = t.state(RateLimits { posting_per_account: Limit { max: 100_000, window_secs: 600 }, ..RateLimits::default() });
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    let ada = testing::subject(&t.db, testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await).await;
    let bob = testing::subject(&t.db, testing::person(&t.db, "bob", "59350", "adherent", "confirmed").await).await;
    social::act(&state, &bob, "ada", CoopainAction::Request).await.unwrap();
    social::act(&state, &ada, "bob", CoopainAction::Accept).await.unwrap();
    groups::create(&state, &ada, &form(&[("name", "Transports"), ("purpose", "Des bus pour tout le monde"), ("privacy", "public")]))
        .await
        .unwrap();
    for i in 0..90 {
        let audience = ["public|", "section|", "federation|", "coopains|", "group|transports"][i % 5];
        let id = posts::publish(&state, &ada, &form(&[("body", &format!("Publication {i} #velo")), ("audience_group", audience)]))
            .await
            .unwrap();
        for kind in ["bravo", "merci"] {
            posts::react(&state, &bob, id, kind).await.unwrap();
        }
    }
    let keys = [
        FeedKey::Home,
        FeedKey::Section("lille".into()),
        FeedKey::Federation("59".into()),
        FeedKey::Group("transports".into()),
        FeedKey::Member("ada".into()),
        FeedKey::Tag("velo".into()),
    ];
    for key in keys {
        let mut before = None;
        let mut pages = 0;
        loop {
            STATEMENTS.store(0, Ordering::SeqCst);
            let page = feed::feed_page(&state, &bob, key.clone(), before, Lang::Fr).await.unwrap();
            let cost = STATEMENTS.load(Ordering::SeqCst);
            assert!(cost >= 2, "the counter sees statements ({cost})");
            assert!(cost <= 3, "{key:?} page {pages}: {cost} statements for {} publications", page.posts.len());
            println!("{} {key:?} page {pages}: {cost} statements, {} publications", t.db.backend_name(), page.posts.len());
            pages += 1;
            match page.next_before {
                Some(cursor) => before = Some(cursor),
                None => break,
            }
        }
        assert!(pages >= 1);
    }
}

/// One test for both backends, one after the other: the counter is process-wide, and another
/// test's set-up (a territory import) running meanwhile would be counted too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feed_pages_cost_at_most_three_statements_on_both_backends() {
    let sqlite = TestDb::sqlite().await;
    feed_pages_cost_at_most_three_statements(&sqlite).await;
    sqlite.cleanup().await;
    let postgres = TestDb::postgres().await;
    feed_pages_cost_at_most_three_statements(&postgres).await;
    postgres.cleanup().await;
}
