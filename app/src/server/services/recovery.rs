//! "Mot de passe oublié": a link by e-mail (1 h, single use, only its hash stored), then a new
//! password, which signs the person out everywhere and tells them by e-mail. The request answers
//! the same whether or not the address has an account, so it reveals none.

use crate::error::AppError;
use crate::model::commands::recovery::{NewPassword, ResetRequest};
use crate::model::form::RawForm;
use crate::server::auth::{password, session_token};
use crate::server::context::AppState;
use crate::server::services::mail::{self, Mail};
use crate::server::services::{rate_limit, sessions::SESSIONS_CLOSED};
use crate::server::{now_ms, store};

/// How long a link to set a new password stays good.
pub const RESET_LINK_MS: i64 = 3_600_000;

/// Asks for a link. Rate limited per client (answered "too many attempts"); per address, links
/// beyond the budget are quietly not sent, so nobody can lock another person out nor learn
/// whether an address has an account.
pub async fn request_reset(state: &AppState, form: &RawForm, client_ip: &str) -> Result<(), AppError> {
    let limits = &state.settings.rate_limits;
    rate_limit::hit(&state.db, &format!("reset:ip:{client_ip}"), limits.signup_per_ip).await?;
    let ResetRequest { email } = ResetRequest::parse(form).map_err(AppError::Validation)?;
    let account = session_token::account_key(email.normalized());
    if rate_limit::hit(&state.db, &format!("reset:account:{account}"), limits.signup_per_account).await.is_err() {
        return Ok(());
    }
    let Some(credentials) = store::users::credentials_by_email(&state.db, email.normalized()).await? else {
        return Ok(());
    };
    if credentials.suspended_at.is_some() {
        return Ok(());
    }
    let Some(user) = store::users::by_id(&state.db, credentials.id).await? else {
        return Ok(());
    };
    let token = session_token::generate();
    let now = now_ms();
    let link = state.settings.link(&format!("/mot-de-passe/{token}"));
    let mut tx = state.db.begin().await?;
    store::tokens::insert(&mut tx, &session_token::hash(&token), user.id, store::tokens::PASSWORD_RESET, now, now + RESET_LINK_MS).await?;
    mail::enqueue(&mut tx, &mail::password_reset(user.id, &user.email, &user.display_name, &link), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether a link can still set a password (for the page, before the person types).
pub async fn link_is_valid(state: &AppState, token: &str) -> Result<bool, AppError> {
    Ok(store::tokens::is_valid(&state.db, &session_token::hash(token), store::tokens::PASSWORD_RESET, now_ms()).await?)
}

/// Sets the new password through the link: signs out every device, makes the person's other
/// links useless, and tells them by e-mail. `NotFound` for a link used, expired or unknown.
pub async fn reset(state: &AppState, token: &str, form: &RawForm) -> Result<(), AppError> {
    let hash = session_token::hash(token);
    if !store::tokens::is_valid(&state.db, &hash, store::tokens::PASSWORD_RESET, now_ms()).await? {
        return Err(AppError::NotFound);
    }
    let NewPassword { password } = NewPassword::parse(form).map_err(AppError::Validation)?;
    let password_hash = password::hash(password.expose().to_string()).await?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let Some(user_id) = store::tokens::take(&mut tx, &hash, store::tokens::PASSWORD_RESET, now).await? else {
        return Err(AppError::NotFound);
    };
    let user = store::users::by_id(&state.db, user_id).await?.ok_or(AppError::NotFound)?;
    store::users::set_password_hash(&mut tx, user_id, &password_hash, now).await?;
    store::tokens::use_all(&mut tx, user_id, store::tokens::PASSWORD_RESET, now).await?;
    store::sessions::delete_all_for_user(&mut tx, user_id).await?;
    let closed = store::events::insert(&mut tx, SESSIONS_CLOSED, None, Some(user_id), now).await?;
    let notice: Mail = mail::password_changed(user_id, &user.email, &user.display_name, &state.settings.link("/mot-de-passe-oublie"), true);
    mail::enqueue(&mut tx, &notice, now).await?;
    tx.commit().await?;
    state.bus.publish(vec![closed]).await;
    tracing::info!(user_id = %user_id, "password reset through an e-mailed link");
    Ok(())
}
