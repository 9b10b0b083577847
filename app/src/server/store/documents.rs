//! The toolboxes' tables: `documents`, their `document_versions` (files in the media storage under
//! each version's key) and `action_documents` (the material an action's people bring).

use sqlx::FromRow;

use crate::model::commands::document::DocumentDetails;
use crate::model::documents::{DocumentAudience, DocumentCategory, DocumentFileKind, DocumentScopeKind};
use crate::model::ids::{ActionId, DocumentId, SectionId, UserId};
use crate::server::db::{Db, Tx};
use crate::server::policy::documents as rules;
use crate::server::policy::Subject;
use crate::server::store::bundle::{Arg, Part};
use crate::server::store::members::like_escaped;
use crate::{on_pool, on_tx};

/// A document with its newest version and the names of its scope.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct DocumentRow {
    pub id: DocumentId,
    pub scope_kind: DocumentScopeKind,
    pub section_id: Option<SectionId>,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
    pub federation_code: Option<String>,
    pub federation_name: Option<String>,
    pub title: String,
    pub description: String,
    pub category: DocumentCategory,
    pub audience: DocumentAudience,
    pub tags: String,
    pub valid_until: Option<i64>,
    pub current_version: i64,
    pub download_count: i64,
    pub updated_at: i64,
    pub key: String,
    pub kind: DocumentFileKind,
    pub bytes: i64,
    pub note: String,
    pub version_at: i64,
    pub uploaded_by_name: Option<String>,
}

const COLUMNS: &str = "d.id, d.scope_kind, d.section_id, s.slug AS section_slug, s.name AS section_name, d.federation_code, \
    f.name AS federation_name, d.title, d.description, d.category, d.audience, d.tags, d.valid_until, d.current_version, \
    d.download_count, d.updated_at, v.key, v.kind, v.bytes, v.note, v.created_at AS version_at, u.display_name AS uploaded_by_name";

const COLUMN_NAMES: &[&str] = &[
    "id",
    "scope_kind",
    "section_id",
    "section_slug",
    "section_name",
    "federation_code",
    "federation_name",
    "title",
    "description",
    "category",
    "audience",
    "tags",
    "valid_until",
    "current_version",
    "download_count",
    "updated_at",
    "key",
    "kind",
    "bytes",
    "note",
    "version_at",
    "uploaded_by_name",
];

const FROM: &str = "FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version \
    LEFT JOIN sections s ON s.id = d.section_id LEFT JOIN departements f ON f.code = d.federation_code \
    LEFT JOIN users u ON u.id = v.uploaded_by";

pub struct NewDocument<'a> {
    pub scope_kind: DocumentScopeKind,
    pub section_id: Option<SectionId>,
    pub federation_code: Option<&'a str>,
    pub title: &'a str,
    pub description: &'a str,
    pub category: DocumentCategory,
    pub audience: DocumentAudience,
    /// " tag1 tag2 " (a space at each end).
    pub tags: &'a str,
    pub search_text: &'a str,
    pub valid_until: Option<i64>,
    pub created_by: UserId,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, d: &NewDocument<'_>) -> Result<DocumentId, sqlx::Error> {
    let sql = "INSERT INTO documents (scope_kind, section_id, federation_code, title, description, category, audience, tags, \
               search_text, valid_until, current_version, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $12) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql)
        .bind(d.scope_kind).bind(d.section_id).bind(d.federation_code).bind(d.title).bind(d.description).bind(d.category)
        .bind(d.audience).bind(d.tags).bind(d.search_text).bind(d.valid_until).bind(d.created_by).bind(d.now_ms)
        .fetch_one(c).await)
}

/// What describes a document, written again (its file and its place in lists stay).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn update_details(tx: &mut Tx, id: DocumentId, d: &DocumentDetails, tags: &str, search_text: &str) -> Result<(), sqlx::Error> {
    let sql = "UPDATE documents SET title = $2, description = $3, category = $4, audience = $5, tags = $6, search_text = $7, \
               valid_until = $8 WHERE id = $1";
    on_tx!(tx, c => sqlx::query(sql)
        .bind(id).bind(&d.title).bind(&d.description).bind(d.category).bind(d.audience).bind(tags).bind(search_text)
        .bind(d.valid_until_ms)
        .execute(c).await.map(|_| ()))
}

pub struct NewVersion<'a> {
    pub document_id: DocumentId,
    pub number: i64,
    pub key: &'a str,
    pub kind: DocumentFileKind,
    pub bytes: i64,
    pub note: &'a str,
    pub uploaded_by: UserId,
    pub now_ms: i64,
}

/// A version's row; from the second on, the document shows it in lists and moves up.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_version(tx: &mut Tx, v: &NewVersion<'_>) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO document_versions (document_id, number, key, kind, bytes, note, uploaded_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    on_tx!(tx, c => sqlx::query(sql)
        .bind(v.document_id).bind(v.number).bind(v.key).bind(v.kind).bind(v.bytes).bind(v.note).bind(v.uploaded_by).bind(v.now_ms)
        .execute(c).await.map(|_| ()))?;
    let sql = "UPDATE documents SET current_version = $2, updated_at = $3 WHERE id = $1";
    on_tx!(tx, c => sqlx::query(sql).bind(v.document_id).bind(v.number).bind(v.now_ms).execute(c).await.map(|_| ()))
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id(db: &Db, id: DocumentId) -> Result<Option<DocumentRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE d.id = $1");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await)
}

/// The same, inside a writing transaction (a new version, an attachment: the rule is checked on
/// what the transaction sees).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id_in(tx: &mut Tx, id: DocumentId) -> Result<Option<DocumentRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE d.id = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(c).await)
}

/// What a download needs: the version's document (for its rule and its name) and the version.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct StoredFile {
    pub document_id: DocumentId,
    pub scope_kind: DocumentScopeKind,
    pub section_id: Option<SectionId>,
    pub federation_code: Option<String>,
    pub audience: DocumentAudience,
    pub title: String,
    pub number: i64,
    pub kind: DocumentFileKind,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn file_by_key(db: &Db, key: &str) -> Result<Option<StoredFile>, sqlx::Error> {
    let sql = "SELECT d.id AS document_id, d.scope_kind, d.section_id, d.federation_code, d.audience, d.title, v.number, v.kind \
               FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.key = $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(key).fetch_optional(p).await)
}

/// One more download: a single statement, its own transaction (autocommit on the writer).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn count_download(db: &Db, id: DocumentId) -> Result<(), sqlx::Error> {
    let sql = "UPDATE documents SET download_count = download_count + 1 WHERE id = $1";
    on_pool!(db.write(), p => sqlx::query(sql).bind(id).execute(p).await.map(|_| ()))
}

/// Words of a search that count (the rest are ignored).
pub const MAX_SEARCH_WORDS: usize = 5;

/// What to look for in a toolbox.
pub struct Search<'a> {
    /// Folded words of the title or tags (`search_text` holds them folded too): each must
    /// appear, in any order (the first `MAX_SEARCH_WORDS`).
    pub words: &'a str,
    pub tag: &'a str,
    pub category: Option<DocumentCategory>,
    /// After (updated_at, id), newest first.
    pub before: Option<(i64, i64)>,
    pub limit: i64,
}

/// The documents `reader` may read in their three toolboxes (`policy::documents::listed_sql`),
/// newest first, keyset-paginated.
pub fn listed_part(reader: &Subject, search: &Search<'_>) -> Part {
    let (section, federation, signed_in, adherent, section_team, federation_team, national_team) = rules::list_arguments(reader);
    let (before_at, before_id) = search.before.unwrap_or((i64::MAX, i64::MAX));
    let words: Vec<&str> = search.words.split_whitespace().take(MAX_SEARCH_WORDS).collect();
    let matching: String = (0..words.len()).map(|i| format!(" AND d.search_text LIKE ${} ESCAPE '\\'", 13 + i)).collect();
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE {listed}{matching} \
         AND ($8 = '' OR d.tags LIKE $8) AND ($9 = '' OR d.category = $9) \
         AND (d.updated_at < $10 OR (d.updated_at = $10 AND d.id < $11)) \
         ORDER BY d.updated_at DESC, d.id DESC LIMIT $12",
        listed = rules::listed_sql(1)
    );
    let mut args = vec![
        Arg::Int(section),
        Arg::Text(federation),
        Arg::Int(signed_in),
        Arg::Int(adherent),
        Arg::Int(section_team),
        Arg::Int(federation_team),
        Arg::Int(national_team),
        Arg::Text(if search.tag.is_empty() { String::new() } else { format!("% {} %", search.tag) }),
        Arg::Text(search.category.map(|c| c.as_str().to_string()).unwrap_or_default()),
        Arg::Int(before_at),
        Arg::Int(before_id),
        Arg::Int(search.limit),
    ];
    args.extend(words.into_iter().map(|w| Arg::Text(format!("%{}%", like_escaped(w)))));
    Part::new(sql, COLUMN_NAMES, args)
}

/// One version of a document's list.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct VersionRow {
    pub number: i64,
    pub key: String,
    pub kind: DocumentFileKind,
    pub bytes: i64,
    pub note: String,
    pub created_at: i64,
    pub uploaded_by_name: Option<String>,
}

pub fn versions_part(id: DocumentId) -> Part {
    let sql = "SELECT v.number, v.key, v.kind, v.bytes, v.note, v.created_at, u.display_name AS uploaded_by_name \
               FROM document_versions v LEFT JOIN users u ON u.id = v.uploaded_by WHERE v.document_id = $1 ORDER BY v.number DESC";
    Part::new(sql, &["number", "key", "kind", "bytes", "note", "created_at", "uploaded_by_name"], vec![Arg::Int(id.get())])
}

/// An upcoming action carrying a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct CarryingAction {
    pub id: ActionId,
}

pub fn carrying_actions_part(id: DocumentId, now_ms: i64) -> Part {
    let sql = "SELECT ad.action_id AS id FROM action_documents ad JOIN actions a ON a.id = ad.action_id \
               WHERE ad.document_id = $1 AND a.ends_at > $2";
    Part::new(sql, &["id"], vec![Arg::Int(id.get()), Arg::Int(now_ms)])
}

/// The documents an action carries (its page shows those its reader may read).
pub fn of_action_part(action_id: ActionId) -> Part {
    let sql =
        format!("SELECT {COLUMNS} {FROM} JOIN action_documents ad ON ad.document_id = d.id WHERE ad.action_id = $1 ORDER BY ad.added_at");
    Part::new(sql, COLUMN_NAMES, vec![Arg::Int(action_id.get())])
}

/// Bytes the toolbox of a scope holds (its quota), inside the writing transaction.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn bytes_of_scope(
    tx: &mut Tx,
    kind: DocumentScopeKind,
    section_id: Option<SectionId>,
    federation_code: Option<&str>,
) -> Result<i64, sqlx::Error> {
    let sql = "SELECT CAST(COALESCE(SUM(v.bytes), 0) AS BIGINT) FROM document_versions v JOIN documents d ON d.id = v.document_id \
               WHERE d.scope_kind = $1 AND (d.section_id = $2 OR $2 IS NULL) AND (d.federation_code = $3 OR $3 IS NULL)";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(kind).bind(section_id).bind(federation_code).fetch_one(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete(tx: &mut Tx, id: DocumentId) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM documents WHERE id = $1").bind(id).execute(c).await.map(|_| ()))
}

/// Attaches a document to an action (once: a second attach changes nothing).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn attach(tx: &mut Tx, action_id: ActionId, id: DocumentId, by: UserId, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO action_documents (action_id, document_id, added_by, added_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (action_id, document_id) DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(action_id).bind(id).bind(by).bind(now_ms).execute(c).await.map(|_| ()))
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn detach(tx: &mut Tx, action_id: ActionId, id: DocumentId) -> Result<(), sqlx::Error> {
    let sql = "DELETE FROM action_documents WHERE action_id = $1 AND document_id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(action_id).bind(id).execute(c).await.map(|_| ()))
}

/// A federation's name (the new document form's choices).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct NamedFederation {
    pub code: String,
    pub name: String,
}

pub fn federation_names_part(codes: &[String]) -> Part {
    let placeholders: Vec<String> = (1..=codes.len()).map(|i| format!("${i}")).collect();
    let sql = format!("SELECT code, name FROM departements WHERE code IN ({}) ORDER BY code", placeholders.join(", "));
    Part::new(sql, &["code", "name"], codes.iter().map(|c| Arg::Text(c.clone())).collect())
}
