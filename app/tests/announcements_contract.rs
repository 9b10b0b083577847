//! Annonces (issue 19) on both databases: who writes them, whom each segment reaches (the author,
//! suspended people and other sections never), the count confirmed before sending, the weekly
//! limit, delivery in-app (a notification with its live event) and by e-mail (proven addresses
//! that did not turn annonces off, each mail with its own one-click unsubscribe), the journal,
//! and who reads an annonce afterwards.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::i18n::paris_datetime_input;
use app::model::announcements::TeamScope;
use app::model::form::{FieldError, RawForm};
use app::model::ids::{ActionId, UserId};
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::policy::Subject;
use app::server::services::{actions, announcements, notifications, rsvp};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};

struct World {
    state: AppState,
    secretary: Subject,
    animator: Subject,
    adherent: Subject,
    /// Lille's sympathisants: Sacha (annonces by e-mail), Véra (address not proven).
    sacha: UserId,
    vera: UserId,
    adherent_id: UserId,
    /// Lives in Roubaix.
    remi: UserId,
    federal: Subject,
}

async fn world(t: &TestDb, per_week: i64) -> World {
    let mut state = t.state(RateLimits::default());
    std::sync::Arc::make_mut(&mut state.settings).announcements_per_week = per_week;
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let secretary = testing::person(&t.db, "sophie", "59350", "adherent", "confirmed").await;
    let animator = testing::person(&t.db, "anis", "59350", "adherent", "confirmed").await;
    let adherent = testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await;
    let sacha = testing::person(&t.db, "sacha", "59350", "sympathisant", "none").await;
    let vera = testing::person(&t.db, "vera", "59350", "sympathisant", "none").await;
    let sam = testing::person(&t.db, "sam", "59350", "sympathisant", "none").await;
    let remi = testing::person(&t.db, "remi", "59512", "sympathisant", "none").await;
    let fanny = testing::person(&t.db, "fanny", "59512", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    let code = lille.to_string();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &code, None, now_ms()).await.unwrap();
    store::roles::grant(&mut tx, animator, "section_animator", "section", &code, None, now_ms()).await.unwrap();
    store::roles::grant(&mut tx, fanny, "federation_first_secretary", "federation", "59", None, now_ms()).await.unwrap();
    // Véra's address is not proven yet.
    app::on_tx!(&mut tx, c => sqlx::query("UPDATE users SET email_normalized = NULL, email_verified_at = NULL WHERE id = $1").bind(vera).execute(c).await.map(|r| r.rows_affected()))
        .unwrap();
    store::members::set_suspended(&mut tx, sam, Some(now_ms())).await.unwrap();
    tx.commit().await.unwrap();
    World {
        secretary: testing::subject(&t.db, secretary).await,
        animator: testing::subject(&t.db, animator).await,
        adherent: testing::subject(&t.db, adherent).await,
        federal: testing::subject(&t.db, fanny).await,
        adherent_id: adherent,
        sacha,
        vera,
        remi,
        state,
    }
}

fn lille() -> TeamScope {
    TeamScope::Section("lille".into())
}

fn form(segment: &str, extra: &[(&str, &str)]) -> RawForm {
    let mut pairs = vec![("segment", segment), ("subject", "Réunion de section"), ("body", "Mardi **19 h**, au local.")];
    pairs.extend_from_slice(extra);
    RawForm::of(&pairs)
}

/// Both steps, as the page does them.
async fn announce(w: &World, who: &Subject, scope: &TeamScope, f: RawForm) -> Result<i64, AppError> {
    let (count, _) = announcements::preview(&w.state, who, scope, &f).await?;
    let mut pairs = f.0.clone();
    pairs.push(("attendu".into(), count.to_string()));
    announcements::send(&w.state, who, scope, &RawForm(pairs)).await
}

fn field_error<T: std::fmt::Debug>(result: Result<T, AppError>, field: &str) -> FieldError {
    match result {
        Err(AppError::Validation(e)) => e.get(field).cloned().unwrap_or_else(|| panic!("no error on {field}: {e:?}")),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

async fn segments_reach_their_people_and_the_count_is_confirmed(t: &TestDb) {
    let w = world(t, 0).await;
    // All: the section's people but the author, the suspended one and Roubaix.
    assert_eq!(announcements::preview(&w.state, &w.secretary, &lille(), &form("all", &[])).await.unwrap(), (4, 3));
    assert_eq!(announcements::preview(&w.state, &w.secretary, &lille(), &form("adherents", &[])).await.unwrap(), (2, 2));
    // Sympathisants: Sacha and Véra; Véra's address is not proven: in-app only.
    assert_eq!(announcements::preview(&w.state, &w.animator, &lille(), &form("sympathisants", &[])).await.unwrap(), (2, 1));
    testing::availability(&t.db, w.sacha, "tractage").await;
    testing::availability(&t.db, w.remi, "tractage").await;
    let available = form("available", &[("availability", "tractage")]);
    assert_eq!(announcements::preview(&w.state, &w.secretary, &lille(), &available).await.unwrap(), (1, 1));
    assert_eq!(
        field_error(
            announcements::preview(&w.state, &w.secretary, &lille(), &form("available", &[("availability", "jonglage")])).await,
            "availability"
        ),
        FieldError::InvalidChoice
    );
    // Nobody available for phoning: said before anything is written.
    let phoning = form("available", &[("availability", "phoning")]);
    assert_eq!(field_error(announcements::preview(&w.state, &w.secretary, &lille(), &phoning).await, "segment"), FieldError::NoRecipients);

    // The count confirmed must be the count at sending: a newcomer changes it.
    let f = form("sympathisants", &[("attendu", "2")]);
    testing::person(&t.db, "nina", "59350", "sympathisant", "none").await;
    assert_eq!(
        field_error(announcements::send(&w.state, &w.secretary, &lille(), &f).await, "segment"),
        FieldError::RecipientsChanged { count: 3 }
    );
    let sent: i64 = count_rows(t, "SELECT CAST(COUNT(*) AS BIGINT) FROM announcements").await;
    assert_eq!(sent, 0, "nothing written when refused");
    // Bad input: a French message per field, nothing written.
    let empty = RawForm::of(&[("segment", "sympathisants"), ("subject", " "), ("body", "")]);
    let refused = announcements::preview(&w.state, &w.secretary, &lille(), &empty).await;
    assert!(
        matches!(&refused, Err(AppError::Validation(e)) if e.get("subject") == Some(&FieldError::Required) && e.get("body") == Some(&FieldError::Required))
    );
}

async fn count_rows(t: &TestDb, sql: &str) -> i64 {
    let mut tx = t.db.begin_read().await.unwrap();
    app::on_tx!(&mut tx, c => sqlx::query_scalar(sql).fetch_one(c).await).unwrap()
}

async fn only_the_team_writes(t: &TestDb) {
    let w = world(t, 0).await;
    let f = form("all", &[]);
    assert_eq!(announcements::preview(&w.state, &w.adherent, &lille(), &f).await, Err(AppError::Forbidden));
    assert_eq!(announcements::send(&w.state, &w.adherent, &lille(), &form("all", &[("attendu", "4")])).await, Err(AppError::Forbidden));
    // The federation's team writes for the federation, not for a section; it reads Lille's page.
    assert_eq!(announcements::preview(&w.state, &w.federal, &lille(), &f).await, Err(AppError::Forbidden));
    let page = announcements::page(&w.state, &w.federal, &lille(), None).await.unwrap();
    assert!(!page.may_write);
    assert_eq!(announcements::page(&w.state, &w.adherent, &lille(), None).await.unwrap_err(), AppError::Forbidden);
    let nord = TeamScope::Federation("59".into());
    // The federation: every non-suspended person of its communes but Fanny herself.
    assert_eq!(announcements::preview(&w.state, &w.federal, &nord, &f).await.unwrap().0, 6);
    assert_eq!(announcements::preview(&w.state, &w.secretary, &nord, &f).await, Err(AppError::Forbidden));
}

async fn an_annonce_arrives_in_app_and_by_mail_with_its_unsubscribe(t: &TestDb) {
    let w = world(t, 0).await;
    let mut events = w.state.bus.subscribe();
    let id = announce(&w, &w.secretary, &lille(), form("sympathisants", &[])).await.unwrap();
    // In-app: a notification for each recipient leading to the annonce, and its live event.
    for who in [w.sacha, w.vera] {
        let subject = testing::subject(&t.db, who).await;
        let page = notifications::page(&w.state, &subject).await.unwrap();
        assert_eq!(page.unread, 1);
        assert_eq!(page.items[0].link, format!("/annonces/{id}"));
        assert_eq!(page.items[0].group_name.as_deref(), Some("Réunion de section"));
        let seen = announcements::read(&w.state, &subject, id).await.unwrap();
        assert!(seen.received && seen.html.as_str().contains("<strong>19 h</strong>") && seen.delivery.is_none());
    }
    let mut told = Vec::new();
    while let Ok(Ok(event)) = tokio::time::timeout(std::time::Duration::from_millis(200), events.recv()).await {
        told.extend(event.user_id);
    }
    told.sort();
    assert_eq!(told, [w.sacha, w.vera]);
    // Not a recipient: the answer a missing annonce gets. The team: with how many it reached.
    assert_eq!(announcements::read(&w.state, &w.adherent, id).await.unwrap_err(), AppError::NotFound);
    assert_eq!(announcements::read(&w.state, &w.animator, id).await.unwrap().delivery, Some((2, 1)));
    // By e-mail: Sacha only (Véra's address is not proven), with the one-click headers' address.
    let mails: Vec<_> = testing::outbox(&t.db).await.into_iter().filter(|m| m.kind == "announcement").collect();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to_address, "sacha@example.fr");
    assert!(mail.subject.contains("Réunion de section") && mail.body_text.contains("Mardi **19 h**"));
    let unsubscribe = mail.list_unsubscribe.clone().expect("List-Unsubscribe");
    assert!(mail.body_text.contains(&unsubscribe) && mail.body_html.contains(&unsubscribe));
    let token = unsubscribe.rsplit('/').next().unwrap().to_string();
    // The journal says who, which segment, how many — never who received it.
    let journal = store::audit::for_scope(&w.state.db, "section", &testing_section_code(&w).await, None, 10).await.unwrap();
    let line = journal.iter().find(|l| l.action == "announcement_sent").expect("journal line");
    assert_eq!(line.actor_handle.as_deref(), Some("sophie"));
    assert!(line.detail.contains("sympathisant·es") && line.detail.contains("2 destinataires dont 1 par e-mail"), "{}", line.detail);

    // Unsubscribing (no sign-in): no more annonce mails, the annonce still in-app; a bad token
    // changes nothing.
    assert_eq!(announcements::unsubscribe(&w.state, "pas-un-jeton").await, Err(AppError::NotFound));
    announcements::unsubscribe(&w.state, &token).await.unwrap();
    let second = announce(&w, &w.secretary, &lille(), form("sympathisants", &[])).await.unwrap();
    assert!(testing::outbox(&t.db).await.iter().all(|m| m.kind != "announcement"), "no mail after unsubscribing");
    let sacha = testing::subject(&t.db, w.sacha).await;
    let seen = announcements::read(&w.state, &sacha, second).await.unwrap();
    assert!(seen.received && !seen.by_mail);
    // Back on from the account page: mails again.
    announcements::set_by_mail(&w.state, &sacha, true).await.unwrap();
    announce(&w, &w.animator, &lille(), form("sympathisants", &[])).await.unwrap();
    assert_eq!(testing::outbox(&t.db).await.iter().filter(|m| m.kind == "announcement").count(), 1);
}

async fn testing_section_code(w: &World) -> String {
    store::sections::by_slug(&w.state.db, "lille").await.unwrap().unwrap().id.to_string()
}

async fn participants_of_an_action_wherever_they_live(t: &TestDb) {
    let w = world(t, 0).await;
    let start = now_ms() + 3 * 86_400_000;
    let action = RawForm::of(&[
        ("kind", "tractage"),
        ("title", "Tractage au marché"),
        ("description", "Le tract de la semaine."),
        ("place_name", "Marché de Wazemmes"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", &paris_datetime_input(start)),
        ("ends_at", &paris_datetime_input(start + 7_200_000)),
    ]);
    let action_id: ActionId = actions::create(&w.state, &w.secretary, &action).await.unwrap();
    for who in [w.remi, w.adherent_id] {
        let subject = testing::subject(&t.db, who).await;
        rsvp::answer(&w.state, &subject, action_id, &RawForm::of(&[("reponse", "oui")])).await.unwrap();
    }
    let f = form("participants", &[("action", &action_id.to_string())]);
    // Rémi lives in Roubaix: a participant all the same.
    assert_eq!(announcements::preview(&w.state, &w.secretary, &lille(), &f).await.unwrap().0, 2);
    let page = announcements::page(&w.state, &w.secretary, &lille(), None).await.unwrap();
    assert_eq!(page.actions.iter().map(|a| (a.id, a.going)).collect::<Vec<_>>(), [(action_id.get(), 2)]);
    // Another scope's action cannot be named.
    let nord = TeamScope::Federation("59".into());
    assert_eq!(field_error(announcements::preview(&w.state, &w.federal, &nord, &f).await, "action"), FieldError::InvalidChoice);
}

async fn a_team_sends_its_weekly_number(t: &TestDb) {
    let w = world(t, 2).await;
    announce(&w, &w.secretary, &lille(), form("all", &[])).await.unwrap();
    announce(&w, &w.animator, &lille(), form("adherents", &[])).await.unwrap();
    assert_eq!(
        field_error(announce(&w, &w.secretary, &lille(), form("all", &[])).await, "segment"),
        FieldError::WeeklyLimitReached { max: 2 }
    );
    let page = announcements::page(&w.state, &w.secretary, &lille(), None).await.unwrap();
    assert_eq!((page.remaining_this_week, page.sent.len()), (0, 2));
    // Another scope has its own.
    let nord = TeamScope::Federation("59".into());
    announce(&w, &w.federal, &nord, form("all", &[])).await.unwrap();
}

on_both_backends!(
    segments_reach_their_people_and_the_count_is_confirmed,
    only_the_team_writes,
    an_annonce_arrives_in_app_and_by_mail_with_its_unsubscribe,
    participants_of_an_action_wherever_they_live,
    a_team_sends_its_weekly_number
);
