//! Mon compte, on both databases: the current password guards every change; a new password keeps
//! this device and signs out the others; a new address is proven by its link before it replaces
//! the old one, which is told; devices are listed with their client and signed out one by one.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::model::form::{FieldError, RawForm};
use app::on_both_backends;
use app::server::context::{AppState, Limit, RateLimits};
use app::server::policy::Subject;
use app::server::services::{account, accounts, address, sessions};
use app::server::store;
use app::server::testing::{self, TestDb};

use testing::PASSWORD;

async fn signed_up(state: &AppState, email: &str) -> accounts::Opened {
    let opened = accounts::sign_up(state, &testing::sign_up_form("Inès", email, "sympathisant"), "ip").await.unwrap();
    testing::confirm_address(state, email).await;
    opened
}

async fn subject(state: &AppState, token: &str, user_agent: &str) -> Subject {
    sessions::resolve_from(&state.db, token, Some(user_agent)).await.unwrap().expect("a session").subject
}

async fn sign_in(state: &AppState, email: &str, password: &str) -> Result<accounts::Opened, AppError> {
    accounts::sign_in(state, &RawForm::of(&[("email", email), ("password", password)]), "ip").await
}

const PHONE: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
const LAPTOP: &str = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0";

async fn devices_are_listed_and_signed_out_one_by_one(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let phone = signed_up(&state, "ines@example.fr").await;
    let laptop = sign_in(&state, "ines@example.fr", PASSWORD).await.unwrap();
    let on_phone = subject(&state, &phone.token, PHONE).await;
    subject(&state, &laptop.token, LAPTOP).await;
    let view = account::view(&state, &on_phone).await.unwrap();
    assert_eq!((view.email.as_str(), view.email_verified, view.pending_email.as_deref()), ("ines@example.fr", true, None));
    let clients: Vec<(Option<&str>, bool)> = view.devices.iter().map(|d| (d.client.as_deref(), d.current)).collect();
    // The phone, the laptop, and the device that opened the address link (no User-Agent seen).
    assert_eq!(clients.len(), 3, "{clients:?}");
    assert!(clients.contains(&(Some("Chrome sur Android"), true)) && clients.contains(&(Some("Firefox sur Linux"), false)));
    assert!(view.devices.iter().all(|d| d.id.len() == 16), "a public id, never the token's hash");

    let laptop_id = view.devices.iter().find(|d| d.client.as_deref() == Some("Firefox sur Linux")).unwrap().id.clone();
    account::sign_out_device(&state, &on_phone, &laptop_id).await.unwrap();
    assert!(sessions::resolve(&state.db, &laptop.token).await.unwrap().is_none(), "the laptop is signed out");
    assert!(sessions::resolve(&state.db, &phone.token).await.unwrap().is_some(), "not the phone");
    assert_eq!(account::sign_out_device(&state, &on_phone, &laptop_id).await, Err(AppError::NotFound));
    // Another person's device id is not found either.
    let other = signed_up(&state, "autre@example.fr").await;
    let theirs = account::view(&state, &subject(&state, &other.token, PHONE).await).await.unwrap().devices[0].id.clone();
    assert_eq!(account::sign_out_device(&state, &on_phone, &theirs).await, Err(AppError::NotFound));
    assert_eq!(account::view(&state, &Subject::anonymous()).await, Err(AppError::NotAuthenticated));
}

async fn a_new_password_needs_the_current_one(t: &TestDb) {
    let limits = RateLimits { signin_failures_per_account: Limit { max: 3, window_secs: 900 }, ..RateLimits::default() };
    let state = t.state(limits);
    let here = signed_up(&state, "ines@example.fr").await;
    let elsewhere = sign_in(&state, "ines@example.fr", PASSWORD).await.unwrap();
    testing::outbox(&state.db).await;
    let me = subject(&state, &here.token, PHONE).await;
    let change = |current: &str, new: &str| RawForm::of(&[("current_password", current), ("password", new)]);

    let wrong = account::change_password(&state, &me, &change("pas le bon", "un nouveau mot de passe")).await;
    assert!(matches!(&wrong, Err(AppError::Validation(e)) if e.get("current_password") == Some(&FieldError::WrongPassword)), "{wrong:?}");
    let short = account::change_password(&state, &me, &change(PASSWORD, "court")).await;
    assert!(matches!(&short, Err(AppError::Validation(e)) if e.get("password").is_some()), "{short:?}");
    account::change_password(&state, &me, &change(PASSWORD, "un nouveau mot de passe")).await.unwrap();
    assert!(sessions::resolve(&state.db, &here.token).await.unwrap().is_some(), "this device stays signed in");
    assert!(sessions::resolve(&state.db, &elsewhere.token).await.unwrap().is_none(), "the others are signed out");
    let sent = testing::outbox(&state.db).await;
    assert_eq!(sent.iter().map(|m| m.kind.as_str()).collect::<Vec<_>>(), ["password_changed"]);
    assert!(sent[0].body_text.contains("tes autres appareils ont été déconnectés"));
    assert!(sign_in(&state, "ines@example.fr", "un nouveau mot de passe").await.is_ok());

    // Guessing the current password from a signed-in device is limited.
    for _ in 0..2 {
        assert!(account::change_password(&state, &me, &change("encore faux", "un autre mot de passe")).await.is_err());
    }
    let blocked = account::change_password(&state, &me, &change("un nouveau mot de passe", "un autre mot de passe")).await;
    assert!(matches!(blocked, Err(AppError::RateLimited { .. })), "{blocked:?}");
}

async fn a_new_address_is_proven_before_it_replaces_the_old(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let here = signed_up(&state, "ines@example.fr").await;
    signed_up(&state, "prise@example.fr").await;
    testing::outbox(&state.db).await;
    let me = subject(&state, &here.token, PHONE).await;
    let change = |email: &str, current: &str| RawForm::of(&[("email", email), ("email_current_password", current)]);

    let same = account::change_email(&state, &me, &change("INES@example.fr", PASSWORD)).await;
    assert!(matches!(&same, Err(AppError::Validation(e)) if e.get("email") == Some(&FieldError::SameAddress)), "{same:?}");
    let wrong = account::change_email(&state, &me, &change("ines.nouvelle@example.fr", "pas le bon")).await;
    assert!(matches!(&wrong, Err(AppError::Validation(e)) if e.get("email_current_password") == Some(&FieldError::WrongPassword)));

    account::change_email(&state, &me, &change("ines.nouvelle@example.fr", PASSWORD)).await.unwrap();
    let sent = testing::outbox(&state.db).await;
    let kinds: Vec<(&str, &str)> = sent.iter().map(|m| (m.kind.as_str(), m.to_address.as_str())).collect();
    assert_eq!(kinds, [("address_change_requested", "ines@example.fr"), ("address_check", "ines.nouvelle@example.fr")]);
    let view = account::view(&state, &me).await.unwrap();
    assert_eq!(
        (view.email.as_str(), view.pending_email.as_deref()),
        ("ines@example.fr", Some("ines.nouvelle@example.fr")),
        "not before the link"
    );
    assert!(sign_in(&state, "ines@example.fr", PASSWORD).await.is_ok());

    let token = testing::link_token(&sent[1].body_text, "/adresse/");
    address::confirm(&state, &token).await.unwrap();
    let view = account::view(&state, &me).await.unwrap();
    assert_eq!((view.email.as_str(), view.email_verified, view.pending_email.as_deref()), ("ines.nouvelle@example.fr", true, None));
    assert_eq!(sign_in(&state, "ines@example.fr", PASSWORD).await.map(|_| ()), Err(AppError::WrongCredentials), "the old address is free");
    assert!(sign_in(&state, "ines.nouvelle@example.fr", PASSWORD).await.is_ok());

    // An address another account holds: the same answer, its owner is told, nothing moves.
    account::change_email(&state, &me, &change("Prise@example.fr", PASSWORD)).await.unwrap();
    let sent = testing::outbox(&state.db).await;
    let kinds: Vec<(&str, &str)> = sent.iter().map(|m| (m.kind.as_str(), m.to_address.as_str())).collect();
    assert_eq!(kinds, [("address_change_requested", "ines.nouvelle@example.fr"), ("address_in_use", "prise@example.fr")]);
    assert_eq!(store::users::by_id(&state.db, here.user_id).await.unwrap().unwrap().email, "ines.nouvelle@example.fr");
}

async fn an_unproven_address_is_corrected_in_place(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let form = testing::sign_up_form("Typo", "typo@exmaple.fr", "sympathisant");
    let opened = accounts::sign_up(&state, &form, "ip").await.unwrap();
    let typo_link = testing::link_token(&testing::outbox(&state.db).await[0].body_text, "/adresse/");
    let me = subject(&state, &opened.token, PHONE).await;
    account::change_email(&state, &me, &RawForm::of(&[("email", "typo@example.fr"), ("email_current_password", PASSWORD)])).await.unwrap();
    let sent = testing::outbox(&state.db).await;
    assert_eq!(
        sent.iter().map(|m| (m.kind.as_str(), m.to_address.as_str())).collect::<Vec<_>>(),
        [("address_check", "typo@example.fr")],
        "no notice to an unproven address"
    );
    assert_eq!(account::view(&state, &me).await.unwrap().email, "typo@example.fr");
    assert!(!address::link_is_valid(&state, &typo_link).await.unwrap(), "the mistyped address's link no longer works");
    address::confirm(&state, &testing::link_token(&sent[0].body_text, "/adresse/")).await.unwrap();
    assert!(sign_in(&state, "typo@example.fr", PASSWORD).await.is_ok());
}

on_both_backends!(devices_are_listed_and_signed_out_one_by_one);
on_both_backends!(a_new_password_needs_the_current_one);
on_both_backends!(a_new_address_is_proven_before_it_replaces_the_old);
on_both_backends!(an_unproven_address_is_corrected_in_place);
