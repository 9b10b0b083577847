//! Mon compte: the person's address, password and signed-in devices. Every change needs the
//! current password (a borrowed, still signed-in phone must not be enough), tells the person by
//! e-mail, and is decided by `policy::can_manage_account`.

use crate::error::AppError;
use crate::model::account::{AccountView, DeviceView};
use crate::model::commands::account::{EmailChange, PasswordChange, EMAIL_FORM_CURRENT, PASSWORD_FORM_CURRENT};
use crate::model::form::{FieldError, RawForm};
use crate::model::ids::UserId;
use crate::server::auth::password;
use crate::server::context::AppState;
use crate::server::policy::{self, SessionUser, Subject};
use crate::server::services::sessions::SESSIONS_CLOSED;
use crate::server::services::{address, mail, rate_limit};
use crate::server::store::bundle::Bundle;
use crate::server::{now_ms, store};

/// The signed-in person, allowed to manage their own account.
pub(crate) fn owner(subject: &Subject) -> Result<&SessionUser, AppError> {
    let user = subject.active_user().ok_or(AppError::NotAuthenticated)?;
    if !policy::can_manage_account(subject, user.id) {
        return Err(AppError::Forbidden);
    }
    Ok(user)
}

/// The page: address (and one waiting to be proven), devices — one statement.
pub async fn view(state: &AppState, subject: &Subject) -> Result<AccountView, AppError> {
    let user = owner(subject)?;
    let now = now_ms();
    let mut bundle = Bundle::new();
    let account = bundle.add(store::users::account_part(user.id));
    let pending = bundle.add(store::tokens::pending_address_part(user.id, now));
    let devices = bundle.add(store::sessions::devices_part(user.id, now));
    let export = bundle.add(store::exports::current_part(user.id, now));
    let erasure = bundle.add(store::erasure::pending_part(user.id));
    let lists = bundle.run(&state.db).await?;
    let account: store::users::AccountRow = lists.take(account)?.into_iter().next().ok_or(AppError::NotFound)?;
    let pending: Option<store::tokens::PendingAddress> = lists.take(pending)?.into_iter().next();
    let devices: Vec<store::sessions::DeviceRow> = lists.take(devices)?;
    let export: Option<store::exports::ExportRow> = lists.take(export)?.into_iter().next();
    let erasure: Option<store::erasure::PendingErasure> = lists.take(erasure)?.into_iter().next();
    Ok(AccountView {
        pending_email: pending.map(|p| p.email).filter(|p| !p.eq_ignore_ascii_case(&account.email)),
        email: account.email,
        email_verified: account.email_verified,
        read_receipts: account.read_receipts,
        announcements_by_mail: account.announcements_by_mail,
        devices: devices
            .into_iter()
            .map(|d| DeviceView {
                current: d.token_hash == user.token_hash,
                id: d.device_id.unwrap_or_default(),
                client: d.client,
                created_ms: d.created_at,
                last_seen_ms: d.last_seen_at,
            })
            .collect(),
        export: export.map(Into::into),
        erasure: erasure.map(Into::into),
    })
}

/// Turns "vu" on or off for the person's one-to-one conversations.
pub async fn set_read_receipts(state: &AppState, subject: &Subject, on: bool) -> Result<(), AppError> {
    let user = owner(subject)?;
    let mut tx = state.db.begin().await?;
    store::users::set_read_receipts(&mut tx, user.id, on).await?;
    tx.commit().await?;
    Ok(())
}

/// The current password, checked like a sign-in: failures are counted per account and, past the
/// budget, refused for a while (429), so a borrowed phone cannot guess it.
pub(crate) async fn check_current_password(state: &AppState, user_id: UserId, typed: String, field: &str) -> Result<(), AppError> {
    let limit = state.settings.rate_limits.signin_failures_per_account;
    let bucket = format!("account:password:{user_id}");
    rate_limit::ensure_not_blocked(&state.db, &bucket, limit).await?;
    let stored = store::users::password_hash_of(&state.db, user_id).await?;
    if password::verify(typed, stored).await {
        return Ok(());
    }
    rate_limit::hit(&state.db, &bucket, limit).await.ok();
    Err(AppError::field(field, FieldError::WrongPassword))
}

/// A new password: this device stays signed in, every other one is signed out (their live
/// streams end), forgotten-password links stop working, and a notice goes to the address.
pub async fn change_password(state: &AppState, subject: &Subject, form: &RawForm) -> Result<(), AppError> {
    let user = owner(subject)?;
    let change = PasswordChange::parse(form).map_err(AppError::Validation)?;
    check_current_password(state, user.id, change.current, PASSWORD_FORM_CURRENT).await?;
    let password_hash = password::hash(change.password.expose().to_string()).await?;
    let account = store::users::by_id(&state.db, user.id).await?.ok_or(AppError::NotFound)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    store::users::set_password_hash(&mut tx, user.id, &password_hash, now).await?;
    store::sessions::delete_others(&mut tx, user.id, &user.token_hash).await?;
    store::tokens::use_all(&mut tx, user.id, store::tokens::PASSWORD_RESET, now).await?;
    let closed = store::events::insert(&mut tx, SESSIONS_CLOSED, None, Some(user.id), now).await?;
    let help = state.settings.link("/mot-de-passe-oublie");
    mail::enqueue(&mut tx, &mail::password_changed(user.id, &account.email, &account.display_name, &help, false), now).await?;
    tx.commit().await?;
    state.bus.publish(vec![closed]).await;
    tracing::info!(user_id = %user.id, "password changed from the account page");
    Ok(())
}

/// A new address: proven by a link sent to it before it replaces the old one (the answer is the
/// same when another account holds it: its owner is told instead, as at sign-up), and the old,
/// proven address is told of the request. An account whose address was never proven simply
/// corrects it (a typo at sign-up) and gets a new link.
pub async fn change_email(state: &AppState, subject: &Subject, form: &RawForm) -> Result<(), AppError> {
    let user = owner(subject)?;
    let change = EmailChange::parse(form).map_err(AppError::Validation)?;
    check_current_password(state, user.id, change.current, EMAIL_FORM_CURRENT).await?;
    // Each request sends mails: limited like sign-ups per address.
    rate_limit::hit(&state.db, &format!("address:change:{}", user.id), state.settings.rate_limits.signup_per_account).await?;
    let account = store::users::by_id(&state.db, user.id).await?.ok_or(AppError::NotFound)?;
    let verified = account.email_verified_at.is_some();
    if verified && account.email.to_lowercase() == change.email.normalized() {
        return Err(AppError::field("email", FieldError::SameAddress));
    }
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    if verified {
        let notice = mail::address_change_requested(
            user.id,
            &account.email,
            &account.display_name,
            change.email.as_str(),
            &state.settings.link("/mot-de-passe-oublie"),
        );
        mail::enqueue(&mut tx, &notice, now).await?;
    } else {
        store::users::set_unverified_email(&mut tx, user.id, change.email.as_str(), now).await?;
    }
    // Only the newest request counts: links sent earlier (to a mistyped address, or to another
    // new one) stop working.
    store::tokens::use_all(&mut tx, user.id, store::tokens::VERIFY_EMAIL, now).await?;
    address::send_check(&mut tx, state, user.id, &change.email, &account.display_name, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Signs one of the person's devices out (not found: already signed out, or not theirs — the
/// same answer).
pub async fn sign_out_device(state: &AppState, subject: &Subject, device_id: &str) -> Result<(), AppError> {
    let user = owner(subject)?;
    let mut tx = state.db.begin().await?;
    if store::sessions::delete_device(&mut tx, user.id, device_id).await? == 0 {
        return Err(AppError::NotFound);
    }
    let closed = store::events::insert(&mut tx, SESSIONS_CLOSED, None, Some(user.id), now_ms()).await?;
    tx.commit().await?;
    state.bus.publish(vec![closed]).await;
    Ok(())
}
