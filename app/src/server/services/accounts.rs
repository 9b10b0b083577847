//! Sign-up and sign-in.

use crate::error::AppError;
use crate::model::account::{Handle, MembershipStatus, SignIn, SignUp};
use crate::model::form::RawForm;
use crate::model::ids::UserId;
use crate::server::auth::{password, session_token};
use crate::server::context::AppState;
use crate::server::db::{is_unique_violation, Tx};
use crate::server::now_ms;
use crate::server::services::{address, communes, rate_limit, roles, sessions};
use crate::server::store::{self, consents};

/// A new session for a person who just signed up or in.
#[derive(Debug)]
pub struct Opened {
    pub user_id: UserId,
    pub token: String,
}

/// Creates the account (unverified), its profile, the consent record, the mail that proves its
/// address and a first session, atomically. The answer is the same whether or not another
/// account holds the address (`services::address`).
pub async fn sign_up(state: &AppState, form: &RawForm, client_ip: &str) -> Result<Opened, AppError> {
    let db = &state.db;
    rate_limit::hit(db, &format!("signup:ip:{client_ip}"), state.settings.rate_limits.signup_per_ip).await?;
    let signup = SignUp::parse(form).map_err(AppError::Validation)?;
    let account_bucket = format!("signup:account:{}", session_token::account_key(signup.email.normalized()));
    rate_limit::hit(db, &account_bucket, state.settings.rate_limits.signup_per_account).await?;
    let commune = match communes::home_commune(db, signup.postal_code.as_str(), &signup.commune).await? {
        Ok(commune) => commune,
        Err((field, error)) => return Err(AppError::field(field, error)),
    };
    let password_hash = password::hash(signup.password.expose().to_string()).await?;

    // Two people with the same name signing up at once may race for the same handle: the loser
    // retries with the next free suffix.
    for attempt in 0..8 {
        match create_account(state, &signup, &commune.insee, &password_hash, attempt).await {
            Err(Creation::HandleRace) => continue,
            Err(Creation::Failed(error)) => return Err(error),
            Ok(opened) => {
                tracing::info!(user_id = %opened.user_id, "account created");
                return Ok(opened);
            }
        }
    }
    Err(AppError::Internal)
}

enum Creation {
    HandleRace,
    Failed(AppError),
}

impl<E: Into<AppError>> From<E> for Creation {
    fn from(error: E) -> Self {
        Creation::Failed(error.into())
    }
}

async fn create_account(
    state: &AppState,
    signup: &SignUp,
    commune_insee: &str,
    password_hash: &str,
    attempt: u32,
) -> Result<Opened, Creation> {
    let mut tx = state.db.begin().await?;
    let handle = free_handle(&mut tx, &Handle::suggest_from(signup.display_name.as_str()), attempt).await?;
    let now = now_ms();
    let new_user = store::users::NewUser {
        handle: handle.as_str(),
        display_name: signup.display_name.as_str(),
        email: signup.email.as_str(),
        // Unverified until its link is opened: whoever holds the address, the answer is the same.
        email_normalized: None,
        password_hash,
        postal_code: signup.postal_code.as_str(),
        membership: signup.claim.as_str(),
        membership_status: MembershipStatus::initial(signup.claim).as_str(),
        commune_insee: Some(commune_insee),
        now_ms: now,
    };
    let user_id = match store::users::insert(&mut tx, &new_user).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e, "users_handle_key", "users.handle") => return Err(Creation::HandleRace),
        Err(e) => return Err(e.into()),
    };
    store::profiles::insert_default(&mut tx, user_id, now).await?;
    roles::bootstrap_first_admin(&mut tx, user_id).await?;
    consents::record(
        &mut tx,
        user_id,
        consents::PURPOSE_POLITICAL_OPINION,
        crate::model::consent::CURRENT_VERSION,
        consents::METHOD_SIGNUP_CHECKBOX,
        now,
    )
    .await?;
    consents::record(
        &mut tx,
        user_id,
        consents::PURPOSE_CHARTER,
        crate::model::moderation::CHARTER_VERSION,
        consents::METHOD_SIGNUP_CHECKBOX,
        now,
    )
    .await?;
    address::send_check(&mut tx, state, user_id, &signup.email, signup.display_name.as_str(), now).await?;
    let token = sessions::open_in(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(Opened { user_id, token })
}

/// The suggested handle, or the same with the first free numeric suffix. After a lost race the
/// suffix is random, so concurrent sign-ups with one name stop colliding.
async fn free_handle(tx: &mut Tx, wanted: &Handle, attempt: u32) -> Result<Handle, AppError> {
    let taken = store::users::taken_handles(tx, wanted.as_str()).await?;
    if attempt > 0 {
        use rand::Rng;
        let n = rand::thread_rng().gen_range(100..100_000);
        return Ok(wanted.with_suffix(n));
    }
    if !taken.iter().any(|h| h == wanted.as_str()) {
        return Ok(wanted.clone());
    }
    (2..).map(|n| wanted.with_suffix(n)).find(|candidate| !taken.iter().any(|h| h == candidate.as_str())).ok_or(AppError::Internal)
}

/// The wait of every sign-in on an account that failed too often lately (from anywhere).
const SLOW_SIGN_IN: std::time::Duration = std::time::Duration::from_secs(2);

/// Checks the credentials and opens a session. Unknown e-mail and wrong password are
/// indistinguishable, in the answer and in the time it takes.
pub async fn sign_in(state: &AppState, form: &RawForm, client_ip: &str) -> Result<Opened, AppError> {
    let db = &state.db;
    let limits = &state.settings.rate_limits;
    let attempt = SignIn::parse(form).map_err(AppError::Validation)?;
    rate_limit::hit(db, &format!("signin:ip:{client_ip}"), limits.signin_per_ip).await?;
    // Failures lock out the client that made them (this address, for this account), never the
    // account itself: anyone who knows an address could otherwise keep its owner out. Guessing
    // from many addresses is slowed instead: past the budget, every attempt on the account waits
    // before its password is checked.
    let account = session_token::account_key(&attempt.email);
    let client_bucket = format!("signin:account:{account}:ip:{client_ip}");
    let account_bucket = format!("signin:account:{account}");
    rate_limit::ensure_not_blocked(db, &client_bucket, limits.signin_failures_per_account).await?;
    if rate_limit::ensure_not_blocked(db, &account_bucket, limits.signin_failures_per_account).await.is_err() {
        tokio::time::sleep(SLOW_SIGN_IN).await;
    }

    let credentials = store::users::credentials_by_email(db, &attempt.email).await?;
    let user_id = credentials.as_ref().map(|c| c.id);
    let suspended = credentials.as_ref().is_some_and(|c| c.suspended_at.is_some());
    let valid = password::verify(attempt.password, credentials.map(|c| c.password_hash)).await;
    let Some(user_id) = user_id.filter(|_| valid) else {
        rate_limit::hit(db, &client_bucket, limits.signin_failures_per_account).await.ok();
        rate_limit::hit(db, &account_bucket, limits.signin_failures_per_account).await.ok();
        return Err(AppError::WrongCredentials);
    };
    if suspended {
        return Err(AppError::Suspended);
    }
    let mut tx = db.begin().await?;
    let token = sessions::open_in(&mut tx, user_id).await?;
    tx.commit().await?;
    tracing::info!(user_id = %user_id, "signed in");
    Ok(Opened { user_id, token })
}
