//! Sections and the communes they cover.

use crate::model::ids::{SectionId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};
use crate::server::store::territory::CommuneRow;
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct SectionRow {
    pub id: SectionId,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub federation_code: String,
    pub federation_name: String,
    /// Empty when the team gave none.
    pub contact_email: String,
    /// Its banner (JSON picture), '' when none.
    pub banner: String,
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct SectionSummaryRow {
    pub id: SectionId,
    pub slug: String,
    pub name: String,
    pub communes: i64,
}

/// The section a commune belongs to, for conflicts and look-ups.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct CoveringSection {
    pub insee: String,
    pub id: SectionId,
    pub slug: String,
    pub name: String,
}

const SECTION_COLUMNS: &str =
    "s.id, s.slug, s.name, s.description, s.federation_code, d.name AS federation_name, s.contact_email, s.banner";

pub struct NewSection<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub federation_code: &'a str,
    pub created_by: Option<UserId>,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, s: &NewSection<'_>) -> Result<SectionId, sqlx::Error> {
    let sql = "INSERT INTO sections (slug, name, description, federation_code, created_by, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(s.slug).bind(s.name).bind(s.description).bind(s.federation_code).bind(s.created_by).bind(s.now_ms).fetch_one(c).await)
}

/// What the team writes about its section: name, description, contact address.
pub struct SectionText<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub contact_email: &'a str,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn update_description(tx: &mut Tx, id: SectionId, text: &SectionText<'_>, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE sections SET name = $1, description = $2, contact_email = $3, updated_at = $4 WHERE id = $5";
    on_tx!(tx, c => sqlx::query(sql).bind(text.name).bind(text.description).bind(text.contact_email).bind(now_ms).bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn slug_exists(tx: &mut Tx, slug: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM sections WHERE slug = $1").bind(slug).fetch_one(c).await)?;
    Ok(n > 0)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<SectionRow>, sqlx::Error> {
    let sql = format!("SELECT {SECTION_COLUMNS} FROM sections s JOIN departements d ON d.code = s.federation_code WHERE s.slug = $1");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(slug).fetch_optional(p).await)
}

/// Sections by id, by name, as a part of a page's bundle (`store::bundle`).
pub fn by_ids(ids: &[SectionId]) -> Part {
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT {SECTION_COLUMNS} FROM sections s JOIN departements d ON d.code = s.federation_code WHERE s.id IN ({}) ORDER BY s.name, s.id",
        placeholders.join(", ")
    );
    let columns = ["id", "slug", "name", "description", "federation_code", "federation_name", "contact_email", "banner"];
    Part::new(sql, &columns, ids.iter().map(|id| Arg::Int(id.get())).collect())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id(db: &Db, id: SectionId) -> Result<Option<SectionRow>, sqlx::Error> {
    let sql = format!("SELECT {SECTION_COLUMNS} FROM sections s JOIN departements d ON d.code = s.federation_code WHERE s.id = $1");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_id_in(tx: &mut Tx, id: SectionId) -> Result<Option<SectionRow>, sqlx::Error> {
    let sql = format!("SELECT {SECTION_COLUMNS} FROM sections s JOIN departements d ON d.code = s.federation_code WHERE s.id = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn for_federation(db: &Db, federation_code: &str) -> Result<Vec<SectionSummaryRow>, sqlx::Error> {
    for_federation_part(federation_code).fetch_all(db).await
}

/// `for_federation` as a part of a page's bundle (`store::bundle`).
pub fn for_federation_part(federation_code: &str) -> Part {
    let sql = "SELECT s.id, s.slug, s.name, \
               CAST((SELECT COUNT(*) FROM section_communes sc WHERE sc.section_id = s.id) AS BIGINT) AS communes \
               FROM sections s WHERE s.federation_code = $1 ORDER BY s.name, s.id";
    Part::new(sql, &["id", "slug", "name", "communes"], vec![Arg::Text(federation_code.into())])
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn communes_of(db: &Db, section_id: SectionId) -> Result<Vec<CommuneRow>, sqlx::Error> {
    communes_of_part(section_id).fetch_all(db).await
}

/// `communes_of` as a part of a page's bundle (`store::bundle`).
pub fn communes_of_part(section_id: SectionId) -> Part {
    let sql = "SELECT c.insee, c.name, c.departement_code, c.population, c.lat, c.lng FROM section_communes sc \
               JOIN communes c ON c.insee = sc.insee WHERE sc.section_id = $1 ORDER BY c.name";
    Part::new(sql, &["insee", "name", "departement_code", "population", "lat", "lng"], vec![Arg::Int(section_id.get())])
}

/// The sections covering any of `insee` codes (one statement).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn covering(tx: &mut Tx, insee: &[String]) -> Result<Vec<CoveringSection>, sqlx::Error> {
    if insee.is_empty() {
        return Ok(Vec::new());
    }
    let list = (1..=insee.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT sc.insee, s.id, s.slug, s.name FROM section_communes sc JOIN sections s ON s.id = sc.section_id \
         WHERE sc.insee IN ({list})"
    );
    on_tx!(tx, c => {
        let mut q = sqlx::query_as(&sql);
        for code in insee {
            q = q.bind(code);
        }
        q.fetch_all(c).await
    })
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn attach_commune(tx: &mut Tx, insee: &str, section_id: SectionId) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO section_communes (insee, section_id) VALUES ($1, $2)";
    on_tx!(tx, c => sqlx::query(sql).bind(insee).bind(section_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn detach_commune(tx: &mut Tx, insee: &str, section_id: SectionId) -> Result<u64, sqlx::Error> {
    let sql = "DELETE FROM section_communes WHERE insee = $1 AND section_id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(insee).bind(section_id).execute(c).await.map(|r| r.rows_affected()))
}
