//! Texts of the territory pages: fédérations, sections, "trouver ma section", roles, journal.

use crate::model::territory::{Role, ScopeRef};

pub struct TerritoryTexts {
    pub nav_find_section: &'static str,
    pub nav_my_section: &'static str,
    pub nav_federations: &'static str,

    pub find_title: &'static str,
    pub find_intro: &'static str,
    pub find_submit: &'static str,
    pub find_invalid: &'static str,
    pub find_unknown: &'static str,
    pub find_section: &'static str,
    pub find_no_section: fn(&str) -> String,
    pub find_join: &'static str,

    pub federations_title: &'static str,
    pub federation_label: fn(&str, &str) -> String,
    /// A federation named as an organizer: (département name, code).
    pub federation_name: fn(&str, &str) -> String,
    pub sections: &'static str,
    pub no_sections: &'static str,
    pub federation_officers: &'static str,
    pub no_officers: &'static str,
    pub counts: fn(i64, i64) -> String,
    pub communes_count: fn(i64) -> String,

    pub new_section: &'static str,
    pub new_section_title: fn(&str) -> String,
    pub section_name: &'static str,
    pub section_slug: &'static str,
    pub section_slug_hint: &'static str,
    pub section_description: &'static str,
    pub section_communes: &'static str,
    pub section_communes_hint: &'static str,
    pub create_section: &'static str,

    pub section_of: fn(&str) -> String,
    pub my_section_badge: &'static str,
    pub communes_covered: &'static str,
    pub section_team: &'static str,
    pub directory: &'static str,
    pub directory_hint: &'static str,
    pub directory_empty: &'static str,
    pub directory_members_only: &'static str,
    pub newcomers: &'static str,
    pub newcomers_hint: &'static str,
    pub newcomers_empty: &'static str,
    pub pending_claim: &'static str,
    pub confirm_membership: &'static str,
    pub refuse_membership: &'static str,
    pub adherent: &'static str,
    pub sympathisant: &'static str,
    pub joined_on: fn(&str) -> String,
    pub journal: &'static str,
    pub journal_empty: &'static str,
    pub audit_action: fn(&str) -> &'static str,
    pub team_form_title: &'static str,
    pub team_form_hint: &'static str,
    pub member_handle: &'static str,
    pub role_label: &'static str,
    pub grant: &'static str,
    pub revoke: &'static str,
    pub role: fn(Role) -> &'static str,
    pub edit_section: &'static str,
    pub edit_section_title: fn(&str) -> String,
    pub add_communes: &'static str,
    pub remove_communes: &'static str,
    pub save: &'static str,
    pub saved: &'static str,

    pub my_place: &'static str,
    pub my_commune: &'static str,
    pub my_section: &'static str,
    pub my_federation: &'static str,
    pub no_section_yet: fn(&str) -> String,
    pub no_commune: &'static str,
    pub move_label: &'static str,
    pub move_submit: &'static str,
    pub claim_adherent: &'static str,
    pub claim_adherent_hint: &'static str,
    pub choose_commune: &'static str,

    pub about_title: &'static str,
    pub about_text: &'static str,
    pub about_credits: &'static str,
    pub forbidden: &'static str,
    pub national_journal: &'static str,
}

/// 12345 → "12 345" (narrow no-break space, as French typography wants).
pub fn format_count(n: i64) -> String {
    super::format_number(super::Lang::Fr, n)
}

/// French: 0 and 1 take the singular.
fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{} {}", format_count(n), if n > 1 { many } else { one })
}

/// English: only 1 takes the singular.
fn plural_en(n: i64, one: &str, many: &str) -> String {
    format!("{} {}", format_count(n), if n == 1 { one } else { many })
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

pub static FR: TerritoryTexts = TerritoryTexts {
    nav_find_section: "Trouver ma section",
    nav_my_section: "Ma section",
    nav_federations: "Fédérations",

    find_title: "Trouver ma section",
    find_intro: "Indique ton code postal\u{a0}: nous te disons quelle section agit dans ta commune, ou quelle fédération t’accueille.",
    find_submit: "Chercher",
    find_invalid: "Un code postal français a 5 chiffres (exemple\u{a0}: 59000). Vérifie ce que tu as tapé.",
    find_unknown: "Aucune commune n’a ce code postal. Vérifie-le, ou cherche avec le code postal de la mairie.",
    find_section: "Section",
    find_no_section: |fed| format!("Pas encore de section ici\u{a0}: la fédération {fed} t’accueille."),
    find_join: "Rejoindre Coopol",

    federations_title: "Les fédérations",
    federation_label: |code, region| format!("Fédération {code} · {region}"),
    federation_name: |name, code| format!("Fédération {name} ({code})"),
    sections: "Sections",
    no_sections: "Aucune section pour l’instant.",
    federation_officers: "Responsables fédéraux",
    no_officers: "Pas encore de responsable désigné.",
    counts: |a, s| format!("{} · {}", plural(a, "adhérent·e", "adhérent·es"), plural(s, "sympathisant·e", "sympathisant·es")),
    communes_count: |n| plural(n, "commune", "communes"),

    new_section: "Créer une section",
    new_section_title: |fed| format!("Nouvelle section — {fed}"),
    section_name: "Nom de la section",
    section_slug: "Adresse (facultatif)",
    section_slug_hint: "Dans l’adresse de la page\u{a0}: lettres minuscules, chiffres et tirets. Laisse vide pour la déduire du nom.",
    section_description: "Description",
    section_communes: "Communes couvertes",
    section_communes_hint: "Une par ligne\u{a0}: le nom (Lille), «\u{202f}Nom (code INSEE)\u{202f}» si plusieurs communes portent ce nom, ou un code postal qui ne désigne qu’une commune.",
    create_section: "Créer la section",

    section_of: |fed| format!("Section de la fédération {fed}"),
    my_section_badge: "C’est ta section",
    communes_covered: "Communes couvertes",
    section_team: "Équipe d’animation",
    directory: "Annuaire des membres",
    directory_hint: "Réservé aux adhérent·es de la section et à son équipe. Chacun·e choisit ce que les autres voient de son profil.",
    directory_empty: "Personne dans l’annuaire pour l’instant.",
    directory_members_only: "L’annuaire est réservé aux adhérent·es confirmé·es de la section.",
    newcomers: "Nouveaux arrivants (30 derniers jours)",
    newcomers_hint: "Accueille-les\u{a0}: un message de bienvenue, une invitation à la prochaine réunion ou à une action près de chez eux. Confirme les adhésions que tu peux vérifier.",
    newcomers_empty: "Pas de nouvel arrivant ces 30 derniers jours.",
    pending_claim: "adhésion à confirmer",
    confirm_membership: "Confirmer l’adhésion",
    refuse_membership: "Refuser",
    adherent: "adhérent·e",
    sympathisant: "sympathisant·e",
    joined_on: |date| format!("arrivé·e le {date}"),
    journal: "Journal",
    journal_empty: "Rien au journal pour l’instant.",
    audit_action: |a| match a {
        "section_created" => "a créé la section",
        "section_updated" => "a modifié la section",
        "role_granted" => "a nommé",
        "role_revoked" => "a retiré un rôle à",
        "passation" => "passation de section vers",
        "adhesion_confirmed" => "a confirmé l’adhésion de",
        "adhesion_refused" => "a refusé l’adhésion de",
        "account_suspended" => "a suspendu le compte de",
        "account_restored" => "a rétabli le compte de",
        _ => "action",
    },
    team_form_title: "Nommer ou retirer",
    team_form_hint: "Nommer un·e autre secrétaire fait la passation\u{a0}: tout ce qui appartient à la section lui revient.",
    member_handle: "Identifiant du membre",
    role_label: "Rôle",
    grant: "Nommer",
    revoke: "Retirer",
    role: |r| match r {
        Role::NationalAdmin => "Administration nationale",
        Role::FederationFirstSecretary => "Premier·e secrétaire fédéral·e",
        Role::FederationAnimator => "Animateur·rice fédéral·e",
        Role::SectionSecretary => "Secrétaire de section",
        Role::SectionAnimator => "Animateur·rice",
        Role::Moderator => "Modérateur·rice",
    },
    edit_section: "Modifier la section",
    edit_section_title: |name| format!("Modifier — {name}"),
    add_communes: "Ajouter des communes",
    remove_communes: "Retirer des communes",
    save: "Enregistrer",
    saved: "C’est enregistré.",

    my_place: "Ma commune et ma section",
    my_commune: "Commune",
    my_section: "Section",
    my_federation: "Fédération",
    no_section_yet: |fed| format!("Pas encore de section dans ta commune\u{a0}: la fédération {fed} t’accueille."),
    no_commune: "Indique ton code postal pour être rattaché·e à ta commune.",
    move_label: "Tu as déménagé\u{202f}? Ton nouveau code postal",
    move_submit: "Mettre à jour",
    claim_adherent: "Je suis adhérent·e",
    claim_adherent_hint: "Tu as la carte\u{202f}? Ta section confirmera ton adhésion.",
    choose_commune: "Ta commune",

    about_title: "À propos de Coopol",
    about_text: "Coopol est le réseau coopératif des sections et des fédérations\u{a0}: s’organiser ensemble, sur le Web et sur le terrain. C’est un logiciel libre (AGPL).",
    about_credits: "Découpage administratif\u{a0}: INSEE, Code officiel géographique, et La Poste, base officielle des codes postaux, via le paquet @etalab/decoupage-administratif (Licence Ouverte 2.0). Points de référence des communes\u{a0}: INSEE et La Poste (Licence Ouverte 2.0).",
    forbidden: "Tu n’as pas le droit de faire cela.",
    national_journal: "Journal national",
};

pub static EN: TerritoryTexts = TerritoryTexts {
    nav_find_section: "Find my section",
    nav_my_section: "My section",
    nav_federations: "Federations",

    find_title: "Find my section",
    find_intro: "Type your postal code: we tell you which section is active in your commune, or which federation welcomes you.",
    find_submit: "Search",
    find_invalid: "A French postal code has 5 digits (example: 59000). Check what you typed.",
    find_unknown: "No commune has this postal code. Check it, or use your town hall's postal code.",
    find_section: "Section",
    find_no_section: |fed| format!("No section here yet: the {fed} federation welcomes you."),
    find_join: "Join Coopol",

    federations_title: "Federations",
    federation_label: |code, region| format!("Federation {code} · {region}"),
    federation_name: |name, code| format!("{name} federation ({code})"),
    sections: "Sections",
    no_sections: "No section yet.",
    federation_officers: "Federation officers",
    no_officers: "No officer named yet.",
    counts: |a, s| format!("{} · {}", plural_en(a, "member", "members"), plural_en(s, "sympathiser", "sympathisers")),
    communes_count: |n| plural_en(n, "commune", "communes"),

    new_section: "Create a section",
    new_section_title: |fed| format!("New section — {fed}"),
    section_name: "Section name",
    section_slug: "Address (optional)",
    section_slug_hint: "In the page address: lower-case letters, digits and dashes. Leave empty to derive it from the name.",
    section_description: "Description",
    section_communes: "Communes covered",
    section_communes_hint: "One per line: the name (Lille), “Name (INSEE code)” when several communes share it, or a postal code naming a single commune.",
    create_section: "Create the section",

    section_of: |fed| format!("Section of the {fed} federation"),
    my_section_badge: "Your section",
    communes_covered: "Communes covered",
    section_team: "Team",
    directory: "Member directory",
    directory_hint: "For the section's confirmed members and its team. Everyone chooses what others see of their profile.",
    directory_empty: "Nobody in the directory yet.",
    directory_members_only: "The directory is for the section's confirmed members.",
    newcomers: "Newcomers (last 30 days)",
    newcomers_hint: "Welcome them: a message, an invitation to the next meeting or to an action near them. Confirm the memberships you can check.",
    newcomers_empty: "No newcomer in the last 30 days.",
    pending_claim: "membership to confirm",
    confirm_membership: "Confirm membership",
    refuse_membership: "Refuse",
    adherent: "member",
    sympathisant: "sympathiser",
    joined_on: |date| format!("joined on {date}"),
    journal: "Log",
    journal_empty: "Nothing logged yet.",
    audit_action: |a| match a {
        "section_created" => "created the section",
        "section_updated" => "edited the section",
        "role_granted" => "named",
        "role_revoked" => "removed a role from",
        "passation" => "handed the section over to",
        "adhesion_confirmed" => "confirmed the membership of",
        "adhesion_refused" => "refused the membership of",
        "account_suspended" => "suspended the account of",
        "account_restored" => "restored the account of",
        _ => "action",
    },
    team_form_title: "Name or remove",
    team_form_hint: "Naming another secretary hands the section over: everything that belongs to the section goes to them.",
    member_handle: "Member's handle",
    role_label: "Role",
    grant: "Name",
    revoke: "Remove",
    role: |r| match r {
        Role::NationalAdmin => "National administration",
        Role::FederationFirstSecretary => "Federation first secretary",
        Role::FederationAnimator => "Federation organiser",
        Role::SectionSecretary => "Section secretary",
        Role::SectionAnimator => "Organiser",
        Role::Moderator => "Moderator",
    },
    edit_section: "Edit the section",
    edit_section_title: |name| format!("Edit — {name}"),
    add_communes: "Add communes",
    remove_communes: "Remove communes",
    save: "Save",
    saved: "Saved.",

    my_place: "My commune and section",
    my_commune: "Commune",
    my_section: "Section",
    my_federation: "Federation",
    no_section_yet: |fed| format!("No section in your commune yet: the {fed} federation welcomes you."),
    no_commune: "Give your postal code to be attached to your commune.",
    move_label: "Moved? Your new postal code",
    move_submit: "Update",
    claim_adherent: "I am a party member",
    claim_adherent_hint: "You hold the card? Your section will confirm your membership.",
    choose_commune: "Your commune",

    about_title: "About Coopol",
    about_text: "Coopol is the cooperative network of sections and federations: organising together, online and in the field. It is free software (AGPL).",
    about_credits: "Administrative divisions: INSEE, Code officiel géographique, and La Poste, official postal code database, through the @etalab/decoupage-administratif package (Licence Ouverte 2.0). Commune reference points: INSEE and La Poste (Licence Ouverte 2.0).",
    forbidden: "You are not allowed to do this.",
    national_journal: "National log",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_french_grouping_and_plurals() {
        assert_eq!(format_count(1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(format_count(999), "999");
        assert_eq!((FR.counts)(1, 0), "1 adhérent·e · 0 sympathisant·e");
        assert_eq!((FR.counts)(2, 12_000), "2 adhérent·es · 12\u{202f}000 sympathisant·es");
        assert_eq!((EN.counts)(0, 1), "0 members · 1 sympathiser");
    }
}
