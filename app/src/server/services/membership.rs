//! Adhérent claims and their confirmation, and moving to another commune.

use crate::error::AppError;
use crate::model::account::PostalCode;
use crate::model::form::{FieldErrors, RawForm};
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::{self, PersonPlace, SectionScope, Subject};
use crate::server::services::communes;
use crate::server::store::{self, audit};

/// A sympathisant (or someone refused earlier) says they hold the party card: the claim waits for
/// the section's confirmation.
pub async fn claim_adherent(state: &AppState, subject: &Subject) -> Result<(), AppError> {
    let user_id = subject.id().ok_or(AppError::NotAuthenticated)?;
    if !policy::can_edit_profile(subject, user_id) {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let row = store::members::belonging_in(&mut tx, user_id).await?.ok_or(AppError::NotFound)?;
    if row.membership == "adherent" && row.membership_status != "refused" {
        return Ok(()); // already claimed or confirmed
    }
    store::members::set_membership(&mut tx, user_id, "adherent", "pending", None, now_ms()).await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms or refuses a pending adhérent claim, recorded in the audit log of the scope that
/// decided (the section, or the federation where the commune has no section).
pub async fn decide(state: &AppState, subject: &Subject, person_id: i64, confirm: bool) -> Result<(), AppError> {
    let actor = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let row = store::members::belonging_in(&mut tx, person_id).await?.ok_or(AppError::NotFound)?;
    let section = match row.section_id {
        Some(id) => store::sections::by_id_in(&mut tx, id).await?.map(|s| SectionScope { id: s.id, federation_code: s.federation_code }),
        None => None,
    };
    let place = PersonPlace { section: section.clone(), federation_code: row.federation_code.clone() };
    if !policy::can_decide_membership(subject, &place) {
        // Same answer as for a person who does not exist: no hint about who is where.
        return Err(AppError::NotFound);
    }
    if row.membership != "adherent" || row.membership_status != "pending" {
        // Already decided (a second click, another officer was faster): nothing left to do.
        return Ok(());
    }
    let now = now_ms();
    let status = if confirm { "confirmed" } else { "refused" };
    store::members::set_membership(&mut tx, person_id, "adherent", status, Some(actor), now).await?;
    let (scope_kind, scope_code) = match (&section, &row.federation_code) {
        (Some(s), _) => ("section", s.id.to_string()),
        (None, Some(f)) => ("federation", f.clone()),
        (None, None) => ("national", String::new()),
    };
    audit::record(
        &mut tx,
        &audit::Entry {
            actor_id: Some(actor),
            action: if confirm { "adhesion_confirmed" } else { "adhesion_refused" },
            scope_kind,
            scope_code: &scope_code,
            target_user_id: Some(person_id),
            detail: "",
            now_ms: now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves the person to the commune of a new postal code (and so to its section and federation).
pub async fn move_commune(state: &AppState, subject: &Subject, form: &RawForm) -> Result<(), AppError> {
    let user_id = subject.id().ok_or(AppError::NotAuthenticated)?;
    if !policy::can_edit_profile(subject, user_id) {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::default();
    let Some(postal) = errors.check("postal_code", PostalCode::parse(form.value("postal_code"))) else {
        return Err(AppError::Validation(errors));
    };
    let commune = match communes::home_commune(&state.db, postal.as_str(), form.value("commune")).await? {
        Ok(c) => c,
        Err((field, error)) => {
            errors.add(field, error);
            return Err(AppError::Validation(errors));
        }
    };
    let mut tx = state.db.begin().await?;
    store::members::set_commune(&mut tx, user_id, &commune.insee, now_ms()).await?;
    store::members::set_postal_code(&mut tx, user_id, postal.as_str()).await?;
    tx.commit().await?;
    Ok(())
}
