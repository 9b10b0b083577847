//! Turning what people type (postal codes, INSEE codes) into communes.

use crate::error::AppError;
use crate::model::form::FieldError;
use crate::server::db::Db;
use crate::server::store::{self, territory::CommuneRow};

/// The commune a person lives in, from their postal code and — when several communes share it —
/// their choice among them. Errors name the field to fix.
pub async fn home_commune(
    db: &Db,
    postal_code: &str,
    chosen_insee: &str,
) -> Result<Result<CommuneRow, (&'static str, FieldError)>, AppError> {
    let mut candidates = store::territory::communes_by_postal_code(db, postal_code).await?;
    Ok(match candidates.len() {
        0 => Err(("postal_code", FieldError::UnknownPostalCode)),
        1 => match candidates.pop() {
            Some(only) => Ok(only),
            None => return Err(AppError::Internal),
        },
        _ => match candidates.iter().find(|c| c.insee == chosen_insee) {
            Some(c) => Ok(c.clone()),
            None => Err(("commune", FieldError::ChooseCommune { options: candidates.into_iter().map(|c| (c.insee, c.name)).collect() })),
        },
    })
}

/// Lower-case, accents removed, punctuation as spaces: "Saint-Jans-Cappel" ~ "saint jans cappel".
fn fold(name: &str) -> String {
    crate::model::account::Handle::suggest_from(name).as_str().replace('-', " ")
}

/// Five characters, digits but for Corsica's 2A/2B prefix: an INSEE or postal code.
fn looks_like_code(entry: &str) -> bool {
    let chars: Vec<char> = entry.to_ascii_uppercase().chars().collect();
    match chars.as_slice() {
        [a, b, rest @ ..] if rest.len() == 3 && rest.iter().all(char::is_ascii_digit) => {
            (a.is_ascii_digit() && b.is_ascii_digit()) || (*a == '2' && (*b == 'A' || *b == 'B'))
        }
        _ => false,
    }
}

/// Resolves one line of a section's commune list, within a federation: "Nom (code INSEE)", a code
/// (INSEE or postal) that designates a single commune, or a commune name. Codes overlap (INSEE
/// 59350 is Lille, postal code 59350 is Saint-André-lez-Lille), so a code naming several
/// communes is refused with the choices spelled out.
pub async fn resolve_entry(db: &Db, federation_code: &str, entry: &str) -> Result<Result<CommuneRow, FieldError>, AppError> {
    let entry = entry.trim().to_string();
    let explicit = entry.rsplit_once('(').and_then(|(_, rest)| rest.strip_suffix(')')).map(|code| code.trim().to_ascii_uppercase());
    let mut candidates: Vec<CommuneRow> = Vec::new();
    if let Some(code) = explicit {
        candidates.extend(store::territory::commune(db, &code).await?);
    } else if looks_like_code(&entry) {
        candidates.extend(store::territory::commune(db, &entry.to_ascii_uppercase()).await?);
        for c in store::territory::communes_by_postal_code(db, &entry).await? {
            if !candidates.iter().any(|k| k.insee == c.insee) {
                candidates.push(c);
            }
        }
    } else {
        let wanted = fold(&entry);
        candidates =
            store::territory::communes_of_departement(db, federation_code).await?.into_iter().filter(|c| fold(&c.name) == wanted).collect();
    }
    let mut candidates = candidates.into_iter();
    Ok(match (candidates.next(), candidates.len()) {
        (None, _) => Err(FieldError::UnknownCommune { entry }),
        (Some(only), 0) => Ok(only),
        (Some(first), _) => Err(FieldError::AmbiguousCommuneEntry {
            entry,
            options: std::iter::once(first).chain(candidates).map(|c| (c.insee, c.name)).collect(),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_told_apart() {
        assert!(looks_like_code("59350") && looks_like_code("2a004") && looks_like_code("2B033"));
        assert!(!looks_like_code("Lille") && !looks_like_code("Loos") && !looks_like_code("5935"));
        assert!(!looks_like_code("aé12") && !looks_like_code("aé123"), "multi-byte input never panics");
        assert_eq!(fold("Saint-Jans-Cappel"), fold("saint jans  cappel"));
        assert_eq!(fold("Méteren"), "meteren");
    }
}
