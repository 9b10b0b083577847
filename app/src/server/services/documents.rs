//! La boîte à outils (issue 21): each section, federation and the national level keeps documents
//! for its people — tracts, argumentaires, affiches, images — in versions (a new one replaces the
//! old in lists; the old stay reachable), searched by title and tag, downloaded through a checked
//! route that counts, and attached to actions as the material to bring.
//!
//! Order of an upload, as for photos: authorization (who may add where, before the form is
//! read), the form, the rate limit (uploads share the publications' budget), the file checked on
//! the worker pool and stored outside any transaction, then one transaction: the scope's rule
//! again, its quota, the rows. Any refusal after the file was stored deletes it.

use bytes::Bytes;

use crate::error::AppError;
use crate::model::account::fold_for_search;
use crate::model::commands::document::{parse_note, DocumentDetails, DocumentInput, ScopeValue};
use crate::model::documents::{
    download_name, ActionChoice, ActionDocument, DocumentCategory, DocumentFileKind, DocumentLine, DocumentPage, DocumentScope,
    DocumentScopeKind, DocumentVersion, NewDocumentPage, ScopeChoice, ToolboxPage,
};
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::{ActionId, DocumentId, SectionId, UserId};
use crate::model::paris_time::paris_civil_day;
use crate::model::territory::{Role, Scope};
use crate::server::context::AppState;
use crate::server::media::{document, new_key, Upload};
use crate::server::policy::actions as action_rules;
use crate::server::policy::documents::{self as rules, DocumentFacts, ToolboxScope};
use crate::server::policy::{SectionScope, Subject};
use crate::server::services::action_summary;
use crate::server::services::posts::posting_allowed;
use crate::server::store::bundle::Bundle;
use crate::server::store::documents::{self as stored, DocumentRow, Search};
use crate::server::{now_ms, store};

/// What a toolbox may hold in all (every version of every document).
pub const SECTION_QUOTA_BYTES: i64 = 1024 * 1024 * 1024;
pub const FEDERATION_QUOTA_BYTES: i64 = 5 * 1024 * 1024 * 1024;
pub const NATIONAL_QUOTA_BYTES: i64 = 20 * 1024 * 1024 * 1024;
/// Documents per page of `/boite-a-outils`.
const PAGE: i64 = 30;
/// The form's file field.
const FILE_FIELD: &str = "fichier";
/// The longest search read.
const MAX_QUERY_CHARS: usize = 100;
/// Upcoming actions offered to "Utiliser pour une action".
const ACTION_CHOICES: i64 = 50;

// ---- Reading ------------------------------------------------------------------------------------

/// A stored scope as the rules see it; `None` for a row the table's CHECKs make impossible (the
/// rules then allow nothing: fail closed, never "national").
fn toolbox_scope(kind: DocumentScopeKind, section_id: Option<SectionId>, federation_code: &Option<String>) -> Option<ToolboxScope> {
    match (kind, section_id, federation_code) {
        (DocumentScopeKind::Section, Some(id), Some(code)) => {
            Some(ToolboxScope::Section(SectionScope { id, federation_code: code.clone() }))
        }
        (DocumentScopeKind::Federation, None, Some(code)) => Some(ToolboxScope::Federation(code.clone())),
        (DocumentScopeKind::National, None, None) => Some(ToolboxScope::National),
        _ => {
            tracing::error!("a document's scope columns disagree");
            None
        }
    }
}

/// The columns a scope is stored in (`toolbox_scope` reads them back); a section's document
/// keeps its federation's code too.
fn columns(scope: &ToolboxScope) -> (DocumentScopeKind, Option<SectionId>, Option<&str>) {
    match scope {
        ToolboxScope::Section(s) => (DocumentScopeKind::Section, Some(s.id), Some(s.federation_code.as_str())),
        ToolboxScope::Federation(code) => (DocumentScopeKind::Federation, None, Some(code.as_str())),
        ToolboxScope::National => (DocumentScopeKind::National, None, None),
    }
}

fn facts(row: &DocumentRow) -> Option<DocumentFacts> {
    toolbox_scope(row.scope_kind, row.section_id, &row.federation_code).map(|scope| DocumentFacts { scope, audience: row.audience })
}

/// Whether `rule` allows `subject` this document.
fn allows(rule: fn(&Subject, &DocumentFacts) -> bool, subject: &Subject, row: &DocumentRow) -> bool {
    facts(row).is_some_and(|f| rule(subject, &f))
}

fn scope_of(row: &DocumentRow) -> DocumentScope {
    match row.scope_kind {
        DocumentScopeKind::Section => DocumentScope::Section {
            slug: row.section_slug.clone().unwrap_or_default(),
            name: row.section_name.clone().unwrap_or_default(),
        },
        DocumentScopeKind::Federation => DocumentScope::Federation {
            code: row.federation_code.clone().unwrap_or_default(),
            name: row.federation_name.clone().unwrap_or_default(),
        },
        DocumentScopeKind::National => DocumentScope::National,
    }
}

/// Where a version is downloaded: its key, then the name the browser saves it under.
fn href(key: &str, title: &str, number: i64, kind: DocumentFileKind) -> String {
    format!("/boite-a-outils/fichiers/{key}/{}", download_name(title, number, kind))
}

fn line(row: DocumentRow, now: i64) -> DocumentLine {
    let current = DocumentVersion {
        number: row.current_version,
        href: href(&row.key, &row.title, row.current_version, row.kind),
        kind: row.kind,
        bytes: row.bytes,
        note: row.note.clone(),
        created_at_ms: row.version_at,
        uploaded_by: row.uploaded_by_name.clone(),
    };
    DocumentLine {
        id: row.id.get(),
        scope: scope_of(&row),
        category: row.category,
        audience: row.audience,
        tags: row.tags.split_whitespace().map(str::to_string).collect(),
        // Valid through its last day, as Paris counts days (23 or 25 hours when the clocks change).
        expired: row.valid_until.is_some_and(|day| paris_civil_day(now) > paris_civil_day(day)),
        valid_until_ms: row.valid_until,
        current,
        download_count: row.download_count,
        updated_at_ms: row.updated_at,
        title: row.title,
    }
}

/// `/boite-a-outils`: the reader's three toolboxes, searched (one statement with the session's).
pub async fn toolbox(
    state: &AppState,
    subject: &Subject,
    query: &str,
    tag: &str,
    category: &str,
    before: Option<(i64, i64)>,
) -> Result<ToolboxPage, AppError> {
    // The search box holds 100 characters; a longer query string is cut, never searched whole.
    let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
    let words = fold_for_search(&query);
    let tag = tag.trim().trim_start_matches('#').to_lowercase();
    let tag = if tag.chars().all(|c| c.is_alphanumeric() || c == '-') { tag } else { String::new() };
    let category = DocumentCategory::parse(category);
    let search = Search { words: &words, tag: &tag, category, before, limit: PAGE + 1 };
    let mut rows: Vec<DocumentRow> = stored::listed_part(subject, &search).fetch_all(&state.db).await?;
    let next = (rows.len() as i64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        rows.last().map(|r| format!("{}-{}", r.updated_at, r.id))
    });
    let now = now_ms();
    Ok(ToolboxPage {
        documents: rows.into_iter().map(|r| line(r, now)).collect(),
        query,
        tag,
        category,
        next: next.flatten(),
        may_add: !addable(subject).is_empty(),
        signed_in: subject.is_active(),
    })
}

/// A document and its rule, for this reader: a missing or unreadable one answers the same (a
/// visitor is asked to sign in for both).
fn readable(subject: &Subject, row: Option<DocumentRow>) -> Result<DocumentRow, AppError> {
    match row {
        Some(row) if allows(rules::can_read, subject, &row) => Ok(row),
        _ if !subject.is_active() => Err(AppError::NotAuthenticated),
        _ => Err(AppError::NotFound),
    }
}

/// `/boite-a-outils/{id}`: the document, its versions, and the actions it may go to (three
/// statements with the session's).
pub async fn page(state: &AppState, subject: &Subject, id: DocumentId) -> Result<DocumentPage, AppError> {
    let row = readable(subject, stored::by_id(&state.db, id).await?)?;
    let may_manage = allows(rules::can_manage, subject, &row);
    let now = now_ms();
    let mut bundle = Bundle::new();
    let versions = bundle.add::<stored::VersionRow>(stored::versions_part(id));
    let me = subject.id();
    let mine = me.map(|me| bundle.add::<store::actions::ActionRow>(store::actions::of_person_part(me, now, false, ACTION_CHOICES)));
    let carrying = me.map(|_| bundle.add::<stored::CarryingAction>(stored::carrying_actions_part(id, now)));
    let lists = bundle.run(&state.db).await?;
    let title = row.title.clone();
    let versions = lists
        .take(versions)?
        .into_iter()
        .map(|v| DocumentVersion {
            href: href(&v.key, &title, v.number, v.kind),
            number: v.number,
            kind: v.kind,
            bytes: v.bytes,
            note: v.note,
            created_at_ms: v.created_at,
            uploaded_by: v.uploaded_by_name,
        })
        .collect();
    let carrying: Vec<ActionId> = lists.take_if(carrying)?.unwrap_or_default().into_iter().map(|c| c.id).collect();
    // Only the actions this reader manages (organizes, or is the team of), not cancelled.
    let managed: Vec<store::actions::ActionRow> = lists
        .take_if(mine)?
        .unwrap_or_default()
        .into_iter()
        .filter(|a| {
            a.status != crate::model::action::ActionStatus::Cancelled && action_rules::can_manage(subject, &action_summary::facts(a))
        })
        .collect();
    let choice = |a: &store::actions::ActionRow| ActionChoice { id: a.id.get(), title: a.title.clone(), starts_at_ms: a.starts_at };
    let (attached, attachable): (Vec<_>, Vec<_>) = managed.iter().partition(|a| carrying.contains(&a.id));
    Ok(DocumentPage {
        description: row.description.clone(),
        may_manage,
        attachable: attachable.into_iter().map(choice).collect(),
        attached: attached.into_iter().map(choice).collect(),
        signed_in: subject.is_active(),
        versions,
        line: line(row, now),
    })
}

/// The documents an action carries that this reader may read (its page's list).
pub fn of_action(subject: &Subject, rows: Vec<DocumentRow>) -> Vec<ActionDocument> {
    let now = now_ms();
    rows.into_iter()
        .filter(|r| allows(rules::can_read, subject, r))
        .map(|r| {
            let l = line(r, now);
            ActionDocument { id: l.id, title: l.title, current: l.current }
        })
        .collect()
}

/// A downloaded version: its bytes, what it is and the name to save it under.
pub struct Download {
    pub bytes: Bytes,
    pub kind: DocumentFileKind,
    pub name: String,
}

/// `/boite-a-outils/fichiers/{key}/{name}`: the version's file for who may read its document
/// (anyone else gets what a missing file gets), counted. Three statements with the session's.
pub async fn download(state: &AppState, subject: &Subject, key: &str) -> Result<Download, AppError> {
    if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let file = stored::file_by_key(&state.db, key).await?.ok_or(AppError::NotFound)?;
    let scope = toolbox_scope(file.scope_kind, file.section_id, &file.federation_code).ok_or(AppError::NotFound)?;
    if !rules::can_read(subject, &DocumentFacts { scope, audience: file.audience }) {
        return Err(AppError::NotFound);
    }
    let bytes = state.media.get(&format!("{key}/{}", file.kind.stored_name())).await.map_err(|e| {
        tracing::error!(error = %e, "reading a toolbox file failed");
        AppError::Internal
    })?;
    let bytes = bytes.ok_or(AppError::NotFound)?;
    stored::count_download(&state.db, file.document_id).await?;
    Ok(Download { bytes, kind: file.kind, name: download_name(&file.title, file.number, file.kind) })
}

// ---- Adding -------------------------------------------------------------------------------------

/// The toolboxes this person may add to, from their roles (no statement).
fn addable(subject: &Subject) -> Vec<ScopeValue> {
    let mut scopes = Vec::new();
    if !subject.may_speak() {
        return scopes;
    }
    if subject.is_national_admin() {
        scopes.push(ScopeValue::National);
    }
    for (role, scope) in &subject.roles {
        let value = match (role, scope) {
            (Role::SectionSecretary | Role::SectionAnimator, Scope::Section(id)) => ScopeValue::Section(*id),
            (Role::FederationFirstSecretary | Role::FederationAnimator, Scope::Federation(code)) => ScopeValue::Federation(code.clone()),
            _ => continue,
        };
        if !scopes.contains(&value) {
            scopes.push(value);
        }
    }
    scopes
}

/// `/boite-a-outils/nouveau`: the toolboxes this person fills, named (one statement).
pub async fn new_page(state: &AppState, subject: &Subject) -> Result<NewDocumentPage, AppError> {
    if !subject.is_active() {
        return Err(AppError::NotAuthenticated);
    }
    let scopes = addable(subject);
    if scopes.is_empty() {
        return Err(AppError::Forbidden);
    }
    let sections: Vec<SectionId> =
        scopes.iter().filter_map(|s| if let ScopeValue::Section(id) = s { Some(SectionId(*id)) } else { None }).collect();
    let codes: Vec<String> =
        scopes.iter().filter_map(|s| if let ScopeValue::Federation(code) = s { Some(code.clone()) } else { None }).collect();
    let mut bundle = Bundle::new();
    let section_rows = (!sections.is_empty()).then(|| bundle.add::<store::sections::SectionRow>(store::sections::by_ids(&sections)));
    let federation_rows = (!codes.is_empty()).then(|| bundle.add::<stored::NamedFederation>(stored::federation_names_part(&codes)));
    let lists = bundle.run(&state.db).await?;
    let section_rows = lists.take_if(section_rows)?.unwrap_or_default();
    let federations: std::collections::BTreeMap<String, String> =
        lists.take_if(federation_rows)?.unwrap_or_default().into_iter().map(|f| (f.code, f.name)).collect();
    let choices = scopes
        .into_iter()
        .filter_map(|value| {
            let scope = match &value {
                ScopeValue::Section(id) => {
                    let s = section_rows.iter().find(|s| s.id.get() == *id)?;
                    DocumentScope::Section { slug: s.slug.clone(), name: s.name.clone() }
                }
                ScopeValue::Federation(code) => {
                    DocumentScope::Federation { code: code.clone(), name: federations.get(code).cloned().unwrap_or_else(|| code.clone()) }
                }
                ScopeValue::National => DocumentScope::National,
            };
            Some(ScopeChoice { value: value.value(), scope })
        })
        .collect();
    Ok(NewDocumentPage { scopes: choices })
}

/// The form's one file, checked on the worker pool; the field's error otherwise.
async fn checked_file(state: &AppState, uploads: &[Upload]) -> Result<document::CheckedFile, FieldErrors> {
    let refuse = |error: FieldError| {
        let mut e = FieldErrors::default();
        e.add(FILE_FIELD, error);
        e
    };
    let upload = uploads.iter().find(|u| u.field == FILE_FIELD).ok_or_else(|| refuse(FieldError::Required))?;
    let bytes = upload.bytes().map_err(|e| refuse(e.clone()))?.clone();
    match state.media.process(move || document::check(&bytes)).await {
        Ok(result) => result.map_err(refuse),
        Err(e) => {
            tracing::error!(error = %e, "a document's worker failed");
            Err(refuse(FieldError::NotADocument))
        }
    }
}

/// Stores a checked file under a fresh key.
async fn store_file(state: &AppState, file: document::CheckedFile) -> Result<(String, DocumentFileKind, i64), AppError> {
    let key = new_key();
    let bytes = file.bytes.len() as i64;
    state.media.put(&format!("{key}/{}", file.kind.stored_name()), file.bytes).await.map_err(|e| {
        tracing::error!(error = %e, "storing a toolbox file failed");
        AppError::Internal
    })?;
    Ok((key, file.kind, bytes))
}

async fn discard(state: &AppState, key: &str) {
    if let Err(e) = state.media.delete_under(key).await {
        tracing::warn!(error = %e, "a discarded toolbox file stays until the orphan collection");
    }
}

/// The quota of the document's toolbox, counted inside the writing transaction.
async fn within_quota(tx: &mut crate::server::db::Tx, scope: &ToolboxScope, adding: i64) -> Result<(), AppError> {
    let max = match scope {
        ToolboxScope::Section(_) => SECTION_QUOTA_BYTES,
        ToolboxScope::Federation(_) => FEDERATION_QUOTA_BYTES,
        ToolboxScope::National => NATIONAL_QUOTA_BYTES,
    };
    let (kind, section, federation) = columns(scope);
    if stored::bytes_of_scope(tx, kind, section, federation).await? + adding > max {
        return Err(AppError::field(FILE_FIELD, FieldError::QuotaExceeded { max_mb: (max / (1024 * 1024)) as u64 }));
    }
    Ok(())
}

/// A new document in a toolbox, with its first version.
pub async fn create(state: &AppState, subject: &Subject, form: &RawForm, uploads: &[Upload]) -> Result<DocumentId, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let may_add = addable(subject);
    if may_add.is_empty() {
        return Err(AppError::Forbidden);
    }
    // Every problem at once: the fields', and the file's that shows before reading it.
    let file_ready = match uploads.iter().find(|u| u.field == FILE_FIELD) {
        None => Err(FieldError::Required),
        Some(u) => u.bytes().map(|_| ()),
    };
    let file_ready = file_ready.map_err(|error| {
        let mut e = FieldErrors::default();
        e.add(FILE_FIELD, error);
        e
    });
    let (input, ()) = FieldErrors::both(DocumentInput::parse(form), file_ready).map_err(AppError::Validation)?;
    if !may_add.contains(&input.scope) {
        return Err(AppError::field("portee", FieldError::InvalidChoice));
    }
    posting_allowed(state, me).await?;
    let file = checked_file(state, uploads).await.map_err(AppError::Validation)?;
    let (key, kind, bytes) = store_file(state, file).await?;
    let result = insert_document(state, subject, me, &input, (&key, kind, bytes)).await;
    if result.is_err() {
        discard(state, &key).await;
    }
    result
}

async fn insert_document(
    state: &AppState,
    subject: &Subject,
    me: UserId,
    input: &DocumentInput,
    (key, kind, bytes): (&str, DocumentFileKind, i64),
) -> Result<DocumentId, AppError> {
    let mut tx = state.db.begin().await?;
    let scope = match &input.scope {
        ScopeValue::Section(id) => {
            let s =
                store::sections::by_id_in(&mut tx, SectionId(*id)).await?.ok_or(AppError::field("portee", FieldError::InvalidChoice))?;
            ToolboxScope::Section(SectionScope { id: s.id, federation_code: s.federation_code })
        }
        ScopeValue::Federation(code) => ToolboxScope::Federation(code.clone()),
        ScopeValue::National => ToolboxScope::National,
    };
    if !rules::can_add(subject, &scope) {
        return Err(AppError::Forbidden);
    }
    within_quota(&mut tx, &scope, bytes).await?;
    let (scope_kind, section_id, federation_code) = columns(&scope);
    let details = &input.details;
    let (tags, search_text) = (details.stored_tags(), details.search_text());
    let now = now_ms();
    let id = stored::insert(
        &mut tx,
        &stored::NewDocument {
            scope_kind,
            section_id,
            federation_code,
            title: &details.title,
            description: &details.description,
            category: details.category,
            audience: details.audience,
            tags: &tags,
            search_text: &search_text,
            valid_until: details.valid_until_ms,
            created_by: me,
            now_ms: now,
        },
    )
    .await?;
    let version = stored::NewVersion { document_id: id, number: 1, key, kind, bytes, note: "", uploaded_by: me, now_ms: now };
    stored::insert_version(&mut tx, &version).await?;
    tx.commit().await?;
    Ok(id)
}

/// A new version of a document: the lists show it from now on; the old ones stay reachable.
pub async fn add_version(state: &AppState, subject: &Subject, id: DocumentId, form: &RawForm, uploads: &[Upload]) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = readable(subject, stored::by_id(&state.db, id).await?)?;
    if !allows(rules::can_manage, subject, &row) {
        return Err(AppError::Forbidden);
    }
    let note = parse_note(form).map_err(AppError::Validation)?;
    posting_allowed(state, me).await?;
    let file = checked_file(state, uploads).await.map_err(AppError::Validation)?;
    let (key, kind, bytes) = store_file(state, file).await?;
    let result = async {
        let mut tx = state.db.begin().await?;
        let row = stored::by_id_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        let document_facts = facts(&row).ok_or(AppError::NotFound)?;
        if !rules::can_manage(subject, &document_facts) {
            return Err(AppError::Forbidden);
        }
        within_quota(&mut tx, &document_facts.scope, bytes).await?;
        let number = row.current_version + 1;
        let version =
            stored::NewVersion { document_id: id, number, key: &key, kind, bytes, note: &note, uploaded_by: me, now_ms: now_ms() };
        stored::insert_version(&mut tx, &version).await?;
        tx.commit().await?;
        Ok(number)
    }
    .await;
    if result.is_err() {
        discard(state, &key).await;
    }
    result
}

/// Changes what describes a document — title, category, audience, description, tags, last
/// valid day — without touching its file: the team that sends its versions. Its place in lists
/// (the last version's date) does not move.
pub async fn update_details(state: &AppState, subject: &Subject, id: DocumentId, form: &RawForm) -> Result<(), AppError> {
    subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = readable(subject, stored::by_id(&state.db, id).await?)?;
    if !allows(rules::can_manage, subject, &row) {
        return Err(AppError::Forbidden);
    }
    let details = DocumentDetails::parse(form).map_err(AppError::Validation)?;
    let mut tx = state.db.begin().await?;
    let row = stored::by_id_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !allows(rules::can_manage, subject, &row) {
        return Err(AppError::Forbidden);
    }
    stored::update_details(&mut tx, id, &details, &details.stored_tags(), &details.search_text()).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a document and every version (their files are collected by the housekeeping job).
pub async fn delete(state: &AppState, subject: &Subject, id: DocumentId) -> Result<(), AppError> {
    subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let row = readable(subject, stored::by_id_in(&mut tx, id).await?)?;
    if !allows(rules::can_manage, subject, &row) {
        return Err(AppError::Forbidden);
    }
    stored::delete(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

// ---- Actions ------------------------------------------------------------------------------------

/// "Utiliser pour une action": the document becomes material of an action this reader manages.
pub async fn attach(state: &AppState, subject: &Subject, id: DocumentId, form: &RawForm) -> Result<ActionId, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    readable(subject, stored::by_id_in(&mut tx, id).await?)?;
    let action_id = match form.value("action").trim().parse::<i64>() {
        Ok(n) if n > 0 => ActionId(n),
        _ => return Err(AppError::field("action", FieldError::ChoiceRequired)),
    };
    let action = store::actions::by_id_in(&mut tx, me, action_id).await?.ok_or(AppError::field("action", FieldError::InvalidChoice))?;
    if !action_rules::can_manage(subject, &action_summary::facts(&action)) {
        return Err(AppError::field("action", FieldError::InvalidChoice));
    }
    stored::attach(&mut tx, action_id, id, me, now_ms()).await?;
    tx.commit().await?;
    Ok(action_id)
}

/// Takes a document off an action's material (its organizers and team).
pub async fn detach(state: &AppState, subject: &Subject, action_id: ActionId, id: DocumentId) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let action = store::actions::by_id_in(&mut tx, me, action_id).await?.ok_or(AppError::NotFound)?;
    let action_facts = action_summary::facts(&action);
    if !action_rules::can_manage(subject, &action_facts) {
        return Err(if action_rules::can_see(subject, &action_facts) { AppError::Forbidden } else { AppError::NotFound });
    }
    stored::detach(&mut tx, action_id, id).await?;
    tx.commit().await?;
    Ok(())
}
