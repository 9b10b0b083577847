//! A toolbox document's form as a typed command: where it goes, what it is called and says, its
//! category, tags, audience and last valid day; and a new version's note.

use crate::model::documents::{DocumentAudience, DocumentCategory};
use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::paris_time::parse_paris_day;

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
pub const MAX_TAGS: usize = 8;
pub const MAX_TAG_CHARS: usize = 30;
pub const MAX_NOTE_CHARS: usize = 300;

/// The toolbox a document goes to, as the form names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeValue {
    Section(i64),
    Federation(String),
    National,
}

impl ScopeValue {
    pub fn parse(raw: &str) -> Option<ScopeValue> {
        match raw.trim().split_once(':') {
            Some(("section", id)) => id.parse().ok().filter(|id| *id > 0).map(ScopeValue::Section),
            Some(("federation", code)) if (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric()) => {
                Some(ScopeValue::Federation(code.to_string()))
            }
            None if raw.trim() == "national" => Some(ScopeValue::National),
            _ => None,
        }
    }

    pub fn value(&self) -> String {
        match self {
            ScopeValue::Section(id) => format!("section:{id}"),
            ScopeValue::Federation(code) => format!("federation:{code}"),
            ScopeValue::National => "national".into(),
        }
    }
}

/// A new document's form: where it goes and what describes it (the file comes apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInput {
    pub scope: ScopeValue,
    pub details: DocumentDetails,
}

/// What describes a document, as its team may change it later ("Modifier la fiche").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentDetails {
    pub title: String,
    pub description: String,
    pub category: DocumentCategory,
    pub audience: DocumentAudience,
    pub tags: Vec<String>,
    /// Midnight (Europe/Paris) of the last valid day.
    pub valid_until_ms: Option<i64>,
}

impl DocumentInput {
    pub fn parse(form: &RawForm) -> Result<DocumentInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let scope = match form.value("portee").trim() {
            "" => {
                e.add("portee", FieldError::ChoiceRequired);
                None
            }
            raw => ScopeValue::parse(raw).or_else(|| {
                e.add("portee", FieldError::InvalidChoice);
                None
            }),
        };
        let scope = match scope {
            Some(scope) if e.is_empty() => Ok(scope),
            _ => Err(e),
        };
        // Every field's error at once: the scope's and the details'.
        let (scope, details) = FieldErrors::both(scope, DocumentDetails::parse(form))?;
        Ok(DocumentInput { scope, details })
    }
}

impl DocumentDetails {
    pub fn parse(form: &RawForm) -> Result<DocumentDetails, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.check("titre", fields::text(form.value("titre"), 3, MAX_TITLE_CHARS));
        let description = e.check("description", fields::text(form.value("description"), 0, MAX_DESCRIPTION_CHARS));
        let category = e.check("categorie", DocumentCategory::choose(form.value("categorie")));
        let audience = e.check("public", DocumentAudience::choose(form.value("public")));
        let tags = e.check("etiquettes", parse_tags(form.value("etiquettes")));
        let valid_until_ms = e.check("valable_jusqu_au", parse_day(form.value("valable_jusqu_au")));
        match (title, description, category, audience, tags, valid_until_ms) {
            (Some(title), Some(description), Some(category), Some(audience), Some(tags), Some(valid_until_ms)) if e.is_empty() => {
                Ok(DocumentDetails { title, description, category, audience, tags, valid_until_ms })
            }
            _ => Err(e),
        }
    }

    /// What the search box matches: title and tags, folded (no case, no accents).
    pub fn search_text(&self) -> String {
        crate::model::account::fold_for_search(&format!("{} {}", self.title, self.tags.join(" ")))
    }

    /// The stored tags: " tag1 tag2 " (a space at each end: `LIKE '% tag %'`), '' for none.
    pub fn stored_tags(&self) -> String {
        if self.tags.is_empty() {
            String::new()
        } else {
            format!(" {} ", self.tags.join(" "))
        }
    }
}

/// "logement, Tract-marché #municipales" → ["logement", "tract-marché", "municipales"]: lower
/// case, letters, digits and dashes, each once.
pub fn parse_tags(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut tags: Vec<String> = Vec::new();
    for word in raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let tag = word.trim().trim_start_matches('#').to_lowercase();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            return Err(FieldError::TooLong { max: MAX_TAG_CHARS });
        }
        if !tag.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Err(FieldError::InvalidChoice);
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(FieldError::TooManyItems { max: MAX_TAGS });
    }
    Ok(tags)
}

/// A `date` field: empty is no end.
fn parse_day(raw: &str) -> Result<Option<i64>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let well_formed = raw.len() == 10 && raw.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    match parse_paris_day(raw) {
        Some(ms) if well_formed && crate::model::paris_time::civil_iso(crate::model::paris_time::paris_civil_day(ms)) == raw => {
            Ok(Some(ms))
        }
        _ => Err(FieldError::InvalidDate),
    }
}

/// A new version's note ("Nouvelle adresse de la permanence"), optional.
pub fn parse_note(form: &RawForm) -> Result<String, FieldErrors> {
    fields::text(form.value("note"), 0, MAX_NOTE_CHARS).map_err(|error| {
        let mut e = FieldErrors::default();
        e.add("note", error);
        e
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn a_document_is_parsed_whole() {
        let input = DocumentInput::parse(&form(&[
            ("portee", "section:4"),
            ("titre", " Tract du marché "),
            ("description", "Pour samedi"),
            ("categorie", "tract"),
            ("public", "membres"),
            ("etiquettes", "Logement, #marché logement"),
            ("valable_jusqu_au", "2026-12-31"),
        ]))
        .expect("valid");
        assert_eq!(input.scope, ScopeValue::Section(4));
        assert_eq!(input.details.title, "Tract du marché");
        assert_eq!(input.details.tags, vec!["logement".to_string(), "marché".to_string()]);
        assert!(input.details.valid_until_ms.is_some());
    }

    #[test]
    fn every_bad_field_is_named() {
        let e = DocumentInput::parse(&form(&[
            ("portee", "planete:1"),
            ("titre", "x"),
            ("categorie", "film"),
            ("public", ""),
            ("etiquettes", "<b>"),
            ("valable_jusqu_au", "2026-02-30"),
        ]))
        .unwrap_err();
        assert_eq!(e.get("portee"), Some(&FieldError::InvalidChoice));
        assert_eq!(e.get("titre"), Some(&FieldError::TooShort { min: 3 }));
        assert_eq!(e.get("categorie"), Some(&FieldError::InvalidChoice));
        assert_eq!(e.get("public"), Some(&FieldError::ChoiceRequired));
        assert_eq!(e.get("etiquettes"), Some(&FieldError::InvalidChoice));
        assert_eq!(e.get("valable_jusqu_au"), Some(&FieldError::InvalidDate));
        assert_eq!(ScopeValue::parse("national"), Some(ScopeValue::National));
        assert_eq!(ScopeValue::parse("federation:2A"), Some(ScopeValue::Federation("2A".into())));
        assert_eq!(parse_tags("a b c d e f g h i"), Err(FieldError::TooManyItems { max: 8 }));
    }
}
