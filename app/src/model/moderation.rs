//! Moderation with due process: what can be reported and why, the decisions a moderator takes,
//! the charter they cite, the scopes that decide, and what the queue, a case, a decision and the
//! journal show. Parsed forms are in `commands::moderation`.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

string_enum! {
    /// What a report is about.
    pub enum ItemKind {
        Post = "post",
        Comment = "comment",
        Profile = "profile",
        Group = "group",
        Action = "action",
        /// A private message: moderators see it alone (its snapshot), never its conversation.
        Message = "message",
    }
}

impl ItemKind {
    /// The word in addresses (`/signaler/publication/12`).
    pub fn slug(self) -> &'static str {
        match self {
            ItemKind::Post => "publication",
            ItemKind::Comment => "commentaire",
            ItemKind::Profile => "profil",
            ItemKind::Group => "groupe",
            ItemKind::Action => "action",
            ItemKind::Message => "message",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ItemKind> {
        ItemKind::ALL.iter().copied().find(|k| k.slug() == slug)
    }

    /// Publications and comments can be hidden (masqués); the rest is dealt with through its author.
    pub fn can_be_hidden(self) -> bool {
        matches!(self, ItemKind::Post | ItemKind::Comment)
    }
}

string_enum! {
    /// Why something is reported.
    pub enum ReportCategory {
        Harassment = "harassment",
        Hate = "hate",
        PersonalData = "personal_data",
        Spam = "spam",
        Misinformation = "misinformation",
        Other = "other",
    }
}

string_enum! {
    /// What a moderator decides. `Maintain` and `Overturn` answer an appeal.
    pub enum DecisionKind {
        Dismiss = "dismiss",
        Hide = "hide",
        Warn = "warn",
        Restrict = "restrict",
        Exclude = "exclude",
        Suspend = "suspend",
        Maintain = "maintain",
        Overturn = "overturn",
    }
}

impl DecisionKind {
    /// Decisions that last a number of days.
    pub fn has_duration(self) -> bool {
        matches!(self, DecisionKind::Restrict | DecisionKind::Suspend)
    }

    /// Decisions that sanction the person concerned: they are told, and may appeal.
    pub fn is_sanction(self) -> bool {
        matches!(self, DecisionKind::Hide | DecisionKind::Warn | DecisionKind::Restrict | DecisionKind::Exclude | DecisionKind::Suspend)
    }

    /// The first decisions a moderator may take on a case of `item` in `scope`.
    pub fn available(item: ItemKind, scope: &ModerationScope) -> Vec<DecisionKind> {
        let mut kinds = vec![DecisionKind::Dismiss];
        if item.can_be_hidden() {
            kinds.push(DecisionKind::Hide);
        }
        kinds.extend([DecisionKind::Warn, DecisionKind::Restrict]);
        if matches!(scope, ModerationScope::Group(_)) {
            kinds.push(DecisionKind::Exclude);
        }
        if *scope == ModerationScope::National {
            kinds.push(DecisionKind::Suspend);
        }
        kinds
    }
}

/// Who decides: a group's admins, a section's moderators (its secretary included), a federation's,
/// or the national moderators. Stored as (kind, code) like the audit log's scopes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ModerationScope {
    Group(i64),
    Section(i64),
    Federation(String),
    National,
}

impl ModerationScope {
    pub fn kind(&self) -> &'static str {
        match self {
            ModerationScope::Group(_) => "group",
            ModerationScope::Section(_) => "section",
            ModerationScope::Federation(_) => "federation",
            ModerationScope::National => "national",
        }
    }

    pub fn code(&self) -> String {
        match self {
            ModerationScope::Group(id) | ModerationScope::Section(id) => id.to_string(),
            ModerationScope::Federation(code) => code.clone(),
            ModerationScope::National => String::new(),
        }
    }

    pub fn from_db(kind: &str, code: &str) -> Option<ModerationScope> {
        match kind {
            "group" => code.parse().ok().map(ModerationScope::Group),
            "section" => code.parse().ok().map(ModerationScope::Section),
            "federation" => Some(ModerationScope::Federation(code.to_string())),
            "national" => Some(ModerationScope::National),
            _ => None,
        }
    }
}

/// A scope as pages show and address it: `/moderation/{key}` (`national`, `federation-59`,
/// `section-lille`, `groupe-velo`), with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeLabel {
    pub key: String,
    pub kind: String,
    pub name: String,
}

/// A scope key from an address: (kind, slug or code).
pub fn parse_scope_key(key: &str) -> Option<(&'static str, &str)> {
    if key == "national" {
        return Some(("national", ""));
    }
    let (prefix, rest) = key.split_once('-')?;
    let kind = match prefix {
        "federation" => "federation",
        "section" => "section",
        "groupe" => "group",
        _ => return None,
    };
    (!rest.is_empty()).then_some((kind, rest))
}

/// The scope key of a scope whose slug (section, group) or code (federation) is known.
pub fn scope_key(kind: &str, slug_or_code: &str) -> String {
    match kind {
        "national" => "national".to_string(),
        "group" => format!("groupe-{slug_or_code}"),
        other => format!("{other}-{slug_or_code}"),
    }
}

/// The longest explanation of a report, reason of a decision or text of an appeal.
pub const MAX_EXPLANATION_CHARS: usize = 1000;
pub const MAX_REASON_CHARS: usize = 1000;
pub const MAX_APPEAL_CHARS: usize = 2000;
/// Restrictions and suspensions last 1 to 365 days.
pub const MAX_DURATION_DAYS: i64 = 365;

// ---- The charter --------------------------------------------------------------------------------

/// The charter's version in force: accepted at sign-up, asked again when it changes.
pub const CHARTER_VERSION: &str = "2026-12-v1";

/// One article: its number (what decisions cite), title and text, French and English.
pub struct Article {
    pub number: &'static str,
    pub title_fr: &'static str,
    pub title_en: &'static str,
    pub text_fr: &'static str,
    pub text_en: &'static str,
}

/// The articles of the version in force. A change of wording is a new version (`CHARTER_VERSION`)
/// and everyone accepts it again; numbers are never reused for another rule.
pub const ARTICLES: &[Article] = &[
    Article {
        number: "1",
        title_fr: "Respecter les personnes",
        title_en: "Respect people",
        text_fr: "Pas de harcèlement, d’insulte, de menace ni d’attaque personnelle. On débat des idées, pas des personnes.",
        text_en: "No harassment, insults, threats or personal attacks. We debate ideas, not people.",
    },
    Article {
        number: "2",
        title_fr: "Refuser la haine et les discriminations",
        title_en: "Refuse hatred and discrimination",
        text_fr: "Aucun propos raciste, antisémite, sexiste, homophobe, transphobe, validiste ou visant une religion ou une origine.",
        text_en: "No racist, antisemitic, sexist, homophobic, transphobic or ableist words, nor any aimed at a religion or an origin.",
    },
    Article {
        number: "3",
        title_fr: "Protéger la vie privée",
        title_en: "Protect privacy",
        text_fr:
            "Ne publie pas l’adresse, le téléphone, le lieu de travail ni aucune donnée personnelle d’une autre personne sans son accord.",
        text_en: "Do not publish another person’s address, phone number, workplace or any personal data without their agreement.",
    },
    Article {
        number: "4",
        title_fr: "Pas de spam ni d’arnaque",
        title_en: "No spam or scams",
        text_fr: "Pas de publicité, de messages répétés, de collecte d’argent non autorisée ni de lien piégé.",
        text_en: "No advertising, repeated messages, unauthorized fundraising or malicious links.",
    },
    Article {
        number: "5",
        title_fr: "Informer loyalement",
        title_en: "Inform honestly",
        text_fr: "Ne diffuse pas sciemment de fausse information\u{a0}; cite tes sources quand tu avances un fait.",
        text_en: "Do not knowingly spread false information; cite your sources when you state a fact.",
    },
    Article {
        number: "6",
        title_fr: "Respecter la loi",
        title_en: "Respect the law",
        text_fr: "Pas d’appel à la violence, d’apologie de crime, de diffamation ni de contenu illégal.",
        text_en: "No calls to violence, glorification of crime, defamation or illegal content.",
    },
    Article {
        number: "7",
        title_fr: "Débattre librement",
        title_en: "Debate freely",
        text_fr:
            "La contradiction est bienvenue\u{a0}: la modération ne sanctionne jamais une opinion, seulement la manière de l’exprimer.",
        text_en: "Disagreement is welcome: moderation never sanctions an opinion, only the way it is expressed.",
    },
];

/// The article `number` of the charter in force.
pub fn article(number: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.number == number)
}

impl Article {
    pub fn title(&self, lang: Lang) -> &'static str {
        if lang == Lang::En {
            self.title_en
        } else {
            self.title_fr
        }
    }

    pub fn text(&self, lang: Lang) -> &'static str {
        if lang == Lang::En {
            self.text_en
        } else {
            self.text_fr
        }
    }
}

/// Whether someone whose accepted charter has `version` must accept it again.
pub fn charter_due(version: Option<&str>) -> bool {
    version != Some(CHARTER_VERSION)
}

// ---- What pages show -----------------------------------------------------------------------------

/// The item a report form is about: enough for the reporter to recognise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTarget {
    pub kind: ItemKind,
    /// What names it in the address: its number, a profile's handle, a group's slug.
    pub key: String,
    /// A short excerpt (plain text) or the name of the profile, group or action.
    pub excerpt: String,
    pub link: String,
    /// This person reported it already.
    pub already: bool,
}

/// One line of a queue: an open case, or an appeal waiting for the scope above.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub case_id: i64,
    pub item_kind: ItemKind,
    pub excerpt: String,
    pub report_count: i64,
    pub opened_ms: i64,
    pub auto_hidden: bool,
    /// Set when this line is an appeal of that decision.
    pub appeal_of: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    pub scope: ScopeLabel,
    pub items: Vec<QueueItem>,
    /// Keyset cursor of the next page: (opened_at, case id).
    pub next: Option<(i64, i64)>,
    /// Appeals waiting for this scope (decisions of the scopes below).
    pub appeals: Vec<AppealItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppealItem {
    pub decision_id: i64,
    pub item_kind: ItemKind,
    pub kind: DecisionKind,
    pub appealed_ms: i64,
}

/// The queues a person moderates, with how many cases wait in each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyQueues {
    pub queues: Vec<(ScopeLabel, i64)>,
}

/// A case as its moderators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: i64,
    pub item_kind: ItemKind,
    pub scope: ScopeLabel,
    pub open: bool,
    /// The content as it was reported (plain text).
    pub snapshot: String,
    pub context_link: String,
    pub concerned_handle: Option<String>,
    pub concerned_name: Option<String>,
    pub auto_hidden: bool,
    pub opened_ms: i64,
    /// Reports by category (never who made them).
    pub by_category: Vec<(ReportCategory, i64)>,
    /// The reporters' explanations, without their names.
    pub explanations: Vec<String>,
    /// The person's earlier decisions in this scope, newest first.
    pub history: Vec<DecisionLine>,
    /// Decisions taken on this case, oldest first.
    pub decisions: Vec<DecisionLine>,
    pub available: Vec<DecisionKind>,
}

/// A decision in a list (a case's history, the journal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionLine {
    pub id: i64,
    pub kind: DecisionKind,
    pub item_kind: ItemKind,
    pub rule: String,
    pub decided_ms: i64,
    pub ends_ms: Option<i64>,
    pub scope_name: String,
    /// The handle of a suspended person (journal: for suspensions only).
    pub suspended_handle: Option<String>,
    /// Set when this decision answers an appeal of that one.
    pub appeal_of: Option<i64>,
}

/// A decision as the person concerned (and moderators of the scope and above) see it, with the
/// appeal: its state and, when open to them, the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    pub id: i64,
    pub kind: DecisionKind,
    pub item_kind: ItemKind,
    pub rule: String,
    pub reason: String,
    pub decided_ms: i64,
    pub ends_ms: Option<i64>,
    pub scope: ScopeLabel,
    pub snapshot: Option<String>,
    pub context_link: Option<String>,
    pub appeal: Option<AppealView>,
    /// The viewer may appeal (the person concerned, once, for a sanction).
    pub can_appeal: bool,
    /// The viewer may decide the appeal (a moderator of the scope above who did not decide first).
    pub can_decide_appeal: bool,
    /// The scope above, which decides an appeal.
    pub appeal_scope: Option<ScopeLabel>,
    /// What the viewer is: the person concerned sees the reason; a reporter the outcome only.
    pub viewer_is_concerned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppealView {
    pub text: String,
    pub appealed_ms: i64,
    pub outcome: Option<DecisionLine>,
    /// The outcome's reason (to the person concerned and moderators).
    pub outcome_reason: Option<String>,
}

/// The journal de modération of a scope, with its statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalPage {
    pub scope: ScopeLabel,
    pub entries: Vec<DecisionLine>,
    pub next_before: Option<i64>,
    pub stats: ScopeStats,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeStats {
    pub reports_received: i64,
    pub open_cases: i64,
    /// Median time from the first report to the decision, over decided cases.
    pub median_decision_ms: Option<i64>,
    pub by_kind: Vec<(DecisionKind, i64)>,
}

/// The charter page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharterView {
    pub version: String,
    /// The viewer is signed in and has not accepted this version.
    pub due: bool,
    pub accepted_ms: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_keys_round_trip() {
        assert_eq!(parse_scope_key("national"), Some(("national", "")));
        assert_eq!(parse_scope_key("section-lille-centre"), Some(("section", "lille-centre")));
        assert_eq!(parse_scope_key("federation-2A"), Some(("federation", "2A")));
        assert_eq!(parse_scope_key("groupe-velo"), Some(("group", "velo")));
        assert_eq!(parse_scope_key("section-"), None);
        assert_eq!(parse_scope_key("autre-x"), None);
        assert_eq!(scope_key("group", "velo"), "groupe-velo");
        for kind in
            [ModerationScope::Group(3), ModerationScope::Section(4), ModerationScope::Federation("59".into()), ModerationScope::National]
        {
            assert_eq!(ModerationScope::from_db(kind.kind(), &kind.code()), Some(kind));
        }
    }

    #[test]
    fn the_decisions_of_each_scope() {
        let section = DecisionKind::available(ItemKind::Comment, &ModerationScope::Section(1));
        assert!(
            section.contains(&DecisionKind::Hide) && !section.contains(&DecisionKind::Suspend) && !section.contains(&DecisionKind::Exclude)
        );
        assert!(DecisionKind::available(ItemKind::Post, &ModerationScope::Group(1)).contains(&DecisionKind::Exclude));
        assert!(DecisionKind::available(ItemKind::Profile, &ModerationScope::National).contains(&DecisionKind::Suspend));
        assert!(!DecisionKind::available(ItemKind::Profile, &ModerationScope::National).contains(&DecisionKind::Hide));
    }

    #[test]
    fn articles_are_numbered_once() {
        let mut numbers: Vec<&str> = ARTICLES.iter().map(|a| a.number).collect();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers.len(), ARTICLES.len());
        assert!(article("3").is_some_and(|a| a.text(Lang::Fr).contains("adresse")));
        assert!(charter_due(None) && !charter_due(Some(CHARTER_VERSION)));
    }
}
