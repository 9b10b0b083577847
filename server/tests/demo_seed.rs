//! `coopol seed-demo`: the small demo network on both databases — its sizes, its shape, that it
//! is the same every time, that its documented accounts work, and that it never fills a
//! database that already has people.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use app::on_both_backends;
use app::on_pool;
use app::server::testing::TestDb;
use app::server::Db;
use coopol_server::demo::{self, Scale, SeedError};
use http::{header, StatusCode};
use support::{get, post_form, router, send, ORIGIN};

async fn scalar(db: &Db, sql: &str) -> i64 {
    on_pool!(db.read(), p => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn fingerprint(db: &Db) -> Vec<String> {
    let sql = "SELECT handle || ' ' || email FROM users ORDER BY id LIMIT 50";
    let mut out: Vec<String> = on_pool!(db.read(), p => sqlx::query_scalar(sql).fetch_all(p).await).unwrap();
    let sql = "SELECT body FROM posts ORDER BY id DESC LIMIT 50";
    out.extend(on_pool!(db.read(), p => sqlx::query_scalar::<_, String>(sql).fetch_all(p).await).unwrap());
    out
}

fn quiet(_: &str, _: u64, _: u64) {}

async fn small_demo_network(t: &TestDb) {
    let report = demo::seed(&t.db, Scale::Small, &quiet).await.expect("seed");
    let sizes = Scale::Small.sizes();
    let db = &t.db;

    // The sizes the scale promises, in the report and in the tables.
    for (table, wanted) in [
        ("users", sizes.people),
        ("posts", sizes.publications),
        ("comments", sizes.comments),
        ("reactions", sizes.reactions),
        ("actions", sizes.actions),
        ("action_rsvps", sizes.rsvps),
        ("sections", sizes.sections),
        ("groups", sizes.groups),
    ] {
        assert_eq!(report.count(table), wanted as u64, "{table} in the report");
        assert_eq!(scalar(db, &format!("SELECT COUNT(*) FROM {table}")).await, wanted as i64, "{table} in the database");
    }
    // Every account is a demo account; about 40 % are sympathisants.
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM users WHERE NOT is_demo").await, 0);
    let sympathisants = scalar(db, "SELECT COUNT(*) FROM users WHERE membership = 'sympathisant'").await;
    assert!((90..=150).contains(&sympathisants), "{sympathisants} sympathisants of 300");
    // Sections sit in real communes, each with a secretary; the federations have one too.
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM section_communes sc JOIN communes c ON c.insee = sc.insee").await, sizes.sections as i64);
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM roles WHERE role = 'section_secretary'").await, sizes.sections as i64);
    assert!(scalar(db, "SELECT COUNT(*) FROM roles WHERE role = 'federation_first_secretary'").await >= 2);
    // Profiles carry interests; mandates and availabilities exist.
    assert!(scalar(db, "SELECT COUNT(*) FROM profile_list_items WHERE list = 'interests'").await >= sizes.people as i64);
    assert!(scalar(db, "SELECT COUNT(*) FROM profile_list_items WHERE list = 'mandates'").await > 0);
    assert!(scalar(db, "SELECT COUNT(*) FROM profile_availabilities").await > 0);
    // The feed is consistent: stored comment counts, hashtags, mentions with their notifications,
    // replies one level deep, private groups.
    assert_eq!(scalar(db, "SELECT CAST(COALESCE(SUM(comment_count), 0) AS BIGINT) FROM posts").await, sizes.comments as i64);
    assert!(scalar(db, "SELECT COUNT(*) FROM post_tags").await >= sizes.publications as i64);
    assert!(scalar(db, "SELECT COUNT(*) FROM notifications WHERE kind = 'mention'").await > 0);
    assert!(scalar(db, "SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL").await > 0);
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id WHERE p.parent_id IS NOT NULL").await,
        0,
        "replies are one level deep"
    );
    assert!(scalar(db, "SELECT COUNT(*) FROM groups WHERE privacy = 'private'").await > 0);
    // Past actions have comptes-rendus; upcoming ones have answers, within capacity.
    assert!(scalar(db, "SELECT COUNT(*) FROM action_reports").await > 0);
    // Moderation: reports in the sections' queues, about half decided (the journal's statistics).
    assert!(report.count("moderation_reports") > 0 && report.count("moderation_reports") >= report.count("moderation_cases"));
    assert!(scalar(db, "SELECT COUNT(*) FROM moderation_cases WHERE status = 'open'").await > 0);
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM moderation_reports r JOIN moderation_cases mc ON mc.id = r.case_id WHERE (mc.status = 'open') = (r.handled_by IS NOT NULL)").await,
        0,
        "open cases wait, decided ones answered their reports"
    );
    // Débats: the counted vote came from a closed debate with its synthèse; an open one has
    // contributions of every stance and propositions.
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM votes WHERE kind = 'jugement_majoritaire' AND debate_id IS NULL").await, 0);
    assert!(scalar(db, "SELECT COUNT(*) FROM debates WHERE synthesis IS NOT NULL").await > 0);
    assert_eq!(scalar(db, "SELECT COUNT(DISTINCT stance) FROM debate_contributions").await, 3);
    assert!(scalar(db, "SELECT COUNT(*) FROM debate_proposals WHERE selected_at IS NULL").await > 0);
    // Votes: each section a counted jugement majoritaire and an open oui / non; as many ballots as
    // participations in each, only electors voting.
    assert!(scalar(db, "SELECT COUNT(*) FROM votes WHERE tallied_at IS NOT NULL AND result IS NOT NULL").await > 0);
    assert!(scalar(db, "SELECT COUNT(*) FROM votes WHERE tallied_at IS NULL").await > 0);
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM votes v WHERE (SELECT COUNT(*) FROM vote_ballots b WHERE b.vote_id = v.id) \
             <> (SELECT COUNT(*) FROM vote_participations p WHERE p.vote_id = v.id)"
        )
        .await,
        0,
        "one ballot per participation"
    );
    assert!(scalar(db, "SELECT COUNT(*) FROM vote_participations").await > 0);
    // Conversations: one-to-one and the sections' teams, each with its members and messages, the
    // last message and read marks consistent; the documented secretary's long thread.
    assert!(scalar(db, "SELECT COUNT(*) FROM conversations WHERE kind = 'direct'").await > 1);
    assert!(scalar(db, "SELECT COUNT(*) FROM conversations WHERE kind = 'group'").await > 0);
    assert_eq!(
        scalar(
            db,
            "SELECT COUNT(*) FROM conversations cv WHERE (SELECT COUNT(*) FROM conversation_members m WHERE m.conversation_id = cv.id) < 2"
        )
        .await,
        0
    );
    assert_eq!(
        scalar(db, "SELECT COUNT(*) FROM conversations cv WHERE cv.last_message_id <> (SELECT MAX(x.id) FROM messages x WHERE x.conversation_id = cv.id)").await,
        0
    );
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM messages x WHERE NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = x.conversation_id AND m.user_id = x.author_id)").await, 0, "authors are members");
    assert!(
        scalar(db, "SELECT COUNT(*) FROM messages x JOIN users u ON u.id = x.author_id WHERE u.email = 'secretaire@demo.coopol.fr'").await
            >= 10_000
    );
    let now = app::server::now_ms();
    assert!(scalar(db, &format!("SELECT COUNT(*) FROM actions WHERE starts_at > {now}")).await > 0);
    let over = "SELECT COUNT(*) FROM actions a WHERE a.capacity IS NOT NULL AND a.capacity < \
                (SELECT COUNT(*) FROM action_rsvps r WHERE r.action_id = a.id AND r.status = 'going')";
    assert_eq!(scalar(db, over).await, 0, "no action has more people going than places");

    // The documented secretary signs in with the demo password and sees a living feed.
    let r = router(t);
    let signed_in =
        send(&r, post_form("/connexion", &[("email", "secretaire@demo.coopol.fr"), ("password", demo::DEMO_PASSWORD)], None, Some(ORIGIN)))
            .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER, "{}", signed_in.body);
    let cookie = signed_in.session_cookie().expect("session");
    let feed = send(&r, get("/fil", Some(&cookie))).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.matches("class=\"post-body\"").count() >= 10, "the home feed has publications");
    let actions = send(&r, get("/actions", Some(&cookie))).await;
    assert_eq!(actions.status, StatusCode::OK);
    assert!(actions.body.contains("/actions/"), "upcoming actions are listed");
    assert!(signed_in.header(header::LOCATION).starts_with('/'));

    // Its pictures: avatars, banners and photos on the secretary's first page, through the real
    // pipeline and storage — drawn with their size and served.
    let state = t.state(app::server::context::RateLimits::default());
    let made = demo::seed_pictures(&state, 2010, &quiet).await.expect("pictures");
    let rows = scalar(db, "SELECT COUNT(*) FROM media").await;
    assert_eq!(made, vec![("media", rows as u64)]);
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM users WHERE email LIKE '%@demo.coopol.fr' AND avatar <> '' AND email IN ('admin@demo.coopol.fr', 'secretaire@demo.coopol.fr', 'adherent@demo.coopol.fr', 'sympathisant@demo.coopol.fr')").await, 4);
    assert_eq!(scalar(db, "SELECT COUNT(*) FROM sections WHERE banner <> ''").await, 3);
    assert!(scalar(db, "SELECT COUNT(*) FROM groups WHERE banner <> ''").await >= 1);
    assert!(scalar(db, "SELECT COUNT(*) FROM media WHERE post_id IS NOT NULL").await >= 8);
    let feed = send(&r, get("/fil", Some(&cookie))).await;
    let photos: Vec<&str> = feed.body.split("class=\"post-pictures").skip(1).collect();
    assert!(photos.len() >= 5, "photos on the first page: {}", photos.len());
    assert!(feed.body.contains("class=\"avatar avatar-40\""), "authors' avatars on the cards");
    let src = feed.body.split("src=\"/medias/").nth(1).and_then(|s| s.split('"').next()).expect("a picture");
    assert_eq!(send(&r, get(&format!("/medias/{src}"), Some(&cookie))).await.status, StatusCode::OK);

    // The same seed makes the same network.
    let again = if db.backend_name() == "sqlite" { TestDb::sqlite().await } else { TestDb::postgres().await };
    demo::seed(&again.db, Scale::Small, &quiet).await.expect("seed again");
    assert_eq!(fingerprint(db).await, fingerprint(&again.db).await);
    again.cleanup().await;

    // A database with people is never filled.
    match demo::seed(db, Scale::Small, &quiet).await {
        Err(SeedError::NotEmpty(n)) => assert_eq!(n, sizes.people as i64),
        other => panic!("a second seed must be refused, got {other:?}"),
    }
}

on_both_backends!(small_demo_network);
