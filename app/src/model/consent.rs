//! Consent to the processing of data that reveals a political opinion (GDPR art. 9(2)(a)): the
//! texts people agreed to, by version, and what the consents page shows. A new wording gets a new
//! version here (never an edit of an old one: a record points at the words it was given for);
//! everyone whose last consent is older is asked again at their next visit.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The version shown at sign-up and asked for again when it changes.
pub const CURRENT_VERSION: &str = "2026-11-v1";

/// Every version's text, French and English, oldest first.
const TEXTS: &[(&str, &str, &str)] = &[(
    "2026-11-v1",
    "J’accepte que Coopol traite mes données, qui révèlent une opinion politique, pour me relier à ma section et à ma fédération.",
    "I agree that Coopol processes my data, which reveals a political opinion, to connect me with my section and federation.",
)];

/// The words of `version`, in `lang` (`None` for a version this build does not know).
pub fn text_of(version: &str, lang: Lang) -> Option<&'static str> {
    TEXTS.iter().find(|(v, _, _)| *v == version).map(|(_, fr, en)| if lang == Lang::En { *en } else { *fr })
}

/// One consent as the person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentView {
    pub version: String,
    pub text: Option<String>,
    pub method: String,
    pub granted_ms: i64,
    pub withdrawn_ms: Option<i64>,
    /// The consent in force, to the current text.
    pub in_force: bool,
}

/// "Mes consentements": the history, newest first, and whether the current text waits for an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentsView {
    pub consents: Vec<ConsentView>,
    pub current_version: String,
    pub current_text: String,
    /// No consent in force for the current version: the page asks for it.
    pub due: bool,
    /// An erasure is pending (withdrawing asked for it, or "Supprimer mon compte" did).
    pub erasure_effective_ms: Option<i64>,
}

/// Whether someone whose consent in force has `version` must be asked again.
pub fn is_due(version: Option<&str>) -> bool {
    version != Some(CURRENT_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_version_has_its_words_in_both_languages() {
        assert!(text_of(CURRENT_VERSION, Lang::Fr).is_some_and(|t| t.contains("opinion politique")));
        assert!(text_of(CURRENT_VERSION, Lang::En).is_some_and(|t| t.contains("political opinion")));
        assert_eq!(text_of("2020-01-v0", Lang::Fr), None);
        let versions: Vec<&str> = TEXTS.iter().map(|(v, _, _)| *v).collect();
        let mut unique = versions.clone();
        unique.dedup();
        assert_eq!(versions, unique, "one text per version");
    }

    #[test]
    fn the_sign_up_form_shows_the_current_words() {
        assert_eq!(text_of(CURRENT_VERSION, Lang::Fr), Some(crate::i18n::FR.consent_label));
        assert_eq!(text_of(CURRENT_VERSION, Lang::En), Some(crate::i18n::EN.consent_label));
    }

    #[test]
    fn only_the_current_version_is_in_force() {
        assert!(is_due(None));
        assert!(is_due(Some("2020-01-v0")));
        assert!(!is_due(Some(CURRENT_VERSION)));
    }
}
