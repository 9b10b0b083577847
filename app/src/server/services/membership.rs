//! Adhérent claims and their confirmation, and moving to another commune.

use crate::error::AppError;
use crate::model::commands::membership::MoveInput;
use crate::model::feed::NotificationKind;
use crate::model::form::{FieldErrors, RawForm};
use crate::model::ids::UserId;
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::now_ms;
use crate::server::policy::{self, PersonPlace, SectionScope, Subject};
use crate::server::services::communes;
use crate::server::services::notifications::notify;
use crate::server::store::{self, audit, events::EventRow, notifications::NewNotification};

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
pub async fn decide(state: &AppState, subject: &Subject, person_id: UserId, confirm: bool) -> Result<(), AppError> {
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

/// Where a person belongs, for the journals and whom to tell: their section, else their
/// federation (a commune no section covers yet).
struct Place {
    scope_kind: &'static str,
    scope_code: String,
    name: String,
    /// The roles told when an adhérent moves in or out.
    team: &'static [&'static str],
}

async fn place_of(tx: &mut Tx, row: &store::members::BelongingRow) -> Result<Option<Place>, AppError> {
    if let Some(id) = row.section_id {
        if let Some(section) = store::sections::by_id_in(tx, id).await? {
            return Ok(Some(Place {
                scope_kind: "section",
                scope_code: id.to_string(),
                name: section.name,
                team: &["section_secretary", "section_animator"],
            }));
        }
    }
    Ok(row.federation_code.clone().map(|code| Place {
        scope_kind: "federation",
        name: format!("Fédération {code}"),
        scope_code: code,
        team: &["federation_first_secretary", "federation_animator"],
    }))
}

/// Moves the person to the commune of a new postal code (and so to its section and federation).
/// A move is what it is in a party: a confirmed (or claimed) adhérent status goes back to *à
/// confirmer* by the new section, whose team and the old one's are told; both journals record
/// it, the new one saying where the person comes from. Moves are limited (`moves_per_account`,
/// counted from the journals), sympathisants' too, since the *section* audience follows them.
pub async fn move_commune(state: &AppState, subject: &Subject, form: &RawForm) -> Result<(), AppError> {
    let user_id = subject.id().ok_or(AppError::NotAuthenticated)?;
    if !policy::can_edit_profile(subject, user_id) {
        return Err(AppError::Forbidden);
    }
    let MoveInput { postal_code, commune } = MoveInput::parse(form).map_err(AppError::Validation)?;
    let mut errors = FieldErrors::default();
    let commune = match communes::home_commune(&state.db, postal_code.as_str(), &commune).await? {
        Ok(c) => c,
        Err((field, error)) => {
            errors.add(field, error);
            return Err(AppError::Validation(errors));
        }
    };
    let now = now_ms();
    let limit = state.settings.rate_limits.moves_per_account;
    let mut tx = state.db.begin().await?;
    let before = store::members::belonging_in(&mut tx, user_id).await?.ok_or(AppError::NotFound)?;
    if before.commune_insee.as_deref() == Some(commune.insee.as_str()) {
        store::members::set_postal_code(&mut tx, user_id, postal_code.as_str()).await?;
        tx.commit().await?;
        return Ok(());
    }
    let window_ms = limit.window_secs * 1000;
    let (moves, oldest) = store::audit::moves_since(&mut tx, user_id, now - window_ms).await?;
    if moves >= limit.max {
        let retry_after_secs = (oldest.unwrap_or(now) + window_ms - now).max(1000) / 1000;
        return Err(AppError::RateLimited { retry_after_secs });
    }
    let from = place_of(&mut tx, &before).await?;
    store::members::set_commune(&mut tx, user_id, &commune.insee, now).await?;
    store::members::set_postal_code(&mut tx, user_id, postal_code.as_str()).await?;
    let after = store::members::belonging_in(&mut tx, user_id).await?.ok_or(AppError::NotFound)?;
    let to = place_of(&mut tx, &after).await?;
    let changes_scope = from.as_ref().map(|p| (p.scope_kind, &p.scope_code)) != to.as_ref().map(|p| (p.scope_kind, &p.scope_code));
    let adherent = before.membership == "adherent" && matches!(before.membership_status.as_str(), "confirmed" | "pending");
    if changes_scope && adherent {
        // The new section decides: nobody carries a confirmed status from one section to another.
        store::members::set_membership(&mut tx, user_id, "adherent", "pending", None, now).await?;
    }
    let mut events = Vec::new();
    if let Some(from) = from.as_ref().filter(|_| changes_scope) {
        let detail = format!("→ {}", to.as_ref().map(|p| p.name.as_str()).unwrap_or("?"));
        journal(&mut tx, user_id, "member_moved_out", from, &detail, now).await?;
        if adherent {
            tell_team(&mut tx, &mut events, from, user_id, NotificationKind::MemberLeft, now).await?;
        }
    }
    if let Some(to) = &to {
        // Written for every move (it is what the limit counts), in the scope the person joins.
        let detail = match (&from, changes_scope, adherent) {
            (Some(from), true, true) => format!("← {}, adhésion à confirmer", from.name),
            (Some(from), true, false) => format!("← {}", from.name),
            _ => String::new(),
        };
        journal(&mut tx, user_id, "member_moved_in", to, &detail, now).await?;
        if changes_scope && adherent {
            tell_team(&mut tx, &mut events, to, user_id, NotificationKind::MemberArrived, now).await?;
        }
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

async fn journal(tx: &mut Tx, user_id: UserId, action: &str, place: &Place, detail: &str, now: i64) -> Result<(), AppError> {
    let entry = audit::Entry {
        actor_id: Some(user_id),
        action,
        scope_kind: place.scope_kind,
        scope_code: &place.scope_code,
        target_user_id: None,
        detail,
        now_ms: now,
    };
    audit::record(tx, &entry).await?;
    Ok(())
}

async fn tell_team(
    tx: &mut Tx,
    events: &mut Vec<EventRow>,
    place: &Place,
    mover: UserId,
    kind: NotificationKind,
    now: i64,
) -> Result<(), AppError> {
    for member in store::roles::holder_ids_in(tx, place.scope_kind, &place.scope_code, place.team).await? {
        if member == mover {
            continue;
        }
        let notification =
            NewNotification { user_id: member, kind, actor_id: mover, post_id: None, comment_id: None, group_id: None, now_ms: now };
        notify(tx, events, &notification).await?;
    }
    Ok(())
}
