//! People as members of the territory: where they belong, directories, counts, newcomers and
//! membership decisions.

use crate::model::ids::{SectionId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};
use crate::{on_pool, on_tx};

/// Everything the policy needs about a person (roles aside), in one statement.
#[derive(Debug, Clone, FromRow, PartialEq)]
pub struct BelongingRow {
    pub id: UserId,
    pub membership: String,
    pub membership_status: String,
    pub suspended_at: Option<i64>,
    pub email_verified_at: Option<i64>,
    pub commune_insee: Option<String>,
    pub federation_code: Option<String>,
    pub section_id: Option<SectionId>,
    /// The commune's reference point (distances to actions, renfort).
    pub home_lat: Option<f64>,
    pub home_lng: Option<f64>,
    pub home_name: Option<String>,
}

const BELONGING: &str = "SELECT u.id, u.membership, u.membership_status, u.suspended_at, u.email_verified_at, u.commune_insee, \
    c.departement_code AS federation_code, sc.section_id, c.lat AS home_lat, c.lng AS home_lng, c.name AS home_name FROM users u \
    LEFT JOIN communes c ON c.insee = u.commune_insee LEFT JOIN section_communes sc ON sc.insee = u.commune_insee";

/// Where a person lives and belongs, with the names their own profile page shows: a part of
/// that page's bundle (`store::bundle`). Columns are null where they have no commune or section.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct PlaceRow {
    pub commune_insee: Option<String>,
    pub commune_name: Option<String>,
    pub federation_code: Option<String>,
    pub federation_name: Option<String>,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
}

pub fn place_part(user_id: UserId) -> Part {
    let sql = "SELECT c.insee AS commune_insee, c.name AS commune_name, d.code AS federation_code, d.name AS federation_name, \
               s.slug AS section_slug, s.name AS section_name FROM users u \
               LEFT JOIN communes c ON c.insee = u.commune_insee LEFT JOIN departements d ON d.code = c.departement_code \
               LEFT JOIN section_communes sc ON sc.insee = u.commune_insee LEFT JOIN sections s ON s.id = sc.section_id \
               WHERE u.id = $1";
    let columns = ["commune_insee", "commune_name", "federation_code", "federation_name", "section_slug", "section_name"];
    Part::new(sql, &columns, vec![Arg::Int(user_id.get())])
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn belonging(db: &Db, user_id: UserId) -> Result<Option<BelongingRow>, sqlx::Error> {
    let sql = format!("{BELONGING} WHERE u.id = $1");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(user_id).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn belonging_in(tx: &mut Tx, user_id: UserId) -> Result<Option<BelongingRow>, sqlx::Error> {
    let sql = format!("{BELONGING} WHERE u.id = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(user_id).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn user_id_by_handle(tx: &mut Tx, handle: &str) -> Result<Option<UserId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM users WHERE handle = $1").bind(handle).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_commune(tx: &mut Tx, user_id: UserId, insee: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET commune_insee = $1, updated_at = $2 WHERE id = $3";
    on_tx!(tx, c => sqlx::query(sql).bind(insee).bind(now_ms).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_postal_code(tx: &mut Tx, user_id: UserId, postal_code: &str) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET postal_code = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(postal_code).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_membership(
    tx: &mut Tx,
    user_id: UserId,
    membership: &str,
    status: &str,
    decided_by: Option<UserId>,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET membership = $1, membership_status = $2, membership_decided_by = $3, \
               membership_decided_at = $4, updated_at = $4 WHERE id = $5";
    on_tx!(tx, c => sqlx::query(sql).bind(membership).bind(status).bind(decided_by).bind(now_ms).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_suspended(tx: &mut Tx, user_id: UserId, suspended_at: Option<i64>) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET suspended_at = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(suspended_at).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Where people are counted: the communes of a section, or a federation's communes that no
/// section covers yet.
#[derive(Debug, Clone, Copy)]
pub enum Area<'a> {
    Section(i64),
    FederationUncovered(&'a str),
    Federation(&'a str),
}

impl Area<'_> {
    /// SQL condition on `u` (users) and the bind value for `$1`.
    pub(crate) fn condition(&self) -> (&'static str, String) {
        match self {
            Area::Section(id) => {
                ("u.commune_insee IN (SELECT insee FROM section_communes WHERE section_id = CAST($1 AS BIGINT))", id.to_string())
            }
            Area::FederationUncovered(code) => (
                "u.commune_insee IN (SELECT c.insee FROM communes c WHERE c.departement_code = $1 \
                 AND NOT EXISTS (SELECT 1 FROM section_communes sc WHERE sc.insee = c.insee))",
                code.to_string(),
            ),
            Area::Federation(code) => {
                ("u.commune_insee IN (SELECT c.insee FROM communes c WHERE c.departement_code = $1)", code.to_string())
            }
        }
    }
}

/// (confirmed adhérents, sympathisants) of an area. Pending claims are counted nowhere.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn counts(db: &Db, area: Area<'_>) -> Result<(i64, i64), sqlx::Error> {
    let rows: Vec<AreaCounts> = counts_part(area).fetch_all(db).await?;
    Ok(rows.first().map(|c| (c.adherents, c.sympathisants)).unwrap_or_default())
}

/// Confirmed adhérents and sympathisants of an area (one row).
#[derive(Debug, Clone, Copy, FromRow, PartialEq, Eq, Default, serde::Deserialize)]
pub struct AreaCounts {
    pub adherents: i64,
    pub sympathisants: i64,
}

/// `counts` as a part of a page's bundle (`store::bundle`).
pub fn counts_part(area: Area<'_>) -> Part {
    let (condition, value) = area.condition();
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(CASE WHEN u.membership = 'adherent' AND u.membership_status = 'confirmed' THEN 1 ELSE 0 END), 0) AS BIGINT) AS adherents, \
         CAST(COALESCE(SUM(CASE WHEN u.membership = 'sympathisant' THEN 1 ELSE 0 END), 0) AS BIGINT) AS sympathisants \
         FROM users u WHERE u.suspended_at IS NULL AND {condition}"
    );
    Part::new(sql, &["adherents", "sympathisants"], vec![Arg::Text(value)])
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct MemberRow {
    pub id: UserId,
    pub handle: String,
    pub display_name: String,
    pub membership: String,
    pub membership_status: String,
    pub created_at: i64,
    pub commune_name: Option<String>,
    pub status_line: String,
    pub status_visibility: String,
    /// Whether their address is proven (organizers see "adresse non vérifiée" otherwise).
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub email_verified: bool,
}

const MEMBER_COLUMNS: &str = "u.id, u.handle, u.display_name, u.membership, u.membership_status, u.created_at, \
    c.name AS commune_name, COALESCE(p.status_line, '') AS status_line, COALESCE(p.status_visibility, 'moi') AS status_visibility, \
    (u.email_verified_at IS NOT NULL) AS email_verified";
const MEMBER_COLUMN_NAMES: &[&str] = &[
    "id",
    "handle",
    "display_name",
    "membership",
    "membership_status",
    "created_at",
    "commune_name",
    "status_line",
    "status_visibility",
    "email_verified",
];

/// The members of an area (confirmed adhérents and sympathisants), by name, keyset-paginated
/// after the member `after` (an id, so that no name travels in an address); `search` keeps
/// those whose name or handle contains it (any case; empty: everyone).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn directory(db: &Db, area: Area<'_>, search: &str, after: Option<i64>, limit: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
    directory_part(area, search, after, limit).fetch_all(db).await
}

pub fn directory_part(area: Area<'_>, search: &str, after: Option<i64>, limit: i64) -> Part {
    let (condition, value) = area.condition();
    let id = after.unwrap_or(0);
    let name = "COALESCE((SELECT a.display_name FROM users a WHERE a.id = $2), '')";
    let pattern = format!("%{}%", like_escaped(&search.trim().to_lowercase()));
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM users u LEFT JOIN communes c ON c.insee = u.commune_insee \
         LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.suspended_at IS NULL AND {condition} \
         AND (u.membership = 'sympathisant' OR u.membership_status = 'confirmed') \
         AND (u.display_name > {name} OR (u.display_name = {name} AND u.id > $2)) \
         AND (LOWER(u.display_name) LIKE $4 ESCAPE '\\' OR u.handle LIKE $4 ESCAPE '\\') \
         ORDER BY u.display_name, u.id LIMIT $3"
    );
    Part::new(sql, MEMBER_COLUMN_NAMES, vec![Arg::Text(value), Arg::Int(id), Arg::Int(limit), Arg::Text(pattern)])
}

/// `text` with LIKE's wildcards taken literally (escape character: backslash).
pub(crate) fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// People who joined an area since `since_ms`, and every adhérent claim still waiting there.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn newcomers(db: &Db, area: Area<'_>, since_ms: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
    newcomers_part(area, since_ms).fetch_all(db).await
}

pub fn newcomers_part(area: Area<'_>, since_ms: i64) -> Part {
    let (condition, value) = area.condition();
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM users u LEFT JOIN communes c ON c.insee = u.commune_insee \
         LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.suspended_at IS NULL AND {condition} AND (u.created_at >= $2 OR u.membership_status = 'pending') \
         ORDER BY u.created_at DESC, u.id DESC LIMIT 200"
    );
    Part::new(sql, MEMBER_COLUMN_NAMES, vec![Arg::Text(value), Arg::Int(since_ms)])
}
