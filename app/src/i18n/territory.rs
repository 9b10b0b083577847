//! Texts of the territory pages: fédérations, sections, "trouver ma section", roles, journal.

use super::typography::count;
use super::Lang;
use crate::model::territory::{Role, ScopeRef};

texts! {
    pub struct TerritoryTexts {
        nav_find_section: &'static str { fr: "Trouver ma section", en: "Find my section" }
        nav_my_section: &'static str { fr: "Ma section", en: "My section" }
        nav_federations: &'static str { fr: "Fédérations", en: "Federations" }

        find_title: &'static str { fr: "Trouver ma section", en: "Find my section" }
        find_intro: &'static str {
            fr: "Indique ton code postal\u{a0}: nous te disons quelle section agit dans ta commune, ou quelle fédération t’accueille.",
            en: "Type your postal code: we tell you which section is active in your commune, or which federation welcomes you.",
        }
        find_submit: &'static str { fr: "Chercher", en: "Search" }
        find_invalid: &'static str {
            fr: "Un code postal français a 5 chiffres (exemple\u{a0}: 59000). Vérifie ce que tu as tapé.",
            en: "A French postal code has 5 digits (example: 59000). Check what you typed.",
        }
        find_unknown: &'static str {
            fr: "Aucune commune n’a ce code postal. Vérifie-le, ou cherche avec le code postal de la mairie.",
            en: "No commune has this postal code. Check it, or use your town hall's postal code.",
        }
        find_section: &'static str { fr: "Section", en: "Section" }
        find_no_section: fn(&str) -> String {
            fr: |fed| format!("Pas encore de section ici\u{a0}: la fédération {fed} t’accueille."),
            en: |fed| format!("No section here yet: the {fed} federation welcomes you."),
        }
        find_join: &'static str { fr: "Rejoindre Coopol", en: "Join Coopol" }

        federations_title: &'static str { fr: "Les fédérations", en: "Federations" }
        federation_label: fn(&str, &str) -> String {
            fr: |code, region| format!("Fédération {code} · {region}"),
            en: |code, region| format!("Federation {code} · {region}"),
        }
        /// A federation named as an organizer: (département name, code).
        federation_name: fn(&str, &str) -> String {
            fr: |name, code| format!("Fédération {name} ({code})"),
            en: |name, code| format!("{name} federation ({code})"),
        }
        sections: &'static str { fr: "Sections", en: "Sections" }
        no_sections: &'static str { fr: "Aucune section pour l’instant.", en: "No section yet." }
        federation_officers: &'static str { fr: "Responsables fédéraux", en: "Federation officers" }
        no_officers: &'static str { fr: "Pas encore de responsable désigné.", en: "No officer named yet." }
        counts: fn(i64, i64) -> String {
            fr: |a, s| format!("{} · {}", count(Lang::Fr, a, "adhérent·e", "adhérent·es"), count(Lang::Fr, s, "sympathisant·e", "sympathisant·es")),
            en: |a, s| format!("{} · {}", count(Lang::En, a, "member", "members"), count(Lang::En, s, "sympathiser", "sympathisers")),
        }
        communes_count: fn(i64) -> String { fr: |n| count(Lang::Fr, n, "commune", "communes"), en: |n| count(Lang::En, n, "commune", "communes") }

        new_section: &'static str { fr: "Créer une section", en: "Create a section" }
        new_section_title: fn(&str) -> String { fr: |fed| format!("Nouvelle section — {fed}"), en: |fed| format!("New section — {fed}") }
        section_name: &'static str { fr: "Nom de la section", en: "Section name" }
        section_slug: &'static str { fr: "Adresse (facultatif)", en: "Address (optional)" }
        section_slug_hint: &'static str {
            fr: "Dans l’adresse de la page\u{a0}: lettres minuscules, chiffres et tirets. Laisse vide pour la déduire du nom.",
            en: "In the page address: lower-case letters, digits and dashes. Leave empty to derive it from the name.",
        }
        section_description: &'static str { fr: "Description", en: "Description" }
        section_communes: &'static str { fr: "Communes couvertes", en: "Communes covered" }
        section_communes_hint: &'static str {
            fr: "Une par ligne\u{a0}: le nom (Lille), «\u{202f}Nom (code INSEE)\u{202f}» si plusieurs communes portent ce nom, ou un code postal qui ne désigne qu’une commune.",
            en: "One per line: the name (Lille), “Name (INSEE code)” when several communes share it, or a postal code naming a single commune.",
        }
        create_section: &'static str { fr: "Créer la section", en: "Create the section" }

        section_of: fn(&str) -> String {
            fr: |fed| format!("Section de la fédération {fed}"),
            en: |fed| format!("Section of the {fed} federation"),
        }
        my_section_badge: &'static str { fr: "C’est ta section", en: "Your section" }
        communes_covered: &'static str { fr: "Communes couvertes", en: "Communes covered" }
        section_team: &'static str { fr: "Équipe d’animation", en: "Team" }
        directory: &'static str { fr: "Annuaire des membres", en: "Member directory" }
        directory_hint: &'static str {
            fr: "Réservé aux adhérent·es de la section et à son équipe. Chacun·e choisit ce que les autres voient de son profil.",
            en: "For the section's confirmed members and its team. Everyone chooses what others see of their profile.",
        }
        directory_empty: &'static str { fr: "Personne dans l’annuaire pour l’instant.", en: "Nobody in the directory yet." }
        directory_members_only: &'static str {
            fr: "L’annuaire est réservé aux adhérent·es confirmé·es de la section.",
            en: "The directory is for the section's confirmed members.",
        }
        directory_all: &'static str { fr: "Tout l’annuaire, avec la recherche", en: "The whole directory, with search" }
        directory_title: fn(&str) -> String { fr: |s| format!("Annuaire\u{a0}: {s}"), en: |s| format!("Directory: {s}") }
        directory_search: &'static str { fr: "Chercher un nom ou un identifiant", en: "Search a name or a handle" }
        directory_search_submit: &'static str { fr: "Chercher", en: "Search" }
        directory_none_found: fn(&str) -> String {
            fr: |q| format!("Personne ne correspond à «\u{202f}{q}\u{202f}»."),
            en: |q| format!("Nobody matches “{q}”."),
        }
        directory_next: &'static str { fr: "Membres suivants", en: "Next members" }
        contact_title: &'static str { fr: "Contacter la section", en: "Contact the section" }
        contact_write: &'static str { fr: "Écrire à la section", en: "Write to the section" }
        contact_none: &'static str {
            fr: "L’équipe n’a pas encore donné d’adresse de contact\u{a0}: retrouve-la ci-dessous, ou lors d’une de ses actions.",
            en: "The team has not given a contact address yet: find it below, or at one of its actions.",
        }
        contact_email_label: &'static str {
            fr: "Adresse de contact de la section (facultatif)",
            en: "The section's contact address (optional)",
        }
        contact_email_hint: &'static str {
            fr: "Affichée sur la page de la section\u{a0}: c’est par elle qu’un nouveau ou une voisine vous écrit.",
            en: "Shown on the section's page: how a newcomer or a neighbour writes to you.",
        }
        newcomers: &'static str { fr: "Nouveaux arrivants (30 derniers jours)", en: "Newcomers (last 30 days)" }
        newcomers_hint: &'static str {
            fr: "Accueille-les\u{a0}: un message de bienvenue, une invitation à la prochaine réunion ou à une action près de chez eux. Confirme les adhésions que tu peux vérifier.",
            en: "Welcome them: a message, an invitation to the next meeting or to an action near them. Confirm the memberships you can check.",
        }
        newcomers_empty: &'static str { fr: "Pas de nouvel arrivant ces 30 derniers jours.", en: "No newcomer in the last 30 days." }
        pending_claim: &'static str { fr: "adhésion à confirmer", en: "membership to confirm" }
        unverified_address: &'static str { fr: "adresse non vérifiée", en: "address not verified" }
        confirm_membership: &'static str { fr: "Confirmer l’adhésion", en: "Confirm membership" }
        refuse_membership: &'static str { fr: "Refuser", en: "Refuse" }
        adherent: &'static str { fr: "adhérent·e", en: "member" }
        sympathisant: &'static str { fr: "sympathisant·e", en: "sympathiser" }
        joined_on: fn(&str) -> String { fr: |date| format!("arrivé·e le {date}"), en: |date| format!("joined on {date}") }
        journal: &'static str { fr: "Journal", en: "Log" }
        journal_empty: &'static str { fr: "Rien au journal pour l’instant.", en: "Nothing logged yet." }
        audit_action: fn(&str) -> &'static str {
            fr: |a| match a {
                "section_created" => "a créé la section",
                "section_updated" => "a modifié la section",
                "role_granted" => "a nommé",
                "role_revoked" => "a retiré un rôle à",
                "passation" => "passation de section vers",
                "adhesion_confirmed" => "a confirmé l’adhésion de",
                "adhesion_refused" => "a refusé l’adhésion de",
                "account_suspended" => "a suspendu le compte de",
                "account_restored" => "a rétabli le compte de",
                "announcement_sent" => "a envoyé une annonce",
                _ => "action",
            },
            en: |a| match a {
                "section_created" => "created the section",
                "section_updated" => "edited the section",
                "role_granted" => "named",
                "role_revoked" => "removed a role from",
                "passation" => "handed the section over to",
                "adhesion_confirmed" => "confirmed the membership of",
                "adhesion_refused" => "refused the membership of",
                "account_suspended" => "suspended the account of",
                "account_restored" => "restored the account of",
                "announcement_sent" => "sent an announcement",
                _ => "action",
            },
        }
        team_form_title: &'static str { fr: "Nommer ou retirer", en: "Name or remove" }
        team_form_hint: &'static str {
            fr: "Nommer un·e autre secrétaire fait la passation\u{a0}: tout ce qui appartient à la section lui revient.",
            en: "Naming another secretary hands the section over: everything that belongs to the section goes to them.",
        }
        member_handle: &'static str { fr: "Identifiant du membre", en: "Member's handle" }
        role_label: &'static str { fr: "Rôle", en: "Role" }
        grant: &'static str { fr: "Nommer", en: "Name" }
        revoke: &'static str { fr: "Retirer", en: "Remove" }
        role: fn(Role) -> &'static str {
            fr: |r| match r {
                Role::NationalAdmin => "Administration nationale",
                Role::FederationFirstSecretary => "Premier·e secrétaire fédéral·e",
                Role::FederationAnimator => "Animateur·rice fédéral·e",
                Role::SectionSecretary => "Secrétaire de section",
                Role::SectionAnimator => "Animateur·rice",
                Role::Moderator => "Modérateur·rice",
            },
            en: |r| match r {
                Role::NationalAdmin => "National administration",
                Role::FederationFirstSecretary => "Federation first secretary",
                Role::FederationAnimator => "Federation organiser",
                Role::SectionSecretary => "Section secretary",
                Role::SectionAnimator => "Organiser",
                Role::Moderator => "Moderator",
            },
        }
        edit_section: &'static str { fr: "Modifier la section", en: "Edit the section" }
        edit_section_title: fn(&str) -> String { fr: |name| format!("Modifier — {name}"), en: |name| format!("Edit — {name}") }
        add_communes: &'static str { fr: "Ajouter des communes", en: "Add communes" }
        remove_communes: &'static str { fr: "Retirer des communes", en: "Remove communes" }
        save: &'static str { fr: "Enregistrer", en: "Save" }
        saved: &'static str { fr: "C’est enregistré.", en: "Saved." }

        my_place: &'static str { fr: "Ma commune et ma section", en: "My commune and section" }
        my_commune: &'static str { fr: "Commune", en: "Commune" }
        my_section: &'static str { fr: "Section", en: "Section" }
        my_federation: &'static str { fr: "Fédération", en: "Federation" }
        no_section_yet: fn(&str) -> String {
            fr: |fed| format!("Pas encore de section dans ta commune\u{a0}: la fédération {fed} t’accueille."),
            en: |fed| format!("No section in your commune yet: the {fed} federation welcomes you."),
        }
        no_commune: &'static str {
            fr: "Indique ton code postal pour être rattaché·e à ta commune.",
            en: "Give your postal code to be attached to your commune.",
        }
        move_label: &'static str { fr: "Tu as déménagé\u{202f}? Ton nouveau code postal", en: "Moved? Your new postal code" }
        move_submit: &'static str { fr: "Mettre à jour", en: "Update" }
        claim_adherent: &'static str { fr: "Je suis adhérent·e", en: "I am a party member" }
        claim_adherent_hint: &'static str {
            fr: "Tu as la carte\u{202f}? Ta section confirmera ton adhésion.",
            en: "You hold the card? Your section will confirm your membership.",
        }
        choose_commune: &'static str { fr: "Ta commune", en: "Your commune" }

        about_title: &'static str { fr: "À propos de Coopol", en: "About Coopol" }
        about_text: &'static str {
            fr: "Coopol est le réseau coopératif des sections et des fédérations\u{a0}: s’organiser ensemble, sur le Web et sur le terrain. C’est un logiciel libre (AGPL).",
            en: "Coopol is the cooperative network of sections and federations: organising together, online and in the field. It is free software (AGPL).",
        }
        about_credits: &'static str {
            fr: "Découpage administratif\u{a0}: INSEE, Code officiel géographique, et La Poste, base officielle des codes postaux, via le paquet @etalab/decoupage-administratif (Licence Ouverte 2.0). Points de référence des communes\u{a0}: INSEE et La Poste (Licence Ouverte 2.0).",
            en: "Administrative divisions: INSEE, Code officiel géographique, and La Poste, official postal code database, through the @etalab/decoupage-administratif package (Licence Ouverte 2.0). Commune reference points: INSEE and La Poste (Licence Ouverte 2.0).",
        }
        forbidden: &'static str { fr: "Tu n’as pas le droit de faire cela.", en: "You are not allowed to do this." }
        national_journal: &'static str { fr: "Journal national", en: "National log" }
    }
}

impl TerritoryTexts {
    /// The one way a section or a federation is named as an organizer or owner: a section's
    /// display name as it is (it already reads "Section de Lille"), a federation with its code.
    pub fn scope_name(&self, scope: &ScopeRef) -> String {
        match scope {
            ScopeRef::Section(section) => section.name.clone(),
            ScopeRef::Federation(federation) => (self.federation_name)(&federation.name, &federation.code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_french_grouping_and_plurals() {
        assert_eq!((FR.counts)(1, 0), "1 adhérent·e · 0 sympathisant·e");
        assert_eq!((FR.counts)(2, 12_000), "2 adhérent·es · 12\u{202f}000 sympathisant·es");
        assert_eq!((EN.counts)(0, 1), "0 members · 1 sympathiser");
    }
}
