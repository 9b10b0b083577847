//! "Supprimer mon compte" (GDPR art. 17). Asked for on the account page with the current
//! password; it takes effect after a delay (7 days by default) during which the link sent by
//! e-mail — or the account page — cancels it. Then, in one transaction (`erase`):
//! - the person's single-holder roles pass to the scope above (*passation*: a section's secretary
//!   to the federation's premier·e secrétaire, a federation's to the first national admin), each
//!   in the scope's journal, and the one who takes over is told by e-mail; other roles end;
//! - groups they administered alone get their oldest member as admin;
//! - publications and comments are erased, or kept as "message supprimé" where others replied;
//! - their @handle leaves the journal's details, a section contact address that was theirs is
//!   cleared;
//! - the account goes, and with it (`ON DELETE CASCADE`) the profile, consents, reactions,
//!   coopains, requests, blocks, memberships, answers, reminders, notifications, sessions, links,
//!   exports and mails. What the section keeps (actions, comptes-rendus, contacts met, the
//!   journal) keeps no link to them (`ON DELETE SET NULL`).

use crate::error::AppError;
use crate::model::account::ErasureView;
use crate::model::commands::account::{ErasureRequest, ERASURE_FORM_CURRENT};
use crate::model::form::RawForm;
use crate::model::ids::UserId;
use crate::model::territory::Role;
use crate::server::auth::session_token;
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::policy::Subject;
use crate::server::services::account::{check_current_password, owner};
use crate::server::services::sessions::SESSIONS_CLOSED;
use crate::server::services::{mail, rate_limit};
use crate::server::store::{self, audit};
use crate::server::{now_ms, store::erasure::WritingErased};

impl From<store::erasure::PendingErasure> for ErasureView {
    fn from(p: store::erasure::PendingErasure) -> Self {
        ErasureView { requested_ms: p.requested_at, effective_ms: p.effective_at }
    }
}

/// Asks for the erasure: the password again, then a request and the mail with its cancel link.
/// Asking again while one is pending changes nothing (and sends nothing).
pub async fn request(state: &AppState, subject: &Subject, form: &RawForm) -> Result<(), AppError> {
    let user = owner(subject)?;
    let ErasureRequest { current } = ErasureRequest::parse(form).map_err(AppError::Validation)?;
    check_current_password(state, user.id, current, ERASURE_FORM_CURRENT).await?;
    limit_requests(state, user.id).await?;
    let mut tx = state.db.begin().await?;
    schedule(&mut tx, state, user.id, now_ms()).await?;
    tx.commit().await?;
    Ok(())
}

/// Each request (after a cancellation) sends a mail: a few per hour, like sign-ups. Called before
/// the caller's transaction (the counter is its own write).
pub(crate) async fn limit_requests(state: &AppState, user_id: UserId) -> Result<(), AppError> {
    rate_limit::hit(&state.db, &format!("erasure:{user_id}"), state.settings.rate_limits.signup_per_account).await
}

/// Records the request (unless one is pending) and its mail, inside the caller's transaction.
pub(crate) async fn schedule(tx: &mut Tx, state: &AppState, user_id: UserId, now: i64) -> Result<(), AppError> {
    let account = store::users::by_id_in(tx, user_id).await?.ok_or(AppError::NotFound)?;
    let effective_at = now + state.settings.privacy.erasure_delay_ms;
    let token = session_token::generate();
    if store::erasure::insert(tx, user_id, &session_token::hash(&token), now, effective_at).await? {
        let notice = mail::erasure_scheduled(
            user_id,
            &account.email,
            &account.display_name,
            effective_at,
            &state.settings.link(&format!("/compte/garder/{token}")),
        );
        mail::enqueue(tx, &notice, now).await?;
    }
    Ok(())
}

/// "Annuler la suppression", signed in.
pub async fn cancel(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    let user = owner(subject)?;
    let mut tx = state.db.begin().await?;
    store::erasure::cancel(&mut tx, user.id).await?;
    tx.commit().await?;
    Ok(())
}

/// When the request that the cancel link names takes effect (`None`: no such pending request —
/// cancelled already, or carried out). The page shows a button: mail scanners open links.
pub async fn link_effective_at(state: &AppState, token: &str) -> Result<Option<i64>, AppError> {
    Ok(store::erasure::by_token(&state.db, &session_token::hash(token)).await?.map(|(_, at)| at))
}

/// Cancels by the link from the e-mail (no session needed: the person may be on another device).
/// `NotFound` when the link names no pending request (cancelled already, or carried out).
pub async fn cancel_by_link(state: &AppState, token: &str) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let cancelled = store::erasure::cancel_by_token(&mut tx, &session_token::hash(token)).await?;
    tx.commit().await?;
    let user_id = cancelled.ok_or(AppError::NotFound)?;
    tracing::info!(user_id = %user_id, "account erasure cancelled by its link");
    Ok(())
}

/// Carries out the erasures that are due (a few per call; the worker calls again). Returns how
/// many accounts were erased.
pub async fn erase_due(state: &AppState) -> Result<usize, AppError> {
    let now = now_ms();
    let mut erased = 0;
    for user_id in store::erasure::due(&state.db, now, 20).await? {
        let started = std::time::Instant::now();
        let mut tx = state.db.begin().await?;
        if !store::erasure::take_due(&mut tx, user_id, now).await? {
            continue;
        }
        let outcome = erase(&mut tx, state, user_id, now).await?;
        let closed = store::events::insert(&mut tx, SESSIONS_CLOSED, None, Some(user_id), now).await?;
        tx.commit().await?;
        state.bus.publish(vec![closed]).await;
        tracing::info!(
            user_id = %user_id,
            posts_deleted = outcome.posts_deleted,
            posts_kept_as_deleted = outcome.posts_kept_as_deleted,
            comments_deleted = outcome.comments_deleted,
            comments_kept_as_deleted = outcome.comments_kept_as_deleted,
            ms = started.elapsed().as_millis() as u64,
            "account erased"
        );
        erased += 1;
    }
    Ok(erased)
}

/// Erases the account `user_id` inside the caller's transaction (see the module's comment).
pub async fn erase(tx: &mut Tx, state: &AppState, user_id: UserId, now: i64) -> Result<WritingErased, AppError> {
    let Some(account) = store::users::by_id_in(tx, user_id).await? else {
        return Ok(WritingErased::default());
    };
    pass_roles_on(tx, state, user_id, now).await?;
    store::erasure::hand_over_groups(tx, user_id).await?;
    let writing = store::erasure::erase_writing(tx, user_id, now).await?;
    store::erasure::forget_in_shared_records(tx, user_id, &account.handle, &account.email).await?;
    store::erasure::delete_user(tx, user_id).await?;
    Ok(writing)
}

/// Passation: a section's secretary passes to the federation's premier·e secrétaire, a
/// federation's premier·e secrétaire to the first national admin (an interim, until the scope
/// names someone). Other roles simply end. Each step is in the scope's journal, without the
/// person's name.
async fn pass_roles_on(tx: &mut Tx, state: &AppState, user_id: UserId, now: i64) -> Result<(), AppError> {
    for held in store::erasure::held_roles(tx, user_id).await? {
        let role = Role::parse(&held.role);
        let successor = match role {
            Some(Role::SectionSecretary) => match held.federation_code.as_deref() {
                Some(code) => store::roles::holder_of(tx, Role::FederationFirstSecretary.as_str(), "federation", code).await?,
                None => None,
            },
            Some(Role::FederationFirstSecretary) => store::erasure::first_national_admin(tx, user_id).await?,
            _ => None,
        }
        .filter(|s| *s != user_id);
        store::roles::revoke(tx, user_id, &held.role, &held.scope_kind, &held.scope_code).await?;
        let (action, detail) = match successor {
            Some(successor) => {
                store::roles::grant(tx, successor, &held.role, &held.scope_kind, &held.scope_code, None, now).await?;
                if let Some(person) = store::users::by_id_in(tx, successor).await? {
                    let scope_name = held.scope_name.clone().unwrap_or_default();
                    let notice = mail::interim_after_erasure(
                        successor,
                        &person.email,
                        &person.display_name,
                        &held.role,
                        &scope_name,
                        &state.settings.link(held.scope_path.as_deref().unwrap_or("/")),
                    );
                    mail::enqueue(tx, &notice, now).await?;
                }
                ("passation", format!("{} → intérim (compte supprimé)", held.role))
            }
            None => ("role_ended", format!("{} (compte supprimé)", held.role)),
        };
        if role == Some(Role::NationalAdmin) && store::erasure::first_national_admin(tx, user_id).await?.is_none() {
            tracing::warn!("the last national admin's account was erased: name another with `coopol grant-admin --email …`");
        }
        let entry = audit::Entry {
            actor_id: None,
            action,
            scope_kind: &held.scope_kind,
            scope_code: &held.scope_code,
            target_user_id: successor,
            detail: &detail,
            now_ms: now,
        };
        audit::record(tx, &entry).await?;
    }
    Ok(())
}
