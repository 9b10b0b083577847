//! Feed contract: who sees which publication (audiences, coopains, private groups, blocks) on
//! single reads, feeds, hashtags, counts and notifications; keyset pages; live events relayed
//! between two app instances. On SQLite and PostgreSQL alike.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::model::ids::{PostId, SectionId, UserId};
use std::time::Duration;

use app::error::AppError;
use app::i18n::Lang;
use app::model::feed::{FeedKey, NotificationKind};
use app::model::form::RawForm;
use app::model::moderation::ItemKind;
use app::on_both_backends;
use app::server::bus::LiveEvent;
use app::server::context::{AppState, Limit, RateLimits};
use app::server::policy::Subject;
use app::server::services::groups::{GroupAction, MemberDecision};
use app::server::services::social::CoopainAction;
use app::server::services::{feed, groups, moderation, notifications, posts, social};
use app::server::testing::{self, TestDb};
use app::server::Db;
use app::server::{now_ms, store};

fn limits() -> RateLimits {
    RateLimits { posting_per_account: Limit { max: 10_000, window_secs: 600 }, ..RateLimits::default() }
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

async fn user(t: &TestDb, handle: &str, commune: &str, membership: &str, status: &str) -> UserId {
    testing::person(&t.db, handle, commune, membership, status).await
}

async fn section(t: &TestDb, slug: &str, fed: &str, communes: &[&str]) -> SectionId {
    testing::section(&t.db, slug, fed, communes).await
}

async fn subject(state: &AppState, id: UserId) -> Subject {
    testing::subject(&state.db, id).await
}

async fn publish(state: &AppState, author: UserId, audience: &str, body: &str) -> PostId {
    let s = subject(state, author).await;
    posts::publish(state, &s, &form(&[("body", body), ("audience_group", audience)])).await.expect("publish")
}

struct People {
    ada: UserId, // Lille, adhérente: the author
    bob: UserId, // Lille, sympathisant
    cyr: UserId, // Roubaix (same federation, other section)
    dan: UserId, // Arras (other federation)
    eve: UserId, // Arras, Ada's coopain
    fay: UserId, // Paris, member of Ada's private group
    gus: UserId, // Lille, blocked by Ada
}

async fn people(t: &TestDb, state: &AppState) -> People {
    section(t, "lille", "59", &["59350"]).await;
    section(t, "roubaix", "59", &["59512"]).await;
    let p = People {
        ada: user(t, "ada", "59350", "adherent", "confirmed").await,
        bob: user(t, "bob", "59350", "sympathisant", "none").await,
        cyr: user(t, "cyr", "59512", "adherent", "confirmed").await,
        dan: user(t, "dan", "62041", "adherent", "confirmed").await,
        eve: user(t, "eve", "62041", "sympathisant", "none").await,
        fay: user(t, "fay", "75056", "adherent", "confirmed").await,
        gus: user(t, "gus", "59350", "adherent", "confirmed").await,
    };
    let ada = subject(state, p.ada).await;
    let eve = subject(state, p.eve).await;
    social::act(state, &eve, "ada", CoopainAction::Request).await.unwrap();
    social::act(state, &ada, "eve", CoopainAction::Accept).await.unwrap();
    social::act(state, &ada, "gus", CoopainAction::Block).await.unwrap();
    let slug = groups::create(
        state,
        &ada,
        &form(&[("name", "Logement digne"), ("purpose", "Agir pour le logement des familles"), ("privacy", "private")]),
    )
    .await
    .unwrap();
    assert_eq!(slug, "logement-digne");
    let fay = subject(state, p.fay).await;
    groups::join_or_leave(state, &fay, &slug, GroupAction::Join).await.unwrap();
    groups::decide(state, &ada, &slug, "fay", MemberDecision::Accept).await.unwrap();
    p
}

async fn sees(state: &AppState, viewer: Option<UserId>, post: PostId) -> bool {
    let s = match viewer {
        Some(id) => subject(state, id).await,
        None => Subject::anonymous(),
    };
    match feed::post_page(state, &s, post).await {
        Ok(page) => page.post.id == post,
        Err(AppError::NotFound) => false,
        Err(e) => panic!("unexpected {e:?}"),
    }
}

async fn feed_ids(state: &AppState, viewer: Option<UserId>, key: FeedKey) -> Vec<i64> {
    let s = match viewer {
        Some(id) => subject(state, id).await,
        None => Subject::anonymous(),
    };
    match feed::feed_page(state, &s, key, None, Lang::Fr).await {
        Ok(page) => page.posts.iter().map(|p| p.id).collect(),
        Err(_) => Vec::new(),
    }
}

async fn audiences_decide_who_sees_what(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let public = publish(&state, p.ada, "public|", "Tractage samedi au marché de Wazemmes #tractage").await;
    let sec = publish(&state, p.ada, "section|", "Réunion de section jeudi #lille").await;
    let fed = publish(&state, p.ada, "federation|", "Congrès fédéral du Nord").await;
    let coop = publish(&state, p.ada, "coopains|", "Entre coopains").await;
    let grp = publish(&state, p.ada, "group|logement-digne", "Réservé au groupe #logement").await;
    let all = [None, Some(p.ada), Some(p.bob), Some(p.cyr), Some(p.dan), Some(p.eve), Some(p.fay), Some(p.gus)];
    let expect = |post: PostId| -> Vec<Option<UserId>> {
        match post {
            x if x == public => vec![None, Some(p.ada), Some(p.bob), Some(p.cyr), Some(p.dan), Some(p.eve), Some(p.fay)],
            x if x == sec => vec![Some(p.ada), Some(p.bob)],
            x if x == fed => vec![Some(p.ada), Some(p.bob), Some(p.cyr)],
            x if x == coop => vec![Some(p.ada), Some(p.eve)],
            _ => vec![Some(p.ada), Some(p.fay)],
        }
    };
    for post in [public, sec, fed, coop, grp] {
        for viewer in all {
            let expected = expect(post).contains(&viewer);
            assert_eq!(sees(&state, viewer, post).await, expected, "post {post} viewer {viewer:?}");
            // Counts follow the same rule: nothing about an invisible publication.
            let s = match viewer {
                Some(id) => subject(&state, id).await,
                None => Subject::anonymous(),
            };
            let counts = feed::counts(&state, &s, &[post.get()]).await.unwrap();
            assert_eq!(counts.len() == 1, expected, "counts of {post} for {viewer:?}");
        }
    }
    // Feeds: the home of each person, the section, federation, group, member and hashtag feeds.
    assert_eq!(feed_ids(&state, Some(p.bob), FeedKey::Home).await, vec![fed, sec, public]);
    assert_eq!(feed_ids(&state, Some(p.eve), FeedKey::Home).await, vec![coop, public]);
    assert_eq!(feed_ids(&state, Some(p.fay), FeedKey::Home).await, vec![grp]);
    assert_eq!(feed_ids(&state, Some(p.gus), FeedKey::Home).await, Vec::<i64>::new(), "blocked: nothing of Ada's");
    assert_eq!(feed_ids(&state, Some(p.cyr), FeedKey::Section("lille".into())).await, vec![public]);
    assert_eq!(feed_ids(&state, Some(p.bob), FeedKey::Section("lille".into())).await, vec![sec, public]);
    assert_eq!(feed_ids(&state, Some(p.cyr), FeedKey::Federation("59".into())).await, vec![fed, public]);
    assert_eq!(feed_ids(&state, Some(p.dan), FeedKey::Federation("59".into())).await, vec![public]);
    assert_eq!(feed_ids(&state, Some(p.dan), FeedKey::Group("logement-digne".into())).await, Vec::<i64>::new(), "private group: refused");
    assert_eq!(feed_ids(&state, Some(p.fay), FeedKey::Group("logement-digne".into())).await, vec![grp]);
    assert_eq!(feed_ids(&state, None, FeedKey::Member("ada".into())).await, vec![public]);
    assert_eq!(feed_ids(&state, Some(p.eve), FeedKey::Member("ada".into())).await, vec![coop, public]);
    assert_eq!(feed_ids(&state, None, FeedKey::Tag("tractage".into())).await, vec![public]);
    assert_eq!(feed_ids(&state, Some(p.dan), FeedKey::Tag("lille".into())).await, Vec::<i64>::new(), "hashtags do not leak section posts");
    assert_eq!(feed_ids(&state, Some(p.bob), FeedKey::Tag("lille".into())).await, vec![sec]);
    assert_eq!(feed_ids(&state, Some(p.dan), FeedKey::Tag("logement".into())).await, Vec::<i64>::new());

    // A private group's member count is for its members only.
    let dan = subject(&state, p.dan).await;
    let listed = groups::list(&state, &dan).await.unwrap();
    assert_eq!(listed[0].member_count, None);
    let outside = groups::view(&state, &dan, "logement-digne", None, Lang::Fr).await.unwrap();
    assert!(outside.members.is_none() && outside.feed.is_none(), "neither members nor publications");
    let fay = subject(&state, p.fay).await;
    assert_eq!(groups::list(&state, &fay).await.unwrap()[0].member_count, Some(2));

    // The blocked person can neither comment, react, nor request Ada.
    let gus = subject(&state, p.gus).await;
    assert_eq!(posts::comment(&state, &gus, public, &form(&[("comment", "coucou")])).await, Err(AppError::NotFound));
    assert_eq!(posts::react(&state, &gus, public, "bravo").await, Err(AppError::NotFound));
    let ada = subject(&state, p.ada).await;
    let unread = notifications::unread(&state, &ada).await.unwrap();
    social::act(&state, &gus, "ada", CoopainAction::Request).await.unwrap();
    assert!(social::coopains_view(&state, &ada).await.unwrap().received.is_empty(), "a blocked person's request never arrives");
    assert_eq!(notifications::unread(&state, &ada).await.unwrap(), unread, "nor notifies");
}

async fn coopains_page_lists_each_person_once_in_order(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let (ada, bob, cyr) = (subject(&state, p.ada).await, subject(&state, p.bob).await, subject(&state, p.cyr).await);
    social::act(&state, &bob, "ada", CoopainAction::Request).await.unwrap();
    social::act(&state, &ada, "bob", CoopainAction::Accept).await.unwrap();
    social::act(&state, &cyr, "ada", CoopainAction::Request).await.unwrap();
    social::act(&state, &ada, "dan", CoopainAction::Request).await.unwrap();
    let view = social::coopains_view(&state, &ada).await.unwrap();
    let handles = |cards: &[app::model::feed::PersonCard]| cards.iter().map(|c| c.author.handle.clone()).collect::<Vec<_>>();
    assert_eq!(handles(&view.coopains), ["bob", "eve"], "coopains, by name");
    assert_eq!(handles(&view.received), ["cyr"]);
    assert_eq!(handles(&view.sent), ["dan"]);
    assert_eq!(handles(&view.blocked), ["gus"]);
    assert!(!handles(&view.suggestions).iter().any(|h| ["bob", "eve", "gus"].contains(&h.as_str())), "{:?}", view.suggestions);
}

async fn notifications_follow_visibility_and_aggregate(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let ada = subject(&state, p.ada).await;
    // Mentions reach only those who may read: Dan is not Ada's coopain.
    let coop = publish(&state, p.ada, "coopains|", "Coucou @eve et @dan").await;
    let eve = subject(&state, p.eve).await;
    let dan = subject(&state, p.dan).await;
    let eve_page = notifications::page(&state, &eve).await.unwrap();
    assert!(eve_page.items.iter().any(|n| n.kind == NotificationKind::Mention), "{eve_page:?}");
    assert!(notifications::page(&state, &dan).await.unwrap().items.iter().all(|n| n.kind != NotificationKind::Mention));
    // Reactions aggregate into one notification.
    let public = publish(&state, p.ada, "public|", "Merci à tous !").await;
    let before = notifications::unread(&state, &ada).await.unwrap();
    for who in [p.bob, p.cyr, p.dan] {
        let s = subject(&state, who).await;
        assert!(posts::react(&state, &s, public, "merci").await.unwrap());
    }
    let page = notifications::page(&state, &ada).await.unwrap();
    let reactions: Vec<_> = page.items.iter().filter(|n| n.kind == NotificationKind::Reaction).collect();
    assert_eq!(reactions.len(), 1);
    assert_eq!(reactions[0].count, 3);
    assert_eq!(page.unread, before + 1);
    // Toggling off and on again does not add a notification.
    let bob = subject(&state, p.bob).await;
    assert!(!posts::react(&state, &bob, public, "merci").await.unwrap());
    // Comments and replies.
    let c = posts::comment(&state, &bob, public, &form(&[("comment", "Bravo **Ada**")])).await.unwrap();
    posts::comment(&state, &ada, public, &form(&[("comment", "Merci Bob"), ("parent", &c.to_string())])).await.unwrap();
    let bob_page = notifications::page(&state, &bob).await.unwrap();
    assert!(bob_page.items.iter().any(|n| n.kind == NotificationKind::Reply));
    let post = feed::post_page(&state, &bob, public).await.unwrap();
    assert_eq!(post.post.comment_count, 2);
    assert_eq!(post.comments[1].parent_id, Some(c).map(|id| id.get()));
    assert!(post.comments[0].html.as_str().contains("<strong>Ada</strong>"));
    // Marking all as read empties the count; a hidden publication takes its notifications away.
    notifications::mark_read(&state, &ada, None).await.unwrap();
    assert_eq!(notifications::unread(&state, &ada).await.unwrap(), 0);
    assert!(notifications::unread(&state, &eve).await.unwrap() > 0);
    posts::delete(&state, &ada, coop).await.unwrap();
    assert!(notifications::page(&state, &eve).await.unwrap().items.iter().all(|n| n.kind != NotificationKind::Mention));
}

/// Everyone who wrote in a thread hears of a later reply in it — once, whoever it answers —
/// unless they can no longer read the publication; the one who writes is never told.
async fn thread_writers_hear_of_later_replies(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let (bob, cyr, dan) = (subject(&state, p.bob).await, subject(&state, p.cyr).await, subject(&state, p.dan).await);
    let public = publish(&state, p.ada, "public|", "Qui vient samedi ?").await;
    let top = posts::comment(&state, &bob, public, &form(&[("comment", "Moi !")])).await.unwrap();
    let reply = |who, text: &'static str| {
        let state = state.clone();
        async move { posts::comment(&state, who, public, &form(&[("comment", text), ("parent", &top.to_string())])).await.unwrap() }
    };
    reply(&cyr, "Moi aussi").await;
    reply(&dan, "Et moi").await;
    let kinds = |page: app::model::feed::NotificationsPage| page.items.iter().map(|n| n.kind).collect::<Vec<_>>();
    // Bob wrote the thread: both replies answer him.
    assert_eq!(kinds(notifications::page(&state, &bob).await.unwrap()), vec![NotificationKind::Reply, NotificationKind::Reply]);
    // Cyr replied first: Dan's later reply reaches him, as a reply in the thread.
    assert_eq!(kinds(notifications::page(&state, &cyr).await.unwrap()), vec![NotificationKind::ThreadReply]);
    // Dan wrote last: nothing for him.
    assert!(kinds(notifications::page(&state, &dan).await.unwrap()).is_empty());
}

async fn feeds_page_by_keyset(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let mut ids = Vec::new();
    for i in 0..45 {
        ids.push(publish(&state, p.ada, "section|", &format!("Publication {i}")).await);
    }
    ids.reverse();
    let bob = subject(&state, p.bob).await;
    let mut seen = Vec::new();
    let mut before = None;
    let mut pages = 0;
    loop {
        let page = feed::feed_page(&state, &bob, FeedKey::Section("lille".into()), before, Lang::Fr).await.unwrap();
        seen.extend(page.posts.iter().map(|p| p.id));
        pages += 1;
        match page.next_before {
            Some(cursor) => before = Some(cursor),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, ids, "every publication once, newest first");
}

/// Moderators hide through a decision (a case taken up, a rule, a reason), never directly; they do
/// not delete others' comments either.
async fn moderation_hides_with_a_reason(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let post = publish(&state, p.ada, "federation|", "Un propos limite").await;
    let key = post.0.to_string();
    let bob = subject(&state, p.bob).await;
    let comment = posts::comment(&state, &bob, post, &form(&[("comment", "Un commentaire vif")])).await.unwrap();
    let cyr = subject(&state, p.cyr).await;
    assert_eq!(moderation::take_up(&state, &cyr, ItemKind::Post, &key).await, Err(AppError::Forbidden), "members report");
    let dan = subject(&state, p.dan).await;
    assert_eq!(moderation::take_up(&state, &dan, ItemKind::Post, &key).await, Err(AppError::NotFound), "unseen in the Pas-de-Calais");
    let admin = {
        let mut tx = state.db.begin().await.unwrap();
        store::roles::grant(&mut tx, p.cyr, "moderator", "federation", "59", None, now_ms()).await.unwrap();
        tx.commit().await.unwrap();
        subject(&state, p.cyr).await
    };
    let page = feed::post_page(&state, &admin, post).await.unwrap();
    assert!(page.post.abilities.moderate && page.comments[0].can_moderate && !page.comments[0].can_delete);
    assert_eq!(posts::delete_comment(&state, &admin, comment).await, Err(AppError::Forbidden), "a decision, not a deletion");
    let ada = subject(&state, p.ada).await;
    assert_eq!(moderation::take_up(&state, &ada, ItemKind::Post, &key).await, Err(AppError::Forbidden), "not one's own");
    let case = moderation::take_up(&state, &admin, ItemKind::Post, &key).await.unwrap();
    assert_eq!(moderation::take_up(&state, &admin, ItemKind::Post, &key).await, Ok(case), "one case per item");
    let no_reason = form(&[("decision", "hide"), ("rule", "1"), ("reason", "")]);
    assert!(matches!(moderation::decide(&state, &admin, case, &no_reason).await, Err(AppError::Validation(_))));
    assert!(sees(&state, Some(p.bob), post).await, "nothing changed");
    let hide = form(&[("decision", "hide"), ("rule", "1"), ("reason", "Hors charte")]);
    moderation::decide(&state, &admin, case, &hide).await.unwrap();
    assert!(!sees(&state, Some(p.bob), post).await, "hidden from readers");
    let own = feed::post_page(&state, &ada, post).await.unwrap();
    let why = own.post.hidden_reason.clone().unwrap_or_default();
    assert!(why.starts_with("Article 1 de la charte") && why.ends_with("Hors charte"), "the author sees the rule and why: {why}");
    assert!(!own.post.abilities.edit && own.post.abilities.delete);
    let seen_by_moderator = feed::post_page(&state, &admin, post).await.unwrap().post;
    assert_eq!(seen_by_moderator.hidden_reason.as_deref(), Some(why.as_str()));
    assert!(!seen_by_moderator.abilities.moderate, "decided");
    let told = notifications::page(&state, &ada).await.unwrap();
    assert!(told.items.iter().any(|n| n.kind == NotificationKind::ModerationDecision), "the author is told, and may appeal");
    // Edits are marked and re-sanitized.
    let other = publish(&state, p.ada, "public|", "Avant").await;
    posts::edit(&state, &ada, other, &form(&[("body", "Après <script>alert(1)</script>")])).await.unwrap();
    let edited = feed::post_page(&state, &ada, other).await.unwrap().post;
    assert!(edited.edited && !edited.html.as_str().contains("<script"));
    assert_eq!(posts::edit(&state, &cyr, other, &form(&[("body", "Pirate")])).await, Err(AppError::Forbidden));
}

async fn next_post(rx: &mut tokio::sync::broadcast::Receiver<LiveEvent>, post: PostId) -> LiveEvent {
    tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            let e = rx.recv().await.expect("bus open");
            if e.kind == "post_created" && e.post_id == Some(post) {
                return e;
            }
        }
    })
    .await
    .expect("the event arrives within 10 s")
}

/// Two app instances on one database: an event committed through A reaches A's subscribers, and
/// with PostgreSQL also B's (relayed by LISTEN/NOTIFY), only after the publication is readable.
/// SQLite is a one-instance deployment: its bus is in-process.
async fn live_events_reach_every_instance(t: &TestDb) {
    let a = t.state(limits());
    let b = t.state(limits());
    let p = people(t, &a).await;
    let mut on_a = a.bus.subscribe();
    let mut on_b = b.bus.subscribe();
    tokio::time::sleep(Duration::from_millis(500)).await; // B's relay is listening
    let post = publish(&a, p.ada, "section|", "En direct").await;
    let event = next_post(&mut on_a, post).await;
    assert!(event.user_id.is_none(), "events carry ids only");
    if matches!(t.db, Db::Postgres(_)) {
        next_post(&mut on_b, post).await;
        let bob = subject(&b, p.bob).await;
        assert_eq!(feed::post_page(&b, &bob, post).await.unwrap().post.id, post, "committed before it was announced");
    }
}

/// Coopain requests cannot flood someone: a request withdrawn and sent again does not notify
/// again within a week, and requests and withdrawals are limited per person.
async fn coopain_requests_are_limited(t: &TestDb) {
    let state = t.state(RateLimits { coopain_per_account: Limit { max: 6, window_secs: 3600 }, ..limits() });
    let p = people(t, &state).await;
    let (bob, cyr) = (subject(&state, p.bob).await, subject(&state, p.cyr).await);
    let before = notifications::unread(&state, &cyr).await.unwrap();
    for _ in 0..3 {
        social::act(&state, &bob, "cyr", CoopainAction::Request).await.unwrap();
        social::act(&state, &bob, "cyr", CoopainAction::Remove).await.unwrap();
    }
    assert_eq!(notifications::unread(&state, &cyr).await.unwrap(), before + 1, "told once, not three times");
    let refused = social::act(&state, &bob, "cyr", CoopainAction::Request).await;
    assert!(matches!(refused, Err(AppError::RateLimited { .. })), "{refused:?}");
    // Answering is never limited.
    social::act(&state, &cyr, "bob", CoopainAction::Block).await.unwrap();
}

/// The unread count every page pays for stops at 100 ("99+"), however long the backlog.
async fn unread_counts_are_bounded(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let mut tx = t.db.begin().await.unwrap();
    for _ in 0..130 {
        let n = store::notifications::NewNotification {
            user_id: p.cyr,
            kind: NotificationKind::CoopainRequest,
            actor_id: p.bob,
            post_id: None,
            comment_id: None,
            group_id: None,
            now_ms: now_ms(),
        };
        store::notifications::insert(&mut tx, &n).await.unwrap();
    }
    tx.commit().await.unwrap();
    let cyr = subject(&state, p.cyr).await;
    let unread = notifications::unread(&state, &cyr).await.unwrap();
    assert_eq!(unread, app::model::feed::UNREAD_CAP);
    assert_eq!(app::model::feed::unread_label(unread), "99+");
    assert_eq!(app::model::feed::unread_label(7), "7");
    assert_eq!(notifications::page(&state, &cyr).await.unwrap().unread, app::model::feed::UNREAD_CAP);
}

on_both_backends!(
    audiences_decide_who_sees_what,
    unread_counts_are_bounded,
    coopain_requests_are_limited,
    coopains_page_lists_each_person_once_in_order,
    notifications_follow_visibility_and_aggregate,
    thread_writers_hear_of_later_replies,
    feeds_page_by_keyset,
    moderation_hides_with_a_reason,
    live_events_reach_every_instance
);
