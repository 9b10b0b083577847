//! Texts of `/confidentialite`, the privacy notice: each figure comes from the configuration
//! (`model::privacy::PrivacyNotice`).

use super::typography::count;
use super::Lang;

texts! {
    pub struct PrivacyTexts {
        title: &'static str { fr: "Confidentialité et données personnelles", en: "Privacy and personal data" }
        intro: &'static str {
            fr: "Coopol relie des personnes à un parti\u{a0}: les données que tu y laisses révèlent une opinion politique, que le RGPD protège particulièrement (art.\u{a0}9). Voici qui en répond, ce qui est collecté et pourquoi, qui y a accès, combien de temps c’est gardé, et comment exercer tes droits ici même.",
            en: "Coopol connects people with a party: the data you leave here reveals a political opinion, which the GDPR protects specially (art. 9). Here is who answers for it, what is collected and why, who can see it, how long it is kept, and how to use your rights right here.",
        }
        controller_title: &'static str { fr: "Qui est responsable", en: "Who is responsible" }
        controller_unset: &'static str {
            fr: "L’organisation qui fait fonctionner ce site n’a pas encore indiqué son nom. Écris-lui à l’adresse de contact de ta section ou de ta fédération.",
            en: "The organisation running this site has not given its name yet. Write to it through your section’s or federation’s contact address.",
        }
        controller_label: &'static str { fr: "Responsable du traitement", en: "Data controller" }
        address_label: &'static str { fr: "Adresse", en: "Address" }
        contact_label: &'static str { fr: "Pour toute question sur tes données", en: "For any question about your data" }
        dpo_label: &'static str { fr: "Délégué·e à la protection des données", en: "Data protection officer" }
        collected_title: &'static str { fr: "Ce qui est collecté, et pourquoi", en: "What is collected, and why" }
        collected_account: &'static str {
            fr: "Ton compte\u{a0}: nom affiché, identifiant, adresse e-mail, mot de passe (seulement son empreinte), code postal et commune — pour te connecter et te relier à ta section et à ta fédération.",
            en: "Your account: display name, handle, e-mail address, password (only its hash), postal code and commune — to sign you in and connect you with your section and federation.",
        }
        collected_opinion: &'static str {
            fr: "Ton adhésion ou ta sympathie, ta section, tes rôles, les actions auxquelles tu participes\u{a0}: ces données révèlent une opinion politique. Elles ne sont traitées qu’avec ton consentement explicite, que tu peux retirer (RGPD, art.\u{a0}9.2.a).",
            en: "Your membership or sympathy, your section, your roles, the actions you take part in: this data reveals a political opinion. It is processed only with your explicit consent, which you can withdraw (GDPR, art. 9.2.a).",
        }
        collected_content: &'static str {
            fr: "Ce que tu choisis d’écrire\u{a0}: ton profil (chaque partie avec la visibilité que tu lui donnes), tes publications, commentaires, réactions, coopains, groupes, comptes-rendus d’actions.",
            en: "What you choose to write: your profile (each part with the visibility you give it), your posts, comments, reactions, coopains, groups, action reports.",
        }
        collected_contacts: &'static str {
            fr: "Les personnes rencontrées lors d’une action, si elles le veulent bien\u{a0}: leurs coordonnées et leurs souhaits, pour la durée qu’elles ont choisie.",
            en: "People met at an action, if they agree: their contact details and wishes, for the time they chose.",
        }
        collected_technical: &'static str {
            fr: "Tes appareils connectés (navigateur approximatif, dates) et les e-mails que Coopol t’envoie — pour ta sécurité et pour que tu puisses les voir. Aucun outil de mesure d’audience ni de publicité.",
            en: "Your signed-in devices (approximate browser, dates) and the e-mails Coopol sends you — for your security and so you can see them. No audience measurement nor advertising tools.",
        }
        recipients_title: &'static str { fr: "Qui y a accès", en: "Who can see it" }
        recipients_people: &'static str {
            fr: "Les autres membres voient ce que tu publies selon l’audience choisie, et ton profil selon la visibilité de chaque partie. L’équipe de ta section et de ta fédération (secrétaire, animateurs) voit l’annuaire et les adhésions à confirmer\u{202f}; les modérateurs, ce qui leur est signalé\u{202f}; l’administration nationale, le journal national. Rien n’est vendu ni cédé.",
            en: "Other members see what you post according to the audience you chose, and your profile according to each part’s visibility. Your section’s and federation’s team (secretary, organisers) sees the directory and memberships to confirm; moderators, what is reported to them; the national administration, the national journal. Nothing is sold or passed on.",
        }
        recipients_mail: fn(&str) -> String {
            fr: |host| format!("Les e-mails partent par le relais {host}, qui voit leur destinataire et leur contenu."),
            en: |host| format!("E-mails leave through the relay {host}, which sees their recipient and content."),
        }
        recipients_no_mail: &'static str {
            fr: "Les e-mails sont écrits sur le serveur lui-même\u{a0}: aucun relais extérieur.",
            en: "E-mails are written on the server itself: no outside relay.",
        }
        recipients_tiles: fn(&str) -> String {
            fr: |origin| format!("Les fonds de carte sont chargés par ton navigateur depuis {origin}, qui voit ton adresse IP (pas ton compte)."),
            en: |origin| format!("Map backgrounds are loaded by your browser from {origin}, which sees your IP address (not your account)."),
        }
        recipients_no_tiles: &'static str {
            fr: "Les cartes n’appellent aucun service extérieur.",
            en: "Maps call no outside service.",
        }
        retention_title: &'static str { fr: "Combien de temps", en: "How long" }
        retention_people: fn(i64, i64) -> String {
            fr: |days, warn| format!("Sympathisant·es et ancien·nes adhérent·es\u{a0}: {} après la dernière visite, avec un e-mail {} avant (une visite suffit à garder le compte). Les adhérent·es confirmé·es, tant qu’ils et elles le sont.", duration(Lang::Fr, days), duration(Lang::Fr, warn)),
            en: |days, warn| format!("Sympathisers and former members: {} after the last visit, with an e-mail {} before (one visit keeps the account). Confirmed members, as long as they are.", duration(Lang::En, days), duration(Lang::En, warn)),
        }
        retention_erasure: fn(i64) -> String {
            fr: |days| format!("«\u{202f}Supprimer mon compte\u{202f}»\u{a0}: {} après la demande, annulable d’ici là.", duration(Lang::Fr, days)),
            en: |days| format!("“Delete my account”: {} after the request, cancellable until then.", duration(Lang::En, days)),
        }
        retention_technical: fn(i64, i64, i64) -> String {
            fr: |sessions, mails, exports| format!("Connexions\u{a0}: {} après la dernière activité. E-mails envoyés\u{a0}: {}. Fichier «\u{202f}mes données\u{202f}»\u{a0}: {}. Compteurs contre les abus\u{a0}: moins d’un jour.", duration(Lang::Fr, sessions), duration(Lang::Fr, mails), duration(Lang::Fr, exports)),
            en: |sessions, mails, exports| format!("Sign-ins: {} after the last activity. E-mails sent: {}. “My data” file: {}. Abuse counters: less than a day.", duration(Lang::En, sessions), duration(Lang::En, mails), duration(Lang::En, exports)),
        }
        retention_links: fn(i64, i64) -> String {
            fr: |hours, minutes| format!("Liens envoyés par e-mail\u{a0}: {hours}\u{a0}heures pour confirmer une adresse, {minutes}\u{a0}minutes pour un nouveau mot de passe, une seule fois."),
            en: |hours, minutes| format!("Links sent by e-mail: {hours} hours to confirm an address, {minutes} minutes for a new password, once."),
        }
        retention_contacts: fn(&str) -> String {
            fr: |months| format!("Personnes rencontrées lors d’une action\u{a0}: la durée qu’elles choisissent ({months}\u{a0}mois), puis effacées avec les notes du compte-rendu."),
            en: |months| format!("People met at an action: the time they choose ({months} months), then erased with the report’s notes."),
        }
        retention_history: &'static str {
            fr: "Les actions et leurs comptes-rendus restent à la section (son histoire), sans lien avec les personnes dont le compte a été supprimé.",
            en: "Actions and their reports stay with the section (its history), with no link to people whose account was deleted.",
        }
        rights_title: &'static str { fr: "Tes droits, ici même", en: "Your rights, right here" }
        rights_access: &'static str { fr: "Voir et emporter tes données (art.\u{a0}15 et 20)\u{a0}: «\u{202f}Télécharger mes données\u{202f}» sur ", en: "See and take your data (art. 15 and 20): “Download my data” on " }
        rights_rectify: &'static str { fr: "Corriger (art.\u{a0}16)\u{a0}: ", en: "Correct (art. 16): " }
        rights_erase: &'static str { fr: "Effacer (art.\u{a0}17)\u{a0}: «\u{202f}Supprimer mon compte\u{202f}» sur ", en: "Erase (art. 17): “Delete my account” on " }
        rights_consent: &'static str { fr: "Retirer ton consentement (art.\u{a0}7)\u{a0}: ", en: "Withdraw your consent (art. 7): " }
        rights_other: &'static str {
            fr: "Pour t’opposer à un traitement ou le limiter, écris au contact ci-dessus. Tu peux aussi saisir la CNIL (www.cnil.fr).",
            en: "To object to or restrict a processing, write to the contact above. You can also complain to the CNIL (www.cnil.fr).",
        }
        my_account: &'static str { fr: "Mon compte", en: "My account" }
        my_profile: &'static str { fr: "Mon profil", en: "My profile" }
        my_consents: &'static str { fr: "Mes consentements", en: "My consents" }
        consent_version: fn(&str) -> String {
            fr: |v| format!("Version du texte de consentement en vigueur\u{a0}: {v}."),
            en: |v| format!("Consent text version in force: {v}."),
        }
        footer_link: &'static str { fr: "Confidentialité", en: "Privacy" }
    }
}

/// "3 ans", "30 jours", "7 jours": whole years when the days make some.
pub fn duration(lang: Lang, days: i64) -> String {
    if days >= 365 && days % 365 == 0 {
        let years = days / 365;
        match lang {
            Lang::Fr => count(lang, years, "an", "ans"),
            Lang::En => count(lang, years, "year", "years"),
        }
    } else {
        match lang {
            Lang::Fr => count(lang, days, "jour", "jours"),
            Lang::En => count(lang, days, "day", "days"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_years_or_days() {
        assert_eq!(duration(Lang::Fr, 1095), "3 ans");
        assert_eq!(duration(Lang::Fr, 7), "7 jours");
        assert_eq!(duration(Lang::En, 365), "1 year");
        assert_eq!(duration(Lang::En, 1), "1 day");
    }
}
