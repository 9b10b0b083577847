//! Texts of la boîte à outils: the list and its search, a document's page (versions, downloads,
//! "Utiliser pour une action"), the form that adds one, and the action page's documents.

use super::typography::{count, format_number};
use super::Lang;
use crate::model::documents::{DocumentAudience, DocumentCategory, DocumentFileKind, DocumentScope};

/// "1,2 Mo" / "1.2 MB"; "340 ko" / "340 kB".
fn size(lang: Lang, bytes: i64) -> String {
    let (kilo, mega) = match lang {
        Lang::Fr => ("ko", "Mo"),
        Lang::En => ("kB", "MB"),
    };
    if bytes < 1024 * 1024 {
        return format!("{}\u{a0}{kilo}", format_number(lang, (bytes + 1023) / 1024));
    }
    let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    let whole = format_number(lang, tenths / 10);
    let sep = if lang == Lang::Fr { "," } else { "." };
    format!("{whole}{sep}{}\u{a0}{mega}", tenths % 10)
}

texts! {
    pub struct DocumentTexts {
        link: &'static str { fr: "Boîte à outils", en: "Toolbox" }
        page_title: &'static str { fr: "Boîte à outils", en: "Toolbox" }
        intro: &'static str {
            fr: "Les tracts, argumentaires et affiches de ta section, de ta fédération et du national, à jour. Télécharge, imprime, et joins-les à tes actions.",
            en: "The up-to-date tracts, arguments and posters of your section, your federation and the national party. Download, print, and attach them to your actions.",
        }
        visitor_intro: &'static str {
            fr: "Les documents publics du national. Connecte-toi pour voir ceux de ta section et de ta fédération.",
            en: "The national party’s public documents. Sign in to see those of your section and federation.",
        }
        search_label: &'static str { fr: "Titre ou étiquette", en: "Title or tag" }
        search_button: &'static str { fr: "Chercher", en: "Search" }
        category_label: &'static str { fr: "Catégorie", en: "Category" }
        category_all: &'static str { fr: "Toutes", en: "All" }
        category: fn(DocumentCategory) -> &'static str {
            fr: |c| match c {
                DocumentCategory::Tract => "Tract",
                DocumentCategory::Argumentaire => "Argumentaire",
                DocumentCategory::Affiche => "Affiche",
                DocumentCategory::Image => "Image",
                DocumentCategory::Other => "Autre",
            },
            en: |c| match c {
                DocumentCategory::Tract => "Leaflet",
                DocumentCategory::Argumentaire => "Talking points",
                DocumentCategory::Affiche => "Poster",
                DocumentCategory::Image => "Picture",
                DocumentCategory::Other => "Other",
            },
        }
        tag_filter: fn(&str) -> String { fr: |t| format!("Étiquette «\u{202f}{t}\u{202f}»", ), en: |t| format!("Tag “{t}”") }
        clear_filter: &'static str { fr: "Tout afficher", en: "Show all" }
        add: &'static str { fr: "Ajouter un document", en: "Add a document" }
        empty_search: &'static str { fr: "Aucun document ne correspond à ta recherche.", en: "No document matches your search." }
        empty: &'static str { fr: "Aucun document pour l’instant.", en: "No documents yet." }
        older: &'static str { fr: "Documents plus anciens", en: "Older documents" }
        scope: fn(&DocumentScope) -> String {
            fr: |s| match s {
                DocumentScope::Section { name, .. } => format!("Section {name}"),
                DocumentScope::Federation { name, code } => format!("Fédération {name} ({code})"),
                DocumentScope::National => "National".to_string(),
            },
            en: |s| match s {
                DocumentScope::Section { name, .. } => format!("{name} section"),
                DocumentScope::Federation { name, code } => format!("{name} federation ({code})"),
                DocumentScope::National => "National".to_string(),
            },
        }
        audience: fn(DocumentAudience) -> &'static str {
            fr: |a| match a {
                DocumentAudience::Public => "Tout le monde, même sans compte",
                DocumentAudience::Members => "Les membres (adhérent·es et sympathisant·es)",
                DocumentAudience::Adherents => "Les adhérent·es confirmé·es seulement",
            },
            en: |a| match a {
                DocumentAudience::Public => "Everyone, even without an account",
                DocumentAudience::Members => "Members (party members and supporters)",
                DocumentAudience::Adherents => "Confirmed party members only",
            },
        }
        audience_short: fn(DocumentAudience) -> &'static str {
            fr: |a| match a {
                DocumentAudience::Public => "Public",
                DocumentAudience::Members => "Membres",
                DocumentAudience::Adherents => "Adhérent·es",
            },
            en: |a| match a {
                DocumentAudience::Public => "Public",
                DocumentAudience::Members => "Members",
                DocumentAudience::Adherents => "Party members",
            },
        }
        file_kind: fn(DocumentFileKind) -> &'static str {
            fr: |k| match k {
                DocumentFileKind::Pdf => "PDF",
                DocumentFileKind::Jpeg => "image JPEG",
                DocumentFileKind::Png => "image PNG",
            },
            en: |k| match k {
                DocumentFileKind::Pdf => "PDF",
                DocumentFileKind::Jpeg => "JPEG picture",
                DocumentFileKind::Png => "PNG picture",
            },
        }
        size: fn(i64) -> String { fr: |b| size(Lang::Fr, b), en: |b| size(Lang::En, b) }
        version: fn(i64) -> String { fr: |n| format!("version\u{a0}{n}"), en: |n| format!("version {n}") }
        downloads: fn(i64) -> String {
            fr: |n| count(Lang::Fr, n, "téléchargement", "téléchargements"),
            en: |n| count(Lang::En, n, "download", "downloads"),
        }
        valid_until: fn(&str) -> String { fr: |d| format!("Valable jusqu’au {d}"), en: |d| format!("Valid until {d}") }
        expired: fn(&str) -> String {
            fr: |d| format!("Périmé depuis le {d}\u{a0}: vérifie avant de l’imprimer"),
            en: |d| format!("Out of date since {d}: check before printing"),
        }
        download: &'static str { fr: "Télécharger", en: "Download" }
        versions_title: &'static str { fr: "Toutes les versions", en: "Every version" }
        version_by: fn(&str, &str) -> String {
            fr: |date, who| if who.is_empty() { date.to_string() } else { format!("{date}, par {who}") },
            en: |date, who| if who.is_empty() { date.to_string() } else { format!("{date}, by {who}") },
        }
        current: &'static str { fr: "actuelle", en: "current" }
        new_version_title: &'static str { fr: "Envoyer une nouvelle version", en: "Upload a new version" }
        edit_details: &'static str { fr: "Modifier la fiche", en: "Edit the details" }
        edit_details_hint: &'static str {
            fr: "Le titre, la catégorie, qui peut le lire, la description, les étiquettes et la date de fin. Le fichier ne change pas\u{a0}: pour le remplacer, envoie une nouvelle version.",
            en: "Title, category, who may read it, description, tags and last day. The file stays: to replace it, upload a new version.",
        }
        save_details: &'static str { fr: "Enregistrer la fiche", en: "Save the details" }
        new_version_hint: &'static str {
            fr: "Elle remplacera l’actuelle dans les listes et les actions\u{202f}; les anciennes restent téléchargeables ici.",
            en: "It replaces the current one in lists and actions; the older ones stay downloadable here.",
        }
        note_label: &'static str { fr: "Ce qui change (facultatif)", en: "What changed (optional)" }
        file_label: &'static str { fr: "Fichier", en: "File" }
        file_hint: &'static str {
            fr: "Un PDF, ou une image JPEG, PNG ou WebP — 20\u{a0}Mo au plus. Les images sont enregistrées sans leurs métadonnées (position GPS comprise).",
            en: "A PDF, or a JPEG, PNG or WebP picture — 20 MB at most. Pictures are stored without their metadata (GPS position included).",
        }
        file_again: &'static str {
            fr: "Pour ta sécurité, le navigateur oublie le fichier choisi quand le formulaire revient\u{a0}: choisis-le à nouveau.",
            en: "For your safety, the browser forgets the chosen file when the form comes back: choose it again.",
        }
        send_version: &'static str { fr: "Envoyer la nouvelle version", en: "Upload the new version" }
        delete: &'static str { fr: "Supprimer ce document…", en: "Delete this document…" }
        delete_confirm: &'static str { fr: "Oui, supprimer le document et ses versions", en: "Yes, delete the document and its versions" }
        delete_hint: &'static str {
            fr: "Toutes ses versions disparaissent, et il est retiré des actions qui l’utilisaient.",
            en: "Every version goes, and it is taken off the actions that used it.",
        }
        use_title: &'static str { fr: "Utiliser pour une action", en: "Use for an action" }
        use_hint: &'static str {
            fr: "Il apparaîtra dans le matériel à emporter de l’action, pour celles et ceux qui peuvent le lire.",
            en: "It will show in the action’s material to bring, for those who may read it.",
        }
        action_label: &'static str { fr: "Action que tu organises", en: "Action you organize" }
        use_button: &'static str { fr: "Joindre à l’action", en: "Attach to the action" }
        no_action: &'static str {
            fr: "Tu n’organises aucune action à venir. Propose ou crée une action, puis reviens ici.",
            en: "You organize no upcoming action. Propose or create one, then come back here.",
        }
        attached_to: &'static str { fr: "Déjà joint à\u{a0}:", en: "Already attached to:" }
        sign_in_to_use: &'static str { fr: "Connecte-toi pour le joindre à une action.", en: "Sign in to attach it to an action." }
        new_title: &'static str { fr: "Ajouter un document", en: "Add a document" }
        back: &'static str { fr: "← Boîte à outils", en: "← Toolbox" }
        scope_label: &'static str { fr: "Dans la boîte à outils de", en: "In the toolbox of" }
        title_label: &'static str { fr: "Titre", en: "Title" }
        description_label: &'static str { fr: "Description (facultatif)", en: "Description (optional)" }
        tags_label: &'static str { fr: "Étiquettes (facultatif)", en: "Tags (optional)" }
        tags_hint: &'static str {
            fr: "Séparées par des virgules\u{a0}: logement, marché, municipales (8 au plus).",
            en: "Separated by commas: housing, market, local-elections (8 at most).",
        }
        valid_label: &'static str { fr: "Valable jusqu’au (facultatif)", en: "Valid until (optional)" }
        audience_label: &'static str { fr: "Qui peut le lire\u{202f}?", en: "Who may read it?" }
        create: &'static str { fr: "Ajouter à la boîte à outils", en: "Add to the toolbox" }
        action_documents: &'static str { fr: "Documents à emporter", en: "Documents to bring" }
        remove: &'static str { fr: "Retirer", en: "Remove" }
        find_more: &'static str { fr: "Trouver un document dans la boîte à outils", en: "Find a document in the toolbox" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_the_french_way() {
        assert_eq!(size(Lang::Fr, 340 * 1024), "340\u{a0}ko");
        assert_eq!(size(Lang::Fr, 1_258_291), "1,2\u{a0}Mo");
        assert_eq!(size(Lang::En, 1_258_291), "1.2\u{a0}MB");
        assert_eq!(size(Lang::Fr, 1), "1\u{a0}ko");
    }
}
