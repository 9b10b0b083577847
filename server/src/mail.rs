//! The mail worker: sends what the outbox holds (`store::mail`), over SMTP
//! (`COOPOL_SMTP_URL=smtp://host:port`, a local relay that handles delivery and TLS onwards) or,
//! without SMTP, as `.eml` files in a directory (`COOPOL_MAIL_DIR`, `./data/mails/` by default)
//! so that someone trying Coopol locally can open them and click their links.
//!
//! A mail is taken under a lease (two instances never take the same one), sent, then marked sent;
//! a failure is retried with backoff (1 min, 5 min, 30 min, 2 h, then every 12 h) and given up
//! after `MAX_ATTEMPTS` (`coopol mail failures` lists them, `coopol mail retry` queues them
//! again). Logs never carry an address.

use std::path::PathBuf;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use app::server::store::{self, mail::MailRow};
use app::server::Db;

/// Attempts before a mail is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a worker holds a mail it took (a crash leaves it to another worker after that).
const LEASE_MS: i64 = 5 * 60_000;
/// Mails sent per pass at most (the next pass comes back for the rest).
const PASS: usize = 200;

/// Where mails go.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
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

/// When a mail that failed `attempts` times is tried again, or `None`: given up.
pub fn next_attempt(attempts: i64, now_ms: i64) -> Option<i64> {
    const MINUTE: i64 = 60_000;
    let wait = match attempts {
        a if a >= MAX_ATTEMPTS => return None,
        1 => MINUTE,
        2 => 5 * MINUTE,
        3 => 30 * MINUTE,
        4 => 120 * MINUTE,
        _ => 720 * MINUTE,
    };
    Some(now_ms + wait)
}

impl Mailer {
    /// Over SMTP.
    pub fn smtp(smtp_url: &str, from: &str) -> Result<Self, String> {
        let (host, port) = parse_smtp_url(smtp_url)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port).build();
        Ok(Self { transport: Transport::Smtp(transport), from: parse_from(from)? })
    }

    /// As `.eml` files in `dir` (created if missing).
    pub fn files(dir: impl Into<PathBuf>, from: &str) -> Result<Self, String> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create the mail directory {}: {e}", dir.display()))?;
        Ok(Self { transport: Transport::Files(dir), from: parse_from(from)? })
    }

    /// Where mails go, for the log at start-up.
    pub fn describe(&self) -> String {
        match &self.transport {
            Transport::Smtp(_) => "SMTP".to_string(),
            Transport::Files(dir) => format!("files in {}", dir.display()),
        }
    }

    fn message(&self, m: &MailRow) -> Result<Message, String> {
        let to = m.to_address.parse::<Mailbox>().map_err(|_| "the recipient's address does not parse".to_string())?;
        let mut builder = Message::builder().from(self.from.clone()).to(to).subject(m.subject.clone());
        if let Some(url) = &m.list_unsubscribe {
            // RFC 8058: mail clients offer "unsubscribe" and POST `List-Unsubscribe=One-Click` to
            // the address themselves (RFC 2369 for the first header).
            builder = builder
                .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")))
                .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click".into()));
        }
        builder
            .multipart(
                MultiPart::alternative()
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(m.body_text.clone()))
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(m.body_html.clone())),
            )
            .map_err(|e| format!("cannot build the mail: {e}"))
    }

    async fn deliver(&self, m: &MailRow) -> Result<(), String> {
        let message = self.message(m)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Files(dir) => {
                let path = dir.join(format!("{:06}-{}.eml", m.id, m.kind));
                tokio::fs::write(&path, message.formatted()).await.map_err(|e| format!("cannot write {}: {e}", path.display()))
            }
        }
    }

    /// One pass over the outbox at `now_ms`: sends what is due. Returns (sent, failed attempts).
    pub async fn send_due(&self, db: &Db, now_ms: i64) -> (usize, usize) {
        let (mut sent, mut failed) = (0, 0);
        for _ in 0..PASS {
            let taken = async {
                let mut tx = db.begin().await?;
                let row = store::mail::take_due(&mut tx, now_ms, now_ms + LEASE_MS).await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(row)
            }
            .await;
            let row = match taken {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(_) => {
                    tracing::warn!("mail outbox: could not take the next mail");
                    break;
                }
            };
            let outcome = self.deliver(&row).await;
            let recorded = async {
                let mut tx = db.begin().await?;
                match &outcome {
                    Ok(()) => store::mail::mark_sent(&mut tx, row.id, now_ms).await?,
                    Err(error) => store::mail::record_failure(&mut tx, row.id, error, next_attempt(row.attempts, now_ms)).await?,
                }
                tx.commit().await
            }
            .await;
            match (&outcome, recorded) {
                (Ok(()), Ok(())) => sent += 1,
                (Err(error), _) => {
                    failed += 1;
                    tracing::warn!(mail = row.id, kind = %row.kind, attempts = row.attempts, %error, "mail not sent");
                }
                // Sent, but not recorded: the lease keeps it from being sent again for a while.
                (Ok(()), Err(_)) => tracing::warn!(mail = row.id, "mail sent but not marked sent"),
            }
        }
        if sent > 0 {
            tracing::info!(sent, failed, via = %self.describe(), "mails sent");
        }
        (sent, failed)
    }
}

fn parse_from(from: &str) -> Result<Mailbox, String> {
    from.parse::<Mailbox>().map_err(|e| format!("COOPOL_MAIL_FROM is not an address: {e}"))
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

    #[test]
    fn failures_back_off_then_give_up() {
        assert_eq!(next_attempt(1, 0), Some(60_000));
        assert_eq!(next_attempt(3, 0), Some(1_800_000));
        assert_eq!(next_attempt(7, 0), Some(43_200_000));
        assert_eq!(next_attempt(MAX_ATTEMPTS, 0), None);
    }
}
