//! Texts of débats: the lists, the opening form, a debate's page (contributions, replies,
//! supports, propositions, the team's tools, the synthèse, the thread to votes and actions).

use super::typography::count;
use super::Lang;
use crate::model::debates::{DebateAudience, DebateSort, DebateStatus, Stance};

texts! {
    pub struct DebateTexts {
        link: &'static str { fr: "Débats", en: "Debates" }
        all_title: &'static str { fr: "Débats", en: "Debates" }
        all_intro: &'static str {
            fr: "Les débats de ta section, de ta fédération et de tes groupes, et les débats publics. On y contribue pour, contre ou en nuance, on y propose, et les propositions retenues sont mises au vote.",
            en: "The debates of your section, federation and groups, and public debates. Contribute for, against or with a nuance, propose, and the selected proposals are put to a vote.",
        }
        scope_title: fn(&str) -> String { fr: |name| format!("Débats — {name}"), en: |name| format!("Debates — {name}") }
        open_in: &'static str { fr: "Ouvrir ou proposer un débat\u{a0}:", en: "Open or propose a debate:" }
        my_section: &'static str { fr: "Dans ma section", en: "In my section" }
        my_federation: &'static str { fr: "Dans ma fédération", en: "In my federation" }
        list_empty: &'static str { fr: "Aucun débat pour l’instant.", en: "No debate yet." }
        older: &'static str { fr: "Débats plus anciens", en: "Older debates" }
        read_only: &'static str {
            fr: "Les débats sont ouverts par l’équipe\u{202f}; les adhérent·es confirmé·es peuvent en proposer.",
            en: "Debates are opened by the team; confirmed members may propose one.",
        }
        form_title: &'static str { fr: "Ouvrir un débat", en: "Open a debate" }
        propose_title: &'static str { fr: "Proposer un débat", en: "Propose a debate" }
        propose_hint: &'static str {
            fr: "Ton débat sera publié quand l’équipe l’aura validé.",
            en: "Your debate will be published once the team approves it.",
        }
        title_label: &'static str { fr: "Question", en: "Question" }
        description_label: &'static str { fr: "Présentation", en: "Presentation" }
        audience_label: &'static str { fr: "Qui peut le lire\u{202f}?", en: "Who may read it?" }
        audience: fn(DebateAudience) -> &'static str {
            fr: |a| match a {
                DebateAudience::Scope => "Les membres seulement",
                DebateAudience::Public => "Tout le monde (public)",
            },
            en: |a| match a {
                DebateAudience::Scope => "Members only",
                DebateAudience::Public => "Everyone (public)",
            },
        }
        opens_at_label: &'static str { fr: "Ouverture (vide\u{a0}: maintenant)", en: "Opening (empty: now)" }
        closes_at_label: &'static str { fr: "Clôture", en: "Closing" }
        time_hint: &'static str { fr: "Heure de Paris.", en: "Paris time." }
        open_submit: &'static str { fr: "Ouvrir le débat", en: "Open the debate" }
        propose_submit: &'static str { fr: "Proposer ce débat", en: "Propose this debate" }
        status: fn(DebateStatus) -> &'static str {
            fr: |s| match s {
                DebateStatus::Pending => "En attente de validation",
                DebateStatus::Upcoming => "À venir",
                DebateStatus::Open => "En cours",
                DebateStatus::Closed => "Clos",
            },
            en: |s| match s {
                DebateStatus::Pending => "Awaiting approval",
                DebateStatus::Upcoming => "Upcoming",
                DebateStatus::Open => "Open",
                DebateStatus::Closed => "Closed",
            },
        }
        window: fn(&str, &str) -> String {
            fr: |from, to| format!("Du {from} au {to}"),
            en: |from, to| format!("From {from} to {to}"),
        }
        counts: fn(i64, i64) -> String {
            fr: |c, p| format!("{} · {}", count(Lang::Fr, c, "contribution", "contributions"), count(Lang::Fr, p, "proposition", "propositions")),
            en: |c, p| format!("{} · {}", count(Lang::En, c, "contribution", "contributions"), count(Lang::En, p, "proposal", "proposals")),
        }
        opened_by: fn(&str) -> String { fr: |name| format!("Ouvert par {name}"), en: |name| format!("Opened by {name}") }
        pending_note: &'static str {
            fr: "Ce débat attend la validation de l’équipe\u{a0}: seul·es son auteur·e et l’équipe le voient.",
            en: "This debate awaits the team’s approval: only its author and the team see it.",
        }
        approve: &'static str { fr: "Valider et publier", en: "Approve and publish" }
        upcoming: fn(&str) -> String { fr: |when| format!("Ce débat ouvre le {when}."), en: |when| format!("This debate opens on {when}.") }
        closed_note: &'static str { fr: "Ce débat est clos.", en: "This debate is closed." }
        synthesis_title: &'static str { fr: "Synthèse", en: "Synthesis" }
        synthesis_label: &'static str { fr: "Synthèse du débat", en: "Synthesis of the debate" }
        synthesis_hint: &'static str {
            fr: "Publier la synthèse clôt le débat.",
            en: "Publishing the synthesis closes the debate.",
        }
        synthesis_submit: &'static str { fr: "Publier la synthèse et clore", en: "Publish the synthesis and close" }
        contributions_title: &'static str { fr: "Contributions", en: "Contributions" }
        sort_label: &'static str { fr: "Trier\u{a0}:", en: "Sort:" }
        sort: fn(DebateSort) -> &'static str {
            fr: |s| match s {
                DebateSort::Supports => "les plus soutenues",
                DebateSort::Date => "par date",
            },
            en: |s| match s {
                DebateSort::Supports => "most supported",
                DebateSort::Date => "by date",
            },
        }
        stance: fn(Stance) -> &'static str {
            fr: |s| match s {
                Stance::Pour => "Pour",
                Stance::Contre => "Contre",
                Stance::Nuance => "Nuance",
            },
            en: |s| match s {
                Stance::Pour => "For",
                Stance::Contre => "Against",
                Stance::Nuance => "Nuance",
            },
        }
        stance_label: &'static str { fr: "Ta position", en: "Your stance" }
        body_label: &'static str { fr: "Ta contribution", en: "Your contribution" }
        public_hint: &'static str {
            fr: "Ce débat est public\u{a0}: ta contribution, ta position et ton nom seront visibles de tous.",
            en: "This debate is public: your contribution, your stance and your name will be visible to everyone.",
        }
        contribute_submit: &'static str { fr: "Contribuer", en: "Contribute" }
        contributions_empty: &'static str { fr: "Aucune contribution pour l’instant.", en: "No contribution yet." }
        more_contributions: &'static str { fr: "Contributions suivantes", en: "More contributions" }
        pinned: &'static str { fr: "Épinglée", en: "Pinned" }
        pin: &'static str { fr: "Épingler", en: "Pin" }
        unpin: &'static str { fr: "Désépingler", en: "Unpin" }
        support: fn(i64, bool) -> String {
            fr: |n, mine| format!("+1 · {}{}", count(Lang::Fr, n, "soutien", "soutiens"), if mine { " (dont le tien)" } else { "" }),
            en: |n, mine| format!("+1 · {}{}", count(Lang::En, n, "support", "supports"), if mine { " (yours included)" } else { "" }),
        }
        support_aria: fn(bool) -> &'static str {
            fr: |mine| if mine { "Retirer mon soutien" } else { "Soutenir" },
            en: |mine| if mine { "Withdraw my support" } else { "Support" },
        }
        reply: &'static str { fr: "Répondre", en: "Reply" }
        reply_label: &'static str { fr: "Ta réponse", en: "Your reply" }
        reply_submit: &'static str { fr: "Envoyer la réponse", en: "Send the reply" }
        proposals_title: &'static str { fr: "Propositions", en: "Proposals" }
        proposals_empty: &'static str { fr: "Aucune proposition pour l’instant.", en: "No proposal yet." }
        proposal_title_label: &'static str { fr: "Ta proposition (titre)", en: "Your proposal (title)" }
        proposal_body_label: &'static str { fr: "Explique-la (facultatif)", en: "Explain it (optional)" }
        propose_submit_proposal: &'static str { fr: "Proposer", en: "Propose" }
        selected: &'static str { fr: "Retenue pour le vote", en: "Selected for the vote" }
        select: &'static str { fr: "Retenir pour le vote", en: "Select for the vote" }
        unselect: &'static str { fr: "Ne plus retenir", en: "Unselect" }
        merged_into: fn(&str) -> String {
            fr: |title| format!("Fusionnée dans «\u{202f}{title}\u{202f}»"),
            en: |title| format!("Merged into “{title}”"),
        }
        merge_label: &'static str { fr: "Fusionner dans", en: "Merge into" }
        merge_submit: &'static str { fr: "Fusionner", en: "Merge" }
        put_to_vote: &'static str { fr: "Mettre au vote les propositions retenues", en: "Put the selected proposals to a vote" }
        thread_title: &'static str { fr: "Du débat à l’action", en: "From debate to action" }
        thread_empty: &'static str {
            fr: "Ni vote ni action pour l’instant sur ce débat.",
            en: "No vote nor action from this debate yet.",
        }
        vote_status: fn(&str, &str) -> String {
            fr: |title, status| format!("Vote «\u{202f}{title}\u{202f}» — {status}"),
            en: |title, status| format!("Vote “{title}” — {status}"),
        }
        winners: fn(&str) -> String { fr: |w| format!("Retenu\u{a0}: {w}"), en: |w| format!("Chosen: {w}") }
        take_part_hint: &'static str {
            fr: "Les membres du territoire ou du groupe contribuent à ce débat.",
            en: "The members of the territory or group contribute to this debate.",
        }
    }
}
