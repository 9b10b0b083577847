//! The UI's words, French first (tutoiement) and English. Each table (`Texts` here, one per domain
//! beside it) is written with `texts!`: every key once, with its French and its English, so a missing
//! translation does not compile. Parameterized texts are functions; numbers, plurals and French
//! spacing live in `typography`.

#[macro_use]
mod table;
pub mod actions;
pub mod announcements;
pub mod debates;
pub mod documents;
pub mod feed;
mod lang;
pub mod messages;
pub mod moderation;
pub mod pictures;
pub mod privacy;
pub mod reports;
pub mod territory;
pub mod typography;
pub mod votes;

pub use lang::Lang;
pub use typography::format_number;

pub use crate::model::paris_time::{
    civil_add_days, civil_iso, civil_weekday, paris_civil_day, paris_datetime_input, paris_month_start, paris_year_month,
    parse_paris_datetime, parse_paris_day,
};
use crate::model::paris_time::{civil_date, paris_local_ms};

use crate::model::form::{FieldError, FormProblem};
use crate::model::home::FirstStep;
use crate::model::profile::{Availability, Visibility};

texts! {
    pub struct Texts {
        territory: &'static territory::TerritoryTexts { fr: &territory::FR, en: &territory::EN }
        feed: &'static feed::FeedTexts { fr: &feed::FR, en: &feed::EN }
        actions: &'static actions::ActionTexts { fr: &actions::FR, en: &actions::EN }
        reports: &'static reports::ReportTexts { fr: &reports::FR, en: &reports::EN }
        privacy: &'static privacy::PrivacyTexts { fr: &privacy::FR, en: &privacy::EN }
        moderation: &'static moderation::ModerationTexts { fr: &moderation::FR, en: &moderation::EN }
        messages: &'static messages::MessagesTexts { fr: &messages::FR, en: &messages::EN }
        announcements: &'static announcements::AnnouncementTexts { fr: &announcements::FR, en: &announcements::EN }
        votes: &'static votes::VoteTexts { fr: &votes::FR, en: &votes::EN }
        debates: &'static debates::DebateTexts { fr: &debates::FR, en: &debates::EN }
        documents: &'static documents::DocumentTexts { fr: &documents::FR, en: &documents::EN }
        pictures: &'static pictures::PictureTexts { fr: &pictures::FR, en: &pictures::EN }
        skip_to_content: &'static str { fr: "Aller au contenu", en: "Skip to content" }
        tagline: &'static str {
            fr: "Le réseau coopératif des sections et des fédérations",
            en: "The cooperative network of sections and federations",
        }
        nav_label: &'static str { fr: "Navigation principale", en: "Main navigation" }
        nav_home: &'static str { fr: "Accueil", en: "Home" }
        nav_profile: &'static str { fr: "Mon profil", en: "My profile" }
        nav_signin: &'static str { fr: "Connexion", en: "Sign in" }
        nav_signup: &'static str { fr: "Inscription", en: "Sign up" }
        sign_out: &'static str { fr: "Se déconnecter", en: "Sign out" }
        /// Asked before signing out while comptes-rendus wait on the phone ({n}: how many).
        sign_out_pending: &'static str {
            fr: "{n} compte(s)-rendu(s) attendent encore le réseau pour partir. Si tu te déconnectes maintenant, ils seront effacés de ce téléphone et perdus. Se déconnecter quand même\u{202f}? (Annuler\u{a0}: rester connecté·e le temps qu’ils partent.)",
            en: "{n} compte(s)-rendu(s) are still waiting for the network. If you sign out now they will be erased from this phone and lost. Sign out anyway? (Cancel: stay signed in until they are sent.)",
        }
        switch_language: &'static str { fr: "English", en: "Français" }
        footer: &'static str {
            fr: "Coopol — logiciel libre pour s’organiser ensemble, sur le Web et sur le terrain.",
            en: "Coopol — free software to organise together, online and in the field.",
        }
        loading: &'static str { fr: "Chargement…", en: "Loading…" }
        /// Between a label and its value: "Section\u{a0}: …" in French, "Section: …" in English.
        label_sep: &'static str { fr: "\u{a0}: ", en: ": " }

        home_title: &'static str { fr: "Coopol, pour être plus présent·es sur le terrain", en: "Coopol, to be more present in the field" }
        home_lead: &'static str {
            fr: "Trouve ta section, rencontre tes coopains, débats, et rejoins les actions près de chez toi\u{a0}: tractage, porte-à-porte, phoning.",
            en: "Find your section, meet your coopains, debate, and join actions near you: leafleting, door-to-door, phone banking.",
        }
        home_points: [&'static str; 3] {
            fr: [
                "Adhérent·e ou sympathisant·e\u{a0}: tu t’engages à la carte, sans pression.",
                "Ta section et ta fédération t’informent et t’invitent aux actions.",
                "Tes données politiques restent protégées\u{a0}: tu choisis qui voit quoi.",
            ],
            en: [
                "Member or sympathiser: commit à la carte, no pressure.",
                "Your section and federation keep you informed and invite you to actions.",
                "Your political data stays protected: you choose who sees what.",
            ],
        }
        home_cta_signup: &'static str { fr: "Je m’inscris", en: "Sign up" }
        home_cta_signin: &'static str { fr: "J’ai déjà un compte", en: "I already have an account" }
        dashboard_greeting: fn(&str) -> String { fr: |name| format!("Bonjour {name}\u{202f}!"), en: |name| format!("Hello {name}!") }
        dashboard_next_title: &'static str { fr: "Mes prochaines actions", en: "My next actions" }
        dashboard_no_next: &'static str { fr: "Aucune action prévue pour toi pour l’instant.", en: "No action planned for you yet." }
        dashboard_all_mine: &'static str { fr: "Toutes mes actions", en: "All my actions" }
        dashboard_near_title: &'static str { fr: "Près de chez toi, selon tes disponibilités", en: "Near you, when you are available" }
        dashboard_news_title: &'static str { fr: "Du nouveau dans ta section", en: "New in your section" }
        dashboard_no_news: &'static str {
            fr: "Rien de neuf dans ta section ces derniers temps.",
            en: "Nothing new in your section lately.",
        }
        dashboard_news_link: &'static str { fr: "Tout le fil de ta section", en: "Your section's whole feed" }
        dashboard_read_more: &'static str { fr: "Lire la suite", en: "Read more" }
        dashboard_notifications_title: &'static str { fr: "Non lues", en: "Unread" }
        dashboard_all_notifications: &'static str { fr: "Toutes mes notifications", en: "All my notifications" }
        first_step_title: &'static str { fr: "Pour commencer", en: "To begin" }
        /// (what to do, the button) for each first step.
        first_step: fn(FirstStep) -> (&'static str, &'static str) {
            fr: |step| match step {
                FirstStep::FindSection => ("Indique ta commune pour rejoindre ta section et voir les actions près de chez toi.", "Trouver ma section"),
                FirstStep::JoinAnAction => ("Une action près de chez toi te correspond\u{a0}: réponds «\u{202f}Je participe\u{202f}», c’est tout.", "Voir l’action"),
                FirstStep::SetAvailabilities => ("Dis quand tu es disponible (un samedi matin, un soir de semaine…)\u{a0}: on te proposera les actions qui te vont.", "Indiquer mes disponibilités"),
                FirstStep::BrowseActions => ("Trouve une première action près de chez toi\u{a0}: un tractage, du porte-à-porte, du phoning.", "Voir les actions"),
            },
            en: |step| match step {
                FirstStep::FindSection => ("Tell us your commune to join your section and see actions near you.", "Find my section"),
                FirstStep::JoinAnAction => ("An action near you suits you: answer “I'm in”, that's all.", "See the action"),
                FirstStep::SetAvailabilities => ("Say when you are available (a Saturday morning, a weekday evening…): we will suggest actions that suit you.", "Set my availabilities"),
                FirstStep::BrowseActions => ("Find a first action near you: leafleting, door-to-door, phoning.", "See the actions"),
            },
        }
        dashboard_profile_link: &'static str { fr: "Compléter mon profil", en: "Complete my profile" }
        dashboard_public_link: &'static str { fr: "Voir mon profil public", en: "See my public profile" }

        signup_title: &'static str { fr: "Inscription", en: "Sign up" }
        signup_intro: &'static str {
            fr: "Une minute suffit. Ton nom affiché et ton identifiant sont visibles des autres\u{202f}; tu choisis pour tout le reste.",
            en: "It takes a minute. Your display name and handle are visible to others; you choose for everything else.",
        }
        display_name: &'static str { fr: "Nom affiché", en: "Display name" }
        display_name_hint: &'static str {
            fr: "Prénom et nom, ou comme tu veux être appelé·e (2 à 60 caractères).",
            en: "First and last name, or what you like to be called (2 to 60 characters).",
        }
        email: &'static str { fr: "Adresse e-mail", en: "E-mail address" }
        password: &'static str { fr: "Mot de passe", en: "Password" }
        password_hint: &'static str { fr: "Au moins 10 caractères.", en: "At least 10 characters." }
        postal_code: &'static str { fr: "Code postal", en: "Postal code" }
        postal_code_hint: &'static str {
            fr: "Pour te rattacher à ta commune et à ta section.",
            en: "To connect you with your commune and your section.",
        }
        membership_legend: &'static str { fr: "Tu es…", en: "You are…" }
        membership_sympathisant: &'static str { fr: "Je suis sympathisant·e", en: "I am a sympathiser" }
        membership_sympathisant_hint: &'static str {
            fr: "Tu n’as pas la carte, tu participes quand tu veux.",
            en: "No party card; you take part when you want.",
        }
        membership_adherent: &'static str { fr: "Je suis adhérent·e", en: "I am a party member" }
        membership_adherent_hint: &'static str {
            fr: "Ton adhésion restera «\u{202f}à confirmer\u{202f}» jusqu’à ce que ta section la confirme.",
            en: "Your membership stays “to be confirmed” until your section confirms it.",
        }
        consent_label: &'static str {
            fr: "J’accepte que Coopol traite mes données, qui révèlent une opinion politique, pour me relier à ma section et à ma fédération.",
            en: "I agree that Coopol processes my data, which reveals a political opinion, to connect me with my section and federation.",
        }
        consent_details: &'static str {
            fr: "Ces données ne sont jamais vendues ni publiées sans ton accord. Tu peux retirer ton consentement et supprimer ton compte à tout moment (RGPD, art. 9).",
            en: "This data is never sold nor published without your agreement. You can withdraw your consent and delete your account at any time (GDPR, art. 9).",
        }
        charter_label: &'static str { fr: "Je m’engage à respecter la charte de Coopol.", en: "I commit to respecting the Coopol charter." }
        charter_link: &'static str { fr: "Lire la charte", en: "Read the charter" }
        signup_submit: &'static str { fr: "Créer mon compte", en: "Create my account" }
        signup_have_account: &'static str { fr: "Tu as déjà un compte\u{202f}? Connecte-toi", en: "Already have an account? Sign in" }

        signin_title: &'static str { fr: "Connexion", en: "Sign in" }
        signin_submit: &'static str { fr: "Me connecter", en: "Sign in" }
        signin_no_account: &'static str { fr: "Pas encore de compte\u{202f}? Inscris-toi", en: "No account yet? Sign up" }
        signin_password_changed: &'static str {
            fr: "Ton mot de passe est changé et tous tes appareils sont déconnectés\u{a0}: connecte-toi avec le nouveau.",
            en: "Your password is changed and all your devices are signed out: sign in with the new one.",
        }
        forgot_link: &'static str { fr: "Mot de passe oublié\u{202f}?", en: "Forgot your password?" }
        forgot_title: &'static str { fr: "Mot de passe oublié", en: "Forgot your password" }
        forgot_intro: &'static str {
            fr: "Indique l’adresse e-mail de ton compte\u{a0}: nous t’envoyons un lien pour choisir un nouveau mot de passe.",
            en: "Give your account's e-mail address: we send you a link to choose a new password.",
        }
        forgot_submit: &'static str { fr: "M’envoyer le lien", en: "Send me the link" }
        forgot_sent: &'static str {
            fr: "Si un compte existe avec cette adresse, un e-mail vient de partir\u{a0}: ouvre le lien qu’il contient dans l’heure. Pense à regarder dans les indésirables.",
            en: "If an account has this address, an e-mail is on its way: open its link within the hour. Check your spam folder too.",
        }
        reset_title: &'static str { fr: "Nouveau mot de passe", en: "New password" }
        reset_submit: &'static str { fr: "Enregistrer le mot de passe", en: "Save the password" }
        reset_invalid: &'static str {
            fr: "Ce lien n’est plus valable\u{a0}: il sert une fois, pendant une heure.",
            en: "This link is no longer valid: it works once, for an hour.",
        }
        reset_request_again: &'static str { fr: "Demander un nouveau lien", en: "Ask for a new link" }
        signin_address_taken: &'static str {
            fr: "Cette adresse est déjà confirmée pour un autre compte\u{a0}: connecte-toi avec elle (mot de passe oublié\u{202f}? un lien est là pour ça).",
            en: "This address is already confirmed for another account: sign in with it (forgot the password? there is a link for that).",
        }

        address_title: &'static str { fr: "Confirmer mon adresse", en: "Confirm my address" }
        address_intro: &'static str {
            fr: "Un clic pour confirmer que cette adresse est bien la tienne\u{a0}: tu seras connecté·e à ton compte sur cet appareil.",
            en: "One click to confirm this address is yours: you will be signed in to your account on this device.",
        }
        address_submit: &'static str { fr: "Confirmer mon adresse", en: "Confirm my address" }
        address_invalid: &'static str {
            fr: "Ce lien n’est plus valable\u{a0}: il sert une fois, pendant 48\u{a0}heures. Sur l’appareil où tu t’es inscrit·e, le bandeau «\u{202f}Vérifie ta boîte mail\u{202f}» en envoie un nouveau.",
            en: "This link is no longer valid: it works once, for 48 hours. On the device you signed up with, the “Check your mailbox” banner sends a new one.",
        }
        address_banner: &'static str {
            fr: "Vérifie ta boîte mail\u{a0}: un lien t’y attend pour confirmer ton adresse (48\u{a0}heures). En attendant, tu peux trouver ta section et répondre aux actions\u{202f}; pour publier, commenter ou réagir, confirme ton adresse.",
            en: "Check your mailbox: a link is waiting there to confirm your address (48 hours). Meanwhile you can find your section and answer actions; to publish, comment or react, confirm your address.",
        }
        address_resend: &'static str { fr: "Renvoyer le lien", en: "Send the link again" }
        address_resent: &'static str {
            fr: "C’est reparti\u{a0}: regarde ta boîte mail, et les indésirables.",
            en: "On its way: check your mailbox, and the spam folder.",
        }
        address_confirmed: &'static str {
            fr: "Ton adresse est confirmée. Bienvenue sur Coopol\u{202f}!",
            en: "Your address is confirmed. Welcome to Coopol!",
        }

        profile_title: &'static str { fr: "Mon profil", en: "My profile" }
        profile_saved: &'static str { fr: "Ton profil est enregistré.", en: "Your profile is saved." }
        profile_identity: &'static str { fr: "Qui tu es", en: "Who you are" }
        handle: &'static str { fr: "Identifiant", en: "Handle" }
        handle_hint: &'static str {
            fr: "Ton adresse sur Coopol\u{a0}: lettres minuscules, chiffres et tirets (3 à 30).",
            en: "Your address on Coopol: lower-case letters, digits and dashes (3 to 30).",
        }
        bio: &'static str { fr: "À propos de moi", en: "About me" }
        status: &'static str { fr: "Statut", en: "Status" }
        status_hint: &'static str {
            fr: "Une phrase courte\u{a0}: ce que tu fais en ce moment.",
            en: "One short sentence: what you are up to.",
        }
        mandates: &'static str { fr: "Mandats", en: "Elected offices" }
        responsibilities: &'static str { fr: "Responsabilités", en: "Responsibilities" }
        interests: &'static str { fr: "Centres d’intérêt", en: "Interests" }
        one_per_line: &'static str { fr: "Un par ligne.", en: "One per line." }
        availabilities: &'static str { fr: "Disponibilités à la carte", en: "Availability à la carte" }
        availabilities_hint: &'static str {
            fr: "Les actions que tu veux bien faire\u{a0}: on te les proposera près de chez toi.",
            en: "The actions you are willing to do: we will suggest them near you.",
        }
        visible_to: &'static str { fr: "Visible par", en: "Visible to" }
        profile_save: &'static str { fr: "Enregistrer", en: "Save" }
        profile_private: &'static str { fr: "Informations privées", en: "Private information" }
        profile_private_hint: &'static str { fr: "Visibles par toi seul·e.", en: "Only you can see this." }
        membership: &'static str { fr: "Statut d’adhésion", en: "Membership" }
        membership_value: fn(&str, &str) -> &'static str {
            fr: |membership, status| match (membership, status) {
                ("adherent", "confirmed") => "Adhérent·e (confirmé·e)",
                ("adherent", "refused") => "Adhésion non confirmée",
                ("adherent", _) => "Adhérent·e (à confirmer)",
                _ => "Sympathisant·e",
            },
            en: |membership, status| match (membership, status) {
                ("adherent", "confirmed") => "Party member (confirmed)",
                ("adherent", "refused") => "Membership not confirmed",
                ("adherent", _) => "Party member (to be confirmed)",
                _ => "Sympathiser",
            },
        }
        profile_view_public: &'static str { fr: "Voir mon profil public", en: "See my public profile" }
        sessions_title: &'static str { fr: "Appareils connectés", en: "Signed-in devices" }
        sessions_hint: &'static str {
            fr: "Tu as perdu un téléphone ou utilisé un ordinateur partagé\u{202f}? Déconnecte-toi partout.",
            en: "Lost a phone or used a shared computer? Sign out everywhere.",
        }
        sign_out_everywhere: &'static str { fr: "Se déconnecter de tous les appareils", en: "Sign out of all devices" }
        account_link: &'static str {
            fr: "Mon compte\u{a0}: adresse e-mail, mot de passe, appareils connectés",
            en: "My account: e-mail address, password, signed-in devices",
        }

        account_title: &'static str { fr: "Mon compte", en: "My account" }
        account_email_title: &'static str { fr: "Adresse e-mail", en: "E-mail address" }
        account_email_verified: &'static str { fr: "confirmée", en: "confirmed" }
        account_email_unverified: &'static str { fr: "pas encore confirmée", en: "not confirmed yet" }
        account_email_pending: fn(&str) -> String {
            fr: |a| format!("Nouvelle adresse en attente\u{a0}: {a}. Elle remplacera l’actuelle quand tu auras ouvert le lien qui lui a été envoyé."),
            en: |a| format!("New address waiting: {a}. It replaces the current one once you open the link sent to it."),
        }
        account_new_email: &'static str { fr: "Nouvelle adresse e-mail", en: "New e-mail address" }
        account_new_email_hint: &'static str {
            fr: "Nous y envoyons un lien (48\u{a0}heures)\u{a0}: ton adresse change quand tu l’ouvres.",
            en: "We send a link to it (48 hours): your address changes when you open it.",
        }
        account_current_password: &'static str { fr: "Mot de passe actuel", en: "Current password" }
        account_email_submit: &'static str { fr: "Changer mon adresse", en: "Change my address" }
        account_email_sent: &'static str {
            fr: "C’est noté\u{a0}: ouvre le lien envoyé à la nouvelle adresse pour terminer le changement.",
            en: "Noted: open the link sent to the new address to finish the change.",
        }
        account_password_title: &'static str { fr: "Mot de passe", en: "Password" }
        account_new_password: &'static str { fr: "Nouveau mot de passe", en: "New password" }
        account_password_submit: &'static str { fr: "Changer mon mot de passe", en: "Change my password" }
        account_password_changed: &'static str {
            fr: "Ton mot de passe est changé. Tes autres appareils sont déconnectés.",
            en: "Your password is changed. Your other devices are signed out.",
        }
        account_this_device: &'static str { fr: "cet appareil", en: "this device" }
        account_unknown_client: &'static str { fr: "Navigateur inconnu", en: "Unknown browser" }
        account_device_times: fn(&str, &str) -> String {
            fr: |since, seen| format!("Connecté depuis le {since} · vu le {seen}"),
            en: |since, seen| format!("Signed in since {since} · last seen {seen}"),
        }
        account_at: fn(&str, &str) -> String { fr: |day, time| format!("{day} à {time}"), en: |day, time| format!("{day} at {time}") }
        account_sign_out_device: &'static str { fr: "Déconnecter cet appareil", en: "Sign this device out" }
        account_device_signed_out: &'static str { fr: "L’appareil est déconnecté.", en: "The device is signed out." }
        export_title: &'static str { fr: "Télécharger mes données", en: "Download my data" }
        export_intro: &'static str {
            fr: "Tout ce que Coopol garde sur toi, dans un fichier ZIP\u{a0}: une page à lire et un fichier JSON pour un autre service (RGPD, art.\u{a0}15 et 20).",
            en: "Everything Coopol keeps about you, in a ZIP file: a page to read and a JSON file for another service (GDPR, art. 15 and 20).",
        }
        export_request: &'static str { fr: "Préparer mes données", en: "Prepare my data" }
        export_requested: &'static str {
            fr: "C’est parti\u{a0}: ton fichier se prépare, tu recevras aussi un e-mail quand il sera prêt.",
            en: "On its way: your file is being prepared; you will also get an e-mail when it is ready.",
        }
        export_progress: fn(i64) -> String {
            fr: |p| format!("En préparation\u{a0}: {p}\u{a0}%"),
            en: |p| format!("Being prepared: {p}%"),
        }
        export_refresh: &'static str { fr: "Voir où ça en est", en: "See how far it got" }
        export_download: &'static str { fr: "Télécharger mes données (ZIP)", en: "Download my data (ZIP)" }
        export_ready: fn(&str, &str) -> String {
            fr: |size, until| format!("{size}\u{a0}Ko, disponible jusqu’au {until}."),
            en: |size, until| format!("{size} KB, available until {until}."),
        }
        erasure_title: &'static str { fr: "Supprimer mon compte", en: "Delete my account" }
        erasure_intro: &'static str {
            fr: "Ton compte, ton profil, tes réactions, tes coopains, tes inscriptions et tes messages seront effacés 7\u{a0}jours après ta demande (RGPD, art.\u{a0}17)\u{202f}; d’ici là, le lien envoyé par e-mail ou cette page l’annulent. Les messages auxquels d’autres ont répondu restent, sans ton nom, marqués «\u{202f}message supprimé\u{202f}». Les actions et comptes-rendus restent à la section, sans lien avec toi. Si tu es secrétaire, ton rôle passe à l’échelon du dessus.",
            en: "Your account, profile, reactions, coopains, sign-ups and messages are erased 7 days after you ask (GDPR, art. 17); until then, the link sent by e-mail or this page cancels it. Messages others replied to stay, without your name, marked “deleted message”. Actions and reports stay with the section, with no link to you. If you are a secretary, your role passes to the level above.",
        }
        erasure_password: &'static str { fr: "Ton mot de passe, pour confirmer", en: "Your password, to confirm" }
        erasure_submit: &'static str { fr: "Supprimer mon compte", en: "Delete my account" }
        erasure_pending: fn(&str) -> String {
            fr: |when| format!("Ton compte sera supprimé le {when}. Un e-mail t’a été envoyé avec le lien pour l’annuler."),
            en: |when| format!("Your account will be deleted on {when}. An e-mail with the link to cancel it was sent to you."),
        }
        erasure_cancel: &'static str { fr: "Garder mon compte", en: "Keep my account" }
        erasure_requested: &'static str {
            fr: "Ta demande est enregistrée. Tu peux encore changer d’avis\u{a0}: le bouton «\u{202f}Garder mon compte\u{202f}» est en bas de cette page.",
            en: "Your request is recorded. You can still change your mind: the “Keep my account” button is at the bottom of this page.",
        }
        erasure_cancelled: &'static str { fr: "C’est noté\u{a0}: ton compte reste.", en: "Noted: your account stays." }
        consents_title: &'static str { fr: "Mes consentements", en: "My consents" }
        consents_banner: &'static str {
            fr: "Coopol a besoin de ton accord pour traiter tes données\u{a0}: le texte a changé, ou tu l’as retiré. Lis-le et donne ta réponse.",
            en: "Coopol needs your agreement to process your data: the text changed, or you withdrew it. Read it and give your answer.",
        }
        consents_banner_link: &'static str { fr: "Lire le texte", en: "Read the text" }
        consents_intro: &'static str {
            fr: "Coopol traite des données qui révèlent une opinion politique (ton adhésion ou ta sympathie, ta section, tes actions)\u{a0}: il lui faut ton consentement explicite (RGPD, art.\u{a0}9). Voici ce que tu as accepté, quand, et à quelle version du texte.",
            en: "Coopol processes data that reveals a political opinion (your membership or sympathy, your section, your actions): it needs your explicit consent (GDPR, art. 9). Here is what you agreed to, when, and to which version of the text.",
        }
        consents_history: &'static str { fr: "Historique", en: "History" }
        consents_version: fn(&str) -> String { fr: |v| format!("Version {v}"), en: |v| format!("Version {v}") }
        consents_given: fn(&str, &str) -> String {
            fr: |when, how| format!("Donné le {when} ({how})"),
            en: |when, how| format!("Given on {when} ({how})"),
        }
        consents_withdrawn: fn(&str) -> String { fr: |when| format!("Retiré le {when}"), en: |when| format!("Withdrawn on {when}") }
        consents_in_force: &'static str { fr: "en vigueur", en: "in force" }
        consents_method: fn(&str) -> &'static str {
            fr: |m| match m {
                "signup_form_checkbox" => "case cochée à l’inscription",
                "consents_page_button" => "accepté sur cette page",
                "demo_seed" => "compte de démonstration",
                _ => "autre",
            },
            en: |m| match m {
                "signup_form_checkbox" => "box ticked at sign-up",
                "consents_page_button" => "accepted on this page",
                "demo_seed" => "demo account",
                _ => "other",
            },
        }
        consents_new_title: &'static str { fr: "Nouveau texte", en: "New text" }
        consents_accept: &'static str { fr: "J’accepte", en: "I agree" }
        consents_accepted: &'static str { fr: "Merci, ta réponse est enregistrée.", en: "Thank you, your answer is recorded." }
        consents_withdraw_title: &'static str { fr: "Retirer mon consentement", en: "Withdraw my consent" }
        consents_withdraw_intro: &'static str {
            fr: "Sans ce consentement, Coopol ne peut rien garder de toi\u{a0}: le retirer, c’est demander la suppression de ton compte. Elle a lieu 7\u{a0}jours plus tard, et tu peux l’annuler d’ici là (par le lien reçu par e-mail ou sur «\u{202f}Mon compte\u{202f}»)\u{202f}; le texte te sera alors demandé à nouveau.",
            en: "Without this consent, Coopol can keep nothing of yours: withdrawing it means asking for your account to be deleted. That happens 7 days later, and you can cancel it until then (with the link sent by e-mail or on “My account”); the text will then be asked of you again.",
        }
        consents_withdraw_submit: &'static str { fr: "Retirer mon consentement et supprimer mon compte", en: "Withdraw my consent and delete my account" }
        consents_link: &'static str { fr: "Mes consentements", en: "My consents" }
        keep_title: &'static str { fr: "Garder mon compte", en: "Keep my account" }
        keep_intro: fn(&str) -> String {
            fr: |when| format!("La suppression de ton compte est prévue le {when}. Pour le garder, confirme ici."),
            en: |when| format!("Your account is due to be deleted on {when}. To keep it, confirm here."),
        }
        keep_invalid: &'static str {
            fr: "Ce lien ne sert plus\u{a0}: la suppression a déjà été annulée, ou elle a eu lieu.",
            en: "This link no longer works: the deletion was already cancelled, or it took place.",
        }
        keep_done: &'static str {
            fr: "C’est noté\u{a0}: ton compte reste. Si tu n’avais rien demandé, change ton mot de passe.",
            en: "Noted: your account stays. If you did not ask for anything, change your password.",
        }

        member_since: fn(&str) -> String { fr: |date| format!("Membre depuis le {date}"), en: |date| format!("Member since {date}") }
        member_nothing_visible: &'static str {
            fr: "Ce profil ne partage rien d’autre avec toi.",
            en: "This profile shares nothing else with you.",
        }
        member_edit_mine: &'static str { fr: "Modifier mon profil", en: "Edit my profile" }

        not_found_title: &'static str { fr: "Page introuvable", en: "Page not found" }
        not_found_text: &'static str {
            fr: "Cette page n’existe pas, ou plus. Vérifie l’adresse.",
            en: "This page does not exist, or no longer does. Check the address.",
        }
        error_title: &'static str { fr: "Une erreur est survenue", en: "Something went wrong" }
        error_text: &'static str {
            fr: "Nous n’avons pas pu afficher cette page. Réessaie dans un instant.",
            en: "We could not display this page. Try again in a moment.",
        }
        back_home: &'static str { fr: "Retour à l’accueil", en: "Back to home" }
        form_has_errors: &'static str {
            fr: "Le formulaire contient des erreurs\u{a0}: corrige les champs indiqués.",
            en: "The form has errors: fix the fields marked below.",
        }

        field_error: fn(&FieldError) -> String {
            fr: |e| match e {
                FieldError::Required => "Ce champ est obligatoire.".into(),
                FieldError::TooShort { min } => format!("Trop court\u{a0}: au moins {min} caractères."),
                FieldError::TooLong { max } => format!("Trop long\u{a0}: au plus {max} caractères."),
                FieldError::TooManyItems { max } => format!("Trop d’éléments\u{a0}: au plus {max}."),
                FieldError::InvalidEmail => "Cette adresse e-mail n’est pas valide (exemple\u{a0}: prenom@exemple.fr).".into(),
                FieldError::WrongPassword => "Ce n’est pas ton mot de passe actuel.".into(),
                FieldError::SameAddress => "C’est déjà l’adresse de ton compte.".into(),
                FieldError::InvalidPostalCode => "Un code postal français a 5 chiffres (exemple\u{a0}: 59000).".into(),
                FieldError::ConsentRequired => "Coche cette case pour créer ton compte\u{a0}: sans ton accord, nous ne pouvons pas traiter tes données.".into(),
                FieldError::ChoiceRequired => "Choisis une des options.".into(),
                FieldError::InvalidChoice => "Ce choix n’existe pas\u{a0}: choisis dans la liste.".into(),
                FieldError::InvalidHandle => "Uniquement des lettres minuscules sans accent, des chiffres et des tirets (pas au début ni à la fin).".into(),
                FieldError::HandleTaken => "Cet identifiant est déjà pris\u{a0}: essaie une variante.".into(),
                FieldError::ControlCharacters => "Ce texte contient des caractères invisibles non autorisés.".into(),
                FieldError::UnknownPostalCode => "Ce code postal ne correspond à aucune commune\u{a0}: vérifie-le.".into(),
                FieldError::ChooseCommune { .. } => "Plusieurs communes ont ce code postal\u{a0}: choisis la tienne.".into(),
                FieldError::UnknownCommune { entry } => format!("«\u{202f}{entry}\u{202f}»\u{a0}: aucune commune de ce département n’a ce nom ou ce code."),
                FieldError::AmbiguousCommuneEntry { entry, options } => format!(
                    "«\u{202f}{entry}\u{202f}» correspond à plusieurs communes\u{a0}: {}. Recopie celle que tu veux, par exemple «\u{202f}{}\u{202f}».",
                    options.iter().map(|(code, name)| format!("{name} ({code})")).collect::<Vec<_>>().join(", "),
                    options.first().map(|(code, name)| format!("{name} ({code})")).unwrap_or_default()
                ),
                FieldError::CommuneInOtherSection { commune, section } => format!("{commune} appartient déjà à la section «\u{202f}{section}\u{202f}»."),
                FieldError::CommuneOutsideFederation { commune } => format!("{commune} n’est pas dans ce département."),
                FieldError::SlugTaken => "Cette adresse de section est déjà prise\u{a0}: choisis-en une autre.".into(),
                FieldError::UnknownMember => "Aucun membre n’a cet identifiant.".into(),
                FieldError::NotOfScope => "Seules les personnes de la section (ou de la fédération) de l’action peuvent la co-organiser.".into(),
                FieldError::SimilarGroups { groups } => format!(
                    "Des groupes proches existent déjà\u{a0}: {}. Rejoins l’un d’eux, ou coche «\u{202f}Créer quand même\u{202f}».",
                    groups.iter().map(|(_, name)| format!("«\u{202f}{name}\u{202f}»")).collect::<Vec<_>>().join(", ")
                ),
                FieldError::AudienceNotAllowed => "Tu ne peux pas publier pour ce public\u{a0}: choisis dans la liste.".into(),
                FieldError::InvalidDateTime => "Indique une date et une heure (exemple\u{a0}: 28/11/2026 10:00).".into(),
                FieldError::EndBeforeStart => "La fin doit être après le début.".into(),
                FieldError::InThePast => "Cette date est passée\u{a0}: choisis une date à venir.".into(),
                FieldError::AlreadyDecided => "Une décision a déjà été prise (par une autre personne de l’équipe)\u{a0}: recharge la page.".into(),
                FieldError::NotANumber => "Indique un nombre entier (exemple\u{a0}: 12).".into(),
                FieldError::MustBePositive => "Indique un nombre supérieur à zéro, ou laisse vide pour ne pas limiter.".into(),
                FieldError::MustNotBeNegative => "Un nombre ne peut pas être négatif.".into(),
                FieldError::OutsideFrance => "Ce point n’est pas en France\u{a0}: vérifie la latitude et la longitude (exemple\u{a0}: 50.6367, 3.0633).".into(),
                FieldError::MoreThan { other } => {
                    let other = match other.as_str() {
                        "doors_knocked" => "portes frappées",
                        other => other,
                    };
                    format!("Ce nombre ne peut pas dépasser «\u{202f}{other}\u{202f}».")
                }
                FieldError::InvalidPhone => "Ce numéro de téléphone n’est pas valide (exemple\u{a0}: 06 12 34 56 78).".into(),
                FieldError::ContactMeansRequired => "Indique un téléphone ou une adresse e-mail pour recontacter cette personne.".into(),
                FieldError::RecipientsChanged { count } => format!(
                    "Le nombre de destinataires a changé entre-temps\u{a0}: {} maintenant. Vérifie, puis envoie de nouveau.",
                    typography::count(Lang::Fr, *count, "personne", "personnes")
                ),
                FieldError::NoRecipients => "Personne ne correspond à ce choix\u{a0}: choisis d’autres destinataires.".into(),
                FieldError::WeeklyLimitReached { max } => format!(
                    "Les annonces sont limitées à {max} par semaine et par équipe, et ce nombre est atteint\u{a0}: réessaie dans quelques jours."
                ),
                FieldError::ClosesBeforeOpens => "La clôture doit venir après l’ouverture.".into(),
                FieldError::VoteTooLong { days } => format!("Un vote reste ouvert {days}\u{a0}jours au plus\u{a0}: rapproche la clôture."),
                FieldError::TooFewOptions { min } => format!("Il faut au moins {min}\u{a0}options, une par ligne."),
                FieldError::DuplicateOption { option } => format!("«\u{202f}{option}\u{202f}» apparaît deux fois\u{a0}: chaque option une seule fois."),
                FieldError::ChoicesBetween { min, max } => format!("Indique un nombre de choix entre {min} et {max} (le nombre d’options)."),
                FieldError::PercentOutOfRange => "Indique un pourcentage entre 1 et 100, ou laisse vide pour ne pas fixer de quorum.".into(),
                FieldError::BlankAndChoices => "Un vote blanc ne choisit aucune option\u{a0}: décoche l’un ou l’autre.".into(),
                FieldError::TooManyChoices { max } => match max {
                    1 => "Choisis une seule option.".into(),
                    max => format!("Choisis au plus {max}\u{a0}options."),
                },
                FieldError::GradeRequired => "Donne une mention à cette option (de «\u{202f}À rejeter\u{202f}» à «\u{202f}Excellent\u{202f}»).".into(),
                FieldError::GradeOutsideScale => "Cette mention n’existe pas\u{a0}: choisis de «\u{202f}À rejeter\u{202f}» à «\u{202f}Excellent\u{202f}».".into(),
                FieldError::VoteNotOpen => "Ce vote n’est pas encore ouvert\u{a0}: reviens à l’heure d’ouverture.".into(),
                FieldError::VoteClosed => "Ce vote est clos\u{a0}: ton bulletin n’a pas été enregistré.".into(),
                FieldError::AlreadyVoted => "Tu as déjà voté\u{a0}: un seul bulletin par personne, le premier est gardé.".into(),
                FieldError::EmptyElectorate => "Personne ne pourrait voter\u{a0}: aucun·e adhérent·e confirmé·e ici pour l’instant.".into(),
                FieldError::NotEveryoneVoted { left } => format!(
                    "Tout le monde n’a pas voté ({} encore)\u{a0}: le vote se clôt à l’heure prévue.",
                    typography::count(Lang::Fr, *left, "personne", "personnes")
                ),
                FieldError::VoteNotCounted => "Les bulletins sont publiés à la clôture du vote.".into(),
                FieldError::VoteLimitReached { max } => format!(
                    "Une équipe ouvre au plus {max}\u{a0}votes par semaine (chacun prévient tout le corps électoral)\u{a0}: réessaie dans quelques jours."
                ),
                FieldError::DebateTooLong { days } => format!("Un débat reste ouvert {days}\u{a0}jours au plus\u{a0}: rapproche la clôture."),
                FieldError::MergeIntoItself => "Choisis une autre proposition que celle-ci.".into(),
                FieldError::DebateNotOpen => "Ce débat n’est pas encore ouvert\u{a0}: reviens à son ouverture.".into(),
                FieldError::DebateClosed => "Ce débat est clos\u{a0}: on ne peut plus y contribuer.".into(),
                FieldError::TooFewSelected => "Retiens au moins deux propositions pour les mettre au vote.".into(),
                FieldError::DebateNotClosed => "Ce débat n’est pas encore clos\u{a0}: publie d’abord sa synthèse.".into(),
                FieldError::FileTooLarge { max_mb } => format!("Ce fichier est trop lourd\u{a0}: {max_mb}\u{a0}Mo au plus."),
                FieldError::ImageTooLarge { max_px } => {
                    format!("Cette image est trop grande\u{a0}: {}\u{a0}pixels de côté au plus.", typography::format_number(Lang::Fr, i64::from(*max_px)))
                }
                FieldError::NotAPicture => "Ce fichier n’est pas une photo\u{a0}: envoie une image JPEG, PNG ou WebP.".into(),
                FieldError::DamagedPicture => "Cette photo est incomplète ou abîmée\u{a0}: envoie-la à nouveau.".into(),
                FieldError::TooManyPictures { max } => format!("{max}\u{a0}photos au plus\u{a0}: retires-en une."),
                FieldError::NotAPdf => "Ce fichier n’est pas un document PDF valide.".into(),
                FieldError::QuotaExceeded { max_mb } => {
                    format!("L’espace de stockage ({max_mb}\u{a0}Mo) est plein\u{a0}: supprime d’anciens fichiers d’abord.")
                }
                FieldError::UnsafePdf => {
                    "Ce PDF contient du JavaScript, une action de lancement ou des fichiers joints\u{a0}: enregistre-le à nouveau sans («\u{202f}Imprimer → PDF\u{202f}»).".into()
                }
                FieldError::NotADocument => "Ce fichier n’est ni un PDF ni une image\u{a0}: envoie un PDF, ou une image JPEG, PNG ou WebP.".into(),
                FieldError::InvalidDate => "Date invalide\u{a0}: choisis un jour dans le calendrier.".into(),
                FieldError::TooManyPixels { max_mpx } => format!("Cette image a trop de pixels\u{a0}: {max_mpx}\u{a0}millions au plus."),
            },
            en: |e| match e {
                FieldError::Required => "This field is required.".into(),
                FieldError::TooShort { min } => format!("Too short: at least {min} characters."),
                FieldError::TooLong { max } => format!("Too long: at most {max} characters."),
                FieldError::TooManyItems { max } => format!("Too many items: at most {max}."),
                FieldError::InvalidEmail => "This e-mail address is not valid (example: name@example.org).".into(),
                FieldError::WrongPassword => "This is not your current password.".into(),
                FieldError::SameAddress => "This is your account's address already.".into(),
                FieldError::InvalidPostalCode => "A French postal code has 5 digits (example: 59000).".into(),
                FieldError::ConsentRequired => "Tick this box to create your account: without your agreement we cannot process your data.".into(),
                FieldError::ChoiceRequired => "Choose one of the options.".into(),
                FieldError::InvalidChoice => "This choice does not exist: pick one from the list.".into(),
                FieldError::InvalidHandle => "Only lower-case letters without accents, digits and dashes (not at the start or end).".into(),
                FieldError::HandleTaken => "This handle is taken: try a variant.".into(),
                FieldError::ControlCharacters => "This text contains invisible characters that are not allowed.".into(),
                FieldError::UnknownPostalCode => "This postal code matches no commune: check it.".into(),
                FieldError::ChooseCommune { .. } => "Several communes share this postal code: pick yours.".into(),
                FieldError::UnknownCommune { entry } => format!("“{entry}”: no commune of this département has this name or code."),
                FieldError::AmbiguousCommuneEntry { entry, options } => format!(
                    "“{entry}” matches several communes: {}. Copy the one you mean, for example “{}”.",
                    options.iter().map(|(code, name)| format!("{name} ({code})")).collect::<Vec<_>>().join(", "),
                    options.first().map(|(code, name)| format!("{name} ({code})")).unwrap_or_default()
                ),
                FieldError::CommuneInOtherSection { commune, section } => format!("{commune} already belongs to the section “{section}”."),
                FieldError::CommuneOutsideFederation { commune } => format!("{commune} is not in this département."),
                FieldError::SlugTaken => "This section address is taken: choose another one.".into(),
                FieldError::UnknownMember => "No member has this handle.".into(),
                FieldError::NotOfScope => "Only people of the action’s section (or federation) may co-organize it.".into(),
                FieldError::SimilarGroups { groups } => format!(
                    "Similar groups already exist: {}. Join one of them, or tick “Create anyway”.",
                    groups.iter().map(|(_, name)| format!("“{name}”")).collect::<Vec<_>>().join(", ")
                ),
                FieldError::AudienceNotAllowed => "You cannot publish to this audience: pick one from the list.".into(),
                FieldError::InvalidDateTime => "Give a date and a time (for example 28/11/2026 10:00).".into(),
                FieldError::EndBeforeStart => "The end must come after the start.".into(),
                FieldError::InThePast => "This date has passed: pick one to come.".into(),
                FieldError::AlreadyDecided => "A decision was taken already (by someone else on the team): reload the page.".into(),
                FieldError::NotANumber => "Give a whole number (for example 12).".into(),
                FieldError::MustBePositive => "Give a number above zero, or leave empty for no limit.".into(),
                FieldError::MustNotBeNegative => "A number cannot be negative.".into(),
                FieldError::OutsideFrance => "This point is not in France: check the latitude and longitude (for example 50.6367, 3.0633).".into(),
                FieldError::MoreThan { other } => {
                    let other = match other.as_str() {
                        "doors_knocked" => "doors knocked",
                        other => other,
                    };
                    format!("This number cannot exceed “{other}”.")
                }
                FieldError::InvalidPhone => "This phone number is not valid (for example: 06 12 34 56 78).".into(),
                FieldError::ContactMeansRequired => "Give a phone number or an e-mail address to get back to this person.".into(),
                FieldError::RecipientsChanged { count } => format!(
                    "The number of recipients changed meanwhile: {} now. Check, then send again.",
                    typography::count(Lang::En, *count, "person", "people")
                ),
                FieldError::NoRecipients => "Nobody matches this choice: choose other recipients.".into(),
                FieldError::WeeklyLimitReached { max } => {
                    format!("Annonces are limited to {max} a week per team, and this number is reached: try again in a few days.")
                }
                FieldError::ClosesBeforeOpens => "The closing must come after the opening.".into(),
                FieldError::VoteTooLong { days } => format!("A vote stays open {days} days at most: bring the closing closer."),
                FieldError::TooFewOptions { min } => format!("At least {min} options are needed, one per line."),
                FieldError::DuplicateOption { option } => format!("“{option}” appears twice: each option once."),
                FieldError::ChoicesBetween { min, max } => format!("Give a number of choices between {min} and {max} (the number of options)."),
                FieldError::PercentOutOfRange => "Give a percentage from 1 to 100, or leave empty for no quorum.".into(),
                FieldError::BlankAndChoices => "A blank vote chooses no option: untick one or the other.".into(),
                FieldError::TooManyChoices { max } => match max {
                    1 => "Choose one option only.".into(),
                    max => format!("Choose {max} options at most."),
                },
                FieldError::GradeRequired => "Give this option a grade (from “Reject” to “Excellent”).".into(),
                FieldError::GradeOutsideScale => "This grade does not exist: choose from “Reject” to “Excellent”.".into(),
                FieldError::VoteNotOpen => "This vote is not open yet: come back when it opens.".into(),
                FieldError::VoteClosed => "This vote is closed: your ballot was not recorded.".into(),
                FieldError::AlreadyVoted => "You have voted already: one ballot per person, the first one is kept.".into(),
                FieldError::EmptyElectorate => "Nobody could vote: no confirmed member here yet.".into(),
                FieldError::NotEveryoneVoted { left } => format!(
                    "Not everyone has voted ({} left): the vote closes at the planned time.",
                    typography::count(Lang::En, *left, "person", "people")
                ),
                FieldError::VoteNotCounted => "The ballots are published when the vote closes.".into(),
                FieldError::VoteLimitReached { max } => {
                    format!("A team opens {max} votes a week at most (each one tells the whole electorate): try again in a few days.")
                }
                FieldError::DebateTooLong { days } => format!("A debate stays open {days} days at most: bring the closing closer."),
                FieldError::MergeIntoItself => "Choose another proposal than this one.".into(),
                FieldError::DebateNotOpen => "This debate is not open yet: come back when it opens.".into(),
                FieldError::DebateClosed => "This debate is closed: no more contributions.".into(),
                FieldError::TooFewSelected => "Select at least two proposals to put them to a vote.".into(),
                FieldError::DebateNotClosed => "This debate is not closed yet: publish its synthesis first.".into(),
                FieldError::FileTooLarge { max_mb } => format!("This file is too large: {max_mb} MB at most."),
                FieldError::ImageTooLarge { max_px } => format!("This picture is too large: {max_px} pixels per side at most."),
                FieldError::NotAPicture => "This file is not a photo: send a JPEG, PNG or WebP picture.".into(),
                FieldError::DamagedPicture => "This photo is incomplete or damaged: send it again.".into(),
                FieldError::TooManyPictures { max } => format!("{max} photos at most: remove one."),
                FieldError::NotAPdf => "This file is not a valid PDF document.".into(),
                FieldError::QuotaExceeded { max_mb } => format!("The storage space ({max_mb} MB) is full: delete older files first."),
                FieldError::UnsafePdf => "This PDF carries JavaScript, a launch action or attached files: save it again without them (\"Print → PDF\").".into(),
                FieldError::NotADocument => "This file is neither a PDF nor a picture: send a PDF, or a JPEG, PNG or WebP picture.".into(),
                FieldError::InvalidDate => "Invalid date: pick a day in the calendar.".into(),
                FieldError::TooManyPixels { max_mpx } => format!("This picture has too many pixels: {max_mpx} million at most."),
            },
        }
        problem: fn(&FormProblem) -> String {
            fr: |p| match p {
                FormProblem::WrongCredentials => {
                    "Adresse e-mail ou mot de passe incorrect. Tu viens de t’inscrire\u{202f}? Ouvre d’abord le lien reçu par e-mail pour confirmer ton adresse.".into()
                }
                FormProblem::RateLimited { retry_after_secs } => format!(
                    "Trop de tentatives. Pour ta sécurité, réessaie dans {}.",
                    wait(Lang::Fr, *retry_after_secs)
                ),
                FormProblem::Internal => "Une erreur est survenue de notre côté\u{202f}; rien n’a été enregistré. Réessaie dans un instant.".into(),
                FormProblem::Forbidden => "Tu n’as pas le droit de faire cela.".into(),
                FormProblem::Suspended => "Ce compte est suspendu. Écris à ta fédération si tu penses que c’est une erreur.".into(),
            },
            en: |p| match p {
                FormProblem::WrongCredentials => {
                    "Wrong e-mail address or password. Just signed up? First open the link we e-mailed to confirm your address.".into()
                }
                FormProblem::RateLimited { retry_after_secs } => format!(
                    "Too many attempts. For your safety, try again in {}.",
                    wait(Lang::En, *retry_after_secs)
                ),
                FormProblem::Internal => "Something went wrong on our side; nothing was saved. Try again in a moment.".into(),
                FormProblem::Forbidden => "You are not allowed to do this.".into(),
                FormProblem::Suspended => "This account is suspended. Write to your federation if you think this is a mistake.".into(),
            },
        }
        visibility: fn(Visibility) -> &'static str {
            fr: |v| match v {
                Visibility::Public => "Tout le monde",
                Visibility::Section => "Ma section",
                Visibility::OnlyMe => "Moi seul·e",
            },
            en: |v| match v {
                Visibility::Public => "Everyone",
                Visibility::Section => "My section",
                Visibility::OnlyMe => "Only me",
            },
        }
        availability: fn(Availability) -> &'static str {
            fr: |a| match a {
                Availability::Tractage => "Tractage",
                Availability::Boitage => "Boîtage",
                Availability::PorteAPorte => "Porte-à-porte",
                Availability::Phoning => "Phoning",
                Availability::Collage => "Collage d’affiches",
                Availability::Accueil => "Accueil",
                Availability::Covoiturage => "Covoiturage",
                Availability::Logistique => "Logistique",
                Availability::ReseauxSociaux => "Réseaux sociaux",
            },
            en: |a| match a {
                Availability::Tractage => "Leafleting",
                Availability::Boitage => "Letterbox drops",
                Availability::PorteAPorte => "Door-to-door",
                Availability::Phoning => "Phone banking",
                Availability::Collage => "Poster sticking",
                Availability::Accueil => "Welcoming",
                Availability::Covoiturage => "Car sharing",
                Availability::Logistique => "Logistics",
                Availability::ReseauxSociaux => "Social media",
            },
        }
        months: [&'static str; 12] {
            fr: [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
                "décembre",
            ],
            en: [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                "December",
            ],
        }
    }
}

/// How long to wait, in whole seconds under a minute, else in minutes rounded up.
fn wait(lang: Lang, secs: i64) -> String {
    use typography::count;
    match lang {
        Lang::Fr if secs < 60 => count(lang, secs, "seconde", "secondes"),
        Lang::Fr => count(lang, (secs + 59) / 60, "minute", "minutes"),
        Lang::En if secs < 60 => count(lang, secs, "second", "seconds"),
        Lang::En => count(lang, (secs + 59) / 60, "minute", "minutes"),
    }
}

/// A date in the reader's language: "24 novembre 2026" / "24 November 2026" (Europe/Paris day).
pub fn format_date(lang: Lang, epoch_ms: i64) -> String {
    let (year, month, day) = civil_date(paris_local_ms(epoch_ms));
    let month_name = lang.texts().months[(month - 1) as usize % 12];
    match lang {
        Lang::Fr if day == 1 => format!("1er {month_name} {year}"),
        _ => format!("{day} {month_name} {year}"),
    }
}

/// A date and time: "24 novembre 2026 à 15 h 02" / "24 November 2026, 15:02" (Europe/Paris).
pub fn format_datetime(lang: Lang, epoch_ms: i64) -> String {
    let local = paris_local_ms(epoch_ms);
    let minutes = local.rem_euclid(86_400_000) / 60_000;
    let (h, m) = (minutes / 60, minutes % 60);
    match lang {
        Lang::Fr => format!("{} à {h} h {m:02}", format_date(lang, epoch_ms)),
        Lang::En => format!("{}, {h:02}:{m:02}", format_date(lang, epoch_ms)),
    }
}

/// The day and the time as the account pages write them (`account_at`): "samedi 12 décembre à
/// 14 h 30".
pub fn format_day_at_time(lang: Lang, epoch_ms: i64) -> String {
    (lang.texts().account_at)(&format_day(lang, epoch_ms), &format_time(lang, epoch_ms))
}

/// "15 h 02" / "15:02" (Europe/Paris).
pub fn format_time(lang: Lang, epoch_ms: i64) -> String {
    let minutes = paris_local_ms(epoch_ms).rem_euclid(86_400_000) / 60_000;
    let (h, m) = (minutes / 60, minutes % 60);
    match lang {
        Lang::Fr => format!("{h}\u{a0}h\u{a0}{m:02}"),
        Lang::En => format!("{h:02}:{m:02}"),
    }
}

/// A weekday and date: "samedi 28 novembre 2026" / "Saturday 28 November 2026" (Europe/Paris).
pub fn format_day(lang: Lang, epoch_ms: i64) -> String {
    let local = paris_local_ms(epoch_ms);
    let weekday = (local.div_euclid(86_400_000) + 4).rem_euclid(7) as usize; // 0 = Sunday
    let names = match lang {
        Lang::Fr => ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        Lang::En => ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    };
    format!("{} {}", names[weekday], format_date(lang, epoch_ms))
}

/// "novembre 2026" / "November 2026"; short: "nov." / "Nov" (chart axes).
pub fn format_month(lang: Lang, year: i64, month: u32, short: bool) -> String {
    const FR_SHORT: [&str; 12] = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
    let index = (month as usize + 11) % 12;
    let name = lang.texts().months[index];
    match (short, lang) {
        (true, Lang::Fr) => FR_SHORT[index].to_string(),
        (true, Lang::En) => name.chars().take(3).collect(),
        (false, _) => format!("{name} {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_french() {
        assert_eq!(format_month(Lang::Fr, 2026, 2, true), "févr.");
        assert_eq!(format_month(Lang::Fr, 2026, 11, false), "novembre 2026");
        // 1 December 2026, 00:30 in Paris is still 30 November in UTC.
        let start = paris_month_start(2026, 12);
        assert_eq!(paris_year_month(start), (2026, 12));
        assert_eq!(paris_year_month(start - 1), (2026, 11));
    }

    /// French typography: no breakable space before « : ; ! ? » or inside guillemets, in any
    /// French text (the FR tables of every i18n file, read as source).
    #[test]
    fn calendar_days_and_weekdays() {
        assert_eq!(civil_weekday((2026, 12, 7)), 0); // a Monday
        assert_eq!(civil_weekday((2026, 12, 6)), 6); // a Sunday
        assert_eq!(civil_add_days((2026, 12, 31), 1), (2027, 1, 1));
        assert_eq!(civil_add_days((2028, 3, 1), -1), (2028, 2, 29));
        assert_eq!(civil_iso((2026, 3, 9)), "2026-03-09");
        // 23:30 UTC on 31 December is already 1 January in Paris.
        let ms = parse_paris_datetime("2027-01-01T00:30").unwrap_or(0);
        assert_eq!(paris_civil_day(ms), (2027, 1, 1));
    }

    #[test]
    fn accept_language_prefers_quality_and_defaults_to_french() {
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"), Lang::En);
        assert_eq!(Lang::from_accept_language("de-DE,fr;q=0.5,en;q=0.7"), Lang::En);
        assert_eq!(Lang::from_accept_language("de-DE,es"), Lang::Fr);
        assert_eq!(Lang::from_accept_language(""), Lang::Fr);
        assert_eq!(Lang::from_accept_language("fr-FR,fr;q=0.9,en-US;q=0.8"), Lang::Fr);
        assert_eq!(Lang::from_accept_language("en;q=0"), Lang::Fr);
    }

    #[test]
    fn paris_datetimes_parse_both_sides_of_summer_time() {
        // 28 November 2026 10:00 in Paris is 09:00 UTC (winter).
        let winter = parse_paris_datetime("2026-11-28T10:00").unwrap();
        assert_eq!(winter, 1_795_856_400_000);
        assert_eq!(paris_datetime_input(winter), "2026-11-28T10:00");
        assert_eq!(format_time(Lang::Fr, winter), "10\u{a0}h\u{a0}00");
        assert_eq!(format_day(Lang::Fr, winter), "samedi 28 novembre 2026");
        // 1 July 2026 10:00 in Paris is 08:00 UTC (summer).
        let summer = parse_paris_datetime("2026-07-01T10:00").unwrap();
        assert_eq!(summer, 1_782_892_800_000);
        assert_eq!(paris_datetime_input(summer), "2026-07-01T10:00");
        assert_eq!(parse_paris_datetime("2026-02-31T10:00"), None);
        assert_eq!(parse_paris_datetime("demain"), None);
        assert_eq!(parse_paris_datetime("2026-11-28T25:00"), None);
    }

    #[test]
    fn dates_are_in_french_format_and_paris_time() {
        // 2026-11-24 10:00 UTC
        assert_eq!(format_date(Lang::Fr, 1_795_514_400_000), "24 novembre 2026");
        assert_eq!(format_date(Lang::En, 1_795_514_400_000), "24 November 2026");
        // 2026-06-30 22:30 UTC is already 1 July in Paris (summer time).
        assert_eq!(format_date(Lang::Fr, 1_782_858_600_000), "1er juillet 2026");
        // 2026-12-31 23:30 UTC is 1 January 2027 in Paris (winter time).
        assert_eq!(format_date(Lang::Fr, 1_798_759_800_000), "1er janvier 2027");
        assert_eq!(format_date(Lang::Fr, 0), "1er janvier 1970");
    }

    #[test]
    fn rate_limit_messages_say_how_long_to_wait() {
        let text = (FR.problem)(&FormProblem::RateLimited { retry_after_secs: 125 });
        assert!(text.contains("3 minutes"), "{text}");
        assert!((FR.problem)(&FormProblem::RateLimited { retry_after_secs: 1 }).contains("1 seconde."));
    }
}
