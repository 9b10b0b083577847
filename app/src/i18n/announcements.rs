//! Texts of annonces: a scope's page (the form, the count, the history), an annonce, the
//! unsubscribe page, the account's setting.

use super::typography::{count, format_number};
use super::Lang;
use crate::model::announcements::Segment;

texts! {
    pub struct AnnouncementTexts {
        link: &'static str { fr: "Annonces", en: "Announcements" }
        page_title: fn(&str) -> String { fr: |name| format!("Annonces — {name}"), en: |name| format!("Announcements — {name}") }
        intro: &'static str {
            fr: "Écris aux personnes de ton équipe\u{a0}: elles reçoivent l’annonce dans Coopol (une notification) et par e-mail, avec un lien pour ne plus recevoir d’annonces par e-mail. Tu vois combien de personnes la recevront avant de l’envoyer.",
            en: "Write to your team’s people: they get the announcement in Coopol (a notification) and by e-mail, with a link to stop announcements by e-mail. You see how many people will get it before sending.",
        }
        read_only: &'static str {
            fr: "Tu vois ce que cette équipe a envoyé (à qui, combien de personnes), sans pouvoir écrire en son nom.",
            en: "You see what this team sent (to whom, how many people), without writing on its behalf.",
        }
        remaining: fn(i64, i64) -> String {
            fr: |left, max| format!("Encore {} cette semaine (au plus {max} par semaine).", count(Lang::Fr, left, "annonce", "annonces")),
            en: |left, max| format!("{} left this week (at most {max} a week).", count(Lang::En, left, "announcement", "announcements")),
        }
        none_left: &'static str {
            fr: "Le nombre d’annonces de la semaine est atteint\u{a0}: la prochaine pourra partir quand la plus ancienne aura 7 jours.",
            en: "This week’s number of announcements is reached: the next one can leave when the oldest is 7 days old.",
        }
        form_title: &'static str { fr: "Nouvelle annonce", en: "New announcement" }
        segment_label: &'static str { fr: "À qui\u{202f}?", en: "To whom?" }
        segment: fn(Segment) -> &'static str {
            fr: |s| match s {
                Segment::All => "Tout le monde (adhérent·es et sympathisant·es)",
                Segment::Adherents => "Les adhérent·es",
                Segment::Sympathisants => "Les sympathisant·es",
                Segment::Available => "Les personnes disponibles pour…",
                Segment::Participants => "Les participant·es d’une action",
            },
            en: |s| match s {
                Segment::All => "Everyone (members and sympathisers)",
                Segment::Adherents => "Members",
                Segment::Sympathisants => "Sympathisers",
                Segment::Available => "People available for…",
                Segment::Participants => "The participants of an action",
            },
        }
        segment_short: fn(Segment) -> &'static str {
            fr: |s| match s {
                Segment::All => "tout le monde",
                Segment::Adherents => "adhérent·es",
                Segment::Sympathisants => "sympathisant·es",
                Segment::Available => "disponibles",
                Segment::Participants => "participant·es",
            },
            en: |s| match s {
                Segment::All => "everyone",
                Segment::Adherents => "members",
                Segment::Sympathisants => "sympathisers",
                Segment::Available => "available",
                Segment::Participants => "participants",
            },
        }
        availability_label: &'static str { fr: "Disponibles pour", en: "Available for" }
        action_label: &'static str { fr: "Action", en: "Action" }
        no_action: &'static str {
            fr: "Aucune action de l’équipe depuis un mois ni à venir.",
            en: "No action of the team in the last month or to come.",
        }
        going: fn(i64) -> String {
            fr: |n| count(Lang::Fr, n, "participant·e", "participant·es"),
            en: |n| count(Lang::En, n, "participant", "participants"),
        }
        subject_label: &'static str { fr: "Objet", en: "Subject" }
        body_label: &'static str { fr: "Texte", en: "Text" }
        body_hint: &'static str {
            fr: "**gras**, *italique*, listes avec «\u{202f}-\u{202f}», liens. Le même texte part dans Coopol et par e-mail.",
            en: "**bold**, *italic*, lists with “- ”, links. The same text goes to Coopol and by e-mail.",
        }
        check: &'static str { fr: "Voir combien de personnes la recevront", en: "See how many people will get it" }
        confirm_title: &'static str { fr: "Vérifie avant d’envoyer", en: "Check before sending" }
        confirm_count: fn(i64, i64) -> String {
            fr: |n, mail| format!(
                "Cette annonce partira à {}, dont {} par e-mail (les autres n’ont pas d’adresse vérifiée ou ne veulent plus d’annonces par e-mail).",
                count(Lang::Fr, n, "personne", "personnes"),
                format_number(Lang::Fr, mail)
            ),
            en: |n, mail| format!(
                "This announcement will go to {}, {} of them by e-mail (the others have no verified address or stopped announcements by e-mail).",
                count(Lang::En, n, "person", "people"),
                format_number(Lang::En, mail)
            ),
        }
        send: fn(i64) -> String {
            fr: |n| format!("Envoyer à {}", count(Lang::Fr, n, "personne", "personnes")),
            en: |n| format!("Send to {}", count(Lang::En, n, "person", "people")),
        }
        change: &'static str { fr: "Modifier avant d’envoyer\u{a0}: change les champs ci-dessus puis vérifie de nouveau.", en: "To change it: edit the fields above, then check again." }
        history_title: &'static str { fr: "Annonces envoyées", en: "Announcements sent" }
        history_empty: &'static str { fr: "Aucune annonce envoyée pour l’instant.", en: "No announcement sent yet." }
        history_line: fn(&str, i64, i64) -> String {
            fr: |segment, n, mail| format!("{segment} · {} · {mail} par e-mail", count(Lang::Fr, n, "destinataire", "destinataires")),
            en: |segment, n, mail| format!("{segment} · {} · {mail} by e-mail", count(Lang::En, n, "recipient", "recipients")),
        }
        older: &'static str { fr: "Annonces plus anciennes", en: "Older announcements" }
        by: fn(&str) -> String { fr: |name| format!("par {name}"), en: |name| format!("by {name}") }
        from_section: fn(&str) -> String { fr: |name| format!("Annonce de la section {name}"), en: |name| format!("Announcement of the {name} section") }
        from_federation: fn(&str) -> String { fr: |name| format!("Annonce de la fédération {name}"), en: |name| format!("Announcement of the {name} federation") }
        delivery: fn(i64, i64) -> String {
            fr: |n, mail| format!("Envoyée à {}, dont {mail} par e-mail.", count(Lang::Fr, n, "personne", "personnes")),
            en: |n, mail| format!("Sent to {}, {mail} of them by e-mail.", count(Lang::En, n, "person", "people")),
        }
        stop_mail_hint: &'static str {
            fr: "Tu reçois aussi les annonces par e-mail.",
            en: "You also get announcements by e-mail.",
        }
        stop_mail: &'static str { fr: "Ne plus recevoir les annonces par e-mail", en: "Stop announcements by e-mail" }
        unsubscribe_title: &'static str { fr: "Annonces par e-mail", en: "Announcements by e-mail" }
        unsubscribe_question: &'static str {
            fr: "Ne plus recevoir par e-mail les annonces de ta section et de ta fédération\u{202f}? Tu les verras toujours dans Coopol, et tes messages personnels continueront d’arriver par e-mail.",
            en: "Stop getting your section’s and federation’s announcements by e-mail? You will still see them in Coopol, and your personal messages will still arrive by e-mail.",
        }
        unsubscribe_button: &'static str { fr: "Ne plus recevoir d’annonces par e-mail", en: "Stop announcements by e-mail" }
        unsubscribed: &'static str {
            fr: "C’est fait\u{a0}: tu ne recevras plus d’annonces par e-mail. Pour les recevoir de nouveau, va dans «\u{202f}Mon compte\u{202f}».",
            en: "Done: you will not get announcements by e-mail any more. To get them again, go to “My account”.",
        }
        unsubscribe_unknown: &'static str {
            fr: "Ce lien n’est pas (ou plus) valable. Tu peux choisir de recevoir ou non les annonces par e-mail dans «\u{202f}Mon compte\u{202f}».",
            en: "This link is not (or no longer) valid. You can choose whether to get announcements by e-mail in “My account”.",
        }
        account_title: &'static str { fr: "Annonces de ta section et de ta fédération", en: "Announcements of your section and federation" }
        account_on: &'static str {
            fr: "Tu les reçois dans Coopol et par e-mail.",
            en: "You get them in Coopol and by e-mail.",
        }
        account_off: &'static str {
            fr: "Tu les reçois dans Coopol seulement.",
            en: "You get them in Coopol only.",
        }
        account_turn_on: &'static str { fr: "Les recevoir aussi par e-mail", en: "Also get them by e-mail" }
        account_turn_off: &'static str { fr: "Ne plus les recevoir par e-mail", en: "Stop getting them by e-mail" }
    }
}
