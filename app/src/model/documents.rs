//! La boîte à outils (issue 21): the documents a section, a federation or the national level
//! offers its people — tracts, argumentaires, affiches, images — with their versions. What the
//! pages show; the rules are in `server::policy::documents`.

use serde::{Deserialize, Serialize};

string_enum! {
    /// What kind of material a document is.
    pub enum DocumentCategory {
        Tract = "tract",
        Argumentaire = "argumentaire",
        Affiche = "affiche",
        Image = "image",
        Other = "autre",
    }
}

string_enum! {
    /// Who may read a document: anyone (even without an account), the scope's people, or the
    /// scope's confirmed adhérents. The scope's team always does.
    pub enum DocumentAudience {
        Public = "public",
        Members = "membres",
        Adherents = "adherents",
    }
}

string_enum! {
    /// Where a document belongs.
    pub enum DocumentScopeKind {
        Section = "section",
        Federation = "federation",
        National = "national",
    }
}

string_enum! {
    /// What a stored version is (read from its bytes, never from its name).
    pub enum DocumentFileKind {
        Pdf = "pdf",
        Jpeg = "jpeg",
        Png = "png",
    }
}

impl DocumentFileKind {
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFileKind::Pdf => "pdf",
            DocumentFileKind::Jpeg => "jpg",
            DocumentFileKind::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            DocumentFileKind::Pdf => "application/pdf",
            DocumentFileKind::Jpeg => "image/jpeg",
            DocumentFileKind::Png => "image/png",
        }
    }

    /// The stored file's name under its key.
    pub fn stored_name(self) -> String {
        format!("document.{}", self.extension())
    }
}

/// Where a document belongs, named for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentScope {
    Section { slug: String, name: String },
    Federation { code: String, name: String },
    National,
}

/// A scope a person may add documents to, as the form's choice (`value`: "section:12",
/// "federation:59" or "national").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeChoice {
    pub value: String,
    pub scope: DocumentScope,
}

/// One stored version of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentVersion {
    pub number: i64,
    /// Where it is downloaded (`/boite-a-outils/fichiers/{key}/{name}`).
    pub href: String,
    pub kind: DocumentFileKind,
    pub bytes: i64,
    pub note: String,
    pub created_at_ms: i64,
    /// Who sent it (`None`: account gone).
    pub uploaded_by: Option<String>,
}

/// A document as lists show it: its newest version stands for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLine {
    pub id: i64,
    pub title: String,
    pub category: DocumentCategory,
    pub scope: DocumentScope,
    pub audience: DocumentAudience,
    pub tags: Vec<String>,
    /// Midnight (Europe/Paris) of the last day it is valid.
    pub valid_until_ms: Option<i64>,
    /// Past its last valid day.
    pub expired: bool,
    pub current: DocumentVersion,
    pub download_count: i64,
    pub updated_at_ms: i64,
}

/// `/boite-a-outils`: what the reader may read of their section's, federation's and the national
/// toolbox, newest first, with the search that was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolboxPage {
    pub documents: Vec<DocumentLine>,
    pub query: String,
    pub tag: String,
    pub category: Option<DocumentCategory>,
    /// The next page's cursor.
    pub next: Option<String>,
    /// Scopes this reader may add to (empty: no "Ajouter un document").
    pub may_add: bool,
    pub signed_in: bool,
}

/// An action a document may be attached to (or is attached to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionChoice {
    pub id: i64,
    pub title: String,
    pub starts_at_ms: i64,
}

/// `/boite-a-outils/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentPage {
    pub line: DocumentLine,
    pub description: String,
    /// Every version, newest first (the old ones stay reachable).
    pub versions: Vec<DocumentVersion>,
    /// New version, delete.
    pub may_manage: bool,
    /// Upcoming actions this reader organizes, not carrying it yet ("Utiliser pour une action").
    pub attachable: Vec<ActionChoice>,
    /// Upcoming actions carrying it that this reader organizes.
    pub attached: Vec<ActionChoice>,
    pub signed_in: bool,
}

/// `/boite-a-outils/nouveau`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDocumentPage {
    pub scopes: Vec<ScopeChoice>,
}

/// A document an action carries, as its page lists it (only those its reader may read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDocument {
    pub id: i64,
    pub title: String,
    pub current: DocumentVersion,
}

/// The download name of a version: the title folded to ASCII ("Tract du marché" →
/// "tract-du-marche-v2.pdf"), never what the sender's file was called.
pub fn download_name(title: &str, number: i64, kind: DocumentFileKind) -> String {
    let folded = crate::model::account::fold_for_search(title);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty() && w.is_ascii()).collect();
    let mut base = String::new();
    for word in words {
        if base.len() + word.len() + 1 > 60 {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(word);
    }
    if base.is_empty() {
        base.push_str("document");
    }
    format!("{base}-v{number}.{}", kind.extension())
}

/// A list cursor: "updated_at-id".
pub fn parse_cursor(raw: &str) -> Option<(i64, i64)> {
    let (at, id) = raw.split_once('-')?;
    Some((at.parse().ok()?, id.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_ascii_and_versioned() {
        assert_eq!(download_name("Tract du marché — décembre", 2, DocumentFileKind::Pdf), "tract-du-marche-decembre-v2.pdf");
        assert_eq!(download_name("<script>", 1, DocumentFileKind::Png), "script-v1.png");
        assert_eq!(parse_cursor("1700-12"), Some((1700, 12)));
        assert_eq!(parse_cursor("x-1"), None);
    }
}
