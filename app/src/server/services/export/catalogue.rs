//! What "Télécharger mes données" contains (GDPR art. 15 and 20): one section per kind of data,
//! each a query on the person's id (`$1`) and the tables it reads; and the tables deliberately
//! left out, each with why. `tests/export_contract.rs` fails when a table of either schema is in
//! neither list, so a new table cannot be forgotten.

/// How a column is written: times become ISO 8601 (UTC) in the JSON and French dates in the page;
/// flags become booleans on both databases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    Time,
    Flag,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    /// The heading in the readable page.
    pub label: &'static str,
    pub kind: Kind,
}

const fn text(name: &'static str, label: &'static str) -> Column {
    Column { name, label, kind: Kind::Text }
}
const fn number(name: &'static str, label: &'static str) -> Column {
    Column { name, label, kind: Kind::Number }
}
const fn time(name: &'static str, label: &'static str) -> Column {
    Column { name, label, kind: Kind::Time }
}
const fn flag(name: &'static str, label: &'static str) -> Column {
    Column { name, label, kind: Kind::Flag }
}

#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// The key in the JSON file.
    pub key: &'static str,
    pub title: &'static str,
    /// The tables this section reads the person's rows from.
    pub tables: &'static [&'static str],
    pub sql: &'static str,
    pub columns: &'static [Column],
}

pub const SECTIONS: &[Section] = &[
    Section {
        key: "compte",
        title: "Compte",
        tables: &["users"],
        sql: "SELECT u.handle, u.display_name, u.email, u.email_verified_at, u.postal_code, u.membership, u.membership_status, \
              u.membership_decided_at, d.display_name AS membership_decided_by, u.created_at, u.updated_at, u.suspended_at, \
              u.last_seen_at, u.retention_warned_at FROM users u LEFT JOIN users d ON d.id = u.membership_decided_by WHERE u.id = $1",
        columns: &[
            text("handle", "Identifiant"),
            text("display_name", "Nom affiché"),
            text("email", "Adresse e-mail"),
            time("email_verified_at", "Adresse confirmée le"),
            text("postal_code", "Code postal"),
            text("membership", "Adhésion déclarée"),
            text("membership_status", "Statut de l’adhésion"),
            time("membership_decided_at", "Adhésion décidée le"),
            text("membership_decided_by", "Adhésion décidée par"),
            time("created_at", "Compte créé le"),
            time("updated_at", "Modifié le"),
            time("suspended_at", "Suspendu le"),
            time("last_seen_at", "Dernière visite"),
            time("retention_warned_at", "Prévenu·e de la fin de conservation le"),
        ],
    },
    Section {
        key: "commune_et_section",
        title: "Commune, section et fédération",
        tables: &["users"],
        sql: "SELECT c.insee, c.name AS commune, c.departement_code AS federation, s.name AS section FROM users u \
              LEFT JOIN communes c ON c.insee = u.commune_insee LEFT JOIN section_communes sc ON sc.insee = u.commune_insee \
              LEFT JOIN sections s ON s.id = sc.section_id WHERE u.id = $1",
        columns: &[text("insee", "Code INSEE"), text("commune", "Commune"), text("federation", "Fédération"), text("section", "Section")],
    },
    Section {
        key: "consentements",
        title: "Consentements",
        tables: &["consents"],
        sql: "SELECT purpose, text_version, method, granted_at, withdrawn_at FROM consents WHERE user_id = $1 ORDER BY granted_at",
        columns: &[
            text("purpose", "Objet"),
            text("text_version", "Version du texte"),
            text("method", "Recueilli par"),
            time("granted_at", "Donné le"),
            time("withdrawn_at", "Retiré le"),
        ],
    },
    Section {
        key: "profil",
        title: "Profil et qui le voit",
        tables: &["profiles"],
        sql: "SELECT bio, bio_visibility, status_line, status_visibility, mandates_visibility, responsibilities_visibility, \
              interests_visibility, availabilities_visibility, updated_at FROM profiles WHERE user_id = $1",
        columns: &[
            text("bio", "À propos de moi"),
            text("bio_visibility", "Visible par"),
            text("status_line", "Statut"),
            text("status_visibility", "Visible par"),
            text("mandates_visibility", "Mandats visibles par"),
            text("responsibilities_visibility", "Responsabilités visibles par"),
            text("interests_visibility", "Centres d’intérêt visibles par"),
            text("availabilities_visibility", "Disponibilités visibles par"),
            time("updated_at", "Modifié le"),
        ],
    },
    Section {
        key: "profil_listes",
        title: "Mandats, responsabilités et centres d’intérêt",
        tables: &["profile_list_items"],
        sql: "SELECT list, position, value FROM profile_list_items WHERE user_id = $1 ORDER BY list, position",
        columns: &[text("list", "Liste"), number("position", "Rang"), text("value", "Valeur")],
    },
    Section {
        key: "disponibilites",
        title: "Disponibilités",
        tables: &["profile_availabilities"],
        sql: "SELECT kind FROM profile_availabilities WHERE user_id = $1 ORDER BY kind",
        columns: &[text("kind", "Type d’action")],
    },
    Section {
        key: "roles",
        title: "Rôles",
        tables: &["roles"],
        sql: "SELECT r.role, r.scope_kind, r.scope_code, r.granted_at, g.display_name AS granted_by FROM roles r \
              LEFT JOIN users g ON g.id = r.granted_by WHERE r.user_id = $1 ORDER BY r.granted_at",
        columns: &[
            text("role", "Rôle"),
            text("scope_kind", "Niveau"),
            text("scope_code", "Territoire"),
            time("granted_at", "Confié le"),
            text("granted_by", "Confié par"),
        ],
    },
    Section {
        key: "journal",
        title: "Entrées du journal qui te concernent",
        tables: &["audit_log"],
        sql: "SELECT a.at, a.action, a.scope_kind, a.scope_code, a.detail, CASE WHEN a.actor_id = $1 THEN 'auteur' ELSE 'concerné' END AS my_part \
              FROM audit_log a WHERE a.actor_id = $1 OR a.target_user_id = $1 ORDER BY a.at",
        columns: &[
            time("at", "Date"),
            text("action", "Action"),
            text("scope_kind", "Niveau"),
            text("scope_code", "Territoire"),
            text("detail", "Détail"),
            text("my_part", "Ton rôle"),
        ],
    },
    Section {
        key: "publications",
        title: "Publications",
        tables: &["posts", "post_tags"],
        sql: "SELECT id, audience, body, created_at, edited_at, hidden_at, hidden_reason FROM posts WHERE author_id = $1 ORDER BY id",
        columns: &[
            number("id", "N°"),
            text("audience", "Public"),
            text("body", "Texte"),
            time("created_at", "Publiée le"),
            time("edited_at", "Modifiée le"),
            time("hidden_at", "Masquée le"),
            text("hidden_reason", "Motif du masquage"),
        ],
    },
    Section {
        key: "photos",
        title: "Photos (les fichiers sont dans le dossier photos/ de l’archive)",
        tables: &["media"],
        sql: "SELECT key, post_id, report_action, alt, width, height, created_at FROM media WHERE owner_id = $1 ORDER BY created_at, id",
        columns: &[
            text("key", "Fichier (photos/…jpg)"),
            number("post_id", "Publication n°"),
            number("report_action", "Compte-rendu de l’action n° (ni l’un ni l’autre\u{a0}: ta photo de profil)"),
            text("alt", "Description"),
            number("width", "Largeur (px)"),
            number("height", "Hauteur (px)"),
            time("created_at", "Envoyée le"),
        ],
    },
    Section {
        key: "boite_a_outils",
        title: "Documents envoyés à une boîte à outils (les fichiers appartiennent à la section ou à la fédération)",
        tables: &["documents", "document_versions"],
        sql: "SELECT d.id, d.title, v.number, v.kind, v.bytes, v.note, v.created_at FROM document_versions v \
              JOIN documents d ON d.id = v.document_id WHERE v.uploaded_by = $1 ORDER BY v.created_at, v.id",
        columns: &[
            number("id", "Document n°"),
            text("title", "Titre"),
            number("number", "Version"),
            text("kind", "Type"),
            number("bytes", "Octets"),
            text("note", "Ce qui change"),
            time("created_at", "Envoyée le"),
        ],
    },
    Section {
        key: "documents_des_actions",
        title: "Documents que tu as joints à une action",
        tables: &["action_documents"],
        sql: "SELECT action_id, document_id, added_at FROM action_documents WHERE added_by = $1 ORDER BY added_at",
        columns: &[number("action_id", "Action n°"), number("document_id", "Document n°"), time("added_at", "Joint le")],
    },
    Section {
        key: "commentaires",
        title: "Commentaires",
        tables: &["comments"],
        sql: "SELECT id, post_id, body, created_at, edited_at, hidden_at, hidden_reason FROM comments WHERE author_id = $1 ORDER BY id",
        columns: &[
            number("id", "N°"),
            number("post_id", "Publication"),
            text("body", "Texte"),
            time("created_at", "Écrit le"),
            time("edited_at", "Modifié le"),
            time("hidden_at", "Masqué le"),
            text("hidden_reason", "Motif du masquage"),
        ],
    },
    Section {
        key: "reactions",
        title: "Réactions",
        tables: &["reactions"],
        sql: "SELECT post_id, kind, created_at FROM reactions WHERE user_id = $1 ORDER BY created_at",
        columns: &[number("post_id", "Publication"), text("kind", "Réaction"), time("created_at", "Le")],
    },
    Section {
        key: "coopains",
        title: "Coopains",
        tables: &["coopains"],
        sql: "SELECT u.handle, u.display_name, c.since FROM coopains c JOIN users u ON u.id = c.coopain_id WHERE c.user_id = $1 ORDER BY c.since",
        columns: &[text("handle", "Identifiant"), text("display_name", "Nom"), time("since", "Coopains depuis le")],
    },
    Section {
        key: "demandes_coopains",
        title: "Demandes de coopains",
        tables: &["coopain_requests"],
        sql: "SELECT CASE WHEN r.requester_id = $1 THEN 'envoyée' ELSE 'reçue' END AS direction, u.handle, u.display_name, \
              CASE WHEN r.requester_id = $1 AND r.status = 'declined' THEN 'pending' ELSE r.status END AS status, r.created_at \
              FROM coopain_requests r JOIN users u ON u.id = CASE WHEN r.requester_id = $1 THEN r.recipient_id ELSE r.requester_id END \
              WHERE r.requester_id = $1 OR r.recipient_id = $1 ORDER BY r.created_at",
        columns: &[
            text("direction", "Sens"),
            text("handle", "Identifiant"),
            text("display_name", "Nom"),
            text("status", "État"),
            time("created_at", "Le"),
        ],
    },
    Section {
        key: "blocages",
        title: "Personnes que tu as bloquées",
        tables: &["blocks"],
        sql: "SELECT u.handle, u.display_name, b.created_at FROM blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = $1 ORDER BY b.created_at",
        columns: &[text("handle", "Identifiant"), text("display_name", "Nom"), time("created_at", "Bloquée le")],
    },
    Section {
        key: "groupes",
        title: "Groupes",
        tables: &["group_members", "groups"],
        sql: "SELECT g.name, g.slug, m.role, m.created_at, CASE WHEN g.created_by = $1 THEN 1 ELSE 0 END AS created_by_me \
              FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = $1 ORDER BY m.created_at",
        columns: &[
            text("name", "Groupe"),
            text("slug", "Adresse"),
            text("role", "Rôle"),
            time("created_at", "Depuis le"),
            flag("created_by_me", "Créé par toi"),
        ],
    },
    Section {
        key: "notifications",
        title: "Notifications",
        tables: &["notifications"],
        sql: "SELECT n.kind, a.display_name AS actor, n.post_id, n.action_id, n.count, n.created_at, n.read_at FROM notifications n \
              LEFT JOIN users a ON a.id = n.actor_id WHERE n.user_id = $1 ORDER BY n.created_at",
        columns: &[
            text("kind", "Type"),
            text("actor", "De"),
            number("post_id", "Publication"),
            number("action_id", "Action"),
            number("count", "Nombre"),
            time("created_at", "Le"),
            time("read_at", "Lue le"),
        ],
    },
    Section {
        key: "actions_organisees",
        title: "Actions que tu organises ou as créées",
        tables: &["action_organizers", "actions"],
        sql: "SELECT a.id, a.kind, a.title, a.place_name, a.starts_at, a.status, CASE WHEN a.created_by = $1 THEN 1 ELSE 0 END AS created_by_me \
              FROM actions a WHERE a.created_by = $1 OR EXISTS (SELECT 1 FROM action_organizers o WHERE o.action_id = a.id AND o.user_id = $1) \
              ORDER BY a.starts_at",
        columns: &[
            number("id", "N°"),
            text("kind", "Type"),
            text("title", "Titre"),
            text("place_name", "Lieu"),
            time("starts_at", "Début"),
            text("status", "État"),
            flag("created_by_me", "Créée par toi"),
        ],
    },
    Section {
        key: "participations",
        title: "Tes réponses aux actions",
        tables: &["action_rsvps"],
        sql: "SELECT a.id, a.title, a.starts_at, r.status, r.share_contact, r.show_first_name, r.queued_at, r.updated_at \
              FROM action_rsvps r JOIN actions a ON a.id = r.action_id WHERE r.user_id = $1 ORDER BY a.starts_at",
        columns: &[
            number("id", "Action"),
            text("title", "Titre"),
            time("starts_at", "Début"),
            text("status", "Réponse"),
            flag("share_contact", "Adresse montrée aux organisateurs"),
            flag("show_first_name", "Prénom montré aux participants"),
            time("queued_at", "Inscrit·e le"),
            time("updated_at", "Modifiée le"),
        ],
    },
    Section {
        key: "rappels",
        title: "Rappels envoyés",
        tables: &["action_reminders"],
        sql: "SELECT action_id, kind, sent_at FROM action_reminders WHERE user_id = $1 ORDER BY sent_at",
        columns: &[number("action_id", "Action"), text("kind", "Rappel"), time("sent_at", "Envoyé le")],
    },
    Section {
        key: "comptes_rendus",
        title: "Comptes-rendus écrits",
        tables: &["action_reports", "action_report_revisions"],
        sql: "SELECT action_id, present, tracts, doors_knocked, doors_opened, conversations, calls, notes, created_at \
              FROM action_report_revisions WHERE author_id = $1 ORDER BY created_at",
        columns: &[
            number("action_id", "Action"),
            number("present", "Présents"),
            number("tracts", "Tracts"),
            number("doors_knocked", "Portes frappées"),
            number("doors_opened", "Portes ouvertes"),
            number("conversations", "Conversations"),
            number("calls", "Appels"),
            text("notes", "Notes"),
            time("created_at", "Écrit le"),
        ],
    },
    Section {
        key: "envois_hors_ligne",
        title: "Comptes-rendus reçus depuis ton téléphone",
        tables: &["action_report_submissions"],
        sql: "SELECT action_id, received_at FROM action_report_submissions WHERE user_id = $1 ORDER BY received_at",
        columns: &[number("action_id", "Action"), time("received_at", "Reçu le")],
    },
    Section {
        key: "contacts",
        title: "Contacts que tu as notés (et leur accord)",
        tables: &["action_contacts"],
        sql: "SELECT action_id, name, phone, email, wants_callback, wants_news, wants_volunteer, consent_at, expires_at \
              FROM action_contacts WHERE recorded_by = $1 ORDER BY consent_at",
        columns: &[
            number("action_id", "Action"),
            text("name", "Nom"),
            text("phone", "Téléphone"),
            text("email", "Adresse e-mail"),
            flag("wants_callback", "Veut être rappelé·e"),
            flag("wants_news", "Veut des nouvelles"),
            flag("wants_volunteer", "Veut s’engager"),
            time("consent_at", "Accord donné le"),
            time("expires_at", "Effacé le"),
        ],
    },
    Section {
        key: "appareils",
        title: "Appareils connectés",
        tables: &["sessions"],
        sql: "SELECT device_id, client, created_at, last_seen_at, expires_at FROM sessions WHERE user_id = $1 ORDER BY created_at",
        columns: &[
            text("device_id", "Appareil"),
            text("client", "Navigateur"),
            time("created_at", "Connecté le"),
            time("last_seen_at", "Vu le"),
            time("expires_at", "Expire le"),
        ],
    },
    Section {
        key: "calendrier",
        title: "Adresse de calendrier",
        tables: &["calendar_tokens"],
        sql: "SELECT created_at FROM calendar_tokens WHERE user_id = $1",
        columns: &[time("created_at", "Créée le")],
    },
    Section {
        key: "liens_envoyes",
        title: "Liens envoyés par e-mail",
        tables: &["account_tokens"],
        sql: "SELECT purpose, email, created_at, expires_at, used_at FROM account_tokens WHERE user_id = $1 ORDER BY created_at",
        columns: &[
            text("purpose", "Pour"),
            text("email", "Adresse"),
            time("created_at", "Envoyé le"),
            time("expires_at", "Valable jusqu’au"),
            time("used_at", "Utilisé le"),
        ],
    },
    Section {
        key: "emails",
        title: "E-mails envoyés",
        tables: &["mail_outbox"],
        sql: "SELECT kind, to_address, subject, body_text, status, created_at, sent_at FROM mail_outbox WHERE user_id = $1 ORDER BY created_at",
        columns: &[
            text("kind", "Type"),
            text("to_address", "À"),
            text("subject", "Objet"),
            text("body_text", "Texte"),
            text("status", "État"),
            time("created_at", "Écrit le"),
            time("sent_at", "Envoyé le"),
        ],
    },
    Section {
        key: "exports",
        title: "Téléchargements de tes données",
        tables: &["data_exports"],
        sql: "SELECT status, requested_at, ready_at, expires_at FROM data_exports WHERE user_id = $1 ORDER BY requested_at",
        columns: &[text("status", "État"), time("requested_at", "Demandé le"), time("ready_at", "Prêt le"), time("expires_at", "Disponible jusqu’au")],
    },
    Section {
        key: "suppression_demandee",
        title: "Suppression du compte demandée",
        tables: &["account_erasures"],
        sql: "SELECT requested_at, effective_at FROM account_erasures WHERE user_id = $1",
        columns: &[time("requested_at", "Demandée le"), time("effective_at", "Effective le")],
    },
    Section {
        key: "signalements_faits",
        title: "Signalements que tu as faits",
        tables: &["moderation_reports", "moderation_cases"],
        sql: "SELECT mc.item_kind, mc.context_link, r.category, r.explanation, r.created_at, d.kind AS outcome, d.rule \
              FROM moderation_reports r JOIN moderation_cases mc ON mc.id = r.case_id \
              LEFT JOIN moderation_decisions d ON d.id = r.handled_by WHERE r.reporter_id = $1 ORDER BY r.created_at",
        columns: &[
            text("item_kind", "Contenu"),
            text("context_link", "Adresse"),
            text("category", "Motif"),
            text("explanation", "Précisions"),
            time("created_at", "Signalé le"),
            text("outcome", "Décision"),
            text("rule", "Article de la charte"),
        ],
    },
    Section {
        key: "moderation_te_concernant",
        title: "Décisions de modération te concernant",
        tables: &["moderation_decisions", "moderation_cases", "moderation_restrictions"],
        sql: "SELECT d.scope_kind, d.item_kind, d.kind, d.rule, d.reason, d.decided_at, d.ends_at, mc.snapshot \
              FROM moderation_decisions d LEFT JOIN moderation_cases mc ON mc.id = d.case_id WHERE d.concerned_id = $1 ORDER BY d.decided_at",
        columns: &[
            text("scope_kind", "Espace"),
            text("item_kind", "Contenu"),
            text("kind", "Décision"),
            text("rule", "Article de la charte"),
            text("reason", "Motif"),
            time("decided_at", "Décidée le"),
            time("ends_at", "Jusqu’au"),
            text("snapshot", "Contenu examiné"),
        ],
    },
    Section {
        key: "appels",
        title: "Tes appels",
        tables: &["moderation_appeals"],
        sql: "SELECT a.text, a.created_at, o.kind AS outcome, o.reason AS outcome_reason FROM moderation_appeals a \
              LEFT JOIN moderation_decisions o ON o.id = a.outcome_id WHERE a.appellant_id = $1 ORDER BY a.created_at",
        columns: &[text("text", "Appel"), time("created_at", "Envoyé le"), text("outcome", "Réponse"), text("outcome_reason", "Motif de la réponse")],
    },
    Section {
        key: "conversations",
        title: "Tes conversations",
        tables: &["conversations", "conversation_members"],
        sql: "SELECT cv.kind, cv.title, m.status, m.joined_at, m.muted FROM conversation_members m \
              JOIN conversations cv ON cv.id = m.conversation_id WHERE m.user_id = $1 ORDER BY m.joined_at",
        columns: &[
            text("kind", "Type"),
            text("title", "Titre"),
            text("status", "Ta place"),
            time("joined_at", "Depuis le"),
            flag("muted", "En sourdine"),
        ],
    },
    Section {
        key: "messages_ecrits",
        title: "Tes messages privés",
        tables: &["messages"],
        sql: "SELECT cv.title, x.body, x.created_at FROM messages x JOIN conversations cv ON cv.id = x.conversation_id \
              WHERE x.author_id = $1 ORDER BY x.id",
        columns: &[text("title", "Conversation"), text("body", "Message"), time("created_at", "Écrit le")],
    },
    Section {
        key: "annonces_recues",
        title: "Les annonces que tu as reçues",
        tables: &["announcement_recipients"],
        sql: "SELECT an.subject, an.body, an.created_at, (r.unsubscribe_hash IS NOT NULL) AS by_mail FROM announcement_recipients r \
              JOIN announcements an ON an.id = r.announcement_id WHERE r.user_id = $1 ORDER BY an.id",
        columns: &[text("subject", "Objet"), text("body", "Texte"), time("created_at", "Envoyée le"), flag("by_mail", "Aussi par e-mail")],
    },
    Section {
        key: "annonces_ecrites",
        title: "Les annonces que tu as écrites",
        tables: &["announcements"],
        sql: "SELECT an.subject, an.body, an.segment, an.recipient_count, an.created_at FROM announcements an \
              WHERE an.author_id = $1 ORDER BY an.id",
        columns: &[
            text("subject", "Objet"),
            text("body", "Texte"),
            text("segment", "Destinataires"),
            number("recipient_count", "Nombre de destinataires"),
            time("created_at", "Envoyée le"),
        ],
    },
    Section {
        key: "votes_electeur",
        title: "Les votes où tu étais électeur ou électrice",
        // Whether they voted, never what: a ballot names no one (the secret ballot).
        tables: &["vote_electors", "vote_participations"],
        sql: "SELECT v.title, v.opens_at, v.closes_at, \
              EXISTS (SELECT 1 FROM vote_participations p WHERE p.vote_id = e.vote_id AND p.user_id = e.user_id) AS voted \
              FROM vote_electors e JOIN votes v ON v.id = e.vote_id WHERE e.user_id = $1 ORDER BY v.id",
        columns: &[text("title", "Question"), time("opens_at", "Ouvert le"), time("closes_at", "Clos le"), flag("voted", "Tu as voté")],
    },
    Section {
        key: "votes_ouverts",
        title: "Les votes que tu as ouverts",
        tables: &["votes"],
        sql: "SELECT v.title, v.description, v.kind, v.electorate_count, v.opens_at, v.closes_at FROM votes v \
              WHERE v.author_id = $1 ORDER BY v.id",
        columns: &[
            text("title", "Question"),
            text("description", "Présentation"),
            text("kind", "Type de vote"),
            number("electorate_count", "Inscrit·es"),
            time("opens_at", "Ouvert le"),
            time("closes_at", "Clos le"),
        ],
    },
    Section {
        key: "debats_ouverts",
        title: "Les débats que tu as ouverts ou proposés",
        tables: &["debates"],
        sql: "SELECT d.title, d.description, d.audience, d.opens_at, d.closes_at, d.synthesis FROM debates d \
              WHERE d.author_id = $1 ORDER BY d.id",
        columns: &[
            text("title", "Question"),
            text("description", "Présentation"),
            text("audience", "Lecteurs"),
            time("opens_at", "Ouvert le"),
            time("closes_at", "Clos le"),
            text("synthesis", "Synthèse"),
        ],
    },
    Section {
        key: "debats_contributions",
        title: "Tes contributions et réponses dans les débats",
        tables: &["debate_contributions"],
        sql: "SELECT d.title, c.stance, c.body, c.created_at FROM debate_contributions c JOIN debates d ON d.id = c.debate_id \
              WHERE c.author_id = $1 ORDER BY c.id",
        columns: &[text("title", "Débat"), text("stance", "Position"), text("body", "Texte"), time("created_at", "Écrite le")],
    },
    Section {
        key: "debats_propositions",
        title: "Tes propositions dans les débats",
        tables: &["debate_proposals"],
        sql: "SELECT d.title AS debate, p.title, p.body, p.created_at FROM debate_proposals p JOIN debates d ON d.id = p.debate_id \
              WHERE p.author_id = $1 ORDER BY p.id",
        columns: &[text("debate", "Débat"), text("title", "Proposition"), text("body", "Texte"), time("created_at", "Écrite le")],
    },
    Section {
        key: "debats_soutiens",
        title: "Les contributions et propositions que tu as soutenues",
        tables: &["debate_supports", "debate_proposal_supports"],
        sql: "SELECT 'contribution' AS what, c.body AS text, s.created_at FROM debate_supports s \
              JOIN debate_contributions c ON c.id = s.contribution_id WHERE s.user_id = $1 \
              UNION ALL SELECT 'proposition', p.title, ps.created_at FROM debate_proposal_supports ps \
              JOIN debate_proposals p ON p.id = ps.proposal_id WHERE ps.user_id = $1 ORDER BY 3",
        columns: &[text("what", "Quoi"), text("text", "Texte"), time("created_at", "Soutenu le")],
    },
];

/// Tables whose rows are not the person's data, or not theirs to receive, with why.
pub const EXCLUDED: &[(&str, &str)] = &[
    ("regions", "reference data of the territory, about no one"),
    ("departements", "reference data of the territory (the fédérations), about no one"),
    ("communes", "reference data of the territory; the person's commune is in commune_et_section"),
    ("commune_postal_codes", "reference data of the territory, about no one"),
    ("sections", "the sections themselves; the person's section is in commune_et_section"),
    ("section_communes", "which commune belongs to which section, about no one"),
    ("events", "the live stream's relay: ids only, deleted after an hour"),
    ("rate_limit_counters", "counters keyed by a hash of the address or the client, deleted within a day"),
    ("_sqlx_migrations", "the history of the schema's migrations, about no one"),
    ("vote_options", "the answers a vote offers, part of its question, about no one"),
    ("vote_ballots", "secret ballots: nothing links a ballot to a person, so none is anyone's to receive"),
];
