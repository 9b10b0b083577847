//! Creating and editing sections, and the section and federation pages' read models.

use crate::error::AppError;
use crate::model::commands::section::{CommunesChange, NewSectionInput, SectionTextInput};
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::SectionId;
use crate::model::profile::Visibility;
use crate::model::territory::{
    Abilities, AuditEntry, CommuneRef, FederationRef, FederationView, MemberEntry, Officer, Role, Scope, SectionDirectory, SectionSummary,
    SectionView,
};
use crate::server::context::AppState;
use crate::server::policy::{self, PersonPlace, Relation, SectionScope, Subject};
use crate::server::services::action_views;
use crate::server::services::communes;
use crate::server::store::bundle::Bundle;
use crate::server::store::{self, audit, members::Area, members::AreaCounts, territory::CommuneRow};
use crate::server::{db::is_unique_violation, now_ms};

const NEWCOMER_DAYS: i64 = 30;
const DIRECTORY_PAGE: i64 = 50;
/// The directory's first names on the section's page.
const DIRECTORY_PREVIEW: i64 = 10;
const AUDIT_PAGE: i64 = 30;

/// The commune lines typed, each resolved in the federation (once each), or each line's error
/// shown at the change's field.
async fn resolve_communes(
    state: &AppState,
    federation_code: &str,
    change: &CommunesChange,
) -> Result<Result<Vec<CommuneRow>, FieldErrors>, AppError> {
    let mut e = FieldErrors::default();
    let mut resolved: Vec<CommuneRow> = Vec::new();
    for line in &change.add {
        match communes::resolve_entry(&state.db, federation_code, line).await? {
            Ok(c) if c.departement_code == federation_code => {
                if !resolved.iter().any(|r| r.insee == c.insee) {
                    resolved.push(c);
                }
            }
            Ok(c) => e.add(change.field, FieldError::CommuneOutsideFederation { commune: c.name }),
            Err(error) => e.add(change.field, error),
        }
    }
    Ok(if e.is_empty() { Ok(resolved) } else { Err(e) })
}

fn conflict(commune: &str, section: &str, field: &str) -> AppError {
    let mut e = FieldErrors::default();
    e.add(field, FieldError::CommuneInOtherSection { commune: commune.to_string(), section: section.to_string() });
    AppError::Validation(e)
}

/// Creates a section covering communes of the federation. Returns its slug.
pub async fn create(state: &AppState, subject: &Subject, federation_code: &str, form: &RawForm) -> Result<String, AppError> {
    let actor = subject.id().ok_or(AppError::NotAuthenticated)?;
    if store::territory::departement(&state.db, federation_code).await?.is_none() {
        return Err(AppError::NotFound);
    }
    if !policy::can_create_section(subject, federation_code) {
        return Err(AppError::Forbidden);
    }
    let input = NewSectionInput::parse(form);
    let communes = resolve_communes(state, federation_code, &CommunesChange::of_new_section(form)).await?;
    let (parsed, communes) = FieldErrors::both(input, communes).map_err(AppError::Validation)?;
    let mut tx = state.db.begin().await?;
    if store::sections::slug_exists(&mut tx, &parsed.slug).await? {
        let mut e = FieldErrors::default();
        e.add("slug", FieldError::SlugTaken);
        return Err(AppError::Validation(e));
    }
    let insee: Vec<String> = communes.iter().map(|c| c.insee.clone()).collect();
    if let Some(taken) = store::sections::covering(&mut tx, &insee).await?.into_iter().next() {
        let name = communes.iter().find(|c| c.insee == taken.insee).map(|c| c.name.as_str()).unwrap_or("");
        return Err(conflict(name, &taken.name, "communes"));
    }
    let now = now_ms();
    let new = store::sections::NewSection {
        slug: &parsed.slug,
        name: &parsed.name,
        description: &parsed.description,
        federation_code,
        created_by: Some(actor),
        now_ms: now,
    };
    let id = match store::sections::insert(&mut tx, &new).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e, "sections_slug_key", "sections.slug") => {
            let mut errors = FieldErrors::default();
            errors.add("slug", FieldError::SlugTaken);
            return Err(AppError::Validation(errors));
        }
        Err(e) => return Err(e.into()),
    };
    for commune in &communes {
        store::sections::attach_commune(&mut tx, &commune.insee, id).await?;
    }
    let detail = format!("{} ({} communes)", parsed.name, communes.len());
    let entry = audit::Entry {
        actor_id: Some(actor),
        action: "section_created",
        scope_kind: "federation",
        scope_code: federation_code,
        target_user_id: None,
        detail: &detail,
        now_ms: now,
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(parsed.slug)
}

/// Edits name and description (secretary or the scope above) and, for the scope above, adds and
/// removes communes.
pub async fn update(state: &AppState, subject: &Subject, slug: &str, form: &RawForm) -> Result<(), AppError> {
    let actor = subject.id().ok_or(AppError::NotAuthenticated)?;
    let section = store::sections::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
    let scope = SectionScope { id: section.id, federation_code: section.federation_code.clone() };
    if !policy::can_edit_section(subject, &scope) {
        return Err(AppError::Forbidden);
    }
    let change = CommunesChange::parse(form);
    if !change.is_empty() && !policy::can_manage_section_communes(subject, &scope) {
        return Err(AppError::Forbidden);
    }
    let text = SectionTextInput::parse(form);
    let to_add = resolve_communes(state, &section.federation_code, &change).await?;
    let (SectionTextInput { name, description, contact_email }, mut to_add) =
        FieldErrors::both(text, to_add).map_err(AppError::Validation)?;
    let mut tx = state.db.begin().await?;
    let now = now_ms();
    let text = store::sections::SectionText { name: &name, description: &description, contact_email: &contact_email };
    store::sections::update_description(&mut tx, section.id, &text, now).await?;
    let insee: Vec<String> = to_add.iter().map(|c| c.insee.clone()).collect();
    for taken in store::sections::covering(&mut tx, &insee).await? {
        if taken.id != section.id {
            let commune = to_add.iter().find(|c| c.insee == taken.insee).map(|c| c.name.as_str()).unwrap_or("");
            return Err(conflict(commune, &taken.name, "add_communes"));
        }
        to_add.retain(|c| c.insee != taken.insee);
    }
    for commune in &to_add {
        store::sections::attach_commune(&mut tx, &commune.insee, section.id).await?;
    }
    let mut removed = 0;
    for insee in &change.remove {
        removed += store::sections::detach_commune(&mut tx, insee, section.id).await?;
    }
    let detail = format!("+{} −{} communes", to_add.len(), removed);
    let code = section.id.to_string();
    let entry = audit::Entry {
        actor_id: Some(actor),
        action: "section_updated",
        scope_kind: "section",
        scope_code: &code,
        target_user_id: None,
        detail: &detail,
        now_ms: now,
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

fn officers(rows: Vec<store::roles::HolderRow>) -> Vec<Officer> {
    rows.into_iter().filter_map(|r| Some(Officer { handle: r.handle, display_name: r.display_name, role: Role::parse(&r.role)? })).collect()
}

/// `for_organizers`: a newcomers list, which only a scope's team sees, so it says whose address is
/// not proven yet (the directory, open to adhérents, does not).
fn member_entries(
    rows: Vec<store::members::MemberRow>,
    subject: &Subject,
    section_id: Option<SectionId>,
    for_organizers: bool,
) -> Vec<MemberEntry> {
    rows.into_iter()
        .map(|m| {
            let relation = Relation::between(subject, m.id, section_id);
            let visible = policy::can_see_profile_field(relation, Visibility::from_db(&m.status_visibility));
            MemberEntry {
                user_id: m.id.get(),
                handle: m.handle,
                display_name: m.display_name,
                commune: m.commune_name,
                membership: m.membership,
                membership_status: m.membership_status,
                status_line: (visible && !m.status_line.is_empty()).then_some(m.status_line),
                joined_ms: m.created_at,
                unverified: for_organizers && !m.email_verified,
            }
        })
        .collect()
}

async fn audit_entries(state: &AppState, scope: &Scope) -> Result<Vec<AuditEntry>, AppError> {
    Ok(store::audit::for_scope(&state.db, scope.kind(), &scope.code(), None, AUDIT_PAGE).await?.into_iter().map(AuditEntry::from).collect())
}

/// A section's directory, a page at a time, searchable by name or handle: for the section's
/// confirmed adhérents, its team and the scope above (404 for a missing section, 403 for others).
pub async fn section_directory(
    state: &AppState,
    subject: &Subject,
    slug: &str,
    search: &str,
    after: Option<i64>,
) -> Result<SectionDirectory, AppError> {
    let section = store::sections::by_slug(&state.db, &slug.to_lowercase()).await?.ok_or(AppError::NotFound)?;
    let scope = SectionScope { id: section.id, federation_code: section.federation_code.clone() };
    if !policy::can_see_section_directory(subject, &scope) {
        return Err(AppError::Forbidden);
    }
    let search: String = search.trim().chars().take(60).collect();
    let mut rows = store::members::directory(&state.db, Area::Section(section.id.get()), &search, after, DIRECTORY_PAGE + 1).await?;
    let more = rows.len() as i64 > DIRECTORY_PAGE;
    rows.truncate(DIRECTORY_PAGE as usize);
    let next = if more { rows.last().map(|m| m.id) } else { None };
    Ok(SectionDirectory {
        slug: section.slug,
        name: section.name,
        search,
        members: member_entries(rows, subject, Some(section.id), false),
        next: next.map(|id| id.get()),
    })
}

pub async fn section_view(state: &AppState, subject: &Subject, slug: &str) -> Result<SectionView, AppError> {
    let db = &state.db;
    let section = store::sections::by_slug(db, &slug.to_lowercase()).await?.ok_or(AppError::NotFound)?;
    let scope = SectionScope { id: section.id, federation_code: section.federation_code.clone() };
    let abilities = Abilities {
        see_directory: policy::can_see_section_directory(subject, &scope),
        manage_members: policy::can_see_section_newcomers(subject, &scope),
        decide_memberships: policy::can_decide_membership(
            subject,
            &PersonPlace { section: Some(scope.clone()), federation_code: Some(section.federation_code.clone()) },
        ),
        edit: policy::can_edit_section(subject, &scope),
        manage_communes: policy::can_manage_section_communes(subject, &scope),
        grant_roles: policy::can_grant(subject, Role::SectionSecretary, &Scope::Section(section.id.get()), Some(&section.federation_code)),
        read_audit: policy::can_read_audit(subject, &Scope::Section(section.id.get()), Some(&section.federation_code)),
        create_sections: false,
        announcements: crate::server::policy::announcements::can_read_history(
            subject,
            &crate::server::policy::announcements::ScopeFacts::Section(scope.clone()),
        ),
        votes: crate::server::policy::votes::can_see(
            subject,
            &crate::server::policy::announcements::ScopeFacts::Section(scope.clone()),
            false,
        ),
    };
    // Everything else in one statement, each list only for those the policy lets see it.
    let area = Area::Section(section.id.get());
    let scope_code = section.id.to_string();
    let mut bundle = Bundle::new();
    let counts = bundle.add(store::members::counts_part(area));
    let officers_slot = bundle.add(store::roles::holders_part("section", &scope_code));
    let communes = bundle.add(store::sections::communes_of_part(section.id));
    let actions = bundle.add(action_views::of_scope_part(subject, Some(section.id.get()), None));
    // A first page of the directory; the whole of it, searchable, is on its own page.
    let directory = abilities.see_directory.then(|| bundle.add(store::members::directory_part(area, "", None, DIRECTORY_PREVIEW + 1)));
    let since = now_ms() - NEWCOMER_DAYS * 24 * 3600 * 1000;
    let newcomers = abilities.manage_members.then(|| bundle.add(store::members::newcomers_part(area, since)));
    let audit = abilities.read_audit.then(|| bundle.add(store::audit::for_scope_part("section", &scope_code, None, AUDIT_PAGE)));
    let lists = bundle.run(db).await?;
    let counts: AreaCounts = lists.take(counts)?.first().copied().unwrap_or_default();
    let (directory, directory_more) = match lists.take_if(directory)? {
        Some(mut rows) => {
            let more = rows.len() as i64 > DIRECTORY_PREVIEW;
            rows.truncate(DIRECTORY_PREVIEW as usize);
            (Some(member_entries(rows, subject, Some(section.id), false)), more)
        }
        None => (None, false),
    };
    let newcomers = lists.take_if(newcomers)?.map(|rows| member_entries(rows, subject, Some(section.id), true));
    let audit = lists.take_if(audit)?.map(|rows: Vec<store::audit::AuditRow>| rows.into_iter().map(AuditEntry::from).collect());
    Ok(SectionView {
        slug: section.slug,
        name: section.name,
        description: section.description,
        contact_email: section.contact_email,
        banner: crate::server::services::media::picture_of(&section.banner),
        federation: FederationRef { code: section.federation_code, name: section.federation_name },
        officers: officers(lists.take(officers_slot)?),
        adherents: counts.adherents,
        sympathisants: counts.sympathisants,
        communes: lists.take::<CommuneRow>(communes)?.into_iter().map(|c| CommuneRef { insee: c.insee, name: c.name }).collect(),
        abilities,
        directory,
        directory_more,
        newcomers,
        audit,
        is_my_section: subject.belongs_to_section(section.id),
        actions: action_views::scope_summaries(subject, &lists.take(actions)?),
        may_see_statistics: crate::server::policy::actions::can_see_section_statistics(subject, &scope),
    })
}

pub async fn federation_view(state: &AppState, subject: &Subject, code: &str) -> Result<FederationView, AppError> {
    let db = &state.db;
    let code = crate::model::territory::parse_departement_code(code).ok_or(AppError::NotFound)?;
    let dept = store::territory::departement(db, &code).await?.ok_or(AppError::NotFound)?;
    let federation = Scope::Federation(code.clone());
    let abilities = Abilities {
        manage_members: policy::can_see_federation_newcomers(subject, &code),
        decide_memberships: policy::can_decide_membership(subject, &PersonPlace { section: None, federation_code: Some(code.clone()) }),
        create_sections: policy::can_create_section(subject, &code),
        grant_roles: policy::can_grant(subject, Role::FederationAnimator, &federation, None),
        read_audit: policy::can_read_audit(subject, &federation, None),
        announcements: crate::server::policy::announcements::can_read_history(
            subject,
            &crate::server::policy::announcements::ScopeFacts::Federation(code.clone()),
        ),
        votes: crate::server::policy::votes::can_see(
            subject,
            &crate::server::policy::announcements::ScopeFacts::Federation(code.clone()),
            false,
        ),
        ..Abilities::default()
    };
    // Everything else in one statement, each list only for those the policy lets see it.
    let mut bundle = Bundle::new();
    let counts = bundle.add(store::members::counts_part(Area::Federation(&code)));
    let sections = bundle.add(store::sections::for_federation_part(&code));
    let officers_slot = bundle.add(store::roles::holders_part("federation", &code));
    let actions = bundle.add(action_views::of_scope_part(subject, None, Some(code.clone())));
    let since = now_ms() - NEWCOMER_DAYS * 24 * 3600 * 1000;
    let newcomers = abilities.manage_members.then(|| bundle.add(store::members::newcomers_part(Area::FederationUncovered(&code), since)));
    let audit =
        abilities.read_audit.then(|| bundle.add(store::audit::for_scope_part(federation.kind(), &federation.code(), None, AUDIT_PAGE)));
    let lists = bundle.run(db).await?;
    let AreaCounts { adherents, sympathisants } = lists.take(counts)?.first().copied().unwrap_or_default();
    let newcomers = lists.take_if(newcomers)?.map(|rows| member_entries(rows, subject, None, true));
    let audit = lists.take_if(audit)?.map(|rows: Vec<store::audit::AuditRow>| rows.into_iter().map(AuditEntry::from).collect());
    let actions = action_views::scope_summaries(subject, &lists.take(actions)?);
    Ok(FederationView {
        sections: lists
            .take::<store::sections::SectionSummaryRow>(sections)?
            .into_iter()
            .map(|s| SectionSummary { slug: s.slug, name: s.name, communes: s.communes })
            .collect(),
        officers: officers(lists.take(officers_slot)?),
        code,
        name: dept.name,
        region: dept.region_name,
        adherents,
        sympathisants,
        abilities,
        newcomers,
        audit,
        actions,
    })
}

/// Every federation, for the list page.
pub async fn federations(state: &AppState) -> Result<Vec<FederationRef>, AppError> {
    Ok(store::territory::departements(&state.db).await?.into_iter().map(|d| FederationRef { code: d.code, name: d.name }).collect())
}

/// The national scope's journal, for national admins.
pub async fn national_journal(state: &AppState, subject: &Subject) -> Result<Vec<AuditEntry>, AppError> {
    if !subject.is_active() {
        return Err(AppError::NotAuthenticated);
    }
    if !policy::can_read_audit(subject, &Scope::National, None) {
        return Err(AppError::Forbidden);
    }
    audit_entries(state, &Scope::National).await
}
