//! "Mot de passe oublié", on both databases: the same answer for any address, a single-use link
//! by e-mail (through the outbox), a new password that signs out every device and sends a notice.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::model::form::RawForm;
use app::on_both_backends;
use app::server::auth::session_token;
use app::server::context::RateLimits;
use app::server::services::{accounts, recovery};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};

async fn a_forgotten_password_is_replaced_through_the_link(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let lea = testing::person(&t.db, "lea", "59350", "sympathisant", "none").await;
    let mut tx = t.db.begin().await.unwrap();
    for device in ["telephone", "ordinateur"] {
        store::sessions::insert(&mut tx, &session_token::hash(device), lea, now_ms(), now_ms() + 3_600_000).await.unwrap();
    }
    tx.commit().await.unwrap();

    // The same answer with or without an account; a mail only for the account.
    for address in ["lea@example.fr", "personne@example.fr"] {
        recovery::request_reset(&state, &RawForm::of(&[("email", address)]), "ip").await.unwrap();
    }
    let sent = testing::outbox(&t.db).await;
    assert_eq!(sent.iter().map(|m| (m.kind.as_str(), m.to_address.as_str())).collect::<Vec<_>>(), [("password_reset", "lea@example.fr")]);
    assert!(sent[0].body_html.contains("<a href=\"http://127.0.0.1:3000/mot-de-passe/"));
    let token = testing::link_token(&sent[0].body_text, "/mot-de-passe/");
    assert!(recovery::link_is_valid(&state, &token).await.unwrap());
    assert!(!recovery::link_is_valid(&state, "un-lien-invente").await.unwrap());

    // A password too short is refused and the link still works; a good one replaces it.
    let short = recovery::reset(&state, &token, &RawForm::of(&[("password", "court")])).await;
    assert!(matches!(short, Err(AppError::Validation(_))), "{short:?}");
    recovery::reset(&state, &token, &RawForm::of(&[("password", "un nouveau mot de passe")])).await.unwrap();
    assert_eq!(store::sessions::count_for_user(&t.db, lea).await.unwrap(), 0, "every device signed out");
    let notice = testing::outbox(&t.db).await;
    assert_eq!(notice.iter().map(|m| m.kind.as_str()).collect::<Vec<_>>(), ["password_changed"]);

    // The link works once; the new password opens a session, the old one does not.
    assert!(!recovery::link_is_valid(&state, &token).await.unwrap());
    let again = recovery::reset(&state, &token, &RawForm::of(&[("password", "encore un autre mot de passe")])).await;
    assert_eq!(again, Err(AppError::NotFound));
    let signin = |password: &str| RawForm::of(&[("email", "lea@example.fr"), ("password", password)]);
    assert!(accounts::sign_in(&state, &signin("un nouveau mot de passe"), "ip").await.is_ok());
    assert_eq!(accounts::sign_in(&state, &signin("encore un autre mot de passe"), "ip").await.map(|_| ()), Err(AppError::WrongCredentials));

    // An expired link is refused like an unknown one.
    let mut tx = t.db.begin().await.unwrap();
    let old = session_token::generate();
    store::tokens::insert(
        &mut tx,
        &session_token::hash(&old),
        lea,
        store::tokens::PASSWORD_RESET,
        now_ms() - 7_200_000,
        now_ms() - 3_600_000,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert!(!recovery::link_is_valid(&state, &old).await.unwrap());
    assert_eq!(recovery::reset(&state, &old, &RawForm::of(&[("password", "un nouveau mot de passe")])).await, Err(AppError::NotFound));
}

on_both_backends!(a_forgotten_password_is_replaced_through_the_link);
