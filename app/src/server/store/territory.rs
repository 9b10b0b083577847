//! Régions, départements (fédérations), communes and their postal codes.

use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, PartialEq)]
pub struct CommuneRecord {
    pub insee: String,
    pub departement: String,
    pub region: String,
    pub name: String,
    pub population: Option<i64>,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    pub postal_codes: Vec<String>,
}

#[derive(Debug, Clone, FromRow, PartialEq, serde::Deserialize)]
pub struct CommuneRow {
    pub insee: String,
    pub name: String,
    pub departement_code: String,
    pub population: Option<i64>,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct DepartementRow {
    pub code: String,
    pub name: String,
    pub region_code: String,
    pub region_name: String,
}

/// Placeholders "($1, $2, $3), ($4, $5, $6)…" for `rows` rows of `width` values.
fn placeholders(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|r| {
            let cols: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", cols.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn upsert_regions(tx: &mut Tx, regions: &[(String, String)]) -> Result<(), sqlx::Error> {
    if regions.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO regions (code, name) VALUES {} ON CONFLICT (code) DO UPDATE SET name = excluded.name",
        placeholders(regions.len(), 2)
    );
    on_tx!(tx, c => {
        let mut q = sqlx::query(&sql);
        for (code, name) in regions {
            q = q.bind(code).bind(name);
        }
        q.execute(c).await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn upsert_departements(tx: &mut Tx, departements: &[(String, String, String)]) -> Result<(), sqlx::Error> {
    if departements.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO departements (code, region_code, name) VALUES {} \
         ON CONFLICT (code) DO UPDATE SET region_code = excluded.region_code, name = excluded.name",
        placeholders(departements.len(), 3)
    );
    on_tx!(tx, c => {
        let mut q = sqlx::query(&sql);
        for (code, region, name) in departements {
            q = q.bind(code).bind(region).bind(name);
        }
        q.execute(c).await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Upserts a batch of communes and replaces their postal codes (at most a few hundred per call).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn upsert_communes(tx: &mut Tx, communes: &[CommuneRecord]) -> Result<(), sqlx::Error> {
    if communes.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO communes (insee, departement_code, region_code, name, population, lat, lng) VALUES {} \
         ON CONFLICT (insee) DO UPDATE SET departement_code = excluded.departement_code, \
         region_code = excluded.region_code, name = excluded.name, population = excluded.population, \
         lat = excluded.lat, lng = excluded.lng",
        placeholders(communes.len(), 7)
    );
    on_tx!(tx, c => {
        let mut q = sqlx::query(&sql);
        for m in communes {
            q = q.bind(&m.insee).bind(&m.departement).bind(&m.region).bind(&m.name).bind(m.population).bind(m.lat).bind(m.lng);
        }
        q.execute(c).await.map(|r| r.rows_affected())
    })?;
    let delete = format!(
        "DELETE FROM commune_postal_codes WHERE insee IN ({})",
        (1..=communes.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
    );
    on_tx!(tx, c => {
        let mut q = sqlx::query(&delete);
        for m in communes {
            q = q.bind(&m.insee);
        }
        q.execute(c).await.map(|r| r.rows_affected())
    })?;
    let pairs: Vec<(&str, &str)> =
        communes.iter().flat_map(|m| m.postal_codes.iter().map(move |p| (p.as_str(), m.insee.as_str()))).collect();
    for chunk in pairs.chunks(1000) {
        let insert = format!("INSERT INTO commune_postal_codes (postal_code, insee) VALUES {}", placeholders(chunk.len(), 2));
        on_tx!(tx, c => {
            let mut q = sqlx::query(&insert);
            for (postal, insee) in chunk {
                q = q.bind(*postal).bind(*insee);
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// (régions, départements, communes) currently stored.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn counts(db: &Db) -> Result<(i64, i64, i64), sqlx::Error> {
    let sql = "SELECT (SELECT COUNT(*) FROM regions), (SELECT COUNT(*) FROM departements), (SELECT COUNT(*) FROM communes)";
    on_pool!(db.read(), p => sqlx::query_as(sql).fetch_one(p).await)
}

const COMMUNE_COLUMNS: &str = "c.insee, c.name, c.departement_code, c.population, c.lat, c.lng";

/// Communes sharing a postal code, most populated first (one indexed statement).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn communes_by_postal_code(db: &Db, postal_code: &str) -> Result<Vec<CommuneRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COMMUNE_COLUMNS} FROM commune_postal_codes p JOIN communes c ON c.insee = p.insee \
         WHERE p.postal_code = $1 ORDER BY c.population DESC, c.name"
    );
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(postal_code).fetch_all(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn commune(db: &Db, insee: &str) -> Result<Option<CommuneRow>, sqlx::Error> {
    let sql = format!("SELECT {COMMUNE_COLUMNS} FROM communes c WHERE c.insee = $1");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(insee).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn communes_of_departement(db: &Db, code: &str) -> Result<Vec<CommuneRow>, sqlx::Error> {
    let sql = format!("SELECT {COMMUNE_COLUMNS} FROM communes c WHERE c.departement_code = $1 ORDER BY c.name");
    on_pool!(db.read(), p => sqlx::query_as(&sql).bind(code).fetch_all(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn commune_in(tx: &mut Tx, insee: &str) -> Result<Option<CommuneRow>, sqlx::Error> {
    let sql = format!("SELECT {COMMUNE_COLUMNS} FROM communes c WHERE c.insee = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(insee).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn departement(db: &Db, code: &str) -> Result<Option<DepartementRow>, sqlx::Error> {
    let sql = "SELECT d.code, d.name, d.region_code, r.name AS region_name FROM departements d \
               JOIN regions r ON r.code = d.region_code WHERE d.code = $1";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(code).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn departements(db: &Db) -> Result<Vec<DepartementRow>, sqlx::Error> {
    let sql = "SELECT d.code, d.name, d.region_code, r.name AS region_name FROM departements d \
               JOIN regions r ON r.code = d.region_code ORDER BY d.code";
    on_pool!(db.read(), p => sqlx::query_as(sql).fetch_all(p).await)
}

/// One row of "trouver ma section": a commune, its federation, and its section if any.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct PostalMatchRow {
    pub insee: String,
    pub name: String,
    pub departement_code: String,
    pub federation_name: String,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
}

/// The communes of a postal code with their federation and section, in one indexed statement.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn find_by_postal_code(db: &Db, postal_code: &str) -> Result<Vec<PostalMatchRow>, sqlx::Error> {
    let sql = "SELECT c.insee, c.name, c.departement_code, d.name AS federation_name, \
               s.slug AS section_slug, s.name AS section_name \
               FROM commune_postal_codes p JOIN communes c ON c.insee = p.insee \
               JOIN departements d ON d.code = c.departement_code \
               LEFT JOIN section_communes sc ON sc.insee = c.insee LEFT JOIN sections s ON s.id = sc.section_id \
               WHERE p.postal_code = $1 ORDER BY c.population DESC, c.name";
    on_pool!(db.read(), p => sqlx::query_as(sql).bind(postal_code).fetch_all(p).await)
}
