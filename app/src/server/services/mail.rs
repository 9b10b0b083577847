//! E-mails, written to the outbox in the transaction of the change that causes them (the mail
//! worker of the `coopol` binary sends them). Each has a subject, a text part and an HTML part, in
//! the recipient's language (French until accounts store one).

use crate::i18n::{format_day, format_time, Lang};
use crate::model::ids::UserId;
use crate::server::db::Tx;
use crate::server::store::{self, mail::NewMail};

/// A rendered mail for one person.
pub struct Mail {
    pub user_id: Option<UserId>,
    pub to: String,
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// RFC 8058 one-click unsubscribe address (annonces only).
    pub list_unsubscribe: Option<String>,
}

/// Writes the mail to the outbox, inside the caller's transaction: it leaves only if the change
/// commits, and once.
pub async fn enqueue(tx: &mut Tx, mail: &Mail, now_ms: i64) -> Result<i64, sqlx::Error> {
    let new = NewMail {
        user_id: mail.user_id,
        to: &mail.to,
        kind: mail.kind,
        subject: &mail.subject,
        text: &mail.text,
        html: &mail.html,
        list_unsubscribe: mail.list_unsubscribe.as_deref(),
        now_ms,
    };
    store::mail::enqueue(tx, &new).await
}

/// Writes many mails to the outbox in a few statements (an annonce's fan-out), inside the
/// caller's transaction.
pub async fn enqueue_many(tx: &mut Tx, mails: &[Mail], now_ms: i64) -> Result<(), sqlx::Error> {
    let rows: Vec<NewMail<'_>> = mails
        .iter()
        .map(|m| NewMail {
            user_id: m.user_id,
            to: &m.to,
            kind: m.kind,
            subject: &m.subject,
            text: &m.text,
            html: &m.html,
            list_unsubscribe: m.list_unsubscribe.as_deref(),
            now_ms,
        })
        .collect();
    store::mail::enqueue_many(tx, &rows).await
}

/// Text for an HTML part.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The HTML part: the same paragraphs as the text part, each escaped, links made clickable.
fn html_of(lang: Lang, paragraphs: &[String]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            let escaped = escape(p);
            let linked =
                escaped
                    .split(' ')
                    .map(|w| {
                        if w.starts_with("https://") || w.starts_with("http://") {
                            format!("<a href=\"{w}\">{w}</a>")
                        } else {
                            w.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
            format!("<p>{}</p>\n", linked.replace('\n', "<br>\n"))
        })
        .collect();
    format!("<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"></head><body>\n{body}</body></html>\n", lang.code())
}

/// The reminder of an action the person has a place at.
pub struct ReminderMail<'a> {
    pub user_id: UserId,
    pub to: &'a str,
    pub display_name: &'a str,
    pub title: &'a str,
    pub place_name: &'a str,
    pub starts_at: i64,
    pub link: &'a str,
    /// The last two hours before the start (else the day before).
    pub soon: bool,
}

pub fn reminder(r: &ReminderMail<'_>) -> Mail {
    let lang = Lang::Fr;
    let when = format!("{} à {}", format_day(lang, r.starts_at), format_time(lang, r.starts_at));
    let subject = if r.soon {
        format!("C’est bientôt\u{a0}: {} — {}", r.title, format_time(lang, r.starts_at))
    } else {
        format!("Rappel\u{a0}: {} — {when}", r.title)
    };
    let paragraphs = [
        format!("Bonjour {},", r.display_name),
        format!("tu participes à «\u{202f}{}\u{202f}», {when}.\nRendez-vous\u{a0}: {}.", r.title, r.place_name),
        format!("Les détails, et ta réponse si tu ne peux plus venir\u{a0}: {}", r.link),
        "À bientôt sur le terrain\u{202f}!\n— Coopol".to_string(),
    ];
    let kind = if r.soon { "reminder_soon" } else { "reminder_day_before" };
    mail(r.user_id, r.to, kind, subject, &paragraphs)
}

/// Messages a person has not read for a while, one mail per conversation. Never their text: a
/// mail may be read where the conversation would not be, and it outlives a departure.
pub fn unread_messages(r: &UnreadMessagesMail<'_>) -> Mail {
    let how_many = crate::i18n::typography::count(Lang::Fr, r.unread.max(1), "message non lu", "messages non lus");
    let (where_, subject) = match r.title {
        Some(title) => (
            format!("dans la conversation «\u{202f}{title}\u{202f}»"),
            format!("Nouveaux messages dans «\u{202f}{title}\u{202f}» sur Coopol"),
        ),
        None => (format!("dans ta conversation avec {}", r.others), format!("Nouveaux messages de {} sur Coopol", r.others)),
    };
    let paragraphs = [
        format!("Bonjour {},", r.display_name),
        format!("tu as {how_many} {where_} sur Coopol."),
        format!("Pour les lire et répondre\u{a0}: {}", r.link),
        "Tu ne reçois qu’un e-mail par conversation tant que tu ne l’as pas ouverte. Pour ne plus en recevoir pour celle-ci, mets-la en sourdine depuis la conversation.\n— Coopol".to_string(),
    ];
    mail(r.user_id, r.to, "unread_messages", subject, &paragraphs)
}

/// The mail about a conversation's unread messages: a group's title, or the other people's names.
pub struct UnreadMessagesMail<'a> {
    pub user_id: UserId,
    pub to: &'a str,
    pub display_name: &'a str,
    pub title: Option<&'a str>,
    pub others: &'a str,
    pub unread: i64,
    pub link: &'a str,
}

/// A mail to one person, its text and HTML parts made of the same paragraphs.
fn mail(user_id: UserId, to: &str, kind: &'static str, subject: String, paragraphs: &[String]) -> Mail {
    Mail {
        user_id: Some(user_id),
        to: to.to_string(),
        kind,
        subject,
        text: paragraphs.join("\n\n") + "\n",
        html: html_of(Lang::Fr, paragraphs),
        list_unsubscribe: None,
    }
}

/// An annonce of a section's or federation's team, to one recipient: the text as written (the
/// HTML part: as the sanitizer rendered it), the link to it in Coopol, and the one-click
/// unsubscribe (in the text and in the RFC 8058 headers) that stops annonces, not personal mail.
pub struct AnnouncementMail<'a> {
    pub user_id: UserId,
    pub to: &'a str,
    pub display_name: &'a str,
    /// "la section Lille", "la fédération Nord".
    pub from_scope: &'a str,
    /// "Section Lille", "Fédération Nord" (the subject's tag).
    pub scope_title: &'a str,
    pub author_name: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// Sanitized (`richtext::render`).
    pub body_html: &'a str,
    pub link: &'a str,
    pub unsubscribe_link: &'a str,
}

pub fn announcement(a: &AnnouncementMail<'_>) -> Mail {
    let intro = format!("Bonjour {},\n\n{} t’écrit au nom de {}\u{a0}:", a.display_name, a.author_name, a.from_scope);
    let footer = format!(
        "Cette annonce dans Coopol\u{a0}: {}\n\nTu la reçois parce que tu es dans {}. Pour ne plus recevoir d’annonces par e-mail (tes messages personnels continueront d’arriver)\u{a0}: {}\n— Coopol",
        a.link, a.from_scope, a.unsubscribe_link
    );
    let text = format!("{intro}\n\n{}\n\n{footer}\n", a.body);
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>\n<p>{}</p>\n<div>{}</div>\n\
         <p><a href=\"{}\">Voir l’annonce dans Coopol</a></p>\n<p><small>Tu la reçois parce que tu es dans {}. \
         <a href=\"{}\">Ne plus recevoir d’annonces par e-mail</a> (tes messages personnels continueront d’arriver).</small></p>\n</body></html>\n",
        escape(&intro).replace('\n', "<br>\n"),
        a.body_html,
        escape(a.link),
        escape(a.from_scope),
        escape(a.unsubscribe_link)
    );
    Mail {
        user_id: Some(a.user_id),
        to: a.to.to_string(),
        kind: "announcement",
        subject: format!("[{}] {}", a.scope_title, a.subject),
        text,
        html,
        list_unsubscribe: Some(a.unsubscribe_link.to_string()),
    }
}

/// The link to set a new password (valid one hour, once).
pub fn password_reset(user_id: UserId, to: &str, display_name: &str, link: &str) -> Mail {
    let paragraphs = [
        format!("Bonjour {display_name},"),
        "Quelqu’un — toi, sans doute — a demandé à changer le mot de passe de ton compte Coopol.".to_string(),
        format!("Pour choisir un nouveau mot de passe, ouvre ce lien dans l’heure (il ne sert qu’une fois)\u{a0}: {link}"),
        "Si ce n’est pas toi, ne fais rien\u{a0}: ton mot de passe reste le même.\n— Coopol".to_string(),
    ];
    mail(user_id, to, "password_reset", "Ton nouveau mot de passe Coopol".to_string(), &paragraphs)
}

/// The notice that the password was changed: through a link (every device signed out) or on the
/// account page (`everywhere: false`: the other devices).
pub fn password_changed(user_id: UserId, to: &str, display_name: &str, help_link: &str, everywhere: bool) -> Mail {
    let devices = if everywhere { "tous tes appareils ont été déconnectés" } else { "tes autres appareils ont été déconnectés" };
    let paragraphs = [
        format!("Bonjour {display_name},"),
        format!("Le mot de passe de ton compte Coopol vient d’être changé, et {devices}."),
        format!("Si ce n’est pas toi, choisis vite un nouveau mot de passe\u{a0}: {help_link}"),
        "— Coopol".to_string(),
    ];
    mail(user_id, to, "password_changed", "Ton mot de passe Coopol a été changé".to_string(), &paragraphs)
}

/// The link that proves an address (valid 48 hours, once): at sign-up, or for a new address.
pub fn address_check(user_id: UserId, to: &str, display_name: &str, link: &str) -> Mail {
    let paragraphs = [
        format!("Bonjour {display_name},"),
        "Pour confirmer que cette adresse est bien la tienne sur Coopol, ouvre ce lien dans les 48\u{a0}heures (il ne sert qu’une fois)\u{a0}:".to_string(),
        link.to_string(),
        "Si tu n’as rien demandé, ne fais rien\u{a0}: cette adresse ne sera pas utilisée.\n— Coopol".to_string(),
    ];
    mail(user_id, to, "address_check", "Confirme ton adresse Coopol".to_string(), &paragraphs)
}

/// To the owner of an address someone just used to sign up (or to move an account to): sign-up
/// answers the same for every address, so the owner learns it here, and only they do.
pub fn address_in_use(owner_id: UserId, to: &str, display_name: &str, sign_in_link: &str, reset_link: &str) -> Mail {
    let paragraphs = [
        format!("Bonjour {display_name},"),
        "Quelqu’un vient de s’inscrire sur Coopol en donnant ton adresse, qui a déjà son compte. Elle reste à toi\u{a0}: ce nouveau compte ne pourra ni l’utiliser ni s’en servir pour se connecter.".to_string(),
        format!("Si c’était toi, connecte-toi plutôt\u{a0}: {sign_in_link}\nMot de passe oublié\u{a0}? {reset_link}"),
        "Sinon, tu n’as rien à faire\u{a0}: ton compte ne change pas.\n— Coopol".to_string(),
    ];
    mail(owner_id, to, "address_in_use", "Ton adresse a servi à une inscription sur Coopol".to_string(), &paragraphs)
}

/// "Tes données sont prêtes": the export can be downloaded from the account page for 7 days.
pub fn export_ready(user_id: UserId, to: &str, display_name: &str, account_link: &str) -> Mail {
    let paragraphs = [
        format!("Bonjour {display_name},"),
        "Le fichier de tes données sur Coopol est prêt. Tu peux le télécharger pendant 7\u{a0}jours, une fois connecté·e, depuis ton compte\u{a0}:".to_string(),
        account_link.to_string(),
        "Si tu n’as rien demandé, change ton mot de passe depuis la même page.\n— Coopol".to_string(),
    ];
    mail(user_id, to, "export_ready", "Tes données Coopol sont prêtes".to_string(), &paragraphs)
}

/// To the proven address of an account that asked to move to another one.
pub fn address_change_requested(user_id: UserId, to: &str, display_name: &str, new_address: &str, help_link: &str) -> Mail {
    let paragraphs = [
        format!("Bonjour {display_name},"),
        format!("Ton compte Coopol a demandé à changer d’adresse e-mail pour {new_address}. Le changement se fera quand le lien envoyé à cette adresse sera ouvert\u{a0}; d’ici là, rien ne change."),
        format!("Si ce n’est pas toi, choisis vite un nouveau mot de passe\u{a0}: {help_link}"),
        "— Coopol".to_string(),
    ];
    mail(user_id, to, "address_change_requested", "Changement d’adresse de ton compte Coopol".to_string(), &paragraphs)
}

/// "Supprimer mon compte" was asked for: when it takes effect, and the link that cancels it.
pub fn erasure_scheduled(user_id: UserId, to: &str, display_name: &str, effective_at: i64, cancel_link: &str) -> Mail {
    let day = format_day(Lang::Fr, effective_at);
    let time = format_time(Lang::Fr, effective_at);
    let paragraphs = [
        format!("Bonjour {display_name},"),
        format!("Tu as demandé la suppression de ton compte Coopol. Elle aura lieu le {day} à {time}\u{a0}: ton profil, tes réactions, tes coopains, tes inscriptions et tes messages seront effacés (ceux auxquels d’autres ont répondu resteront, sans ton nom, marqués «\u{202f}message supprimé\u{202f}»)."),
        format!("Pour garder ton compte, ouvre ce lien avant cette date\u{a0}: {cancel_link}"),
        "Si ce n’est pas toi qui l’as demandé, ouvre ce lien puis change ton mot de passe.\n— Coopol".to_string(),
    ];
    mail(user_id, to, "erasure_scheduled", "Suppression de ton compte Coopol".to_string(), &paragraphs)
}

/// A month before the end of the retention (`retention_days` after the last visit) of an account.
pub fn retention_warning(user_id: UserId, to: &str, display_name: &str, retention_days: i64, on: i64, sign_in_link: &str) -> Mail {
    let day = format_day(Lang::Fr, on);
    let kept = crate::i18n::privacy::duration(Lang::Fr, retention_days);
    let paragraphs = [
        format!("Bonjour {display_name},"),
        format!("Tu n’es pas venu·e sur Coopol depuis longtemps. Comme nous ne gardons pas les données des sympathisant·es et des ancien·nes adhérent·es plus de {kept} après leur dernière visite, ton compte sera supprimé le {day}."),
        format!("Pour le garder, il suffit de te connecter avant cette date\u{a0}: {sign_in_link}"),
        "Sinon, tu n’as rien à faire\u{a0}: tout sera effacé.\n— Coopol".to_string(),
    ];
    mail(user_id, to, "retention_warning", "Ton compte Coopol sera bientôt supprimé".to_string(), &paragraphs)
}

/// To the person who takes over a role whose holder erased their account (passation).
pub fn interim_after_erasure(user_id: UserId, to: &str, display_name: &str, role: &str, scope_name: &str, link: &str) -> Mail {
    let what = match role {
        "section_secretary" => format!("secrétaire de la section {scope_name}"),
        "federation_first_secretary" => format!("premier·e secrétaire de la fédération {scope_name}"),
        other => format!("{other} ({scope_name})"),
    };
    let paragraphs = [
        format!("Bonjour {display_name},"),
        format!("La personne qui était {what} a supprimé son compte Coopol. Tu assures l’intérim\u{a0}: ce rôle est à toi jusqu’à ce que tu le confies à quelqu’un (passation, depuis la page de l’équipe)."),
        link.to_string(),
        "— Coopol".to_string(),
    ];
    mail(user_id, to, "interim_after_erasure", format!("Intérim\u{a0}: {what}"), &paragraphs)
}

/// A moderation decision, to the person it concerns (or the answer to their appeal).
pub struct ModerationMail<'a> {
    pub user_id: UserId,
    pub to: &'a str,
    pub display_name: &'a str,
    /// "la section Lille", "l’équipe nationale"…
    pub scope_name: &'a str,
    pub kind: crate::model::moderation::DecisionKind,
    pub rule: &'a str,
    pub reason: &'a str,
    pub link: &'a str,
    pub charter_link: &'a str,
    /// Whom a suspended person may write to (they cannot sign in; they appeal through `link`).
    pub contact: &'a str,
    pub appeal_answer: bool,
}

pub fn moderation_decision(m: &ModerationMail<'_>) -> Mail {
    use crate::model::moderation::{article, DecisionKind};
    let what = match m.kind {
        DecisionKind::Dismiss => {
            "ton message, masqué en attendant son examen, est de nouveau visible\u{a0}: les signalements sont classés sans suite"
        }
        DecisionKind::Hide => "ton message est masqué",
        DecisionKind::Warn => "tu reçois un avertissement",
        DecisionKind::Restrict => "tu ne peux plus publier, commenter ni réagir dans cet espace pendant un temps",
        DecisionKind::Exclude => "tu es exclu·e du groupe",
        DecisionKind::Suspend => "ton compte est suspendu pour un temps",
        DecisionKind::Maintain => "ton appel est rejeté\u{a0}: la décision est maintenue",
        DecisionKind::Overturn => "ton appel est accepté\u{a0}: la décision est annulée",
    };
    let title = article(m.rule).map(|a| a.title_fr).unwrap_or_default();
    let mut paragraphs = vec![
        format!("Bonjour {},", m.display_name),
        format!("La modération de {} a pris une décision qui te concerne\u{a0}: {what}.", m.scope_name),
        format!("Règle appliquée\u{a0}: article {} de la charte («\u{202f}{title}\u{202f}»).\nMotif\u{a0}: {}", m.rule, m.reason),
    ];
    if m.appeal_answer {
        paragraphs.push(format!("Le détail\u{a0}: {}", m.link));
    } else if m.kind == DecisionKind::Suspend {
        paragraphs.push(format!("Pendant la suspension, tu ne peux pas te connecter. Tu peux faire appel une fois, par ce lien personnel (valable jusqu’à la fin de la suspension, ne le transmets pas)\u{a0}: une autre personne de l’équipe nationale réexaminera la décision. {}", m.link));
        if !m.contact.is_empty() {
            paragraphs.push(format!("Une question\u{a0}? Écris à {}.", m.contact));
        }
    } else if m.kind.is_sanction() {
        paragraphs.push(format!("Si tu penses que c’est une erreur, tu peux faire appel une fois\u{a0}: l’équipe du niveau au-dessus réexaminera la décision. {}", m.link));
    } else {
        paragraphs.push(format!("Le détail\u{a0}: {}", m.link));
    }
    paragraphs.push(format!("La charte de Coopol\u{a0}: {}\n— Coopol", m.charter_link));
    let subject =
        if m.appeal_answer { "Ton appel a été examiné".to_string() } else { "Une décision de la modération te concerne".to_string() };
    mail(m.user_id, m.to, "moderation_decision", subject, &paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_has_both_parts_and_escapes_what_people_wrote() {
        let mail = reminder(&ReminderMail {
            user_id: UserId(7),
            to: "sacha@example.fr",
            display_name: "Sacha <b>",
            title: "Tractage & café",
            place_name: "Marché",
            starts_at: 1_796_000_000_000,
            link: "https://coopol.example/actions/3",
            soon: false,
        });
        assert!(mail.subject.starts_with("Rappel\u{a0}: Tractage & café"));
        assert!(mail.text.contains("Bonjour Sacha <b>,") && mail.text.contains("https://coopol.example/actions/3"));
        assert!(mail.html.contains("Sacha &lt;b&gt;") && mail.html.contains("Tractage &amp; café"));
        assert!(mail.html.contains("<a href=\"https://coopol.example/actions/3\">"));
        assert_eq!(mail.kind, "reminder_day_before");
    }
}
