//! "A feed page costs at most 2 SQL statements whatever its size" (3 with the request's session
//! lookup), and every main page at most 3 (issue 15): counted for real, from the
//! `sqlx::query` events sqlx emits for every statement it runs (`statement_count`), on both databases, for every kind
//! of feed, on the first page and deep in the feed.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use app::model::media::PictureFormat;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use app::i18n::paris_datetime_input;
use app::i18n::Lang;
use app::model::feed::FeedKey;
use app::model::form::RawForm;
use app::server::context::{Limit, RateLimits};
use app::server::now_ms;
use app::server::services::social::CoopainAction;
use app::server::services::{actions, feed, groups, moderation, moderation_views, posts, social};
use app::server::store;
use app::server::testing::{self, TestDb};
use coopol_server::statement_count::CountStatements;
use tracing_subscriber::layer::{Layer, SubscriberExt};

static STATEMENTS: AtomicU64 = AtomicU64::new(0);

/// Counts from zero, once every live relay of the process has started: a relay's first
/// statements run in the background and would be counted with the request's.
async fn start_counting() {
    app::server::bus::relays_ready().await;
    STATEMENTS.store(0, Ordering::SeqCst);
}

fn install_counter() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let subscriber = tracing_subscriber::registry().with(CountStatements(&STATEMENTS).with_filter(CountStatements::filter()));
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
}

const DAY: i64 = 86_400_000;

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

async fn feed_pages_cost_at_most_two_statements(t: &TestDb) {
    install_counter();
    let state = t.state(RateLimits { posting_per_account: Limit { max: 100_000, window_secs: 600 }, ..RateLimits::default() });
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
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
            start_counting().await;
            let page = feed::feed_page(&state, &bob, key.clone(), before, Lang::Fr).await.unwrap();
            let cost = STATEMENTS.load(Ordering::SeqCst);
            assert!(cost >= 1, "the counter sees statements ({cost})");
            assert!(cost <= 2, "{key:?} page {pages}: {cost} statements for {} publications", page.posts.len());
            println!("{} {key:?} page {pages}: {cost} statements, {} publications", t.db.backend_name(), page.posts.len());
            pages += 1;
            match page.next_before {
                Some(cursor) => before = Some(cursor),
                None => break,
            }
        }
        assert!(pages >= 1);
    }

    // Conversations: the list is one statement, a thread's page one more (its first page marks it
    // read), deep in a long thread as at its end.
    let talk = app::server::services::messages::start(&state, &ada, &form(&[("recipients", "bob"), ("body", "Message 0")])).await.unwrap();
    for i in 1..120 {
        app::server::services::messages::send(&state, &ada, talk, &form(&[("body", &format!("Message {i}"))])).await.unwrap();
    }
    start_counting().await;
    app::server::services::messages::list(&state, &bob, None).await.unwrap();
    let list_cost = STATEMENTS.load(Ordering::SeqCst);
    start_counting().await;
    let newest = app::server::services::messages::thread(&state, &bob, talk, None).await.unwrap();
    let newest_cost = STATEMENTS.load(Ordering::SeqCst);
    start_counting().await;
    let deep = app::server::services::messages::thread(&state, &bob, talk, newest.older).await.unwrap();
    let deep_cost = STATEMENTS.load(Ordering::SeqCst);
    println!("{} conversations: list {list_cost}, thread {newest_cost}, older page {deep_cost}", t.db.backend_name());
    assert_eq!(list_cost, 1, "the conversation list");
    assert!(newest_cost == 2 && deep_cost == 1 && !deep.messages.is_empty(), "a thread: {newest_cost}, {deep_cost}");

    // Annonces: a scope's page is its scope and one bundle, deep in its history as at its start;
    // an annonce one statement.
    use app::model::announcements::TeamScope;
    use app::server::services::announcements;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, ada.id().unwrap(), "section_animator", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let ada = testing::subject(&t.db, ada.id().unwrap()).await;
    let scope = TeamScope::Section("lille".into());
    let mut last = 0;
    for i in 0..45 {
        let f = form(&[("segment", "all"), ("subject", &format!("Annonce {i}")), ("body", "Texte"), ("attendu", "1")]);
        last = announcements::send(&state, &ada, &scope, &f).await.unwrap();
    }
    let mut cursor: Option<(i64, i64)> = None;
    let mut history_pages = 0;
    loop {
        start_counting().await;
        let page = announcements::page(&state, &ada, &scope, cursor).await.unwrap();
        let cost = STATEMENTS.load(Ordering::SeqCst);
        assert_eq!(cost, 2, "annonces page {history_pages}");
        history_pages += 1;
        match page.next.as_deref().and_then(app::model::messages::parse_list_cursor) {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    start_counting().await;
    announcements::read(&state, &bob, last).await.unwrap();
    let read_cost = STATEMENTS.load(Ordering::SeqCst);
    println!("{} annonces: {history_pages} pages of history at 2 statements, one annonce {read_cost}", t.db.backend_name());
    assert!(history_pages >= 3 && read_cost == 1);

    // The whole request of the home feed, page 1 and deep: the session (with the policy subject
    // and the unread count) is one more statement, the header's user none.
    let router = support::router(t);
    let mut tx = t.db.begin().await.unwrap();
    let token = app::server::services::sessions::open_in(&mut tx, bob.id().unwrap()).await.unwrap();
    tx.commit().await.unwrap();
    let cookie = format!("{}={token}", app::server::auth::session_token::COOKIE_NAME);
    let first = feed::feed_page(&state, &bob, FeedKey::Home, None, Lang::Fr).await.unwrap();
    let deep = format!("/fil?avant={}", first.next_before.expect("more than one page"));
    for path in ["/fil", deep.as_str()] {
        start_counting().await;
        let reply = support::send(&router, support::get(path, Some(&cookie))).await;
        let cost = STATEMENTS.load(Ordering::SeqCst);
        assert_eq!(reply.status, http::StatusCode::OK, "{path}");
        assert!(reply.body.contains("Publication"), "{path} shows publications");
        assert!((1..=3).contains(&cost), "{path}: {cost} statements for the whole request");
        println!("{} GET {path}: {cost} statements", t.db.backend_name());
    }

    // Every main page, for the section's secretary (who sees the most: directory, newcomers,
    // journal, participants): the session, the page's subject, one bundle of its lists.
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, bob.id().unwrap(), "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let secretary = testing::subject(&t.db, bob.id().unwrap()).await;
    let start = paris_datetime_input(now_ms() + 3 * DAY);
    let end = paris_datetime_input(now_ms() + 3 * DAY + 7_200_000);
    let action = actions::create(
        &state,
        &secretary,
        &form(&[
            ("kind", "tractage"),
            ("title", "Tractage au marché"),
            ("description", "Le tract sur les transports."),
            ("place_name", "Marché de Wazemmes"),
            ("commune", "Lille"),
            ("audience", "public"),
            ("starts_at", &start),
            ("ends_at", &end),
        ]),
    )
    .await
    .unwrap();
    let post = first.posts[0].id;
    posts::comment(&state, &bob, app::model::ids::PostId(post), &form(&[("comment", "Bravo pour le tract")])).await.unwrap();
    // A report in Lille's queue, which the secretary moderates.
    let section_post = posts::publish(&state, &ada, &form(&[("body", "Pour la section"), ("audience_group", "section|")])).await.unwrap();
    let cyr = testing::subject(&t.db, testing::person(&t.db, "cyr", "59350", "sympathisant", "none").await).await;
    let spam = form(&[("category", "spam")]);
    moderation::report(&state, &cyr, app::model::moderation::ItemKind::Post, &section_post.to_string(), &spam).await.unwrap();
    let case = moderation_views::queue(&state, &secretary, "section-lille", None).await.unwrap().items[0].case_id;
    let hide = form(&[("decision", "hide"), ("rule", "4"), ("reason", "Publicité")]);
    let decision = moderation::decide(&state, &secretary, case, &hide).await.unwrap();
    // A toolbox document, attached to the action.
    let upload = vec![app::server::media::Upload {
        field: "fichier".into(),
        content: app::server::media::UploadContent::Bytes(app::server::testing_images::pdf("Tract").into()),
    }];
    let lille_scope = format!("section:{lille}");
    let document_form = form(&[
        ("portee", &lille_scope),
        ("titre", "Tract transports"),
        ("categorie", "tract"),
        ("public", "membres"),
        ("etiquettes", "velo"),
    ]);
    let document = app::server::services::documents::create(&state, &secretary, &document_form, &upload).await.unwrap();
    app::server::services::documents::attach(&state, &secretary, document, &form(&[("action", &action.to_string())])).await.unwrap();
    // An avatar (Ada's, on her cards) and a banner (Lille's): drawn from their holder's own row,
    // no statement more on the pages below.
    let photo = |width, height| {
        vec![app::server::media::Upload {
            field: "photo".into(),
            content: app::server::media::UploadContent::Bytes(app::server::testing_images::png(width, height).into()),
        }]
    };
    app::server::services::held_pictures::set_avatar(&state, &ada, &photo(120, 120)).await.unwrap();
    app::server::services::held_pictures::set_section_banner(&state, &secretary, "lille", &photo(600, 200)).await.unwrap();
    // Yesterday's action with its compte-rendu and a photo (the page and the form read them in
    // their bundle).
    let past = actions::create(
        &state,
        &secretary,
        &form(&[
            ("kind", "tractage"),
            ("title", "Tractage d’hier"),
            ("place_name", "Gare"),
            ("commune", "Lille"),
            ("audience", "public"),
            ("starts_at", &start),
            ("ends_at", &end),
        ]),
    )
    .await
    .unwrap();
    testing::move_action(&t.db, past, now_ms() - DAY, now_ms() - DAY + 7_200_000).await;
    let report_photo = app::server::media::Upload {
        field: "photo_1".into(),
        content: app::server::media::UploadContent::Bytes(app::server::testing_images::png(300, 200).into()),
    };
    let report = form(&[("cle", "statements-0000000001"), ("tracts", "120")]);
    app::server::services::reports::submit(&state, &secretary, past, &report, &[report_photo]).await.unwrap();
    let pages = [
        "/".to_string(),
        "/sections/lille".into(),
        "/sections/lille/fil".into(),
        "/sections/lille/statistiques".into(),
        "/federations/59".into(),
        "/actions".into(),
        format!("/actions/{action}"),
        format!("/actions/{past}"),
        format!("/actions/{past}/compte-rendu"),
        "/mes-actions".into(),
        "/groupes".into(),
        "/groupes/transports".into(),
        format!("/publications/{post}"),
        "/tags/velo".into(),
        "/notifications".into(),
        "/coopains".into(),
        "/membres/ada".into(),
        "/profil".into(),
        "/moderation".into(),
        "/moderation/section-lille".into(),
        format!("/moderation/dossiers/{case}"),
        format!("/moderation/decisions/{decision}"),
        "/journal-de-moderation/section-lille".into(),
        "/charte".into(),
        "/boite-a-outils".into(),
        "/boite-a-outils?q=tract+transports&etiquette=velo".into(),
        format!("/boite-a-outils/{document}"),
        "/boite-a-outils/nouveau".into(),
    ];
    // A page costs the same every time: the home once read the member's home again when the
    // person resolved after it had started (3 or 4 statements now and then, not every time).
    let mut home_costs = std::collections::BTreeSet::new();
    for _ in 0..40 {
        start_counting().await;
        support::send(&router, support::get("/", Some(&cookie))).await;
        home_costs.insert(STATEMENTS.load(Ordering::SeqCst));
    }
    assert_eq!(home_costs.len(), 1, "the home costs the same every time: {home_costs:?}");
    let mut too_costly = Vec::new();
    for path in pages {
        support::send(&router, support::get(&path, Some(&cookie))).await;
        start_counting().await;
        let reply = support::send(&router, support::get(&path, Some(&cookie))).await;
        let cost = STATEMENTS.load(Ordering::SeqCst);
        assert_eq!(reply.status, http::StatusCode::OK, "{path}");
        println!("{} GET {path}: {cost} statements", t.db.backend_name());
        if !(1..=3).contains(&cost) {
            too_costly.push(format!("{path}: {cost}"));
        }
    }
    assert!(too_costly.is_empty(), "more than 3 statements for the whole request: {too_costly:?}");

    // A toolbox download: the session, the version's row with its rule's facts, the count.
    let page = support::send(&router, support::get(&format!("/boite-a-outils/{document}"), Some(&cookie))).await;
    let href = page.body.split("href=\"/boite-a-outils/fichiers/").nth(1).and_then(|s| s.split('"').next()).expect("a download link");
    start_counting().await;
    let reply = support::send(&router, support::get(&format!("/boite-a-outils/fichiers/{href}"), Some(&cookie))).await;
    let cost = STATEMENTS.load(Ordering::SeqCst);
    assert_eq!(reply.status, http::StatusCode::OK);
    println!("{} GET a toolbox file: {cost} statements", t.db.backend_name());
    assert!((1..=3).contains(&cost), "a download: {cost} statements");

    // An avatar's and a banner's file: the session, the key's row with its rule's facts.
    let avatar = app::server::services::profiles::my_profile(&state, &ada).await.unwrap().avatar.expect("an avatar");
    let banner = app::server::services::sections::section_view(&state, &secretary, "lille").await.unwrap().banner.expect("a banner");
    let report_photo = app::server::services::action_views::view(&state, &secretary, past).await.unwrap().report.unwrap().photos.remove(0);
    for picture in [avatar, banner, report_photo] {
        start_counting().await;
        let reply = support::send(&router, support::get(&picture.src(picture.widths[0], PictureFormat::Webp), Some(&cookie))).await;
        let cost = STATEMENTS.load(Ordering::SeqCst);
        assert_eq!(reply.status, http::StatusCode::OK);
        println!("{} GET an avatar's, a banner's or a compte-rendu's photo file: {cost} statements", t.db.backend_name());
        assert!((1..=3).contains(&cost), "a held picture: {cost} statements");
    }

    // A server function that answers the same to everyone does not read the session.
    let path = <app::api::territory::find_section::FindSection as leptos::server_fn::ServerFn>::PATH;
    let mut costs = Vec::new();
    for signed_in in [false, true] {
        let request = support::post_form(path, &[("postal_code", "59350")], signed_in.then_some(cookie.as_str()), Some(support::ORIGIN));
        start_counting().await;
        let reply = support::send(&router, request).await;
        assert_eq!(reply.status, http::StatusCode::OK, "{}", reply.body);
        costs.push(STATEMENTS.load(Ordering::SeqCst));
    }
    assert_eq!(costs[0], costs[1], "find_section with a session cookie costs what it costs without one: {costs:?}");
}

/// One test for both backends, one after the other: the counter is process-wide, and another
/// test's set-up (a territory import) running meanwhile would be counted too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feed_pages_cost_at_most_two_statements_on_both_backends() {
    let sqlite = TestDb::sqlite().await;
    feed_pages_cost_at_most_two_statements(&sqlite).await;
    sqlite.cleanup().await;
    let postgres = TestDb::postgres().await;
    feed_pages_cost_at_most_two_statements(&postgres).await;
    postgres.cleanup().await;
}
