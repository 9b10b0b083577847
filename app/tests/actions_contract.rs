//! Field actions contract: creation and its validation, who sees which action, answers with
//! capacity and waiting list (promotion, concurrency), participants' details, proposals,
//! cancellation, calendar files. On SQLite and PostgreSQL alike.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::i18n::paris_datetime_input;
use app::model::action::{ActionFilters, ActionKind, ActionStatus, ActionsLayout, RsvpStatus};
use app::model::form::{FieldError, RawForm};
use app::model::ids::{ActionId, SectionId, UserId};
use app::model::territory::{ScopeRef, SectionRef};
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::policy::Subject;
use app::server::services::{action_views, actions, calendar, profiles, rsvp};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

const DAY: i64 = 86_400_000;

/// A complete, valid action form starting in `days` days, overridden by `extra`.
fn action_form(days: i64, extra: &[(&str, &str)]) -> RawForm {
    let start = paris_datetime_input(now_ms() + days * DAY);
    let end = paris_datetime_input(now_ms() + days * DAY + 2 * 3_600_000);
    let mut pairs: Vec<(String, String)> = [
        ("kind", "tractage"),
        ("title", "Tractage au marché de Wazemmes"),
        ("description", "On distribue le tract sur les transports."),
        ("place_name", "Marché de Wazemmes, devant l'église"),
        ("commune", "Lille"),
        ("capacity", "1"),
        ("audience", "public"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    pairs.push(("starts_at".into(), start));
    pairs.push(("ends_at".into(), end));
    for (k, v) in extra {
        pairs.retain(|(name, _)| name != k);
        pairs.push((k.to_string(), v.to_string()));
    }
    RawForm(pairs)
}

struct World {
    state: AppState,
    lille: SectionId,
    secretary: UserId,
    sympathisant: UserId,
    second: UserId,
    roubaix: UserId,
    adherent: UserId,
    far: UserId,
}

async fn world(t: &TestDb) -> World {
    let state = t.state(RateLimits::default());
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let w = World {
        lille,
        secretary: testing::person(&t.db, "sophie-secretaire", "59350", "adherent", "confirmed").await,
        sympathisant: testing::person(&t.db, "sacha-sympathie", "59350", "sympathisant", "none").await,
        second: testing::person(&t.db, "samia-seconde", "59350", "sympathisant", "none").await,
        roubaix: testing::person(&t.db, "remi-roubaix", "59512", "sympathisant", "none").await,
        adherent: testing::person(&t.db, "ada-adherente", "59350", "adherent", "confirmed").await,
        far: testing::person(&t.db, "paul-paris", "75056", "adherent", "confirmed").await,
        state,
    };
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, w.secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    w
}

async fn who(w: &World, id: UserId) -> Subject {
    testing::subject(&w.state.db, id).await
}

fn errors<T: std::fmt::Debug>(result: Result<T, AppError>) -> Vec<(String, FieldError)> {
    match result {
        Err(AppError::Validation(e)) => e.0,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

async fn create_validates_and_places_the_action(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let refused = [
        (action_form(3, &[("ends_at", &paris_datetime_input(now_ms() + 2 * DAY))]), "ends_at", FieldError::EndBeforeStart),
        (action_form(-2, &[]), "starts_at", FieldError::InThePast),
        (action_form(3, &[("capacity", "0")]), "capacity", FieldError::MustBePositive),
        (action_form(3, &[("capacity", "-4")]), "capacity", FieldError::MustBePositive),
        (action_form(3, &[("lat", "3.06"), ("lng", "50.63")]), "lat", FieldError::OutsideFrance),
        (action_form(3, &[("reinforcements", "-1")]), "reinforcements", FieldError::MustNotBeNegative),
        (action_form(3, &[("starts_at", "demain matin")]), "starts_at", FieldError::InvalidDateTime),
        (action_form(3, &[("commune", "Atlantide")]), "commune", FieldError::UnknownCommune { entry: "Atlantide".into() }),
        (action_form(3, &[("organizers", "personne-inconnue")]), "organizers", FieldError::UnknownMember),
    ];
    for (f, field, expected) in refused {
        let e = errors(actions::create(&w.state, &secretary, &f).await);
        assert!(e.contains(&(field.to_string(), expected.clone())), "{field}: {expected:?} in {e:?}");
    }
    assert_eq!(store::actions::upcoming(&w.state.db, &everything(0)).await.unwrap().len(), 0, "nothing written by refused forms");

    // A sympathisant may not organize (not even propose).
    let sympathisant = who(&w, w.sympathisant).await;
    assert_eq!(actions::create(&w.state, &sympathisant, &action_form(3, &[])).await, Err(AppError::Forbidden));

    // Co-organizers are people of the scope: someone of Roubaix (or Paris) may not be named.
    for outsider in ["remi-roubaix", "paul-paris"] {
        let e = errors(actions::create(&w.state, &secretary, &action_form(3, &[("organizers", outsider)])).await);
        assert!(e.contains(&("organizers".to_string(), FieldError::NotOfScope)), "{outsider}: {e:?}");
    }

    let id = actions::create(&w.state, &secretary, &action_form(3, &[("organizers", "@ada-adherente")])).await.unwrap();
    let view = action_views::view(&w.state, &secretary, id).await.unwrap();
    assert_eq!(view.summary.status, ActionStatus::Published);
    assert_eq!(view.summary.organizer, ScopeRef::Section(SectionRef { slug: "lille".into(), name: "lille".into() }));
    assert!((view.summary.lat - 50.63).abs() < 0.1 && (view.summary.lng - 3.06).abs() < 0.1, "placed at Lille's point");
    // Naming someone invites them: they organize nothing (and see no participant's data) until
    // they accept.
    let organizers: Vec<String> = view.organizers.iter().map(|o| o.handle.clone()).collect();
    assert_eq!(organizers, vec!["sophie-secretaire".to_string()]);
    assert_eq!(view.pending_organizers.iter().map(|o| o.handle.as_str()).collect::<Vec<_>>(), vec!["ada-adherente"]);
    assert!(view.may_manage);
    let ada = who(&w, w.adherent).await;
    let invited = action_views::view(&w.state, &ada, id).await.unwrap();
    assert!(invited.organizer_invitation && !invited.may_manage);
    let told =
        store::notifications::for_user(&w.state.db, w.adherent, None, 50).await.unwrap().into_iter().map(|n| n.kind).collect::<Vec<_>>();
    assert!(told.contains(&"organizer_invited".to_string()), "{told:?}");
    // Someone not invited cannot answer an invitation (as if the action had none).
    let sacha = who(&w, w.sympathisant).await;
    assert_eq!(actions::answer_invitation(&w.state, &sacha, id, true).await, Err(AppError::NotFound));
    actions::answer_invitation(&w.state, &ada, id, true).await.unwrap();
    let accepted = action_views::view(&w.state, &ada, id).await.unwrap();
    assert!(accepted.may_manage && !accepted.organizer_invitation);
    assert_eq!(accepted.organizers.len(), 2);
    let told =
        store::notifications::for_user(&w.state.db, w.secretary, None, 50).await.unwrap().into_iter().map(|n| n.kind).collect::<Vec<_>>();
    assert!(told.contains(&"organizer_accepted".to_string()), "{told:?}");

    // A declined invitation leaves nothing behind.
    let other = actions::create(&w.state, &secretary, &action_form(4, &[("organizers", "ada-adherente")])).await.unwrap();
    actions::answer_invitation(&w.state, &ada, other, false).await.unwrap();
    let after = action_views::view(&w.state, &secretary, other).await.unwrap();
    assert!(after.pending_organizers.is_empty() && after.organizers.len() == 1);
    assert_eq!(actions::answer_invitation(&w.state, &ada, other, true).await, Err(AppError::NotFound), "answered once");
}

fn everything(viewer: i64) -> store::actions::UpcomingQuery {
    store::actions::UpcomingQuery {
        viewer,
        now_ms: 0,
        from_ms: i64::MIN,
        to_ms: i64::MAX,
        bbox: None,
        kind: None,
        section_id: None,
        federation_code: None,
        after: None,
        limit: 100,
    }
}

async fn found(w: &World, s: &Subject, filters: ActionFilters) -> Vec<i64> {
    action_views::list(&w.state, s, filters).await.unwrap().items.iter().map(|a| a.id).collect()
}

async fn audiences_and_distance(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let public = actions::create(&w.state, &secretary, &action_form(2, &[])).await.unwrap();
    let section = actions::create(&w.state, &secretary, &action_form(2, &[("audience", "section")])).await.unwrap();
    let members = actions::create(&w.state, &secretary, &action_form(2, &[("audience", "adherents")])).await.unwrap();
    let renfort =
        actions::create(&w.state, &secretary, &action_form(2, &[("audience", "section"), ("reinforcements", "6")])).await.unwrap();

    let anonymous = Subject::anonymous();
    let sympathisant = who(&w, w.sympathisant).await;
    let roubaix = who(&w, w.roubaix).await;
    let adherent = who(&w, w.adherent).await;
    let far = who(&w, w.far).await;
    let any = ActionFilters::default();
    // Anonymous, no reference point: every public upcoming action.
    assert_eq!(found(&w, &anonymous, any.clone()).await, vec![public]);
    assert_eq!(found(&w, &sympathisant, any.clone()).await, vec![public, section, renfort]);
    // Roubaix is 12 km away: within the default 30 km; the renfort opens the section action.
    assert_eq!(found(&w, &roubaix, any.clone()).await, vec![public, renfort]);
    let list = action_views::list(&w.state, &roubaix, any.clone()).await.unwrap();
    let d = list.items[0].distance_m.expect("distance from Roubaix");
    assert!((8_000..16_000).contains(&d), "{d}");
    assert!(list.items.iter().any(|a| a.id == renfort && a.highlighted));
    assert_eq!(found(&w, &roubaix, ActionFilters { radius_km: Some(5), ..any.clone() }).await, Vec::<i64>::new());
    assert_eq!(found(&w, &adherent, any.clone()).await, vec![public, section, members, renfort]);
    // Paris is 200 km away; a postal code moves the reference point.
    assert_eq!(found(&w, &far, any.clone()).await, Vec::<i64>::new());
    assert_eq!(found(&w, &far, ActionFilters { near: "59000".into(), ..any.clone() }).await, vec![public]);
    // Single reads say 404 exactly where lists say nothing.
    assert_eq!(action_views::view(&w.state, &sympathisant, members).await.map(|_| ()), Err(AppError::NotFound));
    assert_eq!(action_views::view(&w.state, &anonymous, section).await.map(|_| ()), Err(AppError::NotFound));
    assert!(action_views::view(&w.state, &roubaix, renfort).await.is_ok());
    // Filters: kind and dates.
    assert_eq!(
        found(&w, &adherent, ActionFilters { kind: Some(app::model::action::ActionKind::Phoning), ..any.clone() }).await,
        Vec::<i64>::new()
    );
    let too_late = paris_datetime_input(now_ms() + 10 * DAY)[..10].to_string();
    assert_eq!(found(&w, &adherent, ActionFilters { from: too_late, ..any.clone() }).await, Vec::<i64>::new());
    // Keyset pages: the cursor of the last action shown.
    let page = action_views::list(&w.state, &adherent, any.clone()).await.unwrap();
    assert_eq!(page.next, None, "4 actions fit on one page");
}

async fn answer(w: &World, id: i64, who_id: i64, reponse: &str, share: bool) -> Result<RsvpStatus, AppError> {
    let s = who(w, UserId(who_id)).await;
    let partage = if share { "oui" } else { "" };
    rsvp::answer(&w.state, &s, ActionId(id), &form(&[("reponse", reponse), ("partage", partage)])).await
}

async fn waiting_list_and_participants(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let id = actions::create(&w.state, &secretary, &action_form(2, &[])).await.unwrap();
    assert_eq!(answer(&w, id.get(), w.sympathisant.get(), "oui", true).await, Ok(RsvpStatus::Going));
    assert_eq!(answer(&w, id.get(), w.second.get(), "oui", false).await, Ok(RsvpStatus::Waiting));
    assert_eq!(answer(&w, id.get(), w.second.get(), "oui", false).await, Ok(RsvpStatus::Waiting), "asking twice keeps the rank");

    // The organizer sees full names, and the e-mail only of who allowed it.
    let view = action_views::view(&w.state, &secretary, id).await.unwrap();
    let p: Vec<(String, Option<String>, RsvpStatus)> =
        view.participants.iter().map(|p| (p.name.clone(), p.email.clone(), p.status)).collect();
    assert_eq!(
        p,
        vec![
            ("sacha-sympathie".into(), Some("sacha-sympathie@example.fr".into()), RsvpStatus::Going),
            ("samia-seconde".into(), None, RsvpStatus::Waiting)
        ]
    );
    // A participant sees how many come and the first names of those who allowed it, with no
    // e-mail and no link to a profile; someone who did not answer sees nobody.
    let second = who(&w, w.second).await;
    let seen = action_views::view(&w.state, &second, id).await.unwrap();
    assert!(seen.participants.is_empty(), "nobody allowed their first name to be seen");
    assert_eq!(seen.participants_total, 2);
    let sacha = who(&w, w.sympathisant).await;
    rsvp::answer(&w.state, &sacha, id, &form(&[("reponse", "oui"), ("partage", "oui"), ("prenom", "oui")])).await.unwrap();
    let seen = action_views::view(&w.state, &second, id).await.unwrap();
    let names: Vec<(String, Option<String>, Option<String>)> =
        seen.participants.iter().map(|p| (p.name.clone(), p.handle.clone(), p.email.clone())).collect();
    assert_eq!(names, vec![("sacha-sympathie".to_string(), None, None)]);
    assert!(view.participants.iter().all(|p| p.handle.is_some()), "organizers get the profile links");
    let adherent = who(&w, w.adherent).await;
    assert!(action_views::view(&w.state, &adherent, id).await.unwrap().participants.is_empty());

    // The first cancels: the waiting list moves up and is told.
    assert_eq!(answer(&w, id.get(), w.sympathisant.get(), "non", true).await, Ok(RsvpStatus::Declined));
    let view = action_views::view(&w.state, &second, id).await.unwrap();
    assert_eq!(view.summary.my_rsvp, Some(RsvpStatus::Going));
    assert_eq!((view.summary.going, view.waiting), (1, 0));
    let notes = store::notifications::for_user(&w.state.db, w.second, None, 10).await.unwrap();
    assert!(notes.iter().any(|n| n.kind == "action_promoted" && n.action_id == Some(id)), "{notes:?}");
    // The one who left can come back: on the waiting list now.
    assert_eq!(answer(&w, id.get(), w.sympathisant.get(), "oui", true).await, Ok(RsvpStatus::Waiting));

    // A bigger capacity promotes; cancellation tells everyone concerned.
    actions::edit(&w.state, &secretary, id, &action_form(2, &[("capacity", "5")])).await.unwrap();
    let sacha = who(&w, w.sympathisant).await;
    assert_eq!(action_views::view(&w.state, &sacha, id).await.unwrap().summary.my_rsvp, Some(RsvpStatus::Going));
    assert_eq!(
        actions::cancel(&w.state, &secretary, id, &form(&[("reason", "")])).await,
        Err(AppError::Validation(app::model::form::FieldErrors(vec![("reason".into(), FieldError::Required)])))
    );
    actions::cancel(&w.state, &secretary, id, &form(&[("reason", "Alerte météo")])).await.unwrap();
    for person in [w.sympathisant, w.second] {
        let notes = store::notifications::for_user(&w.state.db, person, None, 10).await.unwrap();
        assert!(notes.iter().any(|n| n.kind == "action_cancelled" && n.group_name.as_deref() == Some("Tractage au marché de Wazemmes")));
    }
    assert_eq!(answer(&w, id.get(), w.adherent.get(), "oui", false).await, Err(AppError::Forbidden), "no answers to a cancelled action");
    // Only organizers and the team above manage.
    assert_eq!(actions::cancel(&w.state, &second, id, &form(&[("reason", "Pour voir")])).await, Err(AppError::Forbidden));
}

/// Twelve people answer "oui" at once for three places: exactly three get one.
async fn concurrent_answers_never_overfill(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let id = actions::create(&w.state, &secretary, &action_form(2, &[("capacity", "3")])).await.unwrap();
    let mut people = Vec::new();
    for n in 0..12 {
        people.push(testing::person(&t.db, &format!("vol-{n}"), "59350", "sympathisant", "none").await);
    }
    let mut tasks = Vec::new();
    for person in people {
        let state = w.state.clone();
        let s = who(&w, UserId(person.get())).await;
        tasks.push(tokio::spawn(async move { rsvp::answer(&state, &s, id, &form(&[("reponse", "oui")])).await }));
    }
    let mut going = 0;
    for task in tasks {
        if task.await.unwrap().unwrap() == RsvpStatus::Going {
            going += 1;
        }
    }
    assert_eq!(going, 3);
    let view = action_views::view(&w.state, &secretary, id).await.unwrap();
    assert_eq!((view.summary.going, view.waiting), (3, 9));
}

async fn proposals_wait_for_approval(t: &TestDb) {
    let w = world(t).await;
    let ada = who(&w, w.adherent).await;
    let id = actions::create(&w.state, &ada, &action_form(4, &[])).await.unwrap();
    let sympathisant = who(&w, w.sympathisant).await;
    assert_eq!(action_views::view(&w.state, &sympathisant, id).await.map(|_| ()), Err(AppError::NotFound));
    assert!(found(&w, &sympathisant, ActionFilters::default()).await.is_empty());
    let secretary = who(&w, w.secretary).await;
    let notes = store::notifications::for_user(&w.state.db, w.secretary, None, 10).await.unwrap();
    assert!(notes.iter().any(|n| n.kind == "action_proposed" && n.action_id == Some(id)));
    assert_eq!(actions::approve(&w.state, &ada, id).await, Err(AppError::Forbidden), "not by its author");
    actions::approve(&w.state, &secretary, id).await.unwrap();
    assert_eq!(found(&w, &sympathisant, ActionFilters::default()).await, vec![id]);
    let notes = store::notifications::for_user(&w.state.db, w.adherent, None, 10).await.unwrap();
    assert!(notes.iter().any(|n| n.kind == "action_approved"));
    let _ = w.lille;
}

async fn calendar_files(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let id = actions::create(&w.state, &secretary, &action_form(2, &[("title", "Porte-à-porte, quartier; Moulins")])).await.unwrap();
    let ics = calendar::action_file(&w.state, &Subject::anonymous(), id, "https://coopol.example").await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("SUMMARY:Porte-à-porte\\, quartier\\; Moulins"));
    assert!(ics.contains(&format!("URL:https://coopol.example/actions/{id}")));

    let sacha = who(&w, w.sympathisant).await;
    answer(&w, id.get(), w.sympathisant.get(), "oui", false).await.unwrap();
    let token = calendar::new_token(&w.state, &sacha).await.unwrap();
    let feed = calendar::personal_feed(&w.state, &token, "https://coopol.example").await.unwrap();
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), 1);
    // A new token revokes the old one; deleting revokes all.
    let newer = calendar::new_token(&w.state, &sacha).await.unwrap();
    assert_eq!(calendar::personal_feed(&w.state, &token, "x").await, Err(AppError::NotFound));
    calendar::revoke(&w.state, &sacha).await.unwrap();
    assert_eq!(calendar::personal_feed(&w.state, &newer, "x").await, Err(AppError::NotFound));
}

/// Says in the profile what this person is available for (everything else as at sign-up).
async fn available_for(w: &World, id: i64, handle: &str, kinds: &[&str]) {
    let mut pairs = vec![("display_name", "Personne Test"), ("handle", handle)];
    for field in ["bio", "status", "mandates", "responsibilities", "interests", "availabilities"] {
        pairs.push((Box::leak(format!("{field}_visibility").into_boxed_str()), "section"));
    }
    pairs.extend(kinds.iter().map(|k| ("availabilities", *k)));
    profiles::update_profile(&w.state, &who(w, UserId(id)).await, &form(&pairs)).await.unwrap();
}

async fn renfort_reaches_nearby_sympathisants_across_the_border(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let section = actions::create(&w.state, &secretary, &action_form(2, &[("audience", "section")])).await.unwrap();
    let renfort =
        actions::create(&w.state, &secretary, &action_form(2, &[("audience", "section"), ("reinforcements", "6")])).await.unwrap();
    // Carvin (Pas-de-Calais, 17 km from Lille): another federation.
    let carvin_sympathisant = testing::person(&t.db, "carla-carvin", "62215", "sympathisant", "none").await;
    let carvin_adherent = testing::person(&t.db, "camille-carvin", "62215", "adherent", "confirmed").await;
    let carla = who(&w, UserId(carvin_sympathisant.get())).await;
    let camille = who(&w, UserId(carvin_adherent.get())).await;
    assert_eq!(found(&w, &carla, ActionFilters::default()).await, vec![renfort], "the renfort, not the section's routine");
    let list = action_views::list(&w.state, &carla, ActionFilters::default()).await.unwrap();
    assert!(list.items[0].highlighted);
    assert!(action_views::view(&w.state, &carla, renfort).await.is_ok());
    assert_eq!(action_views::view(&w.state, &carla, section).await.map(|_| ()), Err(AppError::NotFound));
    assert_eq!(rsvp::answer(&w.state, &carla, renfort, &form(&[("reponse", "oui")])).await, Ok(RsvpStatus::Going));
    // A confirmed adhérent of another federation works with their own federation.
    assert_eq!(found(&w, &camille, ActionFilters::default()).await, Vec::<i64>::new());
    // In Lille, the section's adhérents see it as routine; its sympathisants as a call to them.
    let adherent = action_views::list(&w.state, &who(&w, w.adherent).await, ActionFilters::default()).await.unwrap();
    assert!(adherent.items.iter().all(|a| !a.highlighted), "{:?}", adherent.items);
    let sympathisant = action_views::list(&w.state, &who(&w, w.sympathisant).await, ActionFilters::default()).await.unwrap();
    assert!(sympathisant.items.iter().any(|a| a.id == renfort && a.highlighted));
    assert!(sympathisant.items.iter().any(|a| a.id == section && !a.highlighted));
}

async fn suggestions_follow_declared_availabilities(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let tractage = actions::create(&w.state, &secretary, &action_form(2, &[])).await.unwrap();
    let phoning = actions::create(&w.state, &secretary, &action_form(3, &[("kind", "phoning")])).await.unwrap();
    let permanence = actions::create(&w.state, &secretary, &action_form(4, &[("kind", "permanence")])).await.unwrap();
    let suggested = |page: app::model::action::ActionsPage| page.suggestions.iter().map(|a| a.id).collect::<Vec<_>>();
    let sacha = who(&w, w.sympathisant).await;
    assert_eq!(suggested(action_views::list(&w.state, &sacha, ActionFilters::default()).await.unwrap()), Vec::<i64>::new());
    available_for(&w, w.sympathisant.get(), "sacha-sympathie", &["tractage", "accueil"]).await;
    let page = action_views::list(&w.state, &sacha, ActionFilters::default()).await.unwrap();
    assert_eq!(suggested(page.clone()), vec![tractage, permanence], "phoning is not among the availabilities");
    assert!(page.suggestions.iter().all(|a| a.suggested && a.distance_m.is_some()));
    assert!(page.items.iter().any(|a| a.id == phoning), "the list itself is unchanged");
    // Answered: no longer a suggestion. Far away (Paris): none.
    rsvp::answer(&w.state, &sacha, tractage, &form(&[("reponse", "non")])).await.unwrap();
    assert_eq!(suggested(action_views::list(&w.state, &sacha, ActionFilters::default()).await.unwrap()), vec![permanence]);
    available_for(&w, w.far.get(), "paul-paris", &["tractage"]).await;
    let paul = who(&w, w.far).await;
    let near_lille = ActionFilters { near: "59000".into(), ..Default::default() };
    assert_eq!(suggested(action_views::list(&w.state, &paul, near_lille).await.unwrap()), Vec::<i64>::new(), "near one's commune only");
    // Only the first page of the list carries them.
    let other = ActionFilters { layout: Some(ActionsLayout::Map), ..Default::default() };
    assert_eq!(suggested(action_views::list(&w.state, &sacha, other).await.unwrap()), Vec::<i64>::new());
}

async fn map_and_calendar_layouts(t: &TestDb) {
    let w = world(t).await;
    let secretary = who(&w, w.secretary).await;
    let soon = actions::create(&w.state, &secretary, &action_form(2, &[])).await.unwrap();
    let later = actions::create(&w.state, &secretary, &action_form(45, &[("kind", "phoning")])).await.unwrap();
    let adherent = who(&w, w.adherent).await;

    let map =
        action_views::list(&w.state, &adherent, ActionFilters { layout: Some(ActionsLayout::Map), ..Default::default() }).await.unwrap();
    assert_eq!(map.items.iter().map(|a| a.id).collect::<Vec<_>>(), vec![soon, later]);
    assert_eq!(map.map.as_ref().map(|m| m.tiles.as_str()), Some(app::server::context::OSM_TILES));
    assert!(map.items.iter().all(|a| (a.lat - 50.63).abs() < 0.1), "markers at Lille");

    let day = paris_datetime_input(now_ms() + 2 * DAY)[..10].to_string();
    let month = ActionFilters { layout: Some(ActionsLayout::Month), period: day[..7].to_string(), ..Default::default() };
    let page = action_views::list(&w.state, &adherent, month.clone()).await.unwrap();
    assert!(page.items.is_empty() && page.next.is_none(), "a calendar is one page of days");
    let calendar = page.calendar.expect("a month");
    assert_eq!(calendar.days.len() % 7, 0);
    let on_day: Vec<i64> = calendar.days.iter().filter(|d| d.date == day).flat_map(|d| d.items.iter().map(|a| a.id)).collect();
    assert_eq!(on_day, vec![soon]);
    let everywhere: Vec<i64> = calendar.days.iter().flat_map(|d| d.items.iter().map(|a| a.id)).collect();
    assert!(!everywhere.contains(&later.get()), "45 days later is another month");
    // The calendar follows the filters, and keeps them in its links.
    let phoning = ActionFilters { kind: Some(ActionKind::Phoning), ..month };
    let page = action_views::list(&w.state, &adherent, phoning).await.unwrap();
    assert!(page.calendar.expect("a month").days.iter().all(|d| d.items.is_empty()));

    let week = ActionFilters { layout: Some(ActionsLayout::Week), period: day.clone(), ..Default::default() };
    let calendar = action_views::list(&w.state, &adherent, week).await.unwrap().calendar.expect("a week");
    assert_eq!(calendar.days.len(), 7);
    assert!(calendar.days.iter().any(|d| d.date == day && d.items.iter().any(|a| a.id == soon)));
    // A past week still shows what happened in it.
    let past = ActionFilters { layout: Some(ActionsLayout::Week), period: "2020-01-06".into(), ..Default::default() };
    let calendar = action_views::list(&w.state, &adherent, past).await.unwrap().calendar.expect("a week");
    assert_eq!(calendar.days[0].date, "2020-01-06");
}

on_both_backends!(
    create_validates_and_places_the_action,
    renfort_reaches_nearby_sympathisants_across_the_border,
    suggestions_follow_declared_availabilities,
    map_and_calendar_layouts,
    audiences_and_distance,
    waiting_list_and_participants,
    concurrent_answers_never_overfill,
    proposals_wait_for_approval,
    calendar_files
);
