//! Texts of the compte-rendu form, of its figures on the action, and of section statistics.

use super::typography::count;
use super::Lang;

texts! {
    pub struct ReportTexts {
        write: &'static str { fr: "Rédiger le compte-rendu", en: "Write the report" }
        rewrite: &'static str { fr: "Modifier le compte-rendu", en: "Edit the report" }
        form_title: fn(&str) -> String { fr: |t| format!("Compte-rendu\u{a0}: {t}"), en: |t| format!("Report: {t}") }
        form_intro: &'static str {
            fr: "Ce qui a été fait\u{a0}: tes chiffres alimentent les statistiques de la section. Sans réseau, le formulaire est gardé sur ton téléphone et envoyé dès le retour de la connexion.",
            en: "What got done: your figures feed the section's statistics. Offline, the form is kept on your phone and sent as soon as the connection returns.",
        }
        rewrite_hint: &'static str {
            fr: "Un compte-rendu existe déjà\u{a0}: l’envoyer à nouveau remplace ses chiffres.",
            en: "A report already exists: sending again replaces its figures.",
        }
        figures_legend: &'static str { fr: "Les chiffres", en: "The figures" }
        present: &'static str { fr: "Personnes présentes", en: "People present" }
        tracts: &'static str { fr: "Tracts distribués", en: "Leaflets handed out" }
        doors_knocked: &'static str { fr: "Portes frappées", en: "Doors knocked" }
        doors_opened: &'static str { fr: "Portes ouvertes", en: "Doors opened" }
        conversations: &'static str { fr: "Conversations", en: "Conversations" }
        calls: &'static str { fr: "Appels passés", en: "Calls made" }
        notes: &'static str { fr: "Remarques (facultatif)", en: "Remarks (optional)" }
        notes_hint: &'static str {
            fr: "Pour l’équipe seulement\u{a0}: n’écris ici ni nom, ni adresse, ni téléphone (les contacts ont leurs champs, avec leur accord). Ces remarques sont effacées avec les contacts.",
            en: "For the team only: write no name, address or phone number here (contacts have their own fields, with their consent). These remarks are erased with the contacts.",
        }
        contacts_legend: &'static str { fr: "Nouveaux contacts", en: "New contacts" }
        contacts_intro: &'static str {
            fr: "Uniquement avec l’accord explicite de la personne. Laisse vide une ligne inutile.",
            en: "Only with the person's explicit consent. Leave an unused row empty.",
        }
        contact_legend: fn(usize) -> String { fr: |i| format!("Contact {i}"), en: |i| format!("Contact {i}") }
        contact_name: &'static str { fr: "Nom", en: "Name" }
        contact_phone: &'static str { fr: "Téléphone", en: "Phone" }
        contact_email: &'static str { fr: "Adresse e-mail", en: "E-mail address" }
        contact_consent: &'static str {
            fr: "La personne accepte que la section garde ces coordonnées pour la recontacter",
            en: "The person agrees that the section keeps these details to get back to them",
        }
        contact_wants: &'static str { fr: "Elle souhaite", en: "They would like to" }
        wants_callback: &'static str { fr: "être rappelée", en: "be called back" }
        wants_news: &'static str { fr: "recevoir des nouvelles", en: "receive news" }
        wants_volunteer: &'static str { fr: "devenir bénévole", en: "volunteer" }
        contact_retention: &'static str { fr: "Garder ses données pendant", en: "Keep their data for" }
        retention_months: fn(i64) -> String { fr: |m| format!("{m} mois"), en: |m| format!("{m} months") }
        photos_title: &'static str { fr: "Photos", en: "Photos" }
        photos_intro: &'static str {
            fr: "4\u{a0}photos au plus, vues seulement des participant·es et des organisateur·ices de l’action. Pour les montrer à tout le monde, publie-les dans le fil. Sans réseau, elles attendent sur ton téléphone avec le compte-rendu.",
            en: "4 photos at most, seen only by the action's participants and organizers. To show them to everyone, publish them in the feed. Offline, they wait on your phone with the report.",
        }
        photos_kept: &'static str { fr: "Photos déjà jointes", en: "Photos already attached" }
        photo_remove: fn(usize) -> String { fr: |n| format!("Retirer la photo {n}"), en: |n| format!("Remove photo {n}") }
        photos_full: &'static str {
            fr: "Le compte-rendu a déjà 4\u{a0}photos\u{a0}: retires-en une pour en ajouter une autre.",
            en: "The report already has 4 photos: remove one to add another.",
        }
        photo_default_alt: fn(&str) -> String {
            fr: |t| format!("Photo de l’action «\u{202f}{t}\u{202f}»"),
            en: |t| format!("Photo of the action “{t}”"),
        }
        submit: &'static str { fr: "Envoyer le compte-rendu", en: "Send the report" }
        pending: &'static str {
            fr: "Pas de réseau\u{a0}: compte-rendu en attente d’envoi. Il partira tout seul dès le retour de la connexion.",
            en: "No network: report waiting to be sent. It will go by itself as soon as the connection returns.",
        }
        /// Offline, and the phone could not keep the photos (private browsing, storage full).
        photos_lost: &'static str {
            fr: "Pas de réseau\u{a0}: le compte-rendu attend sur ton téléphone, mais ses photos n’ont pas pu y être gardées. Il partira sans elles\u{202f}; joins-les à nouveau une fois connecté·e.",
            en: "No network: the report waits on your phone, but its photos could not be kept there. It will go without them; attach them again once online.",
        }
        not_started_hint: &'static str {
            fr: "L’action n’a pas encore commencé\u{a0}: ce formulaire reste sur ton téléphone pour le terrain, tu l’enverras après l’action.",
            en: "The action has not started yet: this form stays on your phone for the field; send it after the action.",
        }
        sent: &'static str { fr: "Compte-rendu envoyé. Merci\u{202f}!", en: "Report sent. Thank you!" }
        /// Sent from the queue but refused by the server for good: the text is kept in the form.
        refused: &'static str {
            fr: "Le serveur n’a pas accepté ce compte-rendu (il a peut-être été écrit entre-temps par quelqu’un d’autre, ou un champ est à corriger). Ton texte est conservé ci-dessous\u{a0}: vérifie-le et renvoie-le.",
            en: "The server did not accept this report (someone else may have written it meanwhile, or a field needs fixing). Your text is kept below: check it and send it again.",
        }
        /// Waiting for the person to sign in again (the session ended while it waited).
        waiting_sign_in: &'static str {
            fr: "Ta session a expiré\u{a0}: reconnecte-toi, ton compte-rendu partira ensuite tout seul.",
            en: "Your session expired: sign in again and your report will be sent by itself.",
        }
        saved: &'static str { fr: "Compte-rendu enregistré. Merci\u{202f}!", en: "Report saved. Thank you!" }
        report_title: &'static str { fr: "Compte-rendu", en: "Report" }
        contacts_count: &'static str { fr: "Nouveaux contacts", en: "New contacts" }
        contacts_title: &'static str {
            fr: "Nouveaux contacts (visibles des organisateur·ices)",
            en: "New contacts (visible to organizers)",
        }
        contact_expires: fn(&str) -> String { fr: |d| format!("données gardées jusqu’au {d}"), en: |d| format!("data kept until {d}") }

        stats_link: &'static str { fr: "Statistiques de la section", en: "Section statistics" }
        stats_title: fn(&str) -> String { fr: |s| format!("Statistiques\u{a0}: {s}"), en: |s| format!("Statistics: {s}") }
        stats_intro: &'static str {
            fr: "Les actions publiées des douze derniers mois et leurs comptes-rendus.",
            en: "Published actions of the last twelve months and their reports.",
        }
        chart_actions: &'static str { fr: "Actions par mois et par type", en: "Actions per month and kind" }
        chart_results: &'static str { fr: "Tracts, portes et contacts par mois", en: "Leaflets, doors and contacts per month" }
        table_caption: &'static str { fr: "Les chiffres, mois par mois", en: "The figures, month by month" }
        month: &'static str { fr: "Mois", en: "Month" }
        actions: &'static str { fr: "Actions", en: "Actions" }
        participants: &'static str { fr: "Participant·es", en: "Participants" }
        doors: &'static str { fr: "Portes (ouvertes / frappées)", en: "Doors (opened / knocked)" }
        contacts: &'static str { fr: "Contacts", en: "Contacts" }
        reported: &'static str { fr: "Avec compte-rendu", en: "With a report" }
        total: &'static str { fr: "Total", en: "Total" }
        /// (actions, tracts) over the twelve months.
        chart_summary: fn(i64, i64) -> String {
            fr: |actions, tracts| {
                format!(
                    "{} et {} sur douze mois\u{202f}; le détail est dans le tableau ci-dessous.",
                    count(Lang::Fr, actions, "action", "actions"),
                    count(Lang::Fr, tracts, "tract", "tracts")
                )
            },
            en: |actions, tracts| {
                format!(
                    "{} and {} over twelve months; details in the table below.",
                    count(Lang::En, actions, "action", "actions"),
                    count(Lang::En, tracts, "leaflet", "leaflets")
                )
            },
        }
        chart_empty: &'static str { fr: "Rien sur la période.", en: "Nothing over the period." }
    }
}
