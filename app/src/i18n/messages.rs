//! Texts of conversations: the list, a thread, a new conversation, requests.

use super::typography::count;
use super::Lang;
use crate::model::feed::UNREAD_CAP;

texts! {
    pub struct MessagesTexts {
        nav_messages: &'static str { fr: "Messages", en: "Messages" }
        unread_badge: fn(i64) -> String {
            fr: |n| {
                if n >= UNREAD_CAP {
                    format!("plus de {} conversations non lues", UNREAD_CAP - 1)
                } else {
                    count(Lang::Fr, n, "conversation non lue", "conversations non lues")
                }
            },
            en: |n| {
                if n >= UNREAD_CAP {
                    format!("more than {} unread conversations", UNREAD_CAP - 1)
                } else {
                    count(Lang::En, n, "unread conversation", "unread conversations")
                }
            },
        }
        list_title: &'static str { fr: "Messages", en: "Messages" }
        list_intro: &'static str {
            fr: "Tes conversations privées\u{a0}: avec une personne ou à plusieurs (jusqu’à 30).",
            en: "Your private conversations: with one person or several (up to 30).",
        }
        new_conversation: &'static str { fr: "Nouveau message", en: "New message" }
        empty: &'static str {
            fr: "Aucune conversation pour l’instant. Écris à quelqu’un depuis son profil, ou avec «\u{202f}Nouveau message\u{202f}».",
            en: "No conversation yet. Write to someone from their profile, or with “New message”.",
        }
        older: &'static str { fr: "Conversations plus anciennes", en: "Older conversations" }
        unread: fn(i64) -> String {
            fr: |n| if n >= UNREAD_CAP { format!("{}+ non lus", UNREAD_CAP - 1) } else { count(Lang::Fr, n, "non lu", "non lus") },
            en: |n| if n >= UNREAD_CAP { format!("{}+ unread", UNREAD_CAP - 1) } else { format!("{n} unread") },
        }
        request_badge: &'static str { fr: "Demande", en: "Request" }
        left_badge: &'static str { fr: "Quittée", en: "Left" }
        muted_badge: &'static str { fr: "Sourdine", en: "Muted" }
        no_message_yet: &'static str { fr: "Pas encore de message.", en: "No message yet." }
        new_title: &'static str { fr: "Nouveau message", en: "New message" }
        recipients_label: &'static str { fr: "À", en: "To" }
        recipients_hint: &'static str {
            fr: "L’identifiant de chaque personne (celui de son profil, par exemple camille-martin), séparés par des virgules. Jusqu’à 29 personnes.",
            en: "Each person’s handle (the one on their profile, e.g. camille-martin), separated by commas. Up to 29 people.",
        }
        title_label: &'static str { fr: "Titre (facultatif)", en: "Title (optional)" }
        title_hint: &'static str {
            fr: "Pour une conversation à plusieurs. Avec un titre, une conversation à deux est nouvelle et non la vôtre de toujours.",
            en: "For a group conversation. With a title, a conversation with one person is a new one, not your usual one.",
        }
        body_label: &'static str { fr: "Message", en: "Message" }
        body_hint: &'static str {
            fr: "**gras**, *italique*, listes avec «\u{202f}-\u{202f}», liens, @identifiant pour mentionner. Entrée envoie, Maj+Entrée va à la ligne.",
            en: "**bold**, *italic*, lists with “- ”, links, @handle to mention. Enter sends, Shift+Enter starts a new line.",
        }
        request_explained: &'static str {
            fr: "À quelqu’un qui ne te connaît pas encore ici (ni coopain, ni ta section, ni un groupe en commun, ni l’équipe de ta section ou de ta fédération), ton premier message arrive comme une demande\u{a0}: la personne l’accepte ou non.",
            en: "To someone who does not know you here yet (not a coopain, not your section, no shared group, not your section’s or federation’s team), your first message arrives as a request: they accept it or not.",
        }
        prove_address: &'static str {
            fr: "Pour écrire, confirme d’abord ton adresse e-mail avec le lien que nous t’avons envoyé (tu peux le redemander en haut de la page).",
            en: "To write, first confirm your e-mail address with the link we sent you (you can ask for it again at the top of the page).",
        }
        restricted: &'static str {
            fr: "Tu ne peux pas commencer de conversation tant qu’une restriction de la modération est en cours. Tu peux toujours répondre dans tes conversations.",
            en: "You cannot start a conversation while a moderation restriction is in force. You can still answer in your conversations.",
        }
        send: &'static str { fr: "Envoyer", en: "Send" }
        back_to_list: &'static str { fr: "Toutes les conversations", en: "All conversations" }
        thread_older: &'static str { fr: "Messages plus anciens", en: "Older messages" }
        thread_newest: &'static str { fr: "Revenir aux derniers messages", en: "Back to the latest messages" }
        request_intro: &'static str {
            fr: "Cette personne ne te connaît pas encore sur Coopol et te demande d’échanger. Si tu refuses, elle n’en saura rien et cette conversation disparaîtra de ta liste.",
            en: "This person does not know you on Coopol yet and asks to talk with you. If you refuse, they will not be told and this conversation leaves your list.",
        }
        accept: &'static str { fr: "Accepter", en: "Accept" }
        refuse: &'static str { fr: "Refuser", en: "Refuse" }
        left_notice: &'static str {
            fr: "Tu as quitté cette conversation\u{a0}: tu gardes ce qui y était écrit jusque-là, rien de plus ne t’en parvient.",
            en: "You left this conversation: you keep what was written until then, nothing more reaches you.",
        }
        settings_title: &'static str { fr: "Réglages de la conversation", en: "Conversation settings" }
        mute: &'static str { fr: "Mettre en sourdine", en: "Mute" }
        unmute: &'static str { fr: "Réactiver les e-mails", en: "Unmute" }
        mute_hint: &'static str {
            fr: "En sourdine, tu ne reçois pas d’e-mail pour cette conversation\u{202f}; les messages restent comptés comme non lus.",
            en: "Muted, you get no e-mail for this conversation; its messages still count as unread.",
        }
        rename_label: &'static str { fr: "Nouveau titre", en: "New title" }
        rename: &'static str { fr: "Renommer", en: "Rename" }
        leave: &'static str { fr: "Quitter la conversation", en: "Leave the conversation" }
        leave_hint: &'static str {
            fr: "Tu gardes ce qui a été écrit jusqu’ici, et tu ne reçois plus rien de cette conversation.",
            en: "You keep what was written until now, and receive nothing more from this conversation.",
        }
        write_to: &'static str { fr: "Écrire", en: "Write" }
        seen: &'static str { fr: "Vu", en: "Seen" }
        with_people: fn(&str) -> String { fr: |names| format!("Avec {names}"), en: |names| format!("With {names}") }
        read_receipts_title: &'static str { fr: "Messages\u{a0}: «\u{202f}vu\u{202f}»", en: "Messages: “seen”" }
        read_receipts_on: &'static str {
            fr: "Tes interlocuteurs voient quand tu as lu leurs messages (en tête-à-tête, s’ils l’ont activé aussi).",
            en: "The people you talk with see when you have read their messages (one-to-one, if they turned it on too).",
        }
        read_receipts_off: &'static str {
            fr: "Personne ne voit quand tu as lu ses messages, et tu ne vois pas quand on a lu les tiens.",
            en: "Nobody sees when you have read their messages, and you do not see when yours were read.",
        }
        read_receipts_hint: &'static str {
            fr: "Seulement dans les conversations à deux, et seulement si vous l’avez activé tous les deux.",
            en: "Only in one-to-one conversations, and only if both of you turned it on.",
        }
        read_receipts_turn_on: &'static str { fr: "Activer «\u{202f}vu\u{202f}»", en: "Turn “seen” on" }
        read_receipts_turn_off: &'static str { fr: "Désactiver «\u{202f}vu\u{202f}»", en: "Turn “seen” off" }
        read_receipts_saved: &'static str { fr: "C’est enregistré.", en: "Saved." }
        mine: &'static str { fr: "Toi", en: "You" }
    }
}
