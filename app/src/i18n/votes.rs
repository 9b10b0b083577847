//! Texts of votes: a scope's votes and the opening form, a vote's page (ballot, receipt,
//! participation, result, ballots to download), and the result's publication on the feed.

use super::typography::{count, format_number};
use super::Lang;
use crate::model::action::DecisionSource;
use crate::model::votes::{VoteKind, VoteResult, VoteStatus, YesNo};

texts! {
    pub struct VoteTexts {
        link: &'static str { fr: "Votes", en: "Votes" }
        page_title: fn(&str) -> String { fr: |name| format!("Votes — {name}"), en: |name| format!("Votes — {name}") }
        intro: &'static str {
            fr: "Consulte les adhérent·es\u{a0}: le corps électoral est fixé à l’ouverture (les adhérent·es confirmé·es à ce moment-là). Le vote est secret\u{a0}: personne, pas même l’équipe, ne peut savoir qui a voté quoi. Les résultats sont publiés à la clôture, sur le fil.",
            en: "Consult the members: the electorate is fixed at opening (the confirmed members at that moment). The ballot is secret: nobody, not even the team, can tell who voted what. Results are published at closing, on the feed.",
        }
        electorate_now: fn(i64) -> String {
            fr: |n| format!("Un vote ouvert maintenant compterait {}.", count(Lang::Fr, n, "inscrit·e", "inscrit·es")),
            en: |n| format!("A vote opened now would count {}.", count(Lang::En, n, "voter", "voters")),
        }
        read_only: &'static str {
            fr: "Les votes de l’équipe\u{a0}: seul·es les adhérent·es confirmé·es au moment de l’ouverture votent.",
            en: "The team’s votes: only the members confirmed when a vote opens may vote.",
        }
        form_title: &'static str { fr: "Ouvrir un vote", en: "Open a vote" }
        from_debate: &'static str { fr: "Les propositions retenues du débat", en: "The selected proposals of the debate" }
        title_label: &'static str { fr: "Question", en: "Question" }
        description_label: &'static str { fr: "Présentation (facultatif)", en: "Presentation (optional)" }
        kind_label: &'static str { fr: "Type de vote", en: "Kind of vote" }
        kind: fn(VoteKind) -> &'static str {
            fr: |k| match k {
                VoteKind::YesNo => "Oui, non ou abstention",
                VoteKind::OneOf => "Un choix parmi les options",
                VoteKind::SomeOf => "Plusieurs choix parmi les options",
                VoteKind::MajorityJudgment => "Jugement majoritaire (une mention pour chaque option)",
            },
            en: |k| match k {
                VoteKind::YesNo => "Yes, no or abstain",
                VoteKind::OneOf => "One choice among the options",
                VoteKind::SomeOf => "Several choices among the options",
                VoteKind::MajorityJudgment => "Majority judgment (a grade for each option)",
            },
        }
        options_label: &'static str { fr: "Options, une par ligne", en: "Options, one per line" }
        options_hint: &'static str {
            fr: "De 2 à 20. Inutile pour un vote oui / non.",
            en: "From 2 to 20. Not needed for a yes / no vote.",
        }
        max_choices_label: &'static str { fr: "Nombre de choix au plus (plusieurs choix)", en: "Choices at most (several choices)" }
        opens_at_label: &'static str { fr: "Ouverture (vide\u{a0}: maintenant)", en: "Opening (empty: now)" }
        closes_at_label: &'static str { fr: "Clôture", en: "Closing" }
        time_hint: &'static str { fr: "Heure de Paris.", en: "Paris time." }
        quorum_label: &'static str { fr: "Quorum en % des inscrit·es (facultatif)", en: "Quorum in % of voters (optional)" }
        open_submit: &'static str { fr: "Ouvrir le vote", en: "Open the vote" }
        list_title: &'static str { fr: "Les votes", en: "Votes" }
        list_empty: &'static str { fr: "Aucun vote pour l’instant.", en: "No vote yet." }
        older: &'static str { fr: "Votes plus anciens", en: "Older votes" }
        status: fn(VoteStatus) -> &'static str {
            fr: |s| match s {
                VoteStatus::Upcoming => "À venir",
                VoteStatus::Open => "En cours",
                VoteStatus::Closed { .. } => "Clos",
            },
            en: |s| match s {
                VoteStatus::Upcoming => "Upcoming",
                VoteStatus::Open => "Open",
                VoteStatus::Closed { .. } => "Closed",
            },
        }
        window: fn(&str, &str) -> String {
            fr: |opens, closes| format!("Du {opens} au {closes} (heure de Paris)"),
            en: |opens, closes| format!("From {opens} to {closes} (Paris time)"),
        }
        electorate: fn(i64) -> String {
            fr: |n| count(Lang::Fr, n, "inscrit·e", "inscrit·es"),
            en: |n| count(Lang::En, n, "voter", "voters"),
        }
        participation: fn(i64, i64) -> String {
            fr: |p, e| format!("{} sur {}", count(Lang::Fr, p, "votant·e", "votant·es"), count(Lang::Fr, e, "inscrit·e", "inscrit·es")),
            en: |p, e| format!("{} out of {}", count(Lang::En, p, "ballot", "ballots"), count(Lang::En, e, "voter", "voters")),
        }
        quorum: fn(i64) -> String {
            fr: |p| format!("Quorum\u{a0}: {p}\u{a0}% des inscrit·es."),
            en: |p| format!("Quorum: {p}% of voters."),
        }
        opened_by: fn(&str) -> String { fr: |name| format!("Ouvert par {name}"), en: |name| format!("Opened by {name}") }
        ballot_title: &'static str { fr: "Ton bulletin", en: "Your ballot" }
        not_elector: &'static str {
            fr: "Ce vote est réservé aux adhérent·es confirmé·es au moment de son ouverture\u{a0}: tu n’en fais pas partie.",
            en: "This vote is for the members confirmed when it opened: you are not one of them.",
        }
        voted: &'static str {
            fr: "Tu as voté. Ton bulletin est compté sans ton nom\u{a0}: personne ne peut savoir ce que tu as voté.",
            en: "You have voted. Your ballot is counted without your name: nobody can tell what you voted.",
        }
        upcoming: fn(&str) -> String { fr: |when| format!("Ce vote ouvre le {when}."), en: |when| format!("This vote opens on {when}.") }
        receipt_title: &'static str { fr: "Ton vote est enregistré. Voici ton reçu\u{a0}:", en: "Your vote is recorded. Here is your receipt:" }
        receipt_text: &'static str {
            fr: "Note ce code. Après la clôture, tu le retrouveras dans la liste publiée des bulletins, avec ton choix. Il n’est pas gardé avec ton nom\u{a0}: Coopol ne pourra pas te le redonner.",
            en: "Write this code down. After closing you will find it in the published list of ballots, with your choice. It is not kept with your name: Coopol cannot give it to you again.",
        }
        submit: &'static str { fr: "Voter", en: "Vote" }
        blank: &'static str { fr: "Vote blanc", en: "Blank vote" }
        answer: fn(YesNo) -> &'static str {
            fr: |a| match a { YesNo::Yes => "Oui", YesNo::No => "Non", YesNo::Abstain => "Abstention" },
            en: |a| match a { YesNo::Yes => "Yes", YesNo::No => "No", YesNo::Abstain => "Abstain" },
        }
        choose_one: &'static str { fr: "Choisis une option.", en: "Choose one option." }
        choose_up_to: fn(usize) -> String {
            fr: |k| format!("Choisis jusqu’à {k}\u{a0}options."),
            en: |k| format!("Choose up to {k} options."),
        }
        grades_hint: &'static str {
            fr: "Donne une mention à chaque option. L’option qui l’emporte est celle dont la mention majoritaire (celle qu’au moins la moitié des votant·es lui donnent, ou mieux) est la meilleure.",
            en: "Give every option a grade. The winner is the option whose majority grade (the one at least half of the voters give it, or better) is the best.",
        }
        grade: fn(usize) -> &'static str {
            fr: |g| ["À rejeter", "Insuffisant", "Passable", "Assez bien", "Bien", "Très bien", "Excellent"].get(g).copied().unwrap_or(""),
            en: |g| ["Reject", "Poor", "Fair", "Acceptable", "Good", "Very good", "Excellent"].get(g).copied().unwrap_or(""),
        }
        results_title: &'static str { fr: "Résultat", en: "Result" }
        results_later: fn(&str) -> String {
            fr: |when| format!("Le résultat sera publié à la clôture, le {when}."),
            en: |when| format!("The result will be published at closing, on {when}."),
        }
        quorum_missed: &'static str {
            fr: "Quorum non atteint\u{a0}: ce résultat n’est pas valable.",
            en: "Quorum not reached: this result does not stand.",
        }
        outcome: fn(&VoteResult, &[String]) -> String {
            fr: |result, options| outcome(Lang::Fr, result, options),
            en: |result, options| outcome(Lang::En, result, options),
        }
        votes_for: fn(u64) -> String {
            fr: |n| count(Lang::Fr, n as i64, "voix", "voix"),
            en: |n| count(Lang::En, n as i64, "vote", "votes"),
        }
        blank_count: fn(u64) -> String {
            fr: |n| count(Lang::Fr, n as i64, "vote blanc", "votes blancs"),
            en: |n| count(Lang::En, n as i64, "blank vote", "blank votes"),
        }
        majority_grade: &'static str { fr: "Mention majoritaire", en: "Majority grade" }
        rank: fn(usize) -> String {
            fr: |r| if r == 0 { "1re".to_string() } else { format!("{}e", r + 1) },
            en: |r| match r + 1 { 1 => "1st".into(), 2 => "2nd".into(), 3 => "3rd".into(), n => format!("{n}th") },
        }
        option_column: &'static str { fr: "Option", en: "Option" }
        votes_column: &'static str { fr: "Voix", en: "Votes" }
        rank_column: &'static str { fr: "Rang", en: "Rank" }
        download: &'static str { fr: "Télécharger les bulletins (CSV)", en: "Download the ballots (CSV)" }
        download_hint: &'static str {
            fr: "Une ligne par bulletin\u{a0}: le reçu et le choix, de quoi recompter. Le choix est «\u{202f}oui\u{202f}», «\u{202f}non\u{202f}» ou «\u{202f}abstention\u{202f}»\u{202f}; les numéros des options choisies, ou «\u{202f}blanc\u{202f}»\u{202f}; pour le jugement majoritaire, une mention par option, de 0 (à rejeter) à 6 (excellent).",
            en: "One line per ballot: the receipt and the choice, to recount. The choice is “oui”, “non” or “abstention”; the numbers of the options chosen, or “blanc”; for majority judgment, one grade per option, from 0 (reject) to 6 (excellent).",
        }
        decided_by: fn(DecisionSource, &str, &str) -> String {
            fr: |by, date, title| match by {
                DecisionSource::Vote => format!("Décidé le {date} par le vote «\u{202f}{title}\u{202f}»"),
                DecisionSource::Debate => format!("Décidé le {date} par le débat «\u{202f}{title}\u{202f}»"),
            },
            en: |by, date, title| match by {
                DecisionSource::Vote => format!("Decided on {date} by the vote “{title}”"),
                DecisionSource::Debate => format!("Decided on {date} by the debate “{title}”"),
            },
        }
        decision_note: fn(DecisionSource, &str, &str) -> String {
            fr: |by, title, date| match by {
                DecisionSource::Vote => format!("Cette action met en œuvre le vote «\u{202f}{title}\u{202f}», décidé le {date}."),
                DecisionSource::Debate => format!("Cette action met en œuvre le débat «\u{202f}{title}\u{202f}», conclu le {date}."),
            },
            en: |by, title, date| match by {
                DecisionSource::Vote => format!("This action carries out the vote “{title}”, decided on {date}."),
                DecisionSource::Debate => format!("This action carries out the debate “{title}”, concluded on {date}."),
            },
        }
        decisions_title: &'static str { fr: "Mise en œuvre", en: "Carrying it out" }
        decisions_hint: &'static str {
            fr: "Transforme la décision en action de terrain\u{a0}: le formulaire part de l’option choisie.",
            en: "Turn the decision into a field action: the form starts from the chosen option.",
        }
        organize: fn(&str) -> String {
            fr: |option| format!("Organiser une action\u{a0}: {option}"),
            en: |option| format!("Organise an action: {option}"),
        }
        decided_empty: &'static str { fr: "Aucune action décidée pour l’instant.", en: "No action decided yet." }
        decided_report: fn(i64, i64, i64, i64, i64) -> String {
            fr: |present, tracts, doors, conversations, calls| format!(
                "Compte-rendu\u{a0}: {}, {}, {}, {}, {}.",
                count(Lang::Fr, present, "présent·e", "présent·es"),
                count(Lang::Fr, tracts, "tract", "tracts"),
                count(Lang::Fr, doors, "porte frappée", "portes frappées"),
                count(Lang::Fr, conversations, "conversation", "conversations"),
                count(Lang::Fr, calls, "appel", "appels"),
            ),
            en: |present, tracts, doors, conversations, calls| format!(
                "Report: {}, {}, {}, {}, {}.",
                count(Lang::En, present, "present", "present"),
                count(Lang::En, tracts, "leaflet", "leaflets"),
                count(Lang::En, doors, "door knocked", "doors knocked"),
                count(Lang::En, conversations, "conversation", "conversations"),
                count(Lang::En, calls, "call", "calls"),
            ),
        }
        no_report_yet: &'static str { fr: "Compte-rendu pas encore écrit.", en: "No report yet." }
        close_early: &'static str { fr: "Clore le vote maintenant (tout le monde a voté)", en: "Close the vote now (everyone has voted)" }
        result_post: fn(&str, &VoteResult, &[String], i64, i64, Option<i64>, &str) -> String {
            fr: |title, result, options, ballots, electorate, quorum, link| result_post(Lang::Fr, title, result, options, ballots, electorate, quorum, link),
            en: |title, result, options, ballots, electorate, quorum, link| result_post(Lang::En, title, result, options, ballots, electorate, quorum, link),
        }
    }
}

/// The result in one sentence: adopted or not; the option(s) in the lead.
fn outcome(lang: Lang, result: &VoteResult, options: &[String]) -> String {
    let fr = lang == Lang::Fr;
    let quoted = |i: &usize| {
        let label = options.get(*i).cloned().unwrap_or_default();
        if fr {
            format!("«\u{202f}{label}\u{202f}»")
        } else {
            format!("“{label}”")
        }
    };
    let winners = result.winners();
    match (result, winners.as_slice()) {
        (VoteResult::YesNo { yes, no, abstain }, w) => {
            let verdict = match (w, fr) {
                ([0], true) => "Adopté",
                ([0], false) => "Adopted",
                ([_], true) => "Rejeté",
                ([_], false) => "Rejected",
                (_, true) => "Égalité, non adopté",
                (_, false) => "Tie, not adopted",
            };
            if fr {
                format!(
                    "{verdict}\u{a0}: {} oui, {} non, {}.",
                    format_number(lang, *yes as i64),
                    format_number(lang, *no as i64),
                    count(lang, *abstain as i64, "abstention", "abstentions")
                )
            } else {
                format!(
                    "{verdict}: {} yes, {} no, {}.",
                    format_number(lang, *yes as i64),
                    format_number(lang, *no as i64),
                    count(lang, *abstain as i64, "abstention", "abstentions")
                )
            }
        }
        (_, []) => {
            if fr {
                "Aucun bulletin exprimé.".into()
            } else {
                "No ballot cast.".into()
            }
        }
        (_, [one]) => {
            if fr {
                format!("En tête\u{a0}: {}.", quoted(one))
            } else {
                format!("In the lead: {}.", quoted(one))
            }
        }
        (_, many) => {
            let names = many.iter().map(quoted).collect::<Vec<_>>().join(if fr { " et " } else { " and " });
            if fr {
                format!("Égalité en tête\u{a0}: {names}.")
            } else {
                format!("Tie in the lead: {names}.")
            }
        }
    }
}

/// The publication on the scope's feed at closing (its text is the author's, in Markdown).
#[allow(clippy::too_many_arguments)]
fn result_post(
    lang: Lang,
    title: &str,
    result: &VoteResult,
    options: &[String],
    ballots: i64,
    electorate: i64,
    quorum: Option<i64>,
    link: &str,
) -> String {
    let met = crate::model::votes::quorum_met(ballots as u64, electorate as u64, quorum);
    if lang == Lang::Fr {
        format!(
            "**Résultat du vote «\u{202f}{title}\u{202f}»**\n\n{}{}\n\n{} sur {}.\n\n[Le détail et les bulletins]({link})",
            outcome(lang, result, options),
            if met { "" } else { " Quorum non atteint\u{a0}: ce résultat n’est pas valable." },
            count(lang, ballots, "bulletin", "bulletins"),
            count(lang, electorate, "inscrit·e", "inscrit·es"),
        )
    } else {
        format!(
            "**Result of the vote “{title}”**\n\n{}{}\n\n{} out of {}.\n\n[Details and ballots]({link})",
            outcome(lang, result, options),
            if met { "" } else { " Quorum not reached: this result does not stand." },
            count(lang, ballots, "ballot", "ballots"),
            count(lang, electorate, "voter", "voters"),
        )
    }
}
