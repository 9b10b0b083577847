//! "Mes consentements", on both databases: the sign-up consent is shown with its version and text;
//! a consent to an older text is due again (the session says so, for the banner of every page)
//! until the person agrees; withdrawing it needs the password and asks for the erasure.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::i18n::Lang;
use app::model::consent;
use app::model::form::{FieldError, RawForm};
use app::on_both_backends;
use app::on_tx;
use app::server::context::{AppState, RateLimits};
use app::server::policy::Subject;
use app::server::services::{accounts, consents, sessions};
use app::server::testing::{self, TestDb};

use testing::PASSWORD;

async fn signed_up(state: &AppState) -> String {
    let opened = accounts::sign_up(state, &testing::sign_up_form("Inès", "ines@example.fr", "sympathisant"), "ip").await.unwrap();
    testing::confirm_address(state, "ines@example.fr").await;
    opened.token
}

async fn signed_in(state: &AppState, token: &str) -> sessions::SignedIn {
    sessions::resolve(&state.db, token).await.unwrap().expect("a session")
}

async fn consents_are_shown_asked_again_and_withdrawn(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let token = signed_up(&state).await;
    let session = signed_in(&state, &token).await;
    assert_eq!(session.consent_version.as_deref(), Some(consent::CURRENT_VERSION));
    let me = session.subject;
    let view = consents::view(&state, &me, Lang::Fr).await.unwrap();
    assert!(!view.due);
    assert_eq!(view.consents.len(), 1);
    let given = &view.consents[0];
    assert_eq!(
        (given.version.as_str(), given.method.as_str(), given.withdrawn_ms),
        (consent::CURRENT_VERSION, "signup_form_checkbox", None)
    );
    assert!(given.text.as_deref().is_some_and(|t| t.contains("opinion politique")));
    assert_eq!(consents::view(&state, &Subject::anonymous(), Lang::Fr).await.map(|_| ()), Err(AppError::NotAuthenticated));

    // The text changed since: the consent in force is to an older version.
    let mut tx = t.db.begin().await.unwrap();
    on_tx!(&mut tx, c => sqlx::query("UPDATE consents SET text_version = '2025-01-v0'").execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
    assert!(consent::is_due(signed_in(&state, &token).await.consent_version.as_deref()), "every page asks again");
    let view = consents::view(&state, &me, Lang::En).await.unwrap();
    assert!(view.due && view.current_text.contains("political opinion"), "{view:?}");
    assert_eq!(view.consents[0].text, None, "a version this build does not know has no words to show");

    consents::accept(&state, &me).await.unwrap();
    consents::accept(&state, &me).await.unwrap();
    let view = consents::view(&state, &me, Lang::Fr).await.unwrap();
    assert!(!view.due);
    let history: Vec<(&str, &str, bool)> =
        view.consents.iter().map(|c| (c.version.as_str(), c.method.as_str(), c.withdrawn_ms.is_some())).collect();
    assert_eq!(
        history,
        vec![(consent::CURRENT_VERSION, "consents_page_button", false), ("2025-01-v0", "signup_form_checkbox", true)],
        "accepting twice records once; the older consent is replaced"
    );
    assert_eq!(signed_in(&state, &token).await.consent_version.as_deref(), Some(consent::CURRENT_VERSION));

    // Withdrawing needs the password, and asks for the erasure.
    let wrong = consents::withdraw(&state, &me, &RawForm::of(&[("erasure_password", "pas le bon")])).await.err();
    assert!(matches!(&wrong, Some(AppError::Validation(e)) if e.get("erasure_password") == Some(&FieldError::WrongPassword)), "{wrong:?}");
    assert!(!consents::view(&state, &me, Lang::Fr).await.unwrap().due, "nothing withdrawn by a refusal");
    consents::withdraw(&state, &me, &RawForm::of(&[("erasure_password", PASSWORD)])).await.unwrap();
    let view = consents::view(&state, &me, Lang::Fr).await.unwrap();
    assert!(view.due && view.erasure_effective_ms.is_some(), "{view:?}");
    assert!(view.consents.iter().all(|c| c.withdrawn_ms.is_some()));
    assert!(signed_in(&state, &token).await.consent_version.is_none());
    let mails = testing::outbox(&t.db).await;
    assert!(mails.iter().any(|m| m.kind == "erasure_scheduled" && m.to_address == "ines@example.fr"));
}

on_both_backends!(consents_are_shown_asked_again_and_withdrawn);
