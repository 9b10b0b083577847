//! Texts of the field actions: list, detail, answers, creation form, calendar.

use super::typography::{is_plural, plural_s};
use super::Lang;
use crate::model::action::{ActionAudience, ActionKind, ActionsLayout, RsvpStatus};

texts! {
    pub struct ActionTexts {
        nav_actions: &'static str { fr: "Actions", en: "Actions" }
        list_title: &'static str { fr: "Actions de terrain", en: "Field actions" }
        mine_title: &'static str { fr: "Mes actions", en: "My actions" }
        mine_intro: &'static str {
            fr: "Les actions auxquelles tu participes ou que tu organises.",
            en: "The actions you take part in or organize.",
        }
        mine_upcoming: &'static str { fr: "À venir", en: "Upcoming" }
        mine_past: &'static str { fr: "Passées", en: "Past" }
        mine_none_upcoming: &'static str {
            fr: "Aucune action prévue pour toi. Trouve-en une près de chez toi.",
            en: "No action planned for you. Find one near you.",
        }
        mine_none_past: &'static str { fr: "Pas encore d’action passée.", en: "No past action yet." }
        mine_older: &'static str { fr: "Actions plus anciennes", en: "Older actions" }
        report_due: &'static str { fr: "Compte-rendu à rédiger", en: "Report to write" }
        list_intro: &'static str {
            fr: "Tractage, porte-à-porte, phoning… Trouve une action près de chez toi et rejoins-la en un clic.",
            en: "Leafleting, door-to-door, phoning… Find an action near you and join it in one tap.",
        }
        near: fn(&str, i64) -> String {
            fr: |place, km| format!("À moins de {km} km de {place}"),
            en: |place, km| format!("Within {km} km of {place}"),
        }
        no_origin: &'static str {
            fr: "Indique un code postal pour voir les actions près de chez toi.",
            en: "Give a postal code to see the actions near you.",
        }
        your_position: &'static str { fr: "ta position", en: "your position" }
        filters_title: &'static str { fr: "Filtrer", en: "Filter" }
        filter_kind: &'static str { fr: "Type d’action", en: "Kind of action" }
        any_kind: &'static str { fr: "Tous les types", en: "All kinds" }
        filter_from: &'static str { fr: "À partir du", en: "From" }
        filter_to: &'static str { fr: "Jusqu’au", en: "Until" }
        filter_radius: &'static str { fr: "Rayon (km)", en: "Radius (km)" }
        filter_near: &'static str { fr: "Près de (code postal)", en: "Near (postal code)" }
        filter_near_hint: &'static str { fr: "Vide\u{a0}: ta commune.", en: "Empty: your commune." }
        filter_submit: &'static str { fr: "Afficher", en: "Show" }
        use_my_position: &'static str { fr: "Utiliser ma position", en: "Use my position" }
        none_found: &'static str {
            fr: "Aucune action à venir ici pour l’instant. Élargis le rayon, ou propose-en une à ta section\u{202f}!",
            en: "No upcoming action here yet. Widen the radius, or propose one to your section!",
        }
        more: &'static str { fr: "Actions suivantes", en: "Next actions" }
        new_action: &'static str { fr: "Créer une action", en: "Create an action" }
        propose_action: &'static str { fr: "Proposer une action", en: "Propose an action" }
        kind: fn(ActionKind) -> &'static str {
            fr: |k| match k {
                ActionKind::Tractage => "Tractage",
                ActionKind::Boitage => "Boîtage",
                ActionKind::PorteAPorte => "Porte-à-porte",
                ActionKind::Phoning => "Phoning",
                ActionKind::Collage => "Collage d’affiches",
                ActionKind::ReunionPublique => "Réunion publique",
                ActionKind::ReunionAppartement => "Réunion d’appartement",
                ActionKind::Permanence => "Permanence / stand",
                ActionKind::Meeting => "Meeting",
                ActionKind::Formation => "Formation",
                ActionKind::Autre => "Autre",
            },
            en: |k| match k {
                ActionKind::Tractage => "Leafleting",
                ActionKind::Boitage => "Letterbox drop",
                ActionKind::PorteAPorte => "Door-to-door",
                ActionKind::Phoning => "Phone banking",
                ActionKind::Collage => "Poster gluing",
                ActionKind::ReunionPublique => "Public meeting",
                ActionKind::ReunionAppartement => "House meeting",
                ActionKind::Permanence => "Stand",
                ActionKind::Meeting => "Rally",
                ActionKind::Formation => "Training",
                ActionKind::Autre => "Other",
            },
        }
        audience: fn(ActionAudience) -> &'static str {
            fr: |a| match a {
                ActionAudience::Public => "Ouverte à tous",
                ActionAudience::Section => "Réservée à la section",
                ActionAudience::Adherents => "Réservée aux adhérent·es",
            },
            en: |a| match a {
                ActionAudience::Public => "Open to all",
                ActionAudience::Section => "Section only",
                ActionAudience::Adherents => "Members only",
            },
        }
        distance: fn(i64) -> String {
            fr: |m| if m < 1000 { format!("à {m} m") } else { format!("à {} km", format_km(m)) },
            en: |m| if m < 1000 { format!("{m} m away") } else { format!("{} km away", format_km(m).replace(',', ".")) },
        }
        places: fn(i64, Option<i64>) -> String {
            fr: |going, capacity| match capacity {
                Some(c) if going >= c => format!("{going} participant·es · complet (liste d’attente)"),
                Some(c) => format!("{going} participant·es · {} place{} restante{}", c - going, plural_s(Lang::Fr, c - going), plural_s(Lang::Fr, c - going)),
                None => format!("{going} participant·e{}", plural_s(Lang::Fr, going)),
            },
            en: |going, capacity| match capacity {
                Some(c) if going >= c => format!("{going} going · full (waiting list)"),
                Some(c) => format!("{going} going · {} place{} left", c - going, plural_s(Lang::En, c - going)),
                None => format!("{going} going"),
            },
        }
        renfort: fn(i64) -> String {
            fr: |n| format!("Renfort demandé\u{a0}: besoin de {n} personne{}", plural_s(Lang::Fr, n)),
            en: |n| format!("Reinforcements wanted: {n} more {}", if is_plural(Lang::En, n) { "people" } else { "person" }),
        }
        cancelled: &'static str { fr: "Annulée", en: "Cancelled" }
        proposed: &'static str { fr: "Proposition en attente de validation", en: "Proposal awaiting approval" }
        my_status: fn(RsvpStatus) -> &'static str {
            fr: |s| match s {
                RsvpStatus::Going => "Tu participes",
                RsvpStatus::Waiting => "Tu es sur liste d’attente",
                RsvpStatus::Maybe => "Peut-être",
                RsvpStatus::Declined => "Tu ne peux pas",
            },
            en: |s| match s {
                RsvpStatus::Going => "You are going",
                RsvpStatus::Waiting => "You are on the waiting list",
                RsvpStatus::Maybe => "Maybe",
                RsvpStatus::Declined => "You can't come",
            },
        }
        when: fn(&str, &str, &str) -> String {
            fr: |day, start, end| format!("{day}, de {start} à {end}"),
            en: |day, start, end| format!("{day}, {start} to {end}"),
        }

        organized_by: &'static str { fr: "Organisée par", en: "Organized by" }
        meeting_point: &'static str { fr: "Point de rendez-vous", en: "Meeting point" }
        material: &'static str { fr: "À apporter", en: "Bring" }
        audience_label: &'static str { fr: "Public", en: "Audience" }
        organizers: &'static str { fr: "Organisateur·ices", en: "Organizers" }
        participants: &'static str { fr: "Qui vient", en: "Who is coming" }
        participants_hidden: &'static str {
            fr: "La liste des participant·es est visible par celles et ceux qui participent.",
            en: "The list of participants is visible to those who take part.",
        }
        waiting_count: fn(i64) -> String { fr: |n| format!("{n} sur liste d’attente"), en: |n| format!("{n} on the waiting list") }
        maybe_count: fn(i64) -> String { fr: |n| format!("{n} peut-être"), en: |n| format!("{n} maybe") }
        answer_title: &'static str { fr: "Ta réponse", en: "Your answer" }
        answer_yes: &'static str { fr: "Je participe", en: "I'm in" }
        answer_maybe: &'static str { fr: "Peut-être", en: "Maybe" }
        answer_no: &'static str { fr: "Je ne peux pas", en: "I can't" }
        share_contact: &'static str {
            fr: "Les organisateur·ices peuvent voir mon adresse e-mail",
            en: "The organizers may see my e-mail address",
        }
        show_first_name: &'static str {
            fr: "Les autres participant·es peuvent voir mon prénom",
            en: "Other participants may see my first name",
        }
        /// "… and N more" after the first names shown to participants.
        others_coming: fn(usize, i64) -> String {
            fr: |shown, total| {
                let rest = total - shown as i64;
                match (shown, rest) {
                    (0, n) => format!("{n} participant{}", if is_plural(Lang::Fr, n) { "·es" } else { "·e" }),
                    (_, 1) => "et 1\u{a0}autre personne".to_string(),
                    (_, n) => format!("et {n}\u{a0}autres personnes"),
                }
            },
            en: |shown, total| {
                let rest = total - shown as i64;
                match (shown, rest) {
                    (0, n) => format!("{n} participant{}", plural_s(Lang::En, n)),
                    (_, 1) => "and 1 more person".to_string(),
                    (_, n) => format!("and {n} more people"),
                }
            },
        }
        invitation_title: &'static str { fr: "Co-organiser cette action\u{202f}?", en: "Co-organize this action?" }
        invitation_text: fn(&str) -> String {
            fr: |who| format!("{who} te propose de co-organiser cette action. En acceptant, tu verras qui vient, les adresses e-mail partagées et les contacts rencontrés."),
            en: |who| format!("{who} asks you to co-organize this action. If you accept, you will see who comes, the e-mails they share and the contacts met."),
        }
        invitation_accept: &'static str { fr: "J’accepte", en: "I accept" }
        invitation_decline: &'static str { fr: "Je refuse", en: "I decline" }
        pending_organizers: &'static str { fr: "Invitations en attente", en: "Invitations not answered yet" }
        report_history: fn(i64) -> String {
            fr: |n| format!("Historique du compte-rendu ({n}\u{a0}version{})", plural_s(Lang::Fr, n)),
            en: |n| format!("History of the compte-rendu ({n} version{})", plural_s(Lang::En, n)),
        }
        report_version: fn(&str, &str) -> String { fr: |who, when| format!("{who}, {when}"), en: |who, when| format!("{who}, {when}") }
        answered: fn(RsvpStatus) -> &'static str {
            fr: |s| match s {
                RsvpStatus::Going => "C’est noté\u{a0}: tu participes. Merci\u{202f}!",
                RsvpStatus::Waiting => "L’action est complète\u{a0}: tu es sur liste d’attente. Tu seras prévenu·e si une place se libère.",
                RsvpStatus::Maybe => "C’est noté\u{a0}: peut-être.",
                RsvpStatus::Declined => "C’est noté\u{a0}: tu ne peux pas venir.",
            },
            en: |s| match s {
                RsvpStatus::Going => "Noted: you are going. Thank you!",
                RsvpStatus::Waiting => "The action is full: you are on the waiting list. You will be told if a place frees up.",
                RsvpStatus::Maybe => "Noted: maybe.",
                RsvpStatus::Declined => "Noted: you can't come.",
            },
        }
        sign_in_to_join: &'static str { fr: "Connecte-toi pour participer", en: "Sign in to take part" }
        past: &'static str { fr: "Cette action est passée.", en: "This action is over." }
        add_to_calendar: &'static str { fr: "Ajouter à mon agenda (.ics)", en: "Add to my calendar (.ics)" }
        open_map: &'static str { fr: "Voir sur la carte (OpenStreetMap)", en: "See on the map (OpenStreetMap)" }
        edit: &'static str { fr: "Modifier", en: "Edit" }
        cancel_title: &'static str { fr: "Annuler l’action", en: "Cancel the action" }
        cancel_reason: &'static str { fr: "Raison (envoyée aux participant·es)", en: "Reason (sent to participants)" }
        cancel_submit: &'static str { fr: "Annuler l’action", en: "Cancel the action" }
        cancelled_because: fn(&str) -> String { fr: |r| format!("Action annulée\u{a0}: {r}"), en: |r| format!("Action cancelled: {r}") }
        approve: &'static str { fr: "Valider et publier", en: "Approve and publish" }
        proposals_title: &'static str { fr: "Propositions à valider", en: "Proposals to approve" }
        contact: &'static str { fr: "Contact", en: "Contact" }

        form_title: &'static str { fr: "Nouvelle action", en: "New action" }
        edit_title: fn(&str) -> String { fr: |t| format!("Modifier «\u{202f}{t}\u{202f}»"), en: |t| format!("Edit “{t}”") }
        propose_hint: &'static str {
            fr: "Ta proposition sera publiée quand un·e animateur·ice de ta section l’aura validée.",
            en: "Your proposal will be published once an organizer of your section approves it.",
        }
        scope_label: &'static str { fr: "Organisée par", en: "Organized by" }
        kind_label: &'static str { fr: "Type d’action", en: "Kind of action" }
        title_label: &'static str { fr: "Titre", en: "Title" }
        description_label: &'static str { fr: "Description", en: "Description" }
        starts_label: &'static str { fr: "Début", en: "Start" }
        ends_label: &'static str { fr: "Fin", en: "End" }
        place_label: &'static str { fr: "Point de rendez-vous", en: "Meeting point" }
        place_hint: &'static str {
            fr: "Exemple\u{a0}: marché de Wazemmes, devant la fontaine.",
            en: "For example: Wazemmes market, by the fountain.",
        }
        address_label: &'static str { fr: "Adresse (facultatif)", en: "Address (optional)" }
        commune_label: &'static str { fr: "Commune", en: "Commune" }
        commune_hint: &'static str {
            fr: "Sert à placer l’action si tu n’indiques pas de coordonnées.",
            en: "Places the action when you give no coordinates.",
        }
        lat_label: &'static str { fr: "Latitude (facultatif)", en: "Latitude (optional)" }
        lng_label: &'static str { fr: "Longitude (facultatif)", en: "Longitude (optional)" }
        coordinates_hint: &'static str {
            fr: "Exemple\u{a0}: 50.6286 et 3.0570. Vide\u{a0}: le centre de la commune.",
            en: "For example 50.6286 and 3.0570. Empty: the commune's centre.",
        }
        coordinates_manual: &'static str { fr: "Saisir des coordonnées GPS", en: "Type GPS coordinates" }
        meeting_point_on_map: &'static str { fr: "Le point de rendez-vous sur la carte", en: "The meeting point on the map" }
        capacity_label: &'static str { fr: "Nombre de places (facultatif)", en: "Places (optional)" }
        capacity_hint: &'static str {
            fr: "Vide\u{a0}: pas de limite. Au-delà, une liste d’attente se forme.",
            en: "Empty: no limit. Beyond it, a waiting list forms.",
        }
        material_label: &'static str { fr: "Matériel à apporter (facultatif)", en: "What to bring (optional)" }
        renfort_label: &'static str {
            fr: "Renfort\u{a0}: personnes supplémentaires recherchées",
            en: "Reinforcements: extra people wanted",
        }
        renfort_hint: &'static str {
            fr: "Les sections voisines de ta fédération et les sympathisant·es à moins de 30 km la verront mise en avant. 0\u{a0}: pas de renfort.",
            en: "Neighbouring sections of your federation and sympathisers within 30 km will see it highlighted. 0: none.",
        }
        organizers_label: &'static str { fr: "Co-organisateur·ices (identifiants, facultatif)", en: "Co-organizers (handles, optional)" }
        organizers_hint: &'static str {
            fr: "Exemple\u{a0}: lea-martin, paul-durand. Des personnes de la section (ou de la fédération)\u{202f}; chacune reçoit une invitation qu’elle accepte ou refuse.",
            en: "For example: lea-martin, paul-durand. People of the section (or federation); each gets an invitation to accept or decline.",
        }
        create_submit: &'static str { fr: "Publier l’action", en: "Publish the action" }
        propose_submit: &'static str { fr: "Proposer l’action", en: "Propose the action" }
        save_submit: &'static str { fr: "Enregistrer les modifications", en: "Save changes" }

        layouts_label: &'static str { fr: "Affichage", en: "View" }
        layout: fn(ActionsLayout) -> &'static str {
            fr: |l| match l {
                ActionsLayout::List => "Liste",
                ActionsLayout::Map => "Carte",
                ActionsLayout::Month => "Mois",
                ActionsLayout::Week => "Semaine",
            },
            en: |l| match l {
                ActionsLayout::List => "List",
                ActionsLayout::Map => "Map",
                ActionsLayout::Month => "Month",
                ActionsLayout::Week => "Week",
            },
        }
        map_label: &'static str { fr: "Carte des actions", en: "Map of the actions" }
        map_needs_js: &'static str {
            fr: "La carte a besoin de JavaScript. Les mêmes actions sont dans la liste ci-dessous.",
            en: "The map needs JavaScript. The same actions are in the list below.",
        }
        map_no_point: &'static str {
            fr: "Indique la commune\u{a0}: la carte s’y place. Touche-la ensuite pour mettre le point de rendez-vous exact, ou utilise ta position. Sinon, le centre de la commune sera pris.",
            en: "Type the commune: the map goes there. Then tap it to place the exact meeting point, or use your position. Otherwise the commune's centre is taken.",
        }
        previous_month: &'static str { fr: "Mois précédent", en: "Previous month" }
        next_month: &'static str { fr: "Mois suivant", en: "Next month" }
        previous_week: &'static str { fr: "Semaine précédente", en: "Previous week" }
        next_week: &'static str { fr: "Semaine suivante", en: "Next week" }
        week_of: fn(&str) -> String { fr: |day| format!("Semaine du {day}"), en: |day| format!("Week of {day}") }
        weekdays: [&'static str; 7] {
            fr: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
            en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        }
        nothing_planned: &'static str { fr: "Rien de prévu.", en: "Nothing planned." }
        today: &'static str { fr: "aujourd’hui", en: "today" }
        calendar_truncated: &'static str {
            fr: "Il y a d’autres actions sur cette période\u{a0}: précise le type ou réduis le rayon.",
            en: "There are more actions in this period: choose a kind or reduce the radius.",
        }
        suggestions_title: &'static str { fr: "Pour toi", en: "For you" }
        suggestions_intro: &'static str {
            fr: "Des actions près de chez toi qui correspondent aux disponibilités de ton profil.",
            en: "Actions near you that match the availabilities in your profile.",
        }
        suggested_badge: &'static str { fr: "Correspond à tes disponibilités", en: "Matches your availabilities" }
        locating: &'static str { fr: "Recherche de ta position…", en: "Finding your position…" }
        position_refused: &'static str {
            fr: "Ta position n’a pas été partagée. Indique plutôt un code postal.",
            en: "Your position was not shared. Give a postal code instead.",
        }
        position_unavailable: &'static str {
            fr: "Ta position n’est pas disponible pour l’instant. Indique plutôt un code postal.",
            en: "Your position is not available right now. Give a postal code instead.",
        }
        pick_on_map: &'static str { fr: "Placer sur la carte", en: "Place on the map" }
        position_taken: &'static str {
            fr: "Position reprise\u{a0}: vérifie le point sur la carte.",
            en: "Position taken: check the point on the map.",
        }

        calendar_title: &'static str { fr: "Mon agenda", en: "My calendar" }
        calendar_intro: &'static str {
            fr: "Abonne ton agenda (téléphone, Thunderbird…) aux actions auxquelles tu participes. Garde cette adresse pour toi.",
            en: "Subscribe your calendar app to the actions you take part in. Keep this address to yourself.",
        }
        calendar_make: &'static str { fr: "Créer mon adresse d’agenda", en: "Create my calendar address" }
        calendar_remake: &'static str {
            fr: "Changer d’adresse (l’ancienne cessera de fonctionner)",
            en: "Change the address (the old one stops working)",
        }
        calendar_revoke: &'static str { fr: "Supprimer mon adresse d’agenda", en: "Delete my calendar address" }
        calendar_your_address: &'static str { fr: "Ton adresse d’agenda personnelle\u{a0}:", en: "Your personal calendar address:" }
        section_actions: &'static str { fr: "Prochaines actions", en: "Upcoming actions" }
        section_no_actions: &'static str { fr: "Aucune action prévue pour l’instant.", en: "No action planned yet." }
    }
}

/// "12,3" km with a French decimal comma (one decimal under 10 km).
fn format_km(m: i64) -> String {
    if m < 10_000 {
        format!("{},{}", m / 1000, (m % 1000) / 100)
    } else {
        format!("{}", (m + 500) / 1000)
    }
}
