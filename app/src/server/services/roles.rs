//! Granting and revoking scoped roles; the secretary hand-over (passation) is one action.

use crate::error::AppError;
use crate::model::form::{FieldError, FieldErrors};
use crate::model::ids::{SectionId, UserId};
use crate::model::territory::{Role, Scope};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::now_ms;
use crate::server::policy::{self, Subject};
use crate::server::store::{self, audit};

fn field(name: &str, error: FieldError) -> AppError {
    let mut errors = FieldErrors::default();
    errors.add(name, error);
    AppError::Validation(errors)
}

async fn log(tx: &mut Tx, actor: Option<UserId>, action: &str, scope: &Scope, target: UserId, detail: &str) -> Result<(), sqlx::Error> {
    audit::record(
        tx,
        &audit::Entry {
            actor_id: actor,
            action,
            scope_kind: scope.kind(),
            scope_code: &scope.code(),
            target_user_id: Some(target),
            detail,
            now_ms: now_ms(),
        },
    )
    .await
}

/// A role change about to happen: authorized, with its target found, inside its transaction.
struct RoleChange {
    tx: Tx,
    actor: UserId,
    target: UserId,
    handle: String,
}

/// Checks that the subject may change `role` in `scope` (the scope above decides) and finds the
/// member named by `handle`.
async fn prepare(state: &AppState, subject: &Subject, role: Role, scope: &Scope, handle: &str) -> Result<RoleChange, AppError> {
    let actor = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let section_federation = section_federation(&mut tx, scope).await?;
    if !policy::can_grant(subject, role, scope, section_federation.as_deref()) {
        return Err(AppError::Forbidden);
    }
    let handle = handle.trim().trim_start_matches('@').to_lowercase();
    let Some(target) = store::members::user_id_by_handle(&mut tx, &handle).await? else {
        return Err(field("handle", if handle.is_empty() { FieldError::Required } else { FieldError::UnknownMember }));
    };
    Ok(RoleChange { tx, actor, target, handle })
}

/// Gives `role` in `scope` to the member with `handle`. For single-holder roles the previous
/// holder is replaced in the same transaction: everything belongs to the scope, so the successor
/// simply inherits it.
pub async fn grant(state: &AppState, subject: &Subject, role: Role, scope: &Scope, handle: &str) -> Result<(), AppError> {
    let RoleChange { mut tx, actor, target, handle } = prepare(state, subject, role, scope, handle).await?;
    if role.single_holder() {
        if let Some(previous) = store::roles::holder_of(&mut tx, role.as_str(), scope.kind(), &scope.code()).await? {
            if previous == target {
                return Ok(());
            }
            store::roles::revoke(&mut tx, previous, role.as_str(), scope.kind(), &scope.code()).await?;
            log(&mut tx, Some(actor), "passation", scope, target, &format!("{} → @{handle}", role.as_str())).await?;
        }
    }
    if store::roles::grant(&mut tx, target, role.as_str(), scope.kind(), &scope.code(), Some(actor), now_ms()).await? {
        log(&mut tx, Some(actor), "role_granted", scope, target, role.as_str()).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn revoke(state: &AppState, subject: &Subject, role: Role, scope: &Scope, handle: &str) -> Result<(), AppError> {
    let RoleChange { mut tx, actor, target, .. } = prepare(state, subject, role, scope, handle).await?;
    if store::roles::revoke(&mut tx, target, role.as_str(), scope.kind(), &scope.code()).await? {
        log(&mut tx, Some(actor), "role_revoked", scope, target, role.as_str()).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn section_federation(tx: &mut Tx, scope: &Scope) -> Result<Option<String>, AppError> {
    Ok(match scope {
        Scope::Section(id) => Some(store::sections::by_id_in(tx, SectionId(*id)).await?.ok_or(AppError::NotFound)?.federation_code),
        _ => None,
    })
}

/// Operator command: makes the account with this e-mail a national admin (audited, no actor).
pub async fn grant_national_admin_by_email(state: &AppState, email: &str) -> Result<UserId, AppError> {
    let credentials = store::users::credentials_by_email(&state.db, &email.trim().to_lowercase()).await?.ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    if store::roles::grant(&mut tx, credentials.id, Role::NationalAdmin.as_str(), "national", "", None, now_ms()).await? {
        log(&mut tx, None, "role_granted", &Scope::National, credentials.id, "national_admin (coopol grant-admin)").await?;
    }
    tx.commit().await?;
    Ok(credentials.id)
}

/// Operator command: suspends (or restores) an account; a suspended account is signed out
/// everywhere and treated as anonymous.
pub async fn set_suspended_by_email(state: &AppState, email: &str, suspended: bool) -> Result<UserId, AppError> {
    let credentials = store::users::credentials_by_email(&state.db, &email.trim().to_lowercase()).await?.ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    let now = now_ms();
    store::members::set_suspended(&mut tx, credentials.id, suspended.then_some(now)).await?;
    let mut events = Vec::new();
    if suspended {
        store::sessions::delete_all_for_user(&mut tx, credentials.id).await?;
        events.push(
            store::events::insert(&mut tx, crate::server::services::sessions::SESSIONS_CLOSED, None, Some(credentials.id), now).await?,
        );
    }
    log(&mut tx, None, if suspended { "account_suspended" } else { "account_restored" }, &Scope::National, credentials.id, "").await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(credentials.id)
}

/// The first account on an empty instance becomes national admin (inside its sign-up transaction).
pub async fn bootstrap_first_admin(tx: &mut Tx, user_id: UserId) -> Result<(), sqlx::Error> {
    if store::roles::national_admin_exists(tx).await? {
        return Ok(());
    }
    store::roles::grant(tx, user_id, Role::NationalAdmin.as_str(), "national", "", None, now_ms()).await?;
    log(tx, None, "role_granted", &Scope::National, user_id, "national_admin (first account)").await
}
