//! Sign-up without enumeration and address verification, on both databases: the same answer for
//! any address, a link (48 h, once) or — for an address another account proved — a notice to its
//! owner; the first link opened takes the address; an unverified account answers actions but does
//! not speak, and does not sign in by password.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::i18n::Lang;
use app::model::feed::{Audience, FeedKey};
use app::model::form::RawForm;
use app::on_both_backends;
use app::server::auth::session_token;
use app::server::context::{AppState, RateLimits};
use app::server::policy::{feed as rules, Subject};
use app::server::services::address::{self, Confirmation};
use app::server::services::{accounts, feed, sessions};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};

use testing::PASSWORD;

fn signup_form(name: &str, email: &str) -> RawForm {
    testing::sign_up_form(name, email, "sympathisant")
}

async fn sign_in(state: &AppState, email: &str, password: &str) -> Result<accounts::Opened, AppError> {
    accounts::sign_in(state, &RawForm::of(&[("email", email), ("password", password)]), "ip").await
}

async fn subject_of(state: &AppState, token: &str) -> Subject {
    sessions::resolve(&state.db, token).await.unwrap().expect("a session").subject
}

fn kinds(mails: &[store::mail::MailRow]) -> Vec<(&str, &str)> {
    mails.iter().map(|m| (m.kind.as_str(), m.to_address.as_str())).collect()
}

async fn sign_up_answers_the_same_for_any_address(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let first = accounts::sign_up(&state, &signup_form("Élise", "Elise@Example.fr"), "ip").await.unwrap();
    let sent = testing::outbox(&t.db).await;
    assert_eq!(kinds(&sent), [("address_check", "Elise@Example.fr")]);
    assert!(sent[0].body_html.contains("<a href=\"http://127.0.0.1:3000/adresse/"));
    let row = store::users::by_id(&t.db, first.user_id).await.unwrap().unwrap();
    assert_eq!(row.email_verified_at, None, "unverified until the link is opened");
    assert_eq!(sign_in(&state, "elise@example.fr", PASSWORD).await.map(|_| ()), Err(AppError::WrongCredentials));

    // The link: valid, used once, and it signs this device in.
    let token = testing::link_token(&sent[0].body_text, "/adresse/");
    assert!(address::link_is_valid(&state, &token).await.unwrap());
    let confirmation = address::confirm(&state, &token).await.unwrap();
    let opened = confirmation.opened().expect("a session for this device");
    assert_eq!(opened.user_id, first.user_id);
    assert!(subject_of(&state, &opened.token).await.belonging.email_verified);
    assert!(!address::link_is_valid(&state, &token).await.unwrap());
    assert!(matches!(address::confirm(&state, &token).await, Err(AppError::NotFound)));
    assert_eq!(sign_in(&state, "ELISE@example.fr", PASSWORD).await.map(|o| o.user_id), Ok(first.user_id));

    // The same address again: the same answer (an account and a session), but the owner is told,
    // and the new account never gets a link for it.
    let second = accounts::sign_up(&state, &signup_form("Quelqu’un", "elise@EXAMPLE.fr"), "ip").await.unwrap();
    assert_ne!(second.user_id, first.user_id);
    let sent = testing::outbox(&t.db).await;
    assert_eq!(kinds(&sent), [("address_in_use", "Elise@Example.fr")], "to the owner's proven address");
    assert_eq!(sent[0].user_id, Some(first.user_id), "the notice is the owner's mail");
    assert!(sent[0].body_text.contains("Bonjour Élise,") && !sent[0].body_text.contains("/adresse/"));
    let newcomer = subject_of(&state, &second.token).await;
    assert!(newcomer.is_active() && !newcomer.belonging.email_verified);
    address::resend(&state, &newcomer).await.unwrap();
    assert_eq!(kinds(&testing::outbox(&t.db).await), [("address_in_use", "Elise@Example.fr")], "resending tells the owner again");
    assert_eq!(sign_in(&state, "elise@example.fr", PASSWORD).await.map(|o| o.user_id), Ok(first.user_id), "the owner still signs in");
    // A verified person has nothing to resend.
    address::resend(&state, &subject_of(&state, &opened.token).await).await.unwrap();
    assert!(testing::outbox(&t.db).await.is_empty());
    // Resending is limited (it sends a mail).
    let limited =
        t.state(RateLimits { signup_per_account: app::server::context::Limit { max: 1, window_secs: 3600 }, ..RateLimits::default() });
    let err = address::resend(&limited, &newcomer).await.unwrap_err();
    assert!(matches!(err, AppError::RateLimited { .. }), "{err:?}");
}

async fn the_first_link_opened_takes_the_address(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let squatter = accounts::sign_up(&state, &signup_form("Pas Sacha", "sacha@example.fr"), "ip1").await.unwrap();
    let sacha = accounts::sign_up(&state, &signup_form("Sacha", "sacha@example.fr"), "ip2").await.unwrap();
    let sent = testing::outbox(&t.db).await;
    assert_eq!(
        kinds(&sent),
        [("address_check", "sacha@example.fr"), ("address_check", "sacha@example.fr")],
        "an unverified claim reserves nothing"
    );
    let link_of = |user| testing::link_token(&sent.iter().find(|m| m.user_id == Some(user)).unwrap().body_text, "/adresse/");
    let (squatter_link, sacha_link) = (link_of(squatter.user_id), link_of(sacha.user_id));
    assert!(
        matches!(address::confirm(&state, &sacha_link).await.unwrap(), Confirmation::Confirmed { user_id, .. } if user_id == sacha.user_id)
    );
    assert!(matches!(address::confirm(&state, &squatter_link).await.unwrap(), Confirmation::AddressTaken));
    let row = store::users::by_id(&t.db, squatter.user_id).await.unwrap().unwrap();
    assert_eq!(row.email_verified_at, None, "the other claim stays unverified");
    assert_eq!(sign_in(&state, "sacha@example.fr", PASSWORD).await.map(|o| o.user_id), Ok(sacha.user_id));

    // An expired link is refused like an unknown one.
    let mut tx = t.db.begin().await.unwrap();
    let old = session_token::generate();
    let (hash, created) = (session_token::hash(&old), now_ms() - address::LINK_MS - 1_000);
    store::tokens::insert_address_check(&mut tx, &hash, squatter.user_id, "autre@example.fr", created, created + address::LINK_MS)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(!address::link_is_valid(&state, &old).await.unwrap());
    assert!(!address::link_is_valid(&state, "un-lien-invente").await.unwrap());
    assert!(matches!(address::confirm(&state, &old).await, Err(AppError::NotFound)));
}

async fn an_unverified_account_acts_but_does_not_speak(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let opened = accounts::sign_up(&state, &signup_form("Nour", "nour@example.fr"), "ip").await.unwrap();
    let nour = subject_of(&state, &opened.token).await;
    assert!(!rules::can_publish(&nour, Audience::Public, None));
    assert!(!rules::can_interact(&nour));
    assert!(!rules::can_create_group(&nour));
    let home = feed::feed_page(&state, &nour, FeedKey::Home, None, Lang::Fr).await.unwrap();
    assert!(home.audiences.is_empty(), "no composer until the address is proven");

    testing::confirm_address(&state, "nour@example.fr").await;
    let nour = subject_of(&state, &opened.token).await;
    assert!(rules::can_publish(&nour, Audience::Public, None) && rules::can_interact(&nour));
    let home = feed::feed_page(&state, &nour, FeedKey::Home, None, Lang::Fr).await.unwrap();
    assert!(home.audiences.iter().any(|a| a.audience == Audience::Public));
}

on_both_backends!(sign_up_answers_the_same_for_any_address);
on_both_backends!(the_first_link_opened_takes_the_address);
on_both_backends!(an_unverified_account_acts_but_does_not_speak);
