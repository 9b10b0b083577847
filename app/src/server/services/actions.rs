//! Field actions: creation (or an adhérent's proposal), edit, cancellation, approval. One
//! transaction each; participants are told about changes by notifications written inside it.

use crate::error::AppError;
use crate::model::action::{ActionStatus, CommunePoint};
use crate::model::commands::action::{ActionInput, ActionPlace, CancelInput, ScopeChoice};
use crate::model::feed::NotificationKind;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::{ActionId, SectionId, UserId};
use crate::model::territory::{FederationRef, Role, Scope, ScopeRef, SectionRef};
use crate::server::context::AppState;
use crate::server::policy::actions::{self as rules};
use crate::server::policy::{SectionScope, Subject};
use crate::server::services::action_summary::facts;
use crate::server::services::communes::resolve_entry;
use crate::server::services::notifications::notify_action;
use crate::server::store::{self, actions::ActionRow, actions::NewAction, sections::SectionRow};
use crate::server::{now_ms, store::rsvps};

/// Where an action can be organized from, for one person.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeOption {
    /// "section:12" or "federation:59": the form's value.
    pub value: String,
    pub scope: ScopeRef,
    pub section: Option<SectionRow>,
    pub federation_code: String,
    /// An adhérent's proposal, approved by the section's team.
    pub propose_only: bool,
}

/// The scopes this person may organize for: sections they lead, federations they lead, and
/// their own section as a proposal when they are a confirmed adhérent there.
pub async fn scopes(state: &AppState, subject: &Subject) -> Result<Vec<ScopeOption>, AppError> {
    let ids = candidate_section_ids(subject);
    let mut sections: Vec<SectionRow> =
        if ids.is_empty() { Vec::new() } else { store::sections::by_ids(&ids).fetch_all(&state.db).await? };
    // The sections they lead first, then their own.
    sections.sort_by_key(|s| ids.iter().position(|id| *id == s.id));
    let mut out = section_options(subject, sections);
    for code in creatable_federations(subject) {
        let name = store::territory::departement(&state.db, &code).await?.map(|d| d.name).unwrap_or_else(|| code.clone());
        out.push(ScopeOption {
            value: format!("federation:{code}"),
            scope: ScopeRef::Federation(FederationRef { code: code.clone(), name }),
            section: None,
            federation_code: code,
            propose_only: false,
        });
    }
    Ok(out)
}

/// Whether `scopes` would offer anything, from the rows of `candidate_sections` (read in the
/// caller's bundle): the actions page's "Proposer une action" without statements of its own.
pub fn may_create(subject: &Subject, sections: Vec<SectionRow>) -> bool {
    !section_options(subject, sections).is_empty() || !creatable_federations(subject).is_empty()
}

/// The sections this person leads or belongs to, as a bundle part (`None`: no such section).
pub fn candidate_sections(subject: &Subject) -> Option<store::bundle::Part> {
    let ids = candidate_section_ids(subject);
    (!ids.is_empty()).then(|| store::sections::by_ids(&ids))
}

fn candidate_section_ids(subject: &Subject) -> Vec<SectionId> {
    if !subject.is_active() {
        return Vec::new();
    }
    let mut section_ids: Vec<SectionId> = subject
        .roles
        .iter()
        .filter(|(role, _)| matches!(role, Role::SectionSecretary | Role::SectionAnimator))
        .filter_map(|(_, scope)| if let Scope::Section(id) = scope { Some(SectionId(*id)) } else { None })
        .collect();
    section_ids.extend(subject.belonging.section_id);
    let mut unique = Vec::with_capacity(section_ids.len());
    for id in section_ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    unique
}

fn section_options(subject: &Subject, sections: Vec<SectionRow>) -> Vec<ScopeOption> {
    let mut out: Vec<ScopeOption> = Vec::new();
    for section in sections {
        let id = section.id;
        let scope = SectionScope { id: section.id, federation_code: section.federation_code.clone() };
        let propose_only = if rules::can_create_for_section(subject, &scope) {
            false
        } else if rules::can_propose_for_section(subject, &scope) {
            true
        } else {
            continue;
        };
        out.push(ScopeOption {
            value: format!("section:{id}"),
            scope: ScopeRef::Section(SectionRef { slug: section.slug.clone(), name: section.name.clone() }),
            federation_code: section.federation_code.clone(),
            section: Some(section),
            propose_only,
        });
    }
    out
}

fn creatable_federations(subject: &Subject) -> Vec<String> {
    if !subject.is_active() {
        return Vec::new();
    }
    let mut federations: Vec<String> = subject
        .roles
        .iter()
        .filter_map(|(role, scope)| match (role, scope) {
            (Role::FederationFirstSecretary | Role::FederationAnimator, Scope::Federation(code)) => Some(code.clone()),
            _ => None,
        })
        .collect();
    if subject.is_national_admin() {
        federations.extend(subject.belonging.federation_code.clone());
    }
    federations.dedup();
    federations.retain(|code| rules::can_create_for_federation(subject, code));
    federations
}

/// Where the action form's map should look: the reference point of a commune typed in the
/// form, within the federation of a scope this person may organize for (no outside geocoder:
/// the person then taps the meeting point). `None` when the entry names no single commune.
pub async fn commune_point(state: &AppState, subject: &Subject, scope: &str, entry: &str) -> Result<Option<CommunePoint>, AppError> {
    let options = scopes(state, subject).await?;
    let option = options.iter().find(|o| o.value == scope).or(options.first()).ok_or(AppError::Forbidden)?;
    if entry.trim().is_empty() || entry.len() > 80 {
        return Ok(None);
    }
    Ok(match resolve_entry(&state.db, &option.federation_code, entry).await? {
        Ok(commune) => commune.lat.zip(commune.lng).map(|(lat, lng)| CommunePoint { lat, lng, name: commune.name }),
        Err(_) => None,
    })
}

/// The row to write for the action form's values, at `point`.
fn new_action<'a>(
    input: &'a ActionInput,
    (lat, lng): (f64, f64),
    section_id: Option<SectionId>,
    federation_code: &'a str,
) -> NewAction<'a> {
    NewAction {
        kind: input.kind,
        title: &input.title,
        description: &input.description,
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        place_name: &input.place_name,
        address: &input.address,
        lat,
        lng,
        capacity: input.capacity,
        material: &input.material,
        audience: input.audience,
        section_id,
        federation_code,
        reinforcements: input.reinforcements,
    }
}

/// The action form's values and its point (a commune typed: its reference point, looked up in
/// the scope's federation), or every field's error at once.
async fn read_form(state: &AppState, form: &RawForm, federation_code: &str, now: i64) -> Result<(ActionInput, (f64, f64)), AppError> {
    let input = ActionInput::parse(form, now);
    let point = match ActionPlace::parse(form) {
        Ok(ActionPlace::Point(lat, lng)) => Ok((lat, lng)),
        Ok(ActionPlace::Commune(entry)) => {
            let refused = |error| {
                let mut e = FieldErrors::default();
                e.add("commune", error);
                Err(e)
            };
            match resolve_entry(&state.db, federation_code, &entry).await? {
                Ok(commune) => match (commune.lat, commune.lng) {
                    (Some(lat), Some(lng)) => Ok((lat, lng)),
                    _ => refused(FieldError::UnknownCommune { entry }),
                },
                Err(error) => refused(error),
            }
        }
        Err(e) => Err(e),
    };
    FieldErrors::both(input, point).map_err(AppError::Validation)
}

/// The people named as co-organizers, checked before the transaction: each must exist and be of
/// the action's scope (`can_be_invited_organizer`), or the whole form is refused.
async fn invitees(
    state: &AppState,
    wanted: &[String],
    me: UserId,
    section_id: Option<SectionId>,
    federation_code: &str,
) -> Result<Vec<UserId>, AppError> {
    let mut ids = Vec::new();
    for handle in wanted {
        let Some(user) = store::users::by_handle(&state.db, handle).await? else {
            return Err(invalid("organizers", FieldError::UnknownMember));
        };
        if user.id == me || ids.contains(&user.id) {
            continue;
        }
        let invitee = crate::server::services::subjects::of_person(&state.db, user.id).await?;
        if !rules::can_be_invited_organizer(&invitee, section_id, federation_code) {
            return Err(invalid("organizers", FieldError::NotOfScope));
        }
        ids.push(user.id);
    }
    Ok(ids)
}

/// The author organizes the action; the people named are invited (and told), and organize it
/// once they accept.
async fn add_organizers(
    tx: &mut crate::server::db::Tx,
    events: &mut Vec<store::events::EventRow>,
    action_id: ActionId,
    me: UserId,
    invitees: &[UserId],
    now: i64,
) -> Result<(), AppError> {
    store::actions::add_organizer(tx, action_id, me, now).await?;
    let mut invited = Vec::new();
    for &id in invitees {
        if store::actions::invite_organizer(tx, action_id, id, me).await? {
            invited.push(id);
        }
    }
    notify_action(tx, events, &invited, NotificationKind::OrganizerInvited, Some(me), action_id, now).await?;
    Ok(())
}

/// Accepts or declines an invitation to co-organize; whoever invited is told of an acceptance.
pub async fn answer_invitation(state: &AppState, subject: &Subject, id: ActionId, accept: bool) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let row = store::actions::by_id_in(&mut tx, me, id).await?.ok_or(AppError::NotFound)?;
    // Only the invited person learns an invitation exists; anyone else gets "not found".
    if !row.my_organizer_invitation {
        return Err(AppError::NotFound);
    }
    let Some(invited_by) = store::actions::answer_invitation(&mut tx, id, me, accept, now).await? else {
        return Err(AppError::NotFound);
    };
    let mut events = Vec::new();
    if accept {
        let told: Vec<UserId> = invited_by.into_iter().collect();
        notify_action(&mut tx, &mut events, &told, NotificationKind::OrganizerAccepted, Some(me), id, now).await?;
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

/// Creates an action (published at once), or an adhérent's proposal (the section's team is told).
pub async fn create(state: &AppState, subject: &Subject, form: &RawForm) -> Result<ActionId, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let options = scopes(state, subject).await?;
    if options.is_empty() {
        return Err(AppError::Forbidden);
    }
    let chosen = match ScopeChoice::parse(form) {
        // The form always sends a scope when there is a choice; a bare post gets the first one led.
        ScopeChoice(None) => options.iter().find(|o| !o.propose_only).or(options.first()),
        ScopeChoice(Some(value)) => options.iter().find(|o| o.value == value),
    };
    let Some(scope) = chosen.cloned() else {
        return Err(invalid("scope", FieldError::InvalidChoice));
    };
    let now = now_ms();
    let (input, point) = read_form(state, form, &scope.federation_code, now).await?;
    let section_id = scope.section.as_ref().map(|s| s.id);
    let status = if scope.propose_only { ActionStatus::Proposed } else { ActionStatus::Published };
    let team = match (&scope.section, scope.propose_only) {
        (Some(section), true) => store::roles::holders(&state.db, "section", &section.id.to_string()).await?,
        _ => Vec::new(),
    };
    let invitees = invitees(state, &input.organizers, me, section_id, &scope.federation_code).await?;
    // The vote this action carries out ("Organiser une action" on a counted vote).
    let decided_by = match form.value("vote").trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().map_err(|_| invalid("vote", FieldError::InvalidChoice))?),
    };
    // Or the debate it carries out ("Organiser une action" on a closed debate).
    let decided_by_debate = match form.value("debat").trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().map_err(|_| invalid("debat", FieldError::InvalidChoice))?),
    };
    let mut tx = state.db.begin().await?;
    if let Some(vote) = decided_by {
        crate::server::services::votes::check_decision(&mut tx, subject, vote).await?;
    }
    if let Some(debate) = decided_by_debate {
        crate::server::services::debates::check_decision(&mut tx, subject, debate).await?;
    }
    let id = store::actions::insert(&mut tx, &new_action(&input, point, section_id, &scope.federation_code), status, me, now).await?;
    if let Some(vote) = decided_by {
        store::actions::set_decided_by(&mut tx, id, vote).await?;
    }
    if let Some(debate) = decided_by_debate {
        store::actions::set_decided_by_debate(&mut tx, id, debate).await?;
    }
    let mut events = Vec::new();
    add_organizers(&mut tx, &mut events, id, me, &invitees, now).await?;
    let team: Vec<UserId> = team.iter().map(|h| h.user_id).collect();
    notify_action(&mut tx, &mut events, &team, NotificationKind::ActionProposed, Some(me), id, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(id)
}

fn invalid(field: &str, error: FieldError) -> AppError {
    let mut e = FieldErrors::default();
    e.add(field, error);
    AppError::Validation(e)
}

/// Reads an action for a write and checks that this subject manages it.
async fn managed(tx: &mut crate::server::db::Tx, subject: &Subject, me: UserId, id: ActionId) -> Result<ActionRow, AppError> {
    let row = store::actions::by_id_in(tx, me, id).await?.ok_or(AppError::NotFound)?;
    may_manage(subject, &row)?;
    Ok(row)
}

/// An action the subject may not see answers like a missing one; one they see but may not manage,
/// 403. Checked before any field of a form is read.
fn may_manage(subject: &Subject, row: &ActionRow) -> Result<(), AppError> {
    let facts = facts(row);
    if !rules::can_see(subject, &facts) {
        return Err(AppError::NotFound);
    }
    if !rules::can_manage(subject, &facts) {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Edits an action; everyone who answered yes, maybe or waits is told. A larger capacity
/// promotes people from the waiting list.
pub async fn edit(state: &AppState, subject: &Subject, id: ActionId, form: &RawForm) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let existing = store::actions::by_id(&state.db, me, id).await?.ok_or(AppError::NotFound)?;
    may_manage(subject, &existing)?;
    if existing.status == ActionStatus::Cancelled {
        return Err(AppError::Forbidden);
    }
    let now = now_ms();
    let (input, point) = read_form(state, form, &existing.federation_code, now).await?;
    let invitees = invitees(state, &input.organizers, me, existing.section_id, &existing.federation_code).await?;
    let mut tx = state.db.begin().await?;
    let row = managed(&mut tx, subject, me, id).await?;
    if row.status == ActionStatus::Cancelled {
        return Err(AppError::Forbidden);
    }
    store::actions::update(&mut tx, id, &new_action(&input, point, row.section_id, &row.federation_code), now).await?;
    let mut events = Vec::new();
    add_organizers(&mut tx, &mut events, id, me, &invitees, now).await?;
    let concerned = rsvps::concerned(&mut tx, id).await?;
    notify_action(&mut tx, &mut events, &concerned, NotificationKind::ActionChanged, Some(me), id, now).await?;
    crate::server::services::rsvp::fill_places(&mut tx, &mut events, id, input.capacity, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

/// Cancels an action with a reason; participants are told.
pub async fn cancel(state: &AppState, subject: &Subject, id: ActionId, form: &RawForm) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let row = managed(&mut tx, subject, me, id).await?;
    if row.status == ActionStatus::Cancelled {
        return Ok(());
    }
    let CancelInput { reason } = CancelInput::parse(form).map_err(AppError::Validation)?;
    store::actions::set_status(&mut tx, id, ActionStatus::Cancelled, Some(&reason), now).await?;
    let mut events = Vec::new();
    let concerned = rsvps::concerned(&mut tx, id).await?;
    notify_action(&mut tx, &mut events, &concerned, NotificationKind::ActionCancelled, Some(me), id, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

/// Publishes a proposal; its author is told.
pub async fn approve(state: &AppState, subject: &Subject, id: ActionId) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let row = store::actions::by_id_in(&mut tx, me, id).await?.ok_or(AppError::NotFound)?;
    let facts = facts(&row);
    if !rules::can_see(subject, &facts) {
        return Err(AppError::NotFound);
    }
    if !rules::can_approve(subject, &facts) {
        return Err(AppError::Forbidden);
    }
    store::actions::set_status(&mut tx, id, ActionStatus::Published, None, now).await?;
    let mut events = Vec::new();
    let author: Vec<UserId> = row.created_by.into_iter().collect();
    notify_action(&mut tx, &mut events, &author, NotificationKind::ActionApproved, Some(me), id, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}
