//! Private conversations (issue 19) on both databases: who writes to whom (directly, by request,
//! not at all), one-to-one conversations found again, groups renamed and left, blocks that hide
//! everything, restrictions that stop new conversations, read state and keyset paging.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::model::form::{FieldError, RawForm};
use app::model::ids::UserId;
use app::model::messages::Standing;
use app::model::moderation::ItemKind;
use app::on_both_backends;
use app::server::context::{AppState, Limit, RateLimits};
use app::server::policy::Subject;
use app::server::services::messages::{self, THREAD_PAGE};
use app::server::services::social::CoopainAction;
use app::server::services::{moderation, posts, social};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};

fn limits() -> RateLimits {
    RateLimits {
        posting_per_account: Limit { max: 10_000, window_secs: 600 },
        messages_per_account: Limit { max: 10_000, window_secs: 600 },
        ..RateLimits::default()
    }
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

async fn subject(state: &AppState, id: UserId) -> Subject {
    testing::subject(&state.db, id).await
}

struct People {
    ada: Subject, // Lille
    bob: Subject, // Lille
    gus: Subject, // Lille
    cyr: Subject, // Roubaix: a stranger to Lille's people
    dan: Subject, // Roubaix
}

async fn people(t: &TestDb, state: &AppState) -> People {
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let ada = testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await;
    let bob = testing::person(&t.db, "bob", "59350", "sympathisant", "none").await;
    let gus = testing::person(&t.db, "gus", "59350", "adherent", "confirmed").await;
    let cyr = testing::person(&t.db, "cyr", "59512", "adherent", "confirmed").await;
    let dan = testing::person(&t.db, "dan", "59512", "adherent", "confirmed").await;
    People {
        ada: subject(state, ada).await,
        bob: subject(state, bob).await,
        gus: subject(state, gus).await,
        cyr: subject(state, cyr).await,
        dan: subject(state, dan).await,
    }
}

async fn start(state: &AppState, from: &Subject, to: &str, body: &str) -> Result<i64, AppError> {
    messages::start(state, from, &form(&[("recipients", to), ("body", body)])).await
}

async fn unread(state: &AppState, who: &Subject, conversation: i64) -> Option<(i64, Standing)> {
    messages::list(state, who, None).await.unwrap().items.into_iter().find(|c| c.id == conversation).map(|c| (c.unread, c.standing))
}

fn is_unknown(result: &Result<i64, AppError>) -> bool {
    matches!(result, Err(AppError::Validation(e)) if e.get("recipients") == Some(&FieldError::UnknownMember))
}

async fn section_people_write_strangers_ask(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    // The same section: directly. The same person again: the same conversation.
    let c = start(&state, &p.ada, "@bob", "Bonjour Bob, tu viens samedi ?").await.unwrap();
    assert_eq!(unread(&state, &p.bob, c).await, Some((1, Standing::Member)));
    assert_eq!(start(&state, &p.ada, "bob", "Au marché de Wazemmes").await.unwrap(), c, "one one-to-one conversation");
    assert_eq!(unread(&state, &p.bob, c).await, Some((2, Standing::Member)));
    let thread = messages::thread(&state, &p.bob, c, None).await.unwrap();
    assert_eq!(thread.messages.len(), 2);
    assert!(thread.messages[0].html.as_str().contains("tu viens samedi") && !thread.messages[0].mine && thread.can_write);
    assert_eq!(unread(&state, &p.bob, c).await, Some((0, Standing::Member)), "read");
    messages::send(&state, &p.bob, c, &form(&[("body", "Oui, à 10 h !")])).await.unwrap();
    assert_eq!(unread(&state, &p.ada, c).await, Some((1, Standing::Member)));
    let list = messages::list(&state, &p.ada, None).await.unwrap();
    assert_eq!(list.items[0].last_text.as_deref(), Some("Oui, à 10 h !"));
    assert_eq!(list.items[0].name, "bob", "named after the other person");

    // A stranger: a request, which they answer before writing; a refusal is never told.
    let r = start(&state, &p.ada, "cyr", "Bonjour, je cherche des bras pour Roubaix").await.unwrap();
    assert_eq!(unread(&state, &p.cyr, r).await, Some((1, Standing::Request)));
    assert_eq!(messages::send(&state, &p.cyr, r, &form(&[("body", "Pas encore")])).await, Err(AppError::Forbidden));
    messages::answer_request(&state, &p.cyr, r, false).await.unwrap();
    assert_eq!(unread(&state, &p.cyr, r).await, None, "refused: gone for them");
    assert_eq!(messages::thread(&state, &p.cyr, r, None).await.map(|_| ()), Err(AppError::NotFound));
    messages::send(&state, &p.ada, r, &form(&[("body", "Tu as vu mon message ?")])).await.unwrap();
    assert_eq!(unread(&state, &p.ada, r).await, Some((0, Standing::Member)), "the sender sees nothing of the refusal");
    assert_eq!(unread(&state, &p.cyr, r).await, None);
    // Another stranger accepts, then writes.
    let d = start(&state, &p.gus, "dan", "Bonjour Dan").await.unwrap();
    messages::answer_request(&state, &p.dan, d, true).await.unwrap();
    messages::send(&state, &p.dan, d, &form(&[("body", "Bonjour Gus")])).await.unwrap();
    assert_eq!(unread(&state, &p.gus, d).await, Some((1, Standing::Member)));

    // Coopains write directly across sections.
    social::act(&state, &p.cyr, "bob", CoopainAction::Request).await.unwrap();
    social::act(&state, &p.bob, "cyr", CoopainAction::Accept).await.unwrap();
    let k = start(&state, &p.cyr, "bob", "Salut coopain").await.unwrap();
    assert_eq!(unread(&state, &p.bob, k).await, Some((1, Standing::Member)));

    // Outsiders see nothing of a conversation, not even that it exists.
    assert_eq!(messages::thread(&state, &p.gus, c, None).await.map(|_| ()), Err(AppError::NotFound));
    assert_eq!(messages::send(&state, &p.gus, c, &form(&[("body", "Moi aussi")])).await, Err(AppError::NotFound));
    assert_eq!(messages::leave(&state, &p.gus, c).await, Err(AppError::NotFound));

    // Bad input: French errors, nothing recorded.
    let before = messages::list(&state, &p.ada, None).await.unwrap().items.len();
    assert!(is_unknown(&start(&state, &p.ada, "personne", "Bonjour").await));
    let empty = start(&state, &p.ada, "bob", "  ").await;
    assert!(matches!(&empty, Err(AppError::Validation(e)) if e.get("body") == Some(&FieldError::Required)));
    assert_eq!(messages::list(&state, &p.ada, None).await.unwrap().items.len(), before);
}

async fn blocks_hide_groups_are_left_restrictions_stop_new_ones(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    // A group conversation, renamed; leaving keeps what was read before, nothing after.
    let g = messages::start(&state, &p.ada, &form(&[("recipients", "bob gus"), ("title", "Tractage"), ("body", "On s’organise ?")]))
        .await
        .unwrap();
    messages::rename(&state, &p.gus, g, &form(&[("title", "Tractage de samedi")])).await.unwrap();
    assert_eq!(messages::thread(&state, &p.bob, g, None).await.unwrap().name, "Tractage de samedi");
    messages::leave(&state, &p.bob, g).await.unwrap();
    messages::send(&state, &p.ada, g, &form(&[("body", "Bob est parti")])).await.unwrap();
    let left = messages::thread(&state, &p.bob, g, None).await.unwrap();
    assert!(left.standing == Standing::Left && !left.can_write);
    assert_eq!(left.messages.len(), 1, "what was written before they left, not after");
    assert_eq!(unread(&state, &p.bob, g).await, Some((0, Standing::Left)));
    assert_eq!(messages::send(&state, &p.bob, g, &form(&[("body", "Je reviens")])).await, Err(AppError::Forbidden));
    messages::set_muted(&state, &p.gus, g, true).await.unwrap();
    assert!(messages::thread(&state, &p.gus, g, None).await.unwrap().muted);

    // A block, either way: no new conversation (answered like an unknown name), and existing
    // ones disappear for both.
    let c = start(&state, &p.ada, "gus", "Bonjour Gus").await.unwrap();
    social::act(&state, &p.gus, "ada", CoopainAction::Block).await.unwrap();
    assert!(is_unknown(&start(&state, &p.ada, "gus", "Tu m’entends ?").await));
    for who in [&p.ada, &p.gus] {
        assert_eq!(unread(&state, who, c).await, None);
        assert_eq!(unread(&state, who, g).await, None, "the group they share too");
        assert_eq!(messages::thread(&state, who, c, None).await.map(|_| ()), Err(AppError::NotFound));
    }
    assert_eq!(messages::send(&state, &p.ada, c, &form(&[("body", "Allô")])).await, Err(AppError::NotFound));

    // A restriction stops new conversations, not the existing ones.
    let d = start(&state, &p.cyr, "dan", "Bonjour Dan").await.unwrap();
    let fanny = testing::person(&t.db, "fanny", "59350", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, fanny, "federation_first_secretary", "federation", "59", None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let fanny = subject(&state, fanny).await;
    let post = posts::publish(&state, &p.cyr, &form(&[("body", "Des insultes"), ("audience_group", "federation|")])).await.unwrap();
    let case = moderation::take_up(&state, &fanny, ItemKind::Post, &post.get().to_string()).await.unwrap();
    let restrict = form(&[("decision", "restrict"), ("rule", "1"), ("reason", "Insultes"), ("days", "7")]);
    moderation::decide(&state, &fanny, case, &restrict).await.unwrap();
    assert_eq!(start(&state, &p.cyr, "bob", "Bonjour").await, Err(AppError::Forbidden));
    messages::send(&state, &p.cyr, d, &form(&[("body", "Je peux encore répondre")])).await.unwrap();
}

async fn threads_page_upwards_by_keyset(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let c = start(&state, &p.ada, "bob", "Message 0").await.unwrap();
    for i in 1..95 {
        messages::send(&state, &p.ada, c, &form(&[("body", &format!("Message {i}"))])).await.unwrap();
    }
    let mut seen = Vec::new();
    let mut before = None;
    let mut pages = 0;
    loop {
        let page = messages::thread(&state, &p.bob, c, before).await.unwrap();
        assert!(page.messages.windows(2).all(|w| w[0].id < w[1].id), "oldest first on a page");
        let mut ids: Vec<i64> = page.messages.iter().map(|m| m.id).collect();
        ids.extend(seen);
        seen = ids;
        pages += 1;
        match page.older {
            Some(cursor) => before = Some(cursor),
            None => break,
        }
    }
    assert_eq!(pages, (95 + THREAD_PAGE - 1) / THREAD_PAGE);
    assert_eq!(seen.len(), 95);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "every message once, in order");
}

/// Every person a message reaches gets a live event (its conversation, nobody else's), after
/// commit; those who left or refused get none; the badge counts conversations, not messages.
async fn messages_are_announced_to_their_readers(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let group =
        messages::start(&state, &p.ada, &form(&[("recipients", "bob gus cyr"), ("title", "Équipe"), ("body", "Premier")])).await.unwrap();
    messages::leave(&state, &p.gus, group).await.unwrap();
    messages::answer_request(&state, &p.cyr, group, false).await.unwrap();
    // The outbox the stream and the relay read (published after commit, as every event).
    let before = store::events::latest_id(&state.db).await.unwrap();
    messages::send(&state, &p.bob, group, &form(&[("body", "Deux")])).await.unwrap();
    let mut reached = Vec::new();
    for e in store::events::after(&state.db, before, 100).await.unwrap() {
        assert_eq!((e.kind.as_str(), e.conversation_id, e.post_id), ("message", Some(group), None));
        reached.push(e.user_id.unwrap());
    }
    reached.sort();
    let mut expected = vec![p.ada.id().unwrap(), p.bob.id().unwrap()];
    expected.sort();
    assert_eq!(reached, expected, "the members (the author's other tabs too), not who left or refused");
    messages::send(&state, &p.bob, group, &form(&[("body", "Trois")])).await.unwrap();
    assert_eq!(messages::unread(&state, &p.ada).await.unwrap(), 1, "one conversation, two unread messages");
    messages::thread(&state, &p.ada, group, None).await.unwrap();
    assert_eq!(messages::unread(&state, &p.ada).await.unwrap(), 0);
    assert_eq!(messages::unread(&state, &p.gus).await.unwrap(), 0, "left: nothing new counts");
}

/// One mail per person and conversation once a message stays unread (the delay is 0 here), not
/// one per message; again after they read and a new message waits; never to the author, a muted
/// member, someone who left; never the message's text.
async fn the_absent_get_one_mail_per_conversation(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let mails = |state: &AppState| {
        let db = state.db.clone();
        async move { testing::outbox(&db).await.into_iter().filter(|m| m.kind == "unread_messages").collect::<Vec<_>>() }
    };
    testing::outbox(&state.db).await;
    let c = start(&state, &p.ada, "bob", "SECRET-UN").await.unwrap();
    messages::send(&state, &p.ada, c, &form(&[("body", "SECRET-DEUX")])).await.unwrap();
    let group =
        messages::start(&state, &p.ada, &form(&[("recipients", "bob gus"), ("title", "Collage"), ("body", "SECRET-TROIS")])).await.unwrap();
    messages::set_muted(&state, &p.gus, group, true).await.unwrap();
    assert_eq!(messages::mail_the_absent(&state, now_ms()).await.unwrap(), 2);
    let sent = mails(&state).await;
    assert_eq!(sent.len(), 2, "Bob, once for each conversation; not Ada (the author), not Gus (muted)");
    assert!(sent.iter().all(|m| m.to_address == "bob@example.fr"));
    assert!(sent.iter().all(|m| !m.body_text.contains("SECRET") && !m.body_html.contains("SECRET") && !m.subject.contains("SECRET")));
    assert!(sent.iter().any(|m| m.body_text.contains("2 messages non lus") && m.body_text.contains(&format!("/messages/{c}"))));
    assert!(sent.iter().any(|m| m.subject.contains("Collage")));
    assert_eq!(messages::mail_the_absent(&state, now_ms()).await.unwrap(), 0, "not again for the same messages");
    messages::send(&state, &p.ada, c, &form(&[("body", "SECRET-QUATRE")])).await.unwrap();
    assert_eq!(messages::mail_the_absent(&state, now_ms()).await.unwrap(), 0, "not again while the first mail is unanswered");
    messages::thread(&state, &p.bob, c, None).await.unwrap();
    messages::leave(&state, &p.bob, group).await.unwrap();
    messages::send(&state, &p.ada, c, &form(&[("body", "SECRET-CINQ")])).await.unwrap();
    messages::send(&state, &p.ada, group, &form(&[("body", "SECRET-SIX")])).await.unwrap();
    assert_eq!(messages::mail_the_absent(&state, now_ms()).await.unwrap(), 1, "read, then a new one waits: one more mail");
    assert_eq!(mails(&state).await.len(), 1, "and none for the group Bob left");
    // The delay counts: a message younger than it waits.
    let mut patient = t.state(limits());
    std::sync::Arc::make_mut(&mut patient.settings).message_mail_delay_ms = 3_600_000;
    messages::send(&patient, &p.bob, c, &form(&[("body", "Réponse")])).await.unwrap();
    assert_eq!(messages::mail_the_absent(&patient, now_ms()).await.unwrap(), 0);
    assert_eq!(messages::mail_the_absent(&patient, now_ms() + 3_600_001).await.unwrap(), 1);
}

/// "Vu": one-to-one only, and only when both people turned it on; it marks the newest message of
/// mine the other person has read.
async fn seen_only_when_both_want_it(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let c = start(&state, &p.ada, "bob", "Un").await.unwrap();
    let first = messages::thread(&state, &p.ada, c, None).await.unwrap().messages[0].id;
    messages::thread(&state, &p.bob, c, None).await.unwrap();
    assert_eq!(messages::thread(&state, &p.ada, c, None).await.unwrap().seen, None, "off by default");
    app::server::services::account::set_read_receipts(&state, &p.ada, true).await.unwrap();
    assert_eq!(messages::thread(&state, &p.ada, c, None).await.unwrap().seen, None, "Bob has it off");
    app::server::services::account::set_read_receipts(&state, &p.bob, true).await.unwrap();
    assert_eq!(messages::thread(&state, &p.ada, c, None).await.unwrap().seen, Some(first));
    let second = messages::send(&state, &p.ada, c, &form(&[("body", "Deux")])).await.unwrap();
    assert_eq!(messages::thread(&state, &p.ada, c, None).await.unwrap().seen, Some(first), "not read yet");
    messages::thread(&state, &p.bob, c, None).await.unwrap();
    assert_eq!(messages::thread(&state, &p.ada, c, None).await.unwrap().seen, Some(second));
    let group = messages::start(&state, &p.ada, &form(&[("recipients", "bob gus"), ("title", "Trois"), ("body", "Salut")])).await.unwrap();
    messages::thread(&state, &p.bob, group, None).await.unwrap();
    assert_eq!(messages::thread(&state, &p.ada, group, None).await.unwrap().seen, None, "never in a group");
}

/// Reporting a message: by someone who reads it, to the national moderators, who get its text
/// alone (no link into the conversation); nobody outside the conversation can report it (the
/// same answer as a message that does not exist).
async fn a_reported_message_reaches_moderators_alone(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t, &state).await;
    let c = start(&state, &p.ada, "bob", "Un message déplacé").await.unwrap();
    messages::send(&state, &p.ada, c, &form(&[("body", "Le reste de la conversation")])).await.unwrap();
    let first = messages::thread(&state, &p.bob, c, None).await.unwrap().messages[0].id;
    let why = form(&[("category", "harassment"), ("explanation", "Insistant")]);
    let outsider = moderation::report(&state, &p.gus, ItemKind::Message, &first.to_string(), &why).await;
    assert!(matches!(outsider, Err(AppError::NotFound)), "not in the conversation: {outsider:?}");
    let missing = moderation::report(&state, &p.gus, ItemKind::Message, "999999", &why).await;
    assert!(matches!(missing, Err(AppError::NotFound)));
    assert!(moderation::report(&state, &p.bob, ItemKind::Message, &first.to_string(), &why).await.unwrap());
    let mut tx = state.db.begin().await.unwrap();
    let case = store::moderation::case_of_item(&mut tx, ItemKind::Message, first).await.unwrap().expect("a case");
    tx.commit().await.unwrap();
    assert_eq!((case.scope_kind.as_str(), case.snapshot.as_str(), case.context_link.as_str()), ("national", "Un message déplacé", ""));
    assert_eq!(case.concerned_id, p.ada.id().unwrap());
}

on_both_backends!(
    a_reported_message_reaches_moderators_alone,
    seen_only_when_both_want_it,
    section_people_write_strangers_ask,
    blocks_hide_groups_are_left_restrictions_stop_new_ones,
    threads_page_upwards_by_keyset,
    messages_are_announced_to_their_readers,
    the_absent_get_one_mail_per_conversation
);
