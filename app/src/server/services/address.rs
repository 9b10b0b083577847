//! Proving an address. Sign-up answers the same for every address (it never tells whether one
//! has an account): a new account starts *unverified*, and the address gets either a link that
//! proves it (48 h, once, only its hash stored) or, when an account already proved it, a mail
//! telling its owner that someone used it. The first account to open its link takes the address
//! and, with it, signing in by password; until then the person acts in the session opened at
//! sign-up, within what `policy` lets an unverified account do.

use crate::error::AppError;
use crate::model::account::Email;
use crate::model::ids::UserId;
use crate::server::auth::session_token;
use crate::server::context::AppState;
use crate::server::db::{is_unique_violation, Tx};
use crate::server::policy::Subject;
use crate::server::services::accounts::Opened;
use crate::server::services::mail;
use crate::server::services::{rate_limit, sessions};
use crate::server::{now_ms, store};

/// How long a link that proves an address stays good.
pub const LINK_MS: i64 = 48 * 3_600_000;

/// Sends what proves `email` for the account `user_id`, inside the caller's transaction: the link,
/// or — when another account already proved this address — the notice to that account's owner.
/// Both are one mail in the outbox, so the two cases cost the same.
pub async fn send_check(
    tx: &mut Tx,
    state: &AppState,
    user_id: UserId,
    email: &Email,
    display_name: &str,
    now: i64,
) -> Result<(), AppError> {
    let mail = match store::users::holder_of_email(tx, email.normalized()).await? {
        Some((owner_id, owner_name, owner_email)) => mail::address_in_use(
            owner_id,
            &owner_email,
            &owner_name,
            &state.settings.link("/connexion"),
            &state.settings.link("/mot-de-passe-oublie"),
        ),
        None => {
            let token = session_token::generate();
            store::tokens::insert_address_check(tx, &session_token::hash(&token), user_id, email.as_str(), now, now + LINK_MS).await?;
            mail::address_check(user_id, email.as_str(), display_name, &state.settings.link(&format!("/adresse/{token}")))
        }
    };
    mail::enqueue(tx, &mail, now).await?;
    Ok(())
}

/// "Renvoyer le lien", for a signed-in person whose address is not proven yet (a few per hour;
/// nothing to do once it is).
pub async fn resend(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    let user_id = subject.id().ok_or(AppError::NotAuthenticated)?;
    let limits = &state.settings.rate_limits;
    rate_limit::hit(&state.db, &format!("address:resend:{user_id}"), limits.signup_per_account).await?;
    let user = store::users::by_id(&state.db, user_id).await?.ok_or(AppError::NotFound)?;
    if user.email_verified_at.is_some() {
        return Ok(());
    }
    // The address was valid when it was stored; a row that no longer parses has nothing to prove.
    let Ok(email) = Email::parse(&user.email) else { return Ok(()) };
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    send_check(&mut tx, state, user_id, &email, &user.display_name, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether a link can still prove its address (for the page, before the person confirms).
pub async fn link_is_valid(state: &AppState, token: &str) -> Result<bool, AppError> {
    Ok(store::tokens::is_valid(&state.db, &session_token::hash(token), store::tokens::VERIFY_EMAIL, now_ms()).await?)
}

/// What opening a link did.
#[derive(Debug)]
pub enum Confirmation {
    /// The address is the account's now; `session` signs this device in (none for a suspended
    /// account).
    Confirmed { user_id: UserId, session: Option<String> },
    /// Another account proved this address first: nothing changed, the link stays unused.
    AddressTaken,
}

/// Opens a link: the address becomes the account's (and its sign-in key), the account's other
/// address links are voided, and this device is signed in to it. `NotFound` for a link used,
/// expired or unknown.
pub async fn confirm(state: &AppState, token: &str) -> Result<Confirmation, AppError> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let Some((user_id, address)) = store::tokens::take_address_check(&mut tx, &session_token::hash(token), now).await? else {
        return Err(AppError::NotFound);
    };
    let email = Email::parse(&address).map_err(|_| AppError::NotFound)?;
    match store::users::set_verified_email(&mut tx, user_id, email.as_str(), email.normalized(), now).await {
        Err(e) if is_unique_violation(&e, "users_email_normalized_key", "users.email_normalized") => {
            return Ok(Confirmation::AddressTaken);
        }
        other => other?,
    }
    store::tokens::use_all(&mut tx, user_id, store::tokens::VERIFY_EMAIL, now).await?;
    let suspended = store::members::belonging_in(&mut tx, user_id).await?.is_none_or(|b| b.suspended_at.is_some());
    let session = if suspended { None } else { Some(sessions::open_in(&mut tx, user_id).await?) };
    tx.commit().await?;
    tracing::info!(user_id = %user_id, "address verified");
    Ok(Confirmation::Confirmed { user_id, session })
}

impl Confirmation {
    /// The session to set, for the form handler.
    pub fn opened(&self) -> Option<Opened> {
        match self {
            Confirmation::Confirmed { user_id, session: Some(token) } => Some(Opened { user_id: *user_id, token: token.clone() }),
            _ => None,
        }
    }
}
