//! Reminder e-mails over plain SMTP (`COOPOL_SMTP_URL=smtp://host:port`, a local relay that
//! handles delivery and TLS onwards). Sent after the reminder is committed: a failed send is
//! logged (without any address) and never retried, so nobody gets it twice.

use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use app::i18n::{format_day, format_time, Lang};
use app::server::services::reminders::{ReminderKind, SentReminder};

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

/// `smtp://host:port` (port 25 when left out) → (host, port).
fn parse_smtp_url(url: &str) -> Result<(String, u16), String> {
    let rest = url.strip_prefix("smtp://").ok_or_else(|| format!("COOPOL_SMTP_URL must start with smtp:// (got {url})"))?;
    let rest = rest.trim_end_matches('/');
    match rest.rsplit_once(':') {
        Some((host, port)) => Ok((host.to_string(), port.parse().map_err(|_| format!("bad SMTP port in {url}"))?)),
        None if !rest.is_empty() => Ok((rest.to_string(), 25)),
        None => Err(format!("no SMTP host in {url}")),
    }
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str, public_url: &str) -> Result<Self, String> {
        let (host, port) = parse_smtp_url(smtp_url)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port).build();
        let from = from.parse::<Mailbox>().map_err(|e| format!("COOPOL_MAIL_FROM is not an address: {e}"))?;
        Ok(Self { transport, from, public_url: public_url.trim_end_matches('/').to_string() })
    }

    fn message(&self, r: &SentReminder) -> Result<Message, String> {
        let lang = Lang::Fr;
        let d = &r.due;
        let when = format!("{} à {}", format_day(lang, d.starts_at), format_time(lang, d.starts_at));
        let subject = match r.kind {
            ReminderKind::DayBefore => format!("Rappel\u{a0}: {} — {when}", d.title),
            ReminderKind::TwoHours => format!("C’est bientôt\u{a0}: {} — {}", d.title, format_time(lang, d.starts_at)),
        };
        let body = format!(
            "Bonjour {name},\n\ntu participes à «\u{202f}{title}\u{202f}», {when}.\nRendez-vous\u{a0}: {place}.\n\n\
             Les détails, et ta réponse si tu ne peux plus venir\u{a0}: {url}/actions/{id}\n\nÀ bientôt sur le terrain\u{202f}!\n— Coopol\n",
            name = d.display_name,
            title = d.title,
            place = d.place_name,
            url = self.public_url,
            id = d.action_id,
        );
        let to = d.email.parse::<Mailbox>().map_err(|_| "a participant's address does not parse".to_string())?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| format!("cannot build the reminder: {e}"))
    }

    /// Sends each reminder; returns how many went out.
    pub async fn send_reminders(&self, reminders: &[SentReminder]) -> usize {
        let mut sent = 0;
        for r in reminders {
            let result = match self.message(r) {
                Ok(message) => self.transport.send(message).await.map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            match result {
                Ok(_) => sent += 1,
                Err(e) => tracing::warn!(action = %r.due.action_id, error = %e, "reminder e-mail not sent"),
            }
        }
        sent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls() {
        assert_eq!(parse_smtp_url("smtp://127.0.0.1:2525"), Ok(("127.0.0.1".into(), 2525)));
        assert_eq!(parse_smtp_url("smtp://relay.local"), Ok(("relay.local".into(), 25)));
        assert!(parse_smtp_url("https://x").is_err());
    }
}
