//! The store contract: every store function and service, run on SQLite and on PostgreSQL, must
//! behave the same.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::model::account::Handle;
use app::model::form::{FieldError, RawForm};
use app::model::ids::UserId;
use app::model::profile::{Availability, ProfileUpdate, Visibility};
use app::on_both_backends;
use app::server::context::{Limit, RateLimits};
use app::server::db::is_unique_violation;
use app::server::policy::SessionUser;
use app::server::policy::Subject;
use app::server::services::{accounts, profiles, rate_limit, sessions, subjects};
use app::server::store::{self, consents};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, Db};

fn new_user<'a>(handle: &'a str, email: &'a str, normalized: &'a str) -> store::users::NewUser<'a> {
    store::users::NewUser {
        handle,
        display_name: "Élise Martin",
        email,
        email_normalized: Some(normalized),
        password_hash: "$argon2id$fake",
        postal_code: "59000",
        membership: "adherent",
        membership_status: "pending",
        commune_insee: Some("59350"),
        now_ms: 1_795_514_400_000,
    }
}

async fn insert_user(db: &Db, handle: &str, email: &str) -> UserId {
    let mut tx = db.begin().await.expect("begin");
    let id = store::users::insert(&mut tx, &new_user(handle, email, &email.to_lowercase())).await.expect("insert");
    store::profiles::insert_default(&mut tx, id, now_ms()).await.expect("profile");
    tx.commit().await.expect("commit");
    UserId(id.get())
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

fn signup_form(name: &str, email: &str) -> RawForm {
    form(&[
        ("display_name", name),
        ("email", email),
        ("password", "un mot de passe solide"),
        ("postal_code", "59000"),
        ("membership", "sympathisant"),
        ("consent", "oui"),
        ("charte", "oui"),
    ])
}

fn signin_form(email: &str, password: &str) -> RawForm {
    form(&[("email", email), ("password", password)])
}

fn session_user(id: UserId, handle: &str) -> SessionUser {
    SessionUser {
        id,
        handle: handle.into(),
        display_name: "X".into(),
        section_slug: None,
        federation_code: None,
        token_hash: String::new(),
    }
}

/// The policy subject of a signed-in person, as a request would build it.
async fn subject(t: &TestDb, id: UserId) -> Subject {
    subjects::load(&t.db, Some(session_user(id, "x"))).await.expect("subject")
}

async fn users_are_stored_and_found(t: &TestDb) {
    let db = &t.db;
    let id = insert_user(db, "elise", "Elise@Example.fr").await;
    let row = store::users::by_id(db, id).await.unwrap().expect("by id");
    assert_eq!(row.handle, "elise");
    assert_eq!(row.email, "Elise@Example.fr");
    assert_eq!(row.created_at, 1_795_514_400_000, "i64 timestamps survive the round trip");
    assert_eq!(store::users::by_handle(db, "elise").await.unwrap().map(|r| r.id), Some(id));
    assert!(store::users::by_handle(db, "nobody").await.unwrap().is_none());
    let creds = store::users::credentials_by_email(db, "elise@example.fr").await.unwrap().expect("creds");
    assert_eq!((creds.id, creds.password_hash.as_str()), (id, "$argon2id$fake"));
    assert_eq!(store::users::count(db).await.unwrap(), 1);

    let mut tx = db.begin().await.unwrap();
    assert_eq!(
        store::users::holder_of_email(&mut tx, "elise@example.fr").await.unwrap(),
        Some((id, "Élise Martin".to_string(), "Elise@Example.fr".to_string()))
    );
    assert_eq!(store::users::holder_of_email(&mut tx, "other@example.fr").await.unwrap(), None);
    assert!(!store::users::handle_taken_by_other(&mut tx, "elise", id).await.unwrap());
    assert!(store::users::handle_taken_by_other(&mut tx, "elise", UserId(id.get() + 1)).await.unwrap());
    store::users::update_identity(&mut tx, id, "Élise M.", "elise-m", now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let row = store::users::by_id(db, id).await.unwrap().expect("row");
    assert_eq!((row.display_name.as_str(), row.handle.as_str()), ("Élise M.", "elise-m"));
}

async fn unique_constraints_are_recognized(t: &TestDb) {
    let db = &t.db;
    insert_user(db, "elise", "elise@example.fr").await;
    let mut tx = db.begin().await.unwrap();
    let err = store::users::insert(&mut tx, &new_user("autre", "ELISE@example.fr", "elise@example.fr")).await.unwrap_err();
    assert!(is_unique_violation(&err, "users_email_normalized_key", "users.email_normalized"), "{err}");
    drop(tx);
    let mut tx = db.begin().await.unwrap();
    let err = store::users::insert(&mut tx, &new_user("elise", "x@example.fr", "x@example.fr")).await.unwrap_err();
    assert!(is_unique_violation(&err, "users_handle_key", "users.handle"), "{err}");
    assert!(!is_unique_violation(&err, "users_email_normalized_key", "users.email_normalized"));
}

async fn uncommitted_transactions_leave_nothing(t: &TestDb) {
    let db = &t.db;
    {
        let mut tx = db.begin().await.unwrap();
        store::users::insert(&mut tx, &new_user("ghost", "ghost@example.fr", "ghost@example.fr")).await.unwrap();
        // dropped without commit
    }
    assert!(store::users::by_handle(db, "ghost").await.unwrap().is_none());
    assert_eq!(store::users::count(db).await.unwrap(), 0);
}

async fn taken_handles_cover_suffixes(t: &TestDb) {
    let db = &t.db;
    insert_user(db, "jean", "a@example.fr").await;
    insert_user(db, "jean-2", "b@example.fr").await;
    insert_user(db, "jeanne", "c@example.fr").await;
    let mut tx = db.begin().await.unwrap();
    let mut taken = store::users::taken_handles(&mut tx, "jean").await.unwrap();
    taken.sort();
    assert_eq!(taken, ["jean", "jean-2"]);
}

async fn consents_are_recorded(t: &TestDb) {
    let db = &t.db;
    let id = insert_user(db, "elise", "elise@example.fr").await;
    let mut tx = db.begin().await.unwrap();
    consents::record(&mut tx, id, consents::PURPOSE_POLITICAL_OPINION, "v1", consents::METHOD_SIGNUP_CHECKBOX, 42).await.unwrap();
    tx.commit().await.unwrap();
    let rows = consents::for_user(db, id).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].purpose, consents::PURPOSE_POLITICAL_OPINION);
    assert_eq!((rows[0].text_version.as_str(), rows[0].granted_at, rows[0].withdrawn_at), ("v1", 42, None));
}

async fn sessions_live_and_die(t: &TestDb) {
    let db = &t.db;
    let id = insert_user(db, "elise", "elise@example.fr").await;
    let other = insert_user(db, "paul", "paul@example.fr").await;
    let now = now_ms();
    let mut tx = db.begin().await.unwrap();
    store::sessions::insert(&mut tx, "h1", id, now, now + 1000).await.unwrap();
    store::sessions::insert(&mut tx, "h2", id, now, now + 1000).await.unwrap();
    store::sessions::insert(&mut tx, "old", id, now - 5000, now - 1).await.unwrap();
    store::sessions::insert(&mut tx, "p1", other, now, now + 1000).await.unwrap();
    tx.commit().await.unwrap();

    let found = store::sessions::find_subject(db, "h1", now).await.unwrap();
    assert_eq!(found.len(), 1, "one row for a person without roles");
    assert_eq!((found[0].user_id, found[0].handle.as_str()), (id, "elise"));
    assert_eq!((found[0].role.as_deref(), found[0].unread_notifications), (None, 0));
    assert!(store::sessions::find_subject(db, "old", now).await.unwrap().is_empty(), "expired");
    assert!(store::sessions::find_subject(db, "nope", now).await.unwrap().is_empty());
    // The same statement brings the person's roles, a row each.
    let mut tx = db.begin().await.unwrap();
    store::roles::grant(&mut tx, other, "national_admin", "national", "", None, now).await.unwrap();
    store::roles::grant(&mut tx, other, "federation_animator", "federation", "59", None, now).await.unwrap();
    tx.commit().await.unwrap();
    let with_roles = store::sessions::find_subject(db, "p1", now).await.unwrap();
    let roles: Vec<_> = with_roles.iter().map(|r| (r.user_id, r.role.as_deref(), r.scope_kind.as_deref())).collect();
    assert_eq!(roles, [(other, Some("federation_animator"), Some("federation")), (other, Some("national_admin"), Some("national"))]);
    assert_eq!(store::sessions::count_for_user(db, id).await.unwrap(), 3);

    let mut tx = db.begin().await.unwrap();
    store::sessions::touch(&mut tx, "h1", now + 10, now + 99_999, Some("Firefox sur Linux")).await.unwrap();
    assert_eq!(store::sessions::delete_expired(&mut tx, now).await.unwrap(), 1);
    assert_eq!(store::sessions::delete(&mut tx, "h2").await.unwrap(), 1);
    tx.commit().await.unwrap();
    let touched = store::sessions::find_subject(db, "h1", now).await.unwrap();
    assert_eq!((touched[0].last_seen_at, touched[0].expires_at), (now + 10, now + 99_999));

    let mut tx = db.begin().await.unwrap();
    assert_eq!(store::sessions::delete_all_for_user(&mut tx, id).await.unwrap(), 1);
    tx.commit().await.unwrap();
    assert_eq!(store::sessions::count_for_user(db, id).await.unwrap(), 0);
    assert_eq!(store::sessions::count_for_user(db, other).await.unwrap(), 1, "other people's sessions untouched");
}

async fn rate_limit_counters_count_per_window(t: &TestDb) {
    let db = &t.db;
    let mut tx = db.begin().await.unwrap();
    assert_eq!(store::rate_limits::current(&mut tx, "b", 1000).await.unwrap(), 0);
    assert_eq!(store::rate_limits::hit(&mut tx, "b", 1000).await.unwrap(), 1);
    assert_eq!(store::rate_limits::hit(&mut tx, "b", 1000).await.unwrap(), 2);
    assert_eq!(store::rate_limits::hit(&mut tx, "b", 2000).await.unwrap(), 1);
    assert_eq!(store::rate_limits::hit(&mut tx, "c", 1000).await.unwrap(), 1);
    assert_eq!(store::rate_limits::current(&mut tx, "b", 1000).await.unwrap(), 2);
    assert_eq!(store::rate_limits::purge(&mut tx, 2000).await.unwrap(), 2);
    assert_eq!(store::rate_limits::current(&mut tx, "b", 2000).await.unwrap(), 1);
    tx.commit().await.unwrap();

    let limit = Limit { max: 2, window_secs: 3600 };
    rate_limit::hit(db, "svc", limit).await.unwrap();
    rate_limit::ensure_not_blocked(db, "svc", limit).await.unwrap();
    rate_limit::hit(db, "svc", limit).await.unwrap();
    assert!(matches!(rate_limit::ensure_not_blocked(db, "svc", limit).await, Err(AppError::RateLimited { .. })));
    match rate_limit::hit(db, "svc", limit).await {
        Err(AppError::RateLimited { retry_after_secs }) => {
            assert!((1..=3600).contains(&retry_after_secs))
        }
        other => panic!("expected a rate limit, got {other:?}"),
    }
    assert_eq!(rate_limit::purge_old(db).await.unwrap(), 1, "only the 1970 window goes; current ones stay");
    assert!(matches!(rate_limit::ensure_not_blocked(db, "svc", limit).await, Err(AppError::RateLimited { .. })));
}

async fn profiles_round_trip(t: &TestDb) {
    let db = &t.db;
    let id = insert_user(db, "elise", "elise@example.fr").await;
    let stored = store::profiles::load(db, id).await.unwrap().expect("default profile");
    assert_eq!(stored.visibilities.bio, Visibility::Section, "private by default");
    assert!(stored.mandates.is_empty() && stored.availabilities.is_empty());
    assert!(store::profiles::load(db, UserId(id.get() + 100)).await.unwrap().is_none());

    let mut raw = vec![
        ("display_name", "Élise Martin"),
        ("handle", "elise"),
        ("bio", "Militante <b>associative</b>"),
        ("status", "En campagne"),
        ("mandates", "Conseillère municipale\nDéléguée"),
        ("responsibilities", "Trésorière"),
        ("interests", "Logement\nÉcologie\nSanté"),
        ("availabilities", "phoning"),
        ("availabilities", "tractage"),
    ];
    let vis = [
        ("bio_visibility", "public"),
        ("status_visibility", "moi"),
        ("mandates_visibility", "public"),
        ("responsibilities_visibility", "section"),
        ("interests_visibility", "public"),
        ("availabilities_visibility", "moi"),
    ];
    raw.extend(vis);
    let update = ProfileUpdate::parse(&form(&raw)).expect("valid update");
    let mut tx = db.begin().await.unwrap();
    store::profiles::replace(&mut tx, id, &update, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let stored = store::profiles::load(db, id).await.unwrap().expect("profile");
    assert_eq!(stored.bio, "Militante <b>associative</b>", "stored as typed; escaped when rendered");
    assert_eq!(stored.mandates, ["Conseillère municipale", "Déléguée"]);
    assert_eq!(stored.interests, ["Logement", "Écologie", "Santé"], "order kept");
    assert_eq!(stored.availabilities, [Availability::Tractage, Availability::Phoning]);
    assert_eq!(stored.visibilities.status, Visibility::OnlyMe);

    // Replacing again shrinks the lists instead of appending.
    let mut raw2 = raw.clone();
    raw2.retain(|(k, _)| *k != "interests" && *k != "availabilities");
    raw2.push(("interests", "Culture"));
    let update = ProfileUpdate::parse(&form(&raw2)).expect("valid");
    let mut tx = db.begin().await.unwrap();
    store::profiles::replace(&mut tx, id, &update, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let stored = store::profiles::load(db, id).await.unwrap().expect("profile");
    assert_eq!(stored.interests, ["Culture"]);
    assert!(stored.availabilities.is_empty());
}

async fn sign_up_creates_everything_at_once(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let opened = accounts::sign_up(&state, &signup_form("Élise Martin", "Elise@Example.fr"), "10.0.0.1").await.expect("sign up");
    let db = &t.db;
    let row = store::users::by_id(db, opened.user_id).await.unwrap().expect("user");
    assert_eq!(row.handle, "elise-martin");
    assert_eq!((row.membership.as_str(), row.membership_status.as_str()), ("sympathisant", "none"));
    let consent = consents::for_user(db, opened.user_id).await.unwrap();
    assert_eq!(consent.len(), 2, "the consent to the processing of data, and the charter, each recorded apart");
    assert_eq!(
        (consent[0].purpose.as_str(), consent[0].text_version.as_str()),
        (consents::PURPOSE_POLITICAL_OPINION, app::model::consent::CURRENT_VERSION)
    );
    assert_eq!(
        (consent[1].purpose.as_str(), consent[1].text_version.as_str()),
        (consents::PURPOSE_CHARTER, app::model::moderation::CHARTER_VERSION)
    );
    assert!(store::profiles::load(db, opened.user_id).await.unwrap().is_some());
    let signed_in = sessions::resolve(db, &opened.token).await.unwrap().expect("session opened");
    assert_eq!(signed_in.user().map(|u| u.id), Some(opened.user_id));
    // The first account of an instance is its national admin; the session brings that role along.
    assert_eq!(signed_in.unread_notifications, 0);
    assert_eq!(signed_in.subject.roles, [(app::model::territory::Role::NationalAdmin, app::model::territory::Scope::National)]);

    // Unverified until its link is opened (services::address; address_contract tests the rest).
    assert_eq!(row.email_verified_at, None);
    let sent = testing::outbox(db).await;
    assert_eq!(sent.iter().map(|m| (m.kind.as_str(), m.to_address.as_str())).collect::<Vec<_>>(), [("address_check", "Elise@Example.fr")]);

    // Same name: next free handle.
    let second = accounts::sign_up(&state, &signup_form("Élise  Martin", "elise2@example.fr"), "10.0.0.1").await.unwrap();
    let row = store::users::by_id(db, second.user_id).await.unwrap().expect("user");
    assert_eq!(row.handle, Handle::suggest_from("Élise Martin").with_suffix(2).as_str());
}

async fn sign_up_refuses_invalid_input_and_floods(t: &TestDb) {
    let limits = RateLimits { signup_per_ip: Limit { max: 2, window_secs: 3600 }, ..RateLimits::default() };
    let state = t.state(limits);
    let mut bad = signup_form("Élise", "elise@example.fr");
    bad.0.retain(|(k, _)| k != "consent");
    let err = accounts::sign_up(&state, &bad, "10.0.0.2").await.unwrap_err();
    assert!(matches!(&err, AppError::Validation(e) if e.get("consent") == Some(&FieldError::ConsentRequired)), "{err:?}");
    accounts::sign_up(&state, &signup_form("Paul", "paul@example.fr"), "10.0.0.2").await.unwrap();
    let err = accounts::sign_up(&state, &signup_form("Jeanne", "jeanne@example.fr"), "10.0.0.2").await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }), "{err:?}");
    accounts::sign_up(&state, &signup_form("Jeanne", "jeanne@example.fr"), "10.0.0.3").await.expect("another address is not blocked");

    // Probing one e-mail from many addresses is limited per account too.
    let state = t.state(RateLimits { signup_per_account: Limit { max: 2, window_secs: 3600 }, ..RateLimits::default() });
    for ip in ["10.1.0.1"] {
        // the earlier successful sign-up already counted once; this one answers the same
        accounts::sign_up(&state, &signup_form("Jeanne", "JEANNE@example.fr"), ip).await.expect("the same answer for a known address");
    }
    let err = accounts::sign_up(&state, &signup_form("Jeanne", "jeanne@example.fr"), "10.1.0.3").await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }), "{err:?}");
}

async fn sign_in_checks_credentials_and_limits_failures(t: &TestDb) {
    let limits = RateLimits { signin_failures_per_account: Limit { max: 3, window_secs: 900 }, ..RateLimits::default() };
    let state = t.state(limits);
    let created = accounts::sign_up(&state, &signup_form("Élise", "elise@example.fr"), "ip").await.unwrap();
    let early = accounts::sign_in(&state, &signin_form("elise@example.fr", "un mot de passe solide"), "early-ip").await.unwrap_err();
    assert_eq!(early, AppError::WrongCredentials, "an unproven address does not sign in");
    testing::confirm_address(&state, "elise@example.fr").await;
    let ok = accounts::sign_in(&state, &signin_form("ELISE@example.fr ", "un mot de passe solide"), "ip").await.expect("sign in");
    assert_eq!(ok.user_id, created.user_id);
    assert_ne!(ok.token, created.token, "every sign-in is a new session");

    let unknown = accounts::sign_in(&state, &signin_form("nobody@example.fr", "un mot de passe solide"), "ip").await.unwrap_err();
    assert_eq!(unknown, AppError::WrongCredentials, "unknown e-mail looks like a wrong password");
    for _ in 0..3 {
        let err = accounts::sign_in(&state, &signin_form("elise@example.fr", "mauvais mot de passe"), "ip").await.unwrap_err();
        assert_eq!(err, AppError::WrongCredentials);
    }
    let blocked = accounts::sign_in(&state, &signin_form("elise@example.fr", "un mot de passe solide"), "ip").await.unwrap_err();
    assert!(matches!(blocked, AppError::RateLimited { .. }), "the client that failed waits, even with the right password: {blocked:?}");
    // The owner, from a client that has not failed, still gets in (after a short wait: the
    // account is under attack), so failures from elsewhere cannot lock them out.
    let started = std::time::Instant::now();
    let owner = accounts::sign_in(&state, &signin_form("elise@example.fr", "un mot de passe solide"), "owner-ip").await;
    assert_eq!(owner.map(|o| o.user_id), Ok(created.user_id));
    assert!(started.elapsed() >= std::time::Duration::from_secs(2), "guessing on this account is slowed for everyone");
    let empty = accounts::sign_in(&state, &signin_form("", ""), "ip").await.unwrap_err();
    assert!(matches!(empty, AppError::Validation(ref e) if e.0.len() == 2), "{empty:?}");
}

async fn sessions_close_here_or_everywhere(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let db = &t.db;
    let a = accounts::sign_up(&state, &signup_form("Élise", "elise@example.fr"), "ip").await.unwrap();
    testing::confirm_address(&state, "elise@example.fr").await;
    let b = accounts::sign_in(&state, &signin_form("elise@example.fr", "un mot de passe solide"), "ip").await.unwrap();
    let c = accounts::sign_in(&state, &signin_form("elise@example.fr", "un mot de passe solide"), "ip").await.unwrap();
    let user_a = sessions::resolve(db, &a.token).await.unwrap().expect("a");
    sessions::close(&state, user_a.user().expect("a's person")).await.unwrap();
    assert!(sessions::resolve(db, &a.token).await.unwrap().is_none());
    let user_b = sessions::resolve(db, &b.token).await.unwrap().expect("b still open");
    // b, c and the device that opened the address link.
    assert_eq!(sessions::close_all(&state, user_b.user().expect("b's person")).await.unwrap(), 3);
    assert!(sessions::resolve(db, &c.token).await.unwrap().is_none());
    assert_eq!(sessions::purge_expired(db).await.unwrap(), 0);
}

async fn profiles_are_filtered_by_the_policy(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let owner = accounts::sign_up(&state, &signup_form("Élise Martin", "elise@example.fr"), "ip").await.unwrap();
    let viewer = accounts::sign_up(&state, &signup_form("Paul", "paul@example.fr"), "ip").await.unwrap();
    let owner_user = subject(t, UserId(owner.user_id.get())).await;
    let update = form(&[
        ("display_name", "Élise Martin"),
        ("handle", "elise"),
        ("bio", "Bio publique"),
        ("bio_visibility", "public"),
        ("status", "Statut privé"),
        ("status_visibility", "moi"),
        ("mandates", "Conseillère"),
        ("mandates_visibility", "section"),
        ("responsibilities", ""),
        ("responsibilities_visibility", "public"),
        ("interests", "Logement"),
        ("interests_visibility", "public"),
        ("availabilities", "phoning"),
        ("availabilities_visibility", "moi"),
    ]);
    profiles::update_profile(&state, &owner_user, &update).await.expect("update");

    let anon = profiles::member_profile(&state, &Subject::anonymous(), "ELISE").await.expect("visible");
    assert_eq!(anon.display_name, "Élise Martin");
    assert_eq!(anon.bio.as_deref(), Some("Bio publique"));
    assert_eq!((anon.status, anon.mandates, anon.availabilities), (None, None, None));
    assert_eq!(anon.interests, Some(vec!["Logement".to_string()]));
    assert!(!anon.is_me);

    let other = profiles::member_profile(&state, &subject(t, UserId(viewer.user_id.get())).await, "elise").await.unwrap();
    assert_eq!(other.status, None, "only-me field hidden");
    assert_eq!(other.mandates, None, "both live in Lille but no section covers it yet: section fields stay hidden");

    let me = profiles::member_profile(&state, &owner_user, "elise").await.unwrap();
    assert!(me.is_me);
    assert_eq!(me.status.as_deref(), Some("Statut privé"));
    assert_eq!(me.availabilities, Some(vec![Availability::Phoning]));

    assert_eq!(profiles::member_profile(&state, &Subject::anonymous(), "inconnu").await.unwrap_err(), AppError::NotFound);

    let mine = profiles::my_profile(&state, &owner_user).await.unwrap();
    assert_eq!((mine.email.as_str(), mine.postal_code.as_str()), ("elise@example.fr", "59000"));
    assert_eq!(mine.visibilities.status, Visibility::OnlyMe);
}

async fn handles_stay_unique_on_edit(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let a = accounts::sign_up(&state, &signup_form("Élise", "elise@example.fr"), "ip").await.unwrap();
    accounts::sign_up(&state, &signup_form("Paul", "paul@example.fr"), "ip").await.unwrap();
    let mut update = form(&[
        ("display_name", "Élise"),
        ("handle", "paul"),
        ("bio", ""),
        ("status", ""),
        ("mandates", ""),
        ("responsibilities", ""),
        ("interests", ""),
    ]);
    for f in ["bio", "status", "mandates", "responsibilities", "interests", "availabilities"] {
        update.0.push((format!("{f}_visibility"), "section".into()));
    }
    let err = profiles::update_profile(&state, &subject(t, UserId(a.user_id.get())).await, &update).await.unwrap_err();
    assert!(matches!(&err, AppError::Validation(e) if e.get("handle") == Some(&FieldError::HandleTaken)), "{err:?}");
    let row = store::users::by_id(&t.db, a.user_id).await.unwrap().expect("row");
    assert_eq!(row.handle, "elise", "nothing changed");
}

/// Many sign-ups at the same time: every one succeeds (SQLite must not surface SQLITE_BUSY).
async fn concurrent_writes_all_succeed(t: &TestDb) {
    let state = t.state(RateLimits { signup_per_ip: Limit { max: 1000, window_secs: 60 }, ..RateLimits::default() });
    let mut tasks = Vec::new();
    for i in 0..24 {
        let state = state.clone();
        tasks.push(tokio::spawn(
            async move { accounts::sign_up(&state, &signup_form("Même Nom", &format!("p{i}@example.fr")), "ip").await },
        ));
    }
    for task in tasks {
        task.await.expect("task").expect("sign-up under concurrency");
    }
    assert_eq!(store::users::count(&t.db).await.unwrap(), 24);
}

async fn health_ping_and_pool_stats(t: &TestDb) {
    t.db.ping().await.expect("ping");
    assert!(!t.db.pool_stats().is_empty());
    // migrations are idempotent
    t.db.migrate().await.expect("re-run migrations");
}

/// An acknowledged commit must survive a power loss: SQLite syncs its WAL at every commit unless
/// the operator chose otherwise (COOPOL_SQLITE_SYNCHRONOUS=normal).
#[tokio::test]
async fn sqlite_commits_reach_the_disk_by_default() {
    let dir = std::env::temp_dir().join(format!("coopol-sync-{}", std::process::id()));
    let url = format!("sqlite://{}/sync.db", dir.display());
    for (durability, expected) in [(None, 2), (Some(app::server::db::SqliteDurability::Normal), 1)] {
        let db = match durability {
            None => Db::connect(&url, 2).await,
            Some(d) => Db::connect_with(&url, 2, d).await,
        }
        .expect("open sqlite");
        let Db::Sqlite { write, .. } = &db else { panic!("sqlite") };
        let level: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(write).await.expect("pragma");
        assert_eq!(level, expected, "2 is FULL, 1 is NORMAL");
        db.close().await;
    }
    let _ = std::fs::remove_dir_all(dir);
}

on_both_backends!(
    users_are_stored_and_found,
    unique_constraints_are_recognized,
    uncommitted_transactions_leave_nothing,
    taken_handles_cover_suffixes,
    consents_are_recorded,
    sessions_live_and_die,
    rate_limit_counters_count_per_window,
    profiles_round_trip,
    sign_up_creates_everything_at_once,
    sign_up_refuses_invalid_input_and_floods,
    sign_in_checks_credentials_and_limits_failures,
    sessions_close_here_or_everywhere,
    profiles_are_filtered_by_the_policy,
    handles_stay_unique_on_edit,
    concurrent_writes_all_succeed,
    health_ping_and_pool_stats,
);
