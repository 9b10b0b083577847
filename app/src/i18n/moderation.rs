//! Texts of moderation: signaler, the queues, a case, a decision and its appeal, the journal,
//! the charter.

use super::typography::count;
use super::Lang;
use crate::model::moderation::{DecisionKind, ItemKind, ReportCategory};

texts! {
    pub struct ModerationTexts {
        report_link: &'static str { fr: "Signaler", en: "Report" }
        take_up: &'static str { fr: "Modérer", en: "Moderate" }
        report_title: fn(ItemKind) -> &'static str {
            fr: |k| match k {
                ItemKind::Post => "Signaler une publication",
                ItemKind::Comment => "Signaler un commentaire",
                ItemKind::Profile => "Signaler un profil",
                ItemKind::Group => "Signaler un groupe",
                ItemKind::Action => "Signaler une action",
                ItemKind::Message => "Signaler un message",
            },
            en: |k| match k {
                ItemKind::Post => "Report a post",
                ItemKind::Comment => "Report a comment",
                ItemKind::Profile => "Report a profile",
                ItemKind::Group => "Report a group",
                ItemKind::Action => "Report an action",
                ItemKind::Message => "Report a message",
            },
        }
        report_intro: &'static str {
            fr: "Dis-nous ce qui ne va pas\u{a0}: la modération de l’espace concerné examinera ton signalement au regard de la charte. La personne concernée ne saura pas que c’est toi.",
            en: "Tell us what is wrong: the moderators of the space concerned will examine your report against the charter. The person concerned will not know it was you.",
        }
        category_legend: &'static str { fr: "Pourquoi le signales-tu\u{202f}?", en: "Why are you reporting it?" }
        category: fn(ReportCategory) -> &'static str {
            fr: |c| match c {
                ReportCategory::Harassment => "Harcèlement ou insulte",
                ReportCategory::Hate => "Haine ou discrimination",
                ReportCategory::PersonalData => "Données personnelles exposées",
                ReportCategory::Spam => "Spam ou arnaque",
                ReportCategory::Misinformation => "Fausse information",
                ReportCategory::Other => "Autre",
            },
            en: |c| match c {
                ReportCategory::Harassment => "Harassment or insult",
                ReportCategory::Hate => "Hatred or discrimination",
                ReportCategory::PersonalData => "Personal data exposed",
                ReportCategory::Spam => "Spam or scam",
                ReportCategory::Misinformation => "False information",
                ReportCategory::Other => "Other",
            },
        }
        explanation_label: &'static str { fr: "Précisions (facultatif)", en: "Details (optional)" }
        explanation_hint: &'static str {
            fr: "Ce que la modération doit savoir. Elle ne le montre jamais à la personne concernée sous ton nom.",
            en: "What the moderators should know. They never show it to the person concerned under your name.",
        }
        report_submit: &'static str { fr: "Envoyer le signalement", en: "Send the report" }
        report_done: &'static str {
            fr: "Merci\u{a0}: ton signalement est transmis à la modération. Tu seras prévenu·e de sa décision.",
            en: "Thank you: your report was sent to the moderators. You will be told of their decision.",
        }
        report_already: &'static str {
            fr: "Tu as déjà signalé ceci\u{a0}: la modération l’examine. Tu seras prévenu·e de sa décision.",
            en: "You already reported this: the moderators are examining it. You will be told of their decision.",
        }
        back_to_item: &'static str { fr: "Revenir au contenu", en: "Back to the content" }
        item_kind: fn(ItemKind) -> &'static str {
            fr: |k| match k {
                ItemKind::Post => "Publication",
                ItemKind::Comment => "Commentaire",
                ItemKind::Profile => "Profil",
                ItemKind::Group => "Groupe",
                ItemKind::Action => "Action",
                ItemKind::Message => "Message privé",
            },
            en: |k| match k {
                ItemKind::Post => "Post",
                ItemKind::Comment => "Comment",
                ItemKind::Profile => "Profile",
                ItemKind::Group => "Group",
                ItemKind::Action => "Action",
                ItemKind::Message => "Private message",
            },
        }
        scope_name: fn(&str, &str) -> String {
            fr: |kind, name| match kind {
                "section" => format!("Section {name}"),
                "federation" => format!("Fédération {name}"),
                "group" => format!("Groupe {name}"),
                _ => "Équipe nationale".to_string(),
            },
            en: |kind, name| match kind {
                "section" => format!("Section {name}"),
                "federation" => format!("Federation {name}"),
                "group" => format!("Group {name}"),
                _ => "National team".to_string(),
            },
        }

        queues_title: &'static str { fr: "Modération", en: "Moderation" }
        queues_intro: &'static str {
            fr: "Les files des espaces que tu modères. Chaque décision cite un article de la charte, est motivée, et peut faire l’objet d’un appel devant le niveau au-dessus.",
            en: "The queues of the spaces you moderate. Each decision cites an article of the charter, gives its reason, and may be appealed to the level above.",
        }
        no_queues: &'static str { fr: "Tu ne modères aucun espace.", en: "You moderate no space." }
        waiting: fn(i64) -> String {
            fr: |n| count(Lang::Fr, n, "signalement en attente", "signalements en attente"),
            en: |n| count(Lang::En, n, "report waiting", "reports waiting"),
        }
        open_queue: &'static str { fr: "Ouvrir la file", en: "Open the queue" }
        journal_link: &'static str { fr: "Journal de modération", en: "Moderation log" }
        national_journal: &'static str { fr: "Journal de modération national", en: "National moderation log" }
        queue_empty: &'static str { fr: "Rien en attente. Merci\u{202f}!", en: "Nothing waiting. Thank you!" }
        appeals_title: &'static str { fr: "Appels à examiner", en: "Appeals to examine" }
        appeal_line: fn(DecisionKind) -> String {
            fr: |k| format!("Appel contre une décision «\u{202f}{}\u{202f}»", decision_fr(k)),
            en: |k| format!("Appeal against a “{}” decision", decision_en(k)),
        }
        cases_title: &'static str { fr: "Signalements", en: "Reports" }
        reports_count: fn(i64) -> String {
            fr: |n| count(Lang::Fr, n, "signalement", "signalements"),
            en: |n| count(Lang::En, n, "report", "reports"),
        }
        held_badge: &'static str { fr: "masqué en attendant", en: "held meanwhile" }
        examine: &'static str { fr: "Examiner", en: "Examine" }
        next_page: &'static str { fr: "Suivants", en: "Next" }

        case_title: &'static str { fr: "Examen d’un signalement", en: "Examining a report" }
        snapshot_title: &'static str { fr: "Le contenu signalé, tel qu’il était", en: "The reported content, as it was" }
        context_link: &'static str { fr: "Le voir dans son contexte", en: "See it in its context" }
        concerned_label: &'static str { fr: "Personne concernée", en: "Person concerned" }
        categories_title: &'static str { fr: "Motifs des signalements", en: "Reasons given" }
        explanations_title: &'static str { fr: "Précisions des personnes qui signalent (anonymes)", en: "Details from the reporters (anonymous)" }
        history_title: &'static str { fr: "Ses décisions précédentes dans cet espace", en: "Their earlier decisions in this space" }
        no_history: &'static str { fr: "Aucune.", en: "None." }
        decisions_title: &'static str { fr: "Décisions prises", en: "Decisions taken" }
        decide_title: &'static str { fr: "Décider", en: "Decide" }
        decision_label: &'static str { fr: "Décision", en: "Decision" }
        decision_kind: fn(DecisionKind) -> &'static str {
            fr: |k| decision_fr(k),
            en: |k| decision_en(k),
        }
        rule_label: &'static str { fr: "Article de la charte appliqué", en: "Article of the charter applied" }
        choose: &'static str { fr: "Choisir…", en: "Choose…" }
        reason_label: &'static str { fr: "Motif", en: "Reason" }
        reason_hint: &'static str {
            fr: "Expliqué à la personne concernée. Jamais publié dans le journal.",
            en: "Explained to the person concerned. Never published in the log.",
        }
        days_label: &'static str { fr: "Durée en jours (restriction, suspension)", en: "Duration in days (restriction, suspension)" }
        decide_submit: &'static str { fr: "Enregistrer la décision", en: "Record the decision" }
        decided_flash: &'static str {
            fr: "Décision enregistrée. La personne concernée et les personnes qui ont signalé sont prévenues.",
            en: "Decision recorded. The person concerned and the reporters were told.",
        }
        case_closed: &'static str { fr: "Ce signalement est traité.", en: "This report has been handled." }
        own_case: &'static str {
            fr: "Ce signalement te concerne\u{a0}: une autre personne de l’équipe décidera.",
            en: "This report concerns you: someone else on the team will decide.",
        }

        decision_title: &'static str { fr: "Décision de modération", en: "Moderation decision" }
        decided_on: fn(&str, &str) -> String {
            fr: |scope, at| format!("{scope}, le {at}"),
            en: |scope, at| format!("{scope}, on {at}"),
        }
        rule_cited: fn(&str, &str) -> String {
            fr: |n, title| format!("Article {n} de la charte\u{a0}: {title}"),
            en: |n, title| format!("Article {n} of the charter: {title}"),
        }
        until: fn(&str) -> String { fr: |at| format!("Jusqu’au {at}"), en: |at| format!("Until {at}") }
        appeal_title: &'static str { fr: "Faire appel", en: "Appeal" }
        appeal_intro: fn(&str) -> String {
            fr: |scope| format!("Une fois, et devant le niveau au-dessus ({scope})\u{a0}: une autre personne réexaminera la décision."),
            en: |scope| format!("Once, to the level above ({scope}): someone else will examine the decision again."),
        }
        appeal_label: &'static str { fr: "Pourquoi la décision te semble-t-elle injuste\u{202f}?", en: "Why does the decision seem unfair to you?" }
        appeal_submit: &'static str { fr: "Envoyer mon appel", en: "Send my appeal" }
        appeal_sent: &'static str { fr: "Ton appel est envoyé. Tu seras prévenu·e de la réponse.", en: "Your appeal was sent. You will be told of the answer." }
        appeal_pending: fn(&str) -> String {
            fr: |scope| format!("Appel en cours d’examen ({scope})."),
            en: |scope| format!("Appeal being examined ({scope})."),
        }
        appeal_text_title: &'static str { fr: "L’appel", en: "The appeal" }
        appeal_outcome_title: &'static str { fr: "Réponse à l’appel", en: "Answer to the appeal" }
        answer_title: &'static str { fr: "Répondre à l’appel", en: "Answer the appeal" }
        outcome_label: &'static str { fr: "Réponse", en: "Answer" }
        answer_submit: &'static str { fr: "Enregistrer la réponse", en: "Record the answer" }
        answered_flash: &'static str { fr: "Réponse enregistrée et transmise.", en: "Answer recorded and sent." }

        journal_title: fn(&str) -> String {
            fr: |scope| format!("Journal de modération — {scope}"),
            en: |scope| format!("Moderation log — {scope}"),
        }
        journal_intro: &'static str {
            fr: "Toutes les décisions de cet espace\u{a0}: la date, la décision, l’article de la charte et le type de contenu. Jamais le contenu masqué, jamais qui a signalé\u{202f}; le nom de la personne seulement pour une suspension.",
            en: "Every decision of this space: the date, the decision, the article of the charter and the type of content. Never the hidden content, never who reported; the person’s name only for a suspension.",
        }
        journal_empty: &'static str { fr: "Aucune décision pour l’instant.", en: "No decision yet." }
        stats_title: &'static str { fr: "En chiffres", en: "In figures" }
        stat_reports: fn(i64) -> String {
            fr: |n| count(Lang::Fr, n, "signalement reçu", "signalements reçus"),
            en: |n| count(Lang::En, n, "report received", "reports received"),
        }
        stat_open: fn(i64) -> String {
            fr: |n| count(Lang::Fr, n, "dossier en attente", "dossiers en attente"),
            en: |n| count(Lang::En, n, "case waiting", "cases waiting"),
        }
        stat_median: fn(i64) -> String {
            fr: |minutes| format!("Délai médian de décision\u{a0}: {}", duration_fr(minutes)),
            en: |minutes| format!("Median time to a decision: {}", duration_en(minutes)),
        }
        suspended_person: fn(&str) -> String { fr: |h| format!("compte @{h}"), en: |h| format!("account @{h}") }
        appeal_answer_of: &'static str { fr: "réponse à un appel", en: "answer to an appeal" }
        older: &'static str { fr: "Décisions plus anciennes", en: "Older decisions" }

        charter_title: &'static str { fr: "La charte de Coopol", en: "The Coopol charter" }
        footer_charter: &'static str { fr: "Charte", en: "Charter" }
        charter_intro: &'static str {
            fr: "Les règles que chacune et chacun accepte en rejoignant Coopol, et que la modération applique. Chaque décision cite l’un de ces articles, est motivée, et peut faire l’objet d’un appel.",
            en: "The rules everyone accepts when joining Coopol, and that moderators apply. Each decision cites one of these articles, gives its reason, and may be appealed.",
        }
        charter_version: fn(&str) -> String { fr: |v| format!("Version {v}"), en: |v| format!("Version {v}") }
        charter_due: &'static str {
            fr: "Tu n’as pas encore accepté cette version de la charte\u{a0}: lis-la, puis accepte-la.",
            en: "You have not accepted this version of the charter yet: read it, then accept it.",
        }
        charter_accept: &'static str { fr: "J’accepte la charte", en: "I accept the charter" }
        charter_banner: &'static str {
            fr: "La charte de Coopol a changé depuis ta dernière visite (ou tu ne l’as pas encore acceptée)\u{a0}: prends le temps de la lire.",
            en: "The Coopol charter has changed since your last visit (or you have not accepted it yet): take the time to read it.",
        }
        charter_banner_link: &'static str { fr: "Lire la charte", en: "Read the charter" }
        charter_accepted: fn(&str) -> String { fr: |at| format!("Tu l’as acceptée le {at}."), en: |at| format!("You accepted it on {at}.") }
        charter_done: &'static str { fr: "Merci\u{a0}: la charte est acceptée.", en: "Thank you: the charter is accepted." }
        procedure_title: &'static str { fr: "Comment la modération décide", en: "How moderators decide" }
        procedure: &'static str {
            fr: "Un signalement va à la modération de l’espace concerné\u{a0}: les admins d’un groupe, la modération et le ou la secrétaire d’une section, celles de la fédération, l’équipe nationale pour ce qui est public. Personne ne décide de ce qui le concerne. La décision est motivée et notifiée\u{202f}; on peut faire appel une fois, devant le niveau au-dessus. Chaque espace tient un journal public de ses décisions.",
            en: "A report goes to the moderators of the space concerned: a group’s admins, a section’s moderators and secretary, the federation’s, the national team for what is public. Nobody decides about themselves. The decision gives its reason and is notified; it may be appealed once, to the level above. Each space keeps a public log of its decisions.",
        }
    }
}

fn decision_fr(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::Dismiss => "Classer sans suite",
        DecisionKind::Hide => "Masquer le contenu",
        DecisionKind::Warn => "Avertir",
        DecisionKind::Restrict => "Restreindre dans cet espace",
        DecisionKind::Exclude => "Exclure du groupe",
        DecisionKind::Suspend => "Suspendre le compte",
        DecisionKind::Maintain => "Maintenir la décision",
        DecisionKind::Overturn => "Annuler la décision",
    }
}

fn decision_en(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::Dismiss => "Dismiss",
        DecisionKind::Hide => "Hide the content",
        DecisionKind::Warn => "Warn",
        DecisionKind::Restrict => "Restrict in this space",
        DecisionKind::Exclude => "Exclude from the group",
        DecisionKind::Suspend => "Suspend the account",
        DecisionKind::Maintain => "Uphold the decision",
        DecisionKind::Overturn => "Overturn the decision",
    }
}

fn duration_fr(minutes: i64) -> String {
    match minutes {
        m if m < 60 => count(Lang::Fr, m.max(1), "minute", "minutes"),
        m if m < 48 * 60 => count(Lang::Fr, m / 60, "heure", "heures"),
        m => count(Lang::Fr, m / (24 * 60), "jour", "jours"),
    }
}

fn duration_en(minutes: i64) -> String {
    match minutes {
        m if m < 60 => count(Lang::En, m.max(1), "minute", "minutes"),
        m if m < 48 * 60 => count(Lang::En, m / 60, "hour", "hours"),
        m => count(Lang::En, m / (24 * 60), "day", "days"),
    }
}
