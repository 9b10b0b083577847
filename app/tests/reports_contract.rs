//! Comptes-rendus and section statistics contract: who may write one, validation with the
//! input kept, idempotent replays (offline sync), rewriting, new contacts with consent and expiry,
//! and the statistics they feed. On SQLite and PostgreSQL alike.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::i18n::paris_datetime_input;
use app::model::form::{FieldError, RawForm};
use app::model::ids::{ActionId, UserId};
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::services::{action_views, actions, reports, rsvp, statistics};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};

const DAY: i64 = 86_400_000;

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

struct World {
    state: AppState,
    secretary: UserId,
    participant: UserId,
    bystander: UserId,
    action: ActionId,
}

/// Lille's secretary organized a tractage yesterday; Sacha had a place, Ada did not answer.
async fn world(t: &TestDb) -> World {
    let state = t.state(RateLimits::default());
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    let secretary = testing::person(&t.db, "sophie-secretaire", "59350", "adherent", "confirmed").await;
    let participant = testing::person(&t.db, "sacha-sympathie", "59350", "sympathisant", "none").await;
    let bystander = testing::person(&t.db, "ada-adherente", "59350", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let start = paris_datetime_input(now_ms() + 2 * DAY);
    let end = paris_datetime_input(now_ms() + 2 * DAY + 7_200_000);
    let action_form = form(&[
        ("kind", "tractage"),
        ("title", "Tractage au marché"),
        ("place_name", "Marché de Wazemmes"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", &start),
        ("ends_at", &end),
    ]);
    let sophie = testing::subject(&t.db, secretary).await;
    let action = actions::create(&state, &sophie, &action_form).await.unwrap();
    let sacha = testing::subject(&t.db, participant).await;
    rsvp::answer(&state, &sacha, action, &form(&[("reponse", "oui")])).await.unwrap();
    testing::move_action(&t.db, action, now_ms() - DAY, now_ms() - DAY + 7_200_000).await;
    World { state, secretary, participant, bystander, action }
}

async fn who_may_report_and_validation(t: &TestDb) {
    let w = world(t).await;
    let ada = testing::subject(&t.db, w.bystander).await;
    let sacha = testing::subject(&t.db, w.participant).await;
    let good = form(&[("cle", "cle-0000000000000001"), ("tracts", "300"), ("present", "2")]);
    assert_eq!(reports::submit(&w.state, &ada, w.action, &good, &[]).await, Err(AppError::Forbidden), "no place, no compte-rendu");
    assert_eq!(reports::form_view(&w.state, &ada, w.action).await.err(), Some(AppError::Forbidden));
    let bad = form(&[("cle", "cle-0000000000000002"), ("tracts", "-3"), ("doors_knocked", "5"), ("doors_opened", "9")]);
    match reports::submit(&w.state, &sacha, w.action, &bad, &[]).await {
        Err(AppError::Validation(e)) => {
            assert_eq!(e.get("tracts"), Some(&FieldError::MustNotBeNegative));
            assert!(matches!(e.get("doors_opened"), Some(FieldError::MoreThan { .. })));
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert!(store::reports::of_action(&t.db, w.action).await.unwrap().is_none(), "nothing written");
    // The refused key was not used up: the corrected submission goes through with it.
    let fixed = form(&[("cle", "cle-0000000000000002"), ("tracts", "3"), ("doors_knocked", "5"), ("doors_opened", "4")]);
    assert_eq!(reports::submit(&w.state, &sacha, w.action, &fixed, &[]).await, Ok(true));
    let view = reports::form_view(&w.state, &sacha, w.action).await.unwrap();
    assert!(view.already_written && view.values.contains(&("doors_opened".to_string(), "4".to_string())));
    assert_eq!(view.key.len(), 64, "a fresh key per form");
}

async fn replays_count_once_and_contacts_expire(t: &TestDb) {
    let w = world(t).await;
    let sophie = testing::subject(&t.db, w.secretary).await;
    let submission = form(&[
        ("cle", "hors-ligne-0000000001"),
        ("present", "3"),
        ("tracts", "450"),
        ("contact1_name", "Jeanne Marché"),
        ("contact1_phone", "06 12 34 56 78"),
        ("contact1_consent", "oui"),
        ("contact1_duree", "6"),
        ("contact1_benevole", "oui"),
    ]);
    assert_eq!(reports::submit(&w.state, &sophie, w.action, &submission, &[]).await, Ok(true));
    // The offline queue sends it again (the answer was lost): nothing changes.
    assert_eq!(reports::submit(&w.state, &sophie, w.action, &submission, &[]).await, Ok(false));
    let report = store::reports::of_action(&t.db, w.action).await.unwrap().unwrap();
    assert_eq!((report.tracts, report.present, report.contacts), (450, 3, 1));

    // Organizers see the contact; the participant does not.
    let view = action_views::view(&w.state, &sophie, w.action).await.unwrap();
    assert_eq!(view.contacts.len(), 1);
    assert!(view.contacts[0].wants_volunteer && view.contacts[0].expires_at_ms > now_ms() + 150 * DAY);
    let sacha = testing::subject(&t.db, w.participant).await;
    let seen = action_views::view(&w.state, &sacha, w.action).await.unwrap();
    assert!(seen.contacts.is_empty());
    assert_eq!(seen.report.map(|r| r.tracts), Some(450));

    // A participant who did not write it may not rewrite it; its author (an organizer) may, and
    // the new figures are the current ones.
    let rewrite = form(&[("cle", "hors-ligne-0000000002"), ("present", "4"), ("tracts", "500")]);
    assert_eq!(reports::submit(&w.state, &sacha, w.action, &rewrite, &[]).await, Err(AppError::Forbidden));
    assert_eq!(reports::submit(&w.state, &sophie, w.action, &rewrite, &[]).await, Ok(true));
    let stats = statistics::section(&w.state, &sophie, "lille").await.unwrap();
    assert_eq!((stats.totals.actions, stats.totals.tracts, stats.totals.participants, stats.totals.contacts), (1, 500, 4, 1));

    // Past their retention, contacts are deleted by the housekeeping.
    assert_eq!(store::reports::purge_expired_contacts(&t.db, now_ms()).await.unwrap(), 0);
    assert_eq!(store::reports::purge_expired_contacts(&t.db, now_ms() + 200 * DAY).await.unwrap(), 1);
    assert_eq!(store::reports::of_action(&t.db, w.action).await.unwrap().unwrap().contacts, 0);
}

async fn statistics_are_for_the_section(t: &TestDb) {
    let w = world(t).await;
    let sacha = testing::subject(&t.db, w.participant).await;
    let ada = testing::subject(&t.db, w.bystander).await;
    assert_eq!(statistics::section(&w.state, &sacha, "lille").await.err(), Some(AppError::Forbidden), "sympathisants: no");
    let stats = statistics::section(&w.state, &ada, "lille").await.unwrap();
    assert_eq!(stats.months.len(), 12);
    assert_eq!(stats.totals.actions, 1);
    assert_eq!(stats.totals.participants, 1, "no compte-rendu yet: the places taken");
    assert_eq!(statistics::section(&w.state, &ada, "nulle-part").await.err(), Some(AppError::NotFound));
}

/// Idempotency keys are one person's, for one action: someone else's key, or one's own for
/// another action, saves a compte-rendu instead of answering "already saved" for nothing.
async fn keys_are_per_person_and_action(t: &TestDb) {
    let w = world(t).await;
    let sophie = testing::subject(&t.db, w.secretary).await;
    let sacha = testing::subject(&t.db, w.participant).await;
    let key = "cle-partagee-0000000001";
    assert_eq!(reports::submit(&w.state, &sacha, w.action, &form(&[("cle", key), ("tracts", "10")]), &[]).await, Ok(true));
    // Sophie (organizer) sends another compte-rendu with the same key: a new version, saved.
    assert_eq!(reports::submit(&w.state, &sophie, w.action, &form(&[("cle", key), ("tracts", "20")]), &[]).await, Ok(true));
    assert_eq!(store::reports::of_action(&t.db, w.action).await.unwrap().unwrap().tracts, 20);
    // Sacha's same key on another action of hers is a new compte-rendu.
    let other = actions::create(
        &w.state,
        &sophie,
        &form(&[
            ("kind", "porte_a_porte"),
            ("title", "Porte-à-porte"),
            ("place_name", "Fives"),
            ("commune", "Lille"),
            ("audience", "public"),
            ("starts_at", &paris_datetime_input(now_ms() + 2 * DAY)),
            ("ends_at", &paris_datetime_input(now_ms() + 2 * DAY + 3_600_000)),
        ]),
    )
    .await
    .unwrap();
    rsvp::answer(&w.state, &sacha, other, &form(&[("reponse", "oui")])).await.unwrap();
    testing::move_action(&t.db, other, now_ms() - DAY, now_ms() - DAY + 3_600_000).await;
    assert_eq!(reports::submit(&w.state, &sacha, other, &form(&[("cle", key), ("tracts", "30")]), &[]).await, Ok(true));
    assert_eq!(store::reports::of_action(&t.db, other).await.unwrap().unwrap().tracts, 30);
    // Her own replay on the first action changes nothing (it was saved the first time).
    assert_eq!(reports::submit(&w.state, &sacha, w.action, &form(&[("cle", key), ("tracts", "10")]), &[]).await, Ok(false));
    assert_eq!(store::reports::of_action(&t.db, w.action).await.unwrap().unwrap().tracts, 20, "the replay changed nothing");
}

/// Every version is kept; the first author and the organizers rewrite; notes are for the
/// organizers and are erased with the contacts.
async fn revisions_and_notes(t: &TestDb) {
    let w = world(t).await;
    let sophie = testing::subject(&t.db, w.secretary).await;
    let sacha = testing::subject(&t.db, w.participant).await;
    let first = form(&[("cle", "version-000000000001"), ("tracts", "100"), ("notes", "Marché très calme, NOTE-PRIVEE")]);
    assert_eq!(reports::submit(&w.state, &sacha, w.action, &first, &[]).await, Ok(true));
    let second = form(&[("cle", "version-000000000002"), ("tracts", "120"), ("notes", "Marché très calme, NOTE-PRIVEE")]);
    assert_eq!(reports::submit(&w.state, &sacha, w.action, &second, &[]).await, Ok(true), "its author rewrites it");
    let third = form(&[("cle", "version-000000000003"), ("tracts", "150"), ("notes", "NOTE-PRIVEE corrigée")]);
    assert_eq!(reports::submit(&w.state, &sophie, w.action, &third, &[]).await, Ok(true), "an organizer rewrites it");
    let current = store::reports::of_action(&t.db, w.action).await.unwrap().unwrap();
    assert_eq!((current.tracts, current.revisions, current.author_id), (150, 3, Some(w.participant)));
    let history: Vec<i64> = store::reports::revisions(&t.db, w.action).await.unwrap().iter().map(|v| v.tracts).collect();
    assert_eq!(history, vec![150, 120, 100], "newest first, nothing lost");
    // Statistics count the current version once.
    let stats = statistics::section(&w.state, &sophie, "lille").await.unwrap();
    assert_eq!(stats.totals.tracts, 150);

    // The organizer sees the notes and the history; the participant sees neither.
    let organizer_view = action_views::view(&w.state, &sophie, w.action).await.unwrap();
    assert!(organizer_view.report.as_ref().unwrap().notes.contains("NOTE-PRIVEE"));
    assert_eq!(organizer_view.report_history.len(), 3);
    let participant_view = action_views::view(&w.state, &sacha, w.action).await.unwrap();
    assert_eq!(participant_view.report.as_ref().unwrap().notes, "");
    assert!(participant_view.report_history.is_empty());
    let visitor = action_views::view(&w.state, &app::server::policy::Subject::anonymous(), w.action).await.unwrap();
    assert_eq!(visitor.report.unwrap().notes, "", "never to visitors of a public action");

    // Notes expire: with no contact, after the shortest retention (6 months), everywhere.
    assert_eq!(store::reports::purge_expired_notes(&t.db, now_ms() + 150 * DAY).await.unwrap(), 0);
    assert_eq!(store::reports::purge_expired_notes(&t.db, now_ms() + 200 * DAY).await.unwrap(), 4, "current + 3 revisions");
    assert_eq!(store::reports::of_action(&t.db, w.action).await.unwrap().unwrap().notes, "");
}

on_both_backends!(
    who_may_report_and_validation,
    replays_count_once_and_contacts_expire,
    statistics_are_for_the_section,
    keys_are_per_person_and_action,
    revisions_and_notes,
);
