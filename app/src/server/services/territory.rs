//! Loading the French territory (régions, départements, communes) from the embedded file derived
//! from `@etalab/decoupage-administratif` (see scripts/derive-territory.py). Re-runnable: upserts.

use std::io::Read;
use std::time::Instant;

use crate::error::AppError;
use crate::server::db::Db;
use crate::server::store::{self, territory::CommuneRecord};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub regions: usize,
    pub departements: usize,
    pub communes: usize,
    pub postal_codes: usize,
    pub elapsed_ms: u128,
}

/// Decompresses the embedded gzip file.
pub fn decompress(gz: &[u8]) -> Result<String, AppError> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz).read_to_string(&mut text).map_err(|e| {
        tracing::error!(error = %e, "territory file unreadable");
        AppError::Internal
    })?;
    Ok(text)
}

struct Parsed {
    regions: Vec<(String, String)>,
    departements: Vec<(String, String, String)>,
    communes: Vec<CommuneRecord>,
}

fn parse(tsv: &str, only: Option<&[&str]>) -> Parsed {
    let keep = |dept: &str| only.is_none_or(|list| list.contains(&dept));
    let mut parsed = Parsed { regions: Vec::new(), departements: Vec::new(), communes: Vec::new() };
    for line in tsv.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["R", code, name] => parsed.regions.push((code.to_string(), name.to_string())),
            ["D", code, region, name] => parsed.departements.push((code.to_string(), region.to_string(), name.to_string())),
            ["C", insee, dept, region, name, population, lat, lng, postal] if keep(dept) => parsed.communes.push(CommuneRecord {
                insee: insee.to_string(),
                departement: dept.to_string(),
                region: region.to_string(),
                name: name.to_string(),
                population: population.parse().ok(),
                lat: lat.parse().ok(),
                lng: lng.parse().ok(),
                postal_codes: postal.split(' ').filter(|p| !p.is_empty()).map(str::to_string).collect(),
            }),
            _ => {}
        }
    }
    parsed
}

/// Imports the territory in one transaction, in batches; `progress(done, total)` after each.
/// `only` restricts communes to some départements (tests); régions and départements are always
/// all loaded, so every federation exists.
pub async fn import(db: &Db, tsv: &str, only: Option<&[&str]>, mut progress: impl FnMut(usize, usize)) -> Result<ImportReport, AppError> {
    let started = Instant::now();
    let parsed = parse(tsv, only);
    let total = parsed.communes.len();
    let mut tx = db.begin().await?;
    store::territory::upsert_regions(&mut tx, &parsed.regions).await?;
    store::territory::upsert_departements(&mut tx, &parsed.departements).await?;
    let mut done = 0;
    for batch in parsed.communes.chunks(400) {
        store::territory::upsert_communes(&mut tx, batch).await?;
        done += batch.len();
        progress(done, total);
    }
    tx.commit().await?;
    db.analyze().await?;
    Ok(ImportReport {
        regions: parsed.regions.len(),
        departements: parsed.departements.len(),
        communes: total,
        postal_codes: parsed.communes.iter().map(|c| c.postal_codes.len()).sum(),
        elapsed_ms: started.elapsed().as_millis(),
    })
}

/// Imports only when no commune is stored yet (first start).
pub async fn ensure_loaded(db: &Db, gz: &[u8]) -> Result<Option<ImportReport>, AppError> {
    let (_, _, communes) = store::territory::counts(db).await?;
    if communes > 0 {
        return Ok(None);
    }
    let tsv = decompress(gz)?;
    import(db, &tsv, None, |_, _| {}).await.map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_kinds_of_lines() {
        let tsv = "R\t32\tHauts-de-France\nD\t59\t32\tNord\nC\t59350\t59\t32\tLille\t238246\t50.6\t3.0\t59000 59800\nC\t62041\t62\t32\tArras\t\t\t\t62000\n";
        let all = parse(tsv, None);
        assert_eq!((all.regions.len(), all.departements.len(), all.communes.len()), (1, 1, 2));
        assert_eq!(all.communes[0].postal_codes, ["59000", "59800"]);
        assert_eq!((all.communes[1].population, all.communes[1].lat), (None, None));
        let nord = parse(tsv, Some(&["59"]));
        assert_eq!(nord.communes.len(), 1);
        assert_eq!(nord.departements.len(), 1, "federations are always all loaded");
    }
}
