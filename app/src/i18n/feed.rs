//! Texts of the social feed: publications, comments, reactions, coopains, groups, notifications.

use super::typography::count;
use super::Lang;
use crate::model::feed::{Audience, NotificationKind, NotificationView, ReactionKind, SuggestionReason};
use crate::model::moderation::DecisionKind;

texts! {
    pub struct FeedTexts {
        nav_feed: &'static str { fr: "Fil", en: "Feed" }
        nav_groups: &'static str { fr: "Groupes", en: "Groups" }
        nav_coopains: &'static str { fr: "Coopains", en: "Coopains" }
        my_publications: &'static str { fr: "Mes publications", en: "My posts" }
        nav_notifications: &'static str { fr: "Notifications", en: "Notifications" }
        unread_badge: fn(i64) -> String {
            fr: |n| {
                if n >= crate::model::feed::UNREAD_CAP {
                    format!("plus de {} notifications non lues", crate::model::feed::UNREAD_CAP - 1)
                } else {
                    count(Lang::Fr, n, "notification non lue", "notifications non lues")
                }
            },
            en: |n| {
                if n >= crate::model::feed::UNREAD_CAP {
                    format!("more than {} unread notifications", crate::model::feed::UNREAD_CAP - 1)
                } else {
                    count(Lang::En, n, "unread notification", "unread notifications")
                }
            },
        }

        home_title: &'static str { fr: "Mon fil", en: "My feed" }
        section_feed_link: &'static str { fr: "Le fil de la section", en: "The section’s feed" }
        federation_feed_link: &'static str { fr: "Le fil de la fédération", en: "The federation’s feed" }
        member_feed_link: &'static str { fr: "Ses publications", en: "Their posts" }
        federation_feed_title: fn(&str) -> String {
            fr: |name| format!("Fédération\u{a0}: {name}"),
            en: |name| format!("Federation: {name}"),
        }
        member_feed_title: fn(&str) -> String { fr: |name| format!("Publications de {name}"), en: |name| format!("Posts by {name}") }
        audience: fn(Audience) -> &'static str {
            fr: |a| match a {
                Audience::Public => "Public (tout le monde)",
                Audience::National => "National (tous les fils)",
                Audience::Section => "Ma section",
                Audience::Federation => "Ma fédération",
                Audience::Group => "Un de mes groupes",
                Audience::Coopains => "Mes coopains",
            },
            en: |a| match a {
                Audience::Public => "Public (everyone)",
                Audience::National => "National (every feed)",
                Audience::Section => "My section",
                Audience::Federation => "My federation",
                Audience::Group => "One of my groups",
                Audience::Coopains => "My coopains",
            },
        }
        in_group: fn(&str) -> String { fr: |name| format!("Groupe\u{a0}: {name}"), en: |name| format!("Group: {name}") }
        composer_open: &'static str { fr: "Écrire une publication…", en: "Write a post…" }
        composer_label: &'static str { fr: "Ton message", en: "Your message" }
        composer_hint: &'static str {
            fr: "**gras**, *italique*, listes avec «\u{202f}-\u{202f}», liens, @identifiant pour mentionner, #mot-clé. 5 000 caractères au plus.",
            en: "**bold**, *italic*, lists with “- ”, links, @handle to mention, #hashtag. At most 5,000 characters.",
        }
        audience_label: &'static str { fr: "Pour qui\u{202f}?", en: "Who for?" }
        publish: &'static str { fr: "Publier", en: "Post" }
        photos_add: &'static str { fr: "Ajouter des photos (4 au plus)", en: "Add photos (4 at most)" }
        photos_hint: &'static str {
            fr: "JPEG, PNG ou WebP, 20\u{a0}Mo au plus chacune. La position GPS et les autres données de l’appareil sont retirées.",
            en: "JPEG, PNG or WebP, 20 MB at most each. The GPS position and other camera data are removed.",
        }
        photo_label: fn(usize) -> String { fr: |n| format!("Photo {n}"), en: |n| format!("Photo {n}") }
        photo_alt_label: fn(usize) -> String {
            fr: |n| format!("Description de la photo {n}, pour qui ne la voit pas"),
            en: |n| format!("Description of photo {n}, for people who cannot see it"),
        }
        photo_default_alt: fn(&str) -> String { fr: |name| format!("Photo publiée par {name}"), en: |name| format!("Photo posted by {name}") }
        sending_progress: &'static str { fr: "Envoi en cours…", en: "Sending…" }
        published: &'static str { fr: "Ta publication est en ligne.", en: "Your post is online." }
        older: &'static str { fr: "Publications plus anciennes", en: "Older posts" }
        empty: &'static str {
            fr: "Rien à lire ici pour l’instant. Lance la discussion\u{202f}!",
            en: "Nothing to read here yet. Start the conversation!",
        }
        end_of_feed: &'static str { fr: "Tu as tout lu.", en: "You are all caught up." }
        new_posts: fn(usize) -> String {
            fr: |n| if n > 1 { format!("{n} nouvelles publications") } else { "1 nouvelle publication".into() },
            en: |n| if n > 1 { format!("{n} new posts") } else { "1 new post".into() },
        }
        edited: &'static str { fr: "modifié", en: "edited" }
        deleted_author: &'static str { fr: "Compte supprimé", en: "Deleted account" }
        deleted_message: &'static str { fr: "Message supprimé", en: "Deleted message" }
        comments: fn(i64) -> String { fr: |n| count(Lang::Fr, n, "commentaire", "commentaires"), en: |n| count(Lang::En, n, "comment", "comments") }
        comment_label: &'static str { fr: "Ton commentaire", en: "Your comment" }
        comment_submit: &'static str { fr: "Commenter", en: "Comment" }
        reply_label: &'static str { fr: "Ta réponse", en: "Your reply" }
        reply_submit: &'static str { fr: "Répondre", en: "Reply" }
        delete: &'static str { fr: "Supprimer", en: "Delete" }
        edit: &'static str { fr: "Modifier", en: "Edit" }
        save: &'static str { fr: "Enregistrer", en: "Save" }
        hidden_notice: fn(&str) -> String {
            fr: |reason| format!("Masquée par la modération\u{a0}: {reason}"),
            en: |reason| format!("Hidden by moderation: {reason}"),
        }
        hidden_placeholder: fn(Option<&str>) -> String {
            fr: |rule| match rule {
                Some(rule) => format!("Masqué par la modération (article {rule} de la charte)."),
                None => "Masqué en attendant l’examen de la modération.".to_string(),
            },
            en: |rule| match rule {
                Some(rule) => format!("Hidden by the moderators (article {rule} of the charter)."),
                None => "Held until the moderators examine it.".to_string(),
            },
        }
        reactions_label: &'static str { fr: "Réagir", en: "React" }
        reaction_name: fn(ReactionKind) -> &'static str {
            fr: |k| match k {
                ReactionKind::Bravo => "Bravo",
                ReactionKind::Soutien => "Solidarité",
                ReactionKind::Idee => "Bonne idée",
                ReactionKind::Debat => "À débattre",
                ReactionKind::Merci => "Merci",
            },
            en: |k| match k {
                ReactionKind::Bravo => "Well done",
                ReactionKind::Soutien => "Solidarity",
                ReactionKind::Idee => "Good idea",
                ReactionKind::Debat => "Let’s discuss",
                ReactionKind::Merci => "Thanks",
            },
        }
        who_reacted: &'static str { fr: "Qui a réagi", en: "Who reacted" }
        no_comments: &'static str { fr: "Pas encore de commentaire.", en: "No comments yet." }
        post_title: &'static str { fr: "Publication", en: "Post" }
        by: fn(&str) -> String { fr: |name| format!("par {name}"), en: |name| format!("by {name}") }

        coopains_title: &'static str { fr: "Mes coopains", en: "My coopains" }
        coopains_intro: &'static str {
            fr: "Tes coopains voient ce que tu leur réserves, et tu retrouves leurs publications dans ton fil.",
            en: "Your coopains see what you share with them, and their posts show in your feed.",
        }
        received: &'static str { fr: "Demandes reçues", en: "Requests received" }
        sent: &'static str { fr: "Demandes envoyées", en: "Requests sent" }
        suggestions: &'static str { fr: "Suggestions", en: "Suggestions" }
        blocked_people: &'static str { fr: "Personnes bloquées", en: "Blocked people" }
        no_coopains: &'static str {
            fr: "Pas encore de coopain\u{a0}: regarde les suggestions ci-dessous.",
            en: "No coopains yet: look at the suggestions below.",
        }
        nothing_here: &'static str { fr: "Rien pour l’instant.", en: "Nothing yet." }
        add_coopain: &'static str { fr: "Ajouter comme coopain", en: "Add as coopain" }
        request_sent: &'static str { fr: "Ta demande de coopain a bien été envoyée.", en: "Your coopain request has been sent." }
        accept: &'static str { fr: "Accepter", en: "Accept" }
        decline: &'static str { fr: "Refuser", en: "Decline" }
        remove_coopain: &'static str { fr: "Retirer de mes coopains", en: "Remove from my coopains" }
        block: &'static str { fr: "Bloquer", en: "Block" }
        block_hint: &'static str {
            fr: "Cette personne ne verra plus tes publications, ne pourra plus te mentionner, commenter tes publications ni te demander en coopain.",
            en: "This person will no longer see your posts, mention you, comment on your posts or send you requests.",
        }
        unblock: &'static str { fr: "Débloquer", en: "Unblock" }
        are_coopains: &'static str { fr: "Vous êtes coopains.", en: "You are coopains." }
        suggestion_reason: fn(&SuggestionReason) -> String {
            fr: |r| match r {
                SuggestionReason::SameSection => "même section".into(),
                SuggestionReason::SharedInterests => "centres d’intérêt ou disponibilités en commun".into(),
                SuggestionReason::CommonCoopains(n) => count(Lang::Fr, *n, "coopain en commun", "coopains en commun"),
            },
            en: |r| match r {
                SuggestionReason::SameSection => "same section".into(),
                SuggestionReason::SharedInterests => "shared interests or availability".into(),
                SuggestionReason::CommonCoopains(n) => count(Lang::En, *n, "coopain in common", "coopains in common"),
            },
        }

        groups_title: &'static str { fr: "Groupes thématiques", en: "Thematic groups" }
        groups_intro: &'static str {
            fr: "Des groupes pour débattre d’un thème ou porter un projet, au-delà de ta section.",
            en: "Groups to debate a theme or carry a project, beyond your section.",
        }
        no_groups: &'static str { fr: "Aucun groupe pour l’instant.", en: "No groups yet." }
        new_group: &'static str { fr: "Créer un groupe", en: "Create a group" }
        new_group_hint: &'static str {
            fr: "Réservé aux adhérent·es. Vérifie d’abord qu’un groupe proche n’existe pas déjà.",
            en: "For adhérents. Check first that a similar group does not exist.",
        }
        group_name: &'static str { fr: "Nom du groupe", en: "Group name" }
        group_purpose: &'static str { fr: "Objet du groupe", en: "Purpose" }
        group_purpose_hint: &'static str {
            fr: "À quoi sert ce groupe\u{202f}? (10 à 500 caractères)",
            en: "What is this group for? (10 to 500 characters)",
        }
        privacy_label: &'static str { fr: "Qui peut rejoindre\u{202f}?", en: "Who can join?" }
        privacy_public: &'static str { fr: "Public\u{a0}: tout le monde peut rejoindre et lire", en: "Public: anyone can join and read" }
        privacy_private: &'static str {
            fr: "Privé\u{a0}: sur demande\u{202f}; publications, membres et effectif réservés aux membres",
            en: "Private: on request; posts, members and member count for members only",
        }
        create_anyway: &'static str { fr: "Créer quand même", en: "Create anyway" }
        create_group: &'static str { fr: "Créer le groupe", en: "Create the group" }
        join: &'static str { fr: "Rejoindre", en: "Join" }
        ask_join: &'static str { fr: "Demander à rejoindre", en: "Ask to join" }
        leave: &'static str { fr: "Quitter le groupe", en: "Leave the group" }
        pending_request: &'static str { fr: "Demande en attente", en: "Request pending" }
        member_badge: &'static str { fr: "membre", en: "member" }
        members_count: fn(i64) -> String { fr: |n| count(Lang::Fr, n, "membre", "membres"), en: |n| count(Lang::En, n, "member", "members") }
        members: &'static str { fr: "Membres", en: "Members" }
        private_group_hidden: &'static str {
            fr: "Groupe privé\u{a0}: publications, membres et effectif sont réservés à ses membres.",
            en: "Private group: posts, members and member count are for its members only.",
        }
        requests: &'static str { fr: "Demandes pour rejoindre", en: "Requests to join" }
        make_admin: &'static str { fr: "Nommer admin", en: "Make admin" }
        admin_badge: &'static str { fr: "admin", en: "admin" }
        private_badge: &'static str { fr: "privé", en: "private" }
        public_badge: &'static str { fr: "public", en: "public" }

        notifications_title: &'static str { fr: "Notifications", en: "Notifications" }
        mark_all_read: &'static str { fr: "Tout marquer comme lu", en: "Mark all as read" }
        mark_read: &'static str { fr: "Marquer comme lu", en: "Mark as read" }
        no_notifications: &'static str { fr: "Aucune notification.", en: "No notifications." }
        notification_text: fn(NotificationKind, &str, i64, &str) -> String {
            fr: |kind, actor, count, group| match kind {
                NotificationKind::Mention => format!("{actor} t’a mentionné·e."),
                NotificationKind::Comment => format!("{actor} a commenté ta publication."),
                NotificationKind::Reply => format!("{actor} a répondu à ton commentaire."),
                NotificationKind::ThreadReply => format!("{actor} a répondu dans une discussion où tu as écrit."),
                NotificationKind::Reaction if count > 1 => {
                    format!("{actor} et {} autre{} ont réagi à ta publication.", count - 1, if count > 2 { "s" } else { "" })
                }
                NotificationKind::Reaction => format!("{actor} a réagi à ta publication."),
                NotificationKind::CoopainRequest => format!("{actor} veut devenir ton coopain."),
                NotificationKind::CoopainAccepted => format!("{actor} a accepté ta demande de coopain."),
                NotificationKind::GroupRequest => format!("{actor} demande à rejoindre le groupe «\u{202f}{group}\u{202f}»."),
                NotificationKind::GroupAccepted => format!("Bienvenue dans le groupe «\u{202f}{group}\u{202f}»\u{202f}!"),
                NotificationKind::GroupRefused => format!("Ta demande pour rejoindre «\u{202f}{group}\u{202f}» n’a pas été acceptée."),
                NotificationKind::ActionChanged => format!("L’action «\u{202f}{group}\u{202f}» a été modifiée\u{a0}: vérifie l’heure et le lieu."),
                NotificationKind::ActionCancelled => format!("L’action «\u{202f}{group}\u{202f}» est annulée."),
                NotificationKind::ActionPromoted => format!("Une place s’est libérée\u{a0}: tu participes à «\u{202f}{group}\u{202f}»\u{202f}!"),
                NotificationKind::ActionReminder => format!("Rappel\u{a0}: «\u{202f}{group}\u{202f}» approche."),
                NotificationKind::ActionProposed => format!("{actor} propose une action\u{a0}: «\u{202f}{group}\u{202f}»."),
                NotificationKind::ActionApproved => format!("Ta proposition «\u{202f}{group}\u{202f}» est publiée."),
                NotificationKind::MemberLeft => format!("{actor} a quitté ta section (changement de commune)."),
                NotificationKind::MemberArrived => {
                    format!("{actor} a rejoint ta section (changement de commune)\u{a0}: une adhésion est à confirmer.")
                }
                NotificationKind::OrganizerInvited => {
                    format!("{actor} te propose de co-organiser «\u{202f}{group}\u{202f}»\u{a0}: accepte ou refuse sur la page de l’action.")
                }
                NotificationKind::OrganizerAccepted => format!("{actor} co-organise désormais «\u{202f}{group}\u{202f}»."),
                NotificationKind::ModerationDecision => format!("La modération a pris une décision\u{a0}: {group}. Tu peux en lire le motif et faire appel."),
                NotificationKind::ReportHandled => format!("Ton signalement a été traité\u{a0}: {group}."),
                NotificationKind::AppealDecided => format!("Ton appel a été examiné\u{a0}: {group}."),
                NotificationKind::ContentHeld => "Ton message est masqué en attendant l’examen de la modération (plusieurs signalements).".to_string(),
                NotificationKind::Announcement => format!("Annonce de {actor}\u{a0}: «\u{202f}{group}\u{202f}»."),
                NotificationKind::VoteOpened => format!("{actor} te consulte\u{a0}: «\u{202f}{group}\u{202f}». Ton vote est secret."),
            },
            en: |kind, actor, count, group| match kind {
                NotificationKind::Mention => format!("{actor} mentioned you."),
                NotificationKind::Comment => format!("{actor} commented on your post."),
                NotificationKind::Reply => format!("{actor} replied to your comment."),
                NotificationKind::ThreadReply => format!("{actor} replied in a thread you wrote in."),
                NotificationKind::Reaction if count > 1 => {
                    format!("{actor} and {} other{} reacted to your post.", count - 1, if count > 2 { "s" } else { "" })
                }
                NotificationKind::Reaction => format!("{actor} reacted to your post."),
                NotificationKind::CoopainRequest => format!("{actor} wants to be your coopain."),
                NotificationKind::CoopainAccepted => format!("{actor} accepted your coopain request."),
                NotificationKind::GroupRequest => format!("{actor} asks to join “{group}”."),
                NotificationKind::GroupAccepted => format!("Welcome to “{group}”!"),
                NotificationKind::GroupRefused => format!("Your request to join “{group}” was not accepted."),
                NotificationKind::ActionChanged => format!("The action “{group}” was changed: check its time and place."),
                NotificationKind::ActionCancelled => format!("The action “{group}” is cancelled."),
                NotificationKind::ActionPromoted => format!("A place freed up: you are in for “{group}”!"),
                NotificationKind::ActionReminder => format!("Reminder: “{group}” is coming up."),
                NotificationKind::ActionProposed => format!("{actor} proposes an action: “{group}”."),
                NotificationKind::ActionApproved => format!("Your proposal “{group}” is published."),
                NotificationKind::MemberLeft => format!("{actor} left your section (moved to another commune)."),
                NotificationKind::MemberArrived => format!("{actor} joined your section (moved from another commune): a membership is to confirm."),
                NotificationKind::OrganizerInvited => format!("{actor} asks you to co-organize “{group}”: accept or decline on the action’s page."),
                NotificationKind::OrganizerAccepted => format!("{actor} now co-organizes “{group}”."),
                NotificationKind::ModerationDecision => format!("The moderators took a decision: {group}. Read why, and appeal if you wish."),
                NotificationKind::ReportHandled => format!("Your report was handled: {group}."),
                NotificationKind::AppealDecided => format!("Your appeal was examined: {group}."),
                NotificationKind::ContentHeld => "Your message is held until the moderators examine it (several reports).".to_string(),
                NotificationKind::Announcement => format!("Announcement from {actor}: “{group}”."),
                NotificationKind::VoteOpened => format!("{actor} asks for your vote: “{group}”. Your ballot is secret."),
            },
        }
        someone: &'static str { fr: "Quelqu’un", en: "Someone" }
        decision_summary: fn(DecisionKind, &str) -> String {
            fr: |kind, rule| {
                let what = match kind {
                    DecisionKind::Dismiss => "classé sans suite",
                    DecisionKind::Hide => "contenu masqué",
                    DecisionKind::Warn => "avertissement",
                    DecisionKind::Restrict => "restriction",
                    DecisionKind::Exclude => "exclusion du groupe",
                    DecisionKind::Suspend => "compte suspendu",
                    DecisionKind::Maintain => "décision maintenue",
                    DecisionKind::Overturn => "décision annulée",
                };
                format!("{what} (article {rule} de la charte)")
            },
            en: |kind, rule| {
                let what = match kind {
                    DecisionKind::Dismiss => "dismissed",
                    DecisionKind::Hide => "content hidden",
                    DecisionKind::Warn => "warning",
                    DecisionKind::Restrict => "restriction",
                    DecisionKind::Exclude => "excluded from the group",
                    DecisionKind::Suspend => "account suspended",
                    DecisionKind::Maintain => "decision upheld",
                    DecisionKind::Overturn => "decision overturned",
                };
                format!("{what} (article {rule} of the charter)")
            },
        }
    }
}

impl FeedTexts {
    /// "Anne a commenté ta publication"…, with "Quelqu’un" when the actor is gone.
    pub fn describe_notification(&self, n: &NotificationView) -> String {
        let actor = n.actor.as_ref().map(|a| a.display_name.as_str()).unwrap_or(self.someone);
        if let Some((kind, rule)) = &n.decision {
            return (self.notification_text)(n.kind, actor, n.count, &(self.decision_summary)(*kind, rule));
        }
        (self.notification_text)(n.kind, actor, n.count, n.group_name.as_deref().unwrap_or(""))
    }
}
