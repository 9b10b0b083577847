//! Action reminders against a real SMTP conversation: a small SMTP sink started by the test
//! receives the e-mails. The day-before and two-hours reminders reach the people with a place
//! (in-app and by e-mail), and a second pass — like a restart — sends nothing again. Both databases.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use app::i18n::paris_datetime_input;
use app::model::form::RawForm;
use app::on_both_backends;
use app::server::context::{RateLimits, Settings};
use app::server::services::{actions, rsvp};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};
use coopol_server::jobs::run_reminders_once;
use coopol_server::mail::Mailer;

/// A minimal SMTP server: answers every command, keeps each message's DATA. Returns its port.
async fn smtp_sink(messages: Arc<Mutex<Vec<String>>>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else { return };
            let messages = messages.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            // Undo quoted-printable soft line breaks so the text can be searched.
                            messages.lock().unwrap().push(std::mem::take(body).replace("=\n", ""));
                            data = None;
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            return;
                        }
                        _ => b"250 OK\r\n",
                    };
                    write.write_all(answer).await.unwrap();
                }
            });
        }
    });
    port
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

const HOUR: i64 = 3_600_000;

async fn reminders_go_out_once(t: &TestDb) {
    let mut state = t.state(RateLimits::default());
    // The links in the e-mails use the public address.
    state.settings = std::sync::Arc::new(Settings { public_url: Some("https://coopol.example".into()), ..(*state.settings).clone() });
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    let secretary = testing::person(&t.db, "sophie-secretaire", "59350", "adherent", "confirmed").await;
    let sacha = testing::person(&t.db, "sacha-sympathie", "59350", "sympathisant", "none").await;
    let maybe = testing::person(&t.db, "max-peutetre", "59350", "sympathisant", "none").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let sophie = testing::subject(&t.db, secretary).await;
    let create = |title: &'static str, in_hours: i64| {
        let start = paris_datetime_input(now_ms() + in_hours * HOUR + 60_000);
        let end = paris_datetime_input(now_ms() + (in_hours + 2) * HOUR);
        form(&[
            ("kind", "tractage"),
            ("title", title),
            ("place_name", "Marché de Wazemmes"),
            ("commune", "Lille"),
            ("audience", "public"),
            ("starts_at", &start),
            ("ends_at", &end),
        ])
    };
    let tomorrow = actions::create(&state, &sophie, &create("Tractage de demain", 20)).await.unwrap();
    let soon = actions::create(&state, &sophie, &create("Phoning de tout à l'heure", 1)).await.unwrap();
    let next_week = actions::create(&state, &sophie, &create("Collage la semaine prochaine", 24 * 7)).await.unwrap();
    for id in [tomorrow, soon, next_week] {
        rsvp::answer(&state, &testing::subject(&t.db, sacha).await, id, &form(&[("reponse", "oui")])).await.unwrap();
        rsvp::answer(&state, &testing::subject(&t.db, maybe).await, id, &form(&[("reponse", "peut-etre")])).await.unwrap();
    }

    let inbox = Arc::new(Mutex::new(Vec::new()));
    let port = smtp_sink(inbox.clone()).await;
    let mailer = Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), "Coopol <ne-pas-repondre@coopol.invalid>").unwrap();
    assert_eq!(run_reminders_once(&state).await, 2, "tomorrow's and the coming one, to Sacha only");
    assert_eq!(mailer.send_due(&t.db, now_ms()).await, (2, 0), "the outbox sends both");
    let mails = inbox.lock().unwrap().clone();
    assert_eq!(mails.len(), 2);
    assert!(mails.iter().all(|m| m.contains("To: sacha-sympathie@example.fr")), "{mails:?}");
    assert!(mails.iter().all(|m| m.contains("Subject: ") && m.contains("Marché de Wazemmes".replace('é', "=C3=A9").as_str())));
    assert!(mails.iter().all(|m| m.contains("Content-Type: text/plain") && m.contains("Content-Type: text/html")), "text and HTML parts");
    assert!(mails.iter().any(|m| m.contains(&format!("https://coopol.example/actions/{tomorrow}"))));
    assert!(mails.iter().any(|m| m.contains(&format!("https://coopol.example/actions/{soon}"))));
    let notifications = store::notifications::for_user(&t.db, sacha, None, 50).await.unwrap();
    assert_eq!(notifications.iter().filter(|n| n.kind == "action_reminder").count(), 2);
    assert!(store::notifications::for_user(&t.db, maybe, None, 50).await.unwrap().iter().all(|n| n.kind != "action_reminder"));

    // Another pass — or another instance, or a restart with a new mailer — sends nothing again.
    assert_eq!(run_reminders_once(&state).await, 0);
    assert_eq!(mailer.send_due(&t.db, now_ms()).await, (0, 0));
    let again = Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), "Coopol <x@coopol.invalid>").unwrap();
    assert_eq!(again.send_due(&t.db, now_ms()).await, (0, 0));
    assert_eq!(inbox.lock().unwrap().len(), 2);

    // Two hours before tomorrow's action, its second reminder is recorded, and waits in the
    // outbox while SMTP is down; it leaves once, when SMTP is back and its retry is due.
    testing::move_action(&t.db, tomorrow, now_ms() + HOUR, now_ms() + 3 * HOUR).await;
    assert_eq!(run_reminders_once(&state).await, 1);
    assert_eq!(run_reminders_once(&state).await, 0);
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let down = Mailer::smtp(&format!("smtp://127.0.0.1:{closed}"), "Coopol <x@coopol.invalid>").unwrap();
    let now = now_ms();
    assert_eq!(down.send_due(&t.db, now).await, (0, 1), "SMTP down: the attempt fails and is kept");
    assert_eq!(store::mail::counts(&t.db).await.unwrap(), (1, 2, 0), "one pending, two sent");
    assert_eq!(mailer.send_due(&t.db, now + 1_000).await, (0, 0), "not before its retry is due");
    assert_eq!(mailer.send_due(&t.db, now + 61_000).await, (1, 0), "sent once SMTP is back");
    assert_eq!(mailer.send_due(&t.db, now + 3_600_000).await, (0, 0), "and only once");
    assert_eq!(inbox.lock().unwrap().len(), 3);
    assert_eq!(store::mail::counts(&t.db).await.unwrap(), (0, 3, 0));
}

/// Without SMTP, mails are written as .eml files; a mail that keeps failing is given up after
/// MAX_ATTEMPTS, listed for the operator, and queued again by `retry`. An annonce's mail carries
/// the RFC 8058 one-click unsubscribe headers.
async fn mails_without_smtp_and_mails_given_up(t: &TestDb) {
    let mut tx = t.db.begin().await.unwrap();
    let mail = |to: &'static str| store::mail::NewMail {
        user_id: None,
        to,
        kind: "essai",
        subject: "Essai",
        text: "Bonjour",
        html: "<p>Bonjour</p>",
        list_unsubscribe: Some("https://coopol.example/desabonnement/abc123"),
        now_ms: 1_000,
    };
    let good = store::mail::enqueue(&mut tx, &mail("lea@example.fr")).await.unwrap();
    let bad = store::mail::enqueue(&mut tx, &mail("pas une adresse")).await.unwrap();
    tx.commit().await.unwrap();
    let dir = std::env::temp_dir().join(format!("coopol-mails-{}-{good}", std::process::id()));
    let files = Mailer::files(&dir, "Coopol <ne-pas-repondre@coopol.invalid>").unwrap();
    assert_eq!(files.send_due(&t.db, 2_000).await, (1, 1));
    let written: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1);
    let eml = std::fs::read_to_string(&written[0]).unwrap();
    assert!(eml.contains("To: lea@example.fr"));
    assert!(eml.contains("List-Unsubscribe: <https://coopol.example/desabonnement/abc123>\r\n"), "{eml}");
    assert!(eml.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), "{eml}");
    let mut at = 2_000;
    for _ in 1..coopol_server::mail::MAX_ATTEMPTS {
        at += 13 * HOUR;
        files.send_due(&t.db, at).await;
    }
    let failures = store::mail::failures(&t.db, 10).await.unwrap();
    assert_eq!(failures.iter().map(|f| (f.id, f.attempts)).collect::<Vec<_>>(), [(bad, coopol_server::mail::MAX_ATTEMPTS)]);
    let mut tx = t.db.begin().await.unwrap();
    assert_eq!(store::mail::retry(&mut tx, Some(bad), at).await.unwrap(), 1);
    tx.commit().await.unwrap();
    assert_eq!(store::mail::counts(&t.db).await.unwrap(), (1, 1, 0));
    std::fs::remove_dir_all(&dir).ok();
}

on_both_backends!(reminders_go_out_once);
on_both_backends!(mails_without_smtp_and_mails_given_up);

/// Two workers (two instances) on one database send each of 30 mails once between them.
async fn two_workers_never_send_the_same_mail(t: &TestDb) {
    let mut tx = t.db.begin().await.unwrap();
    for _ in 0..30 {
        let new = store::mail::NewMail {
            user_id: None,
            to: "lea@example.fr",
            kind: "essai",
            subject: "Essai",
            text: "Bonjour",
            html: "<p>Bonjour</p>",
            list_unsubscribe: None,
            now_ms: 1_000,
        };
        store::mail::enqueue(&mut tx, &new).await.unwrap();
    }
    tx.commit().await.unwrap();
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let port = smtp_sink(inbox.clone()).await;
    let one = Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), "Coopol <a@coopol.invalid>").unwrap();
    let other = Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), "Coopol <b@coopol.invalid>").unwrap();
    let (a, b) = tokio::join!(one.send_due(&t.db, 2_000), other.send_due(&t.db, 2_000));
    assert_eq!((a.0 + b.0, a.1 + b.1), (30, 0), "{a:?} {b:?}");
    assert_eq!(inbox.lock().unwrap().len(), 30, "each mail once");
    assert_eq!(store::mail::counts(&t.db).await.unwrap(), (0, 30, 0));
    // Housekeeping forgets sent mails once old enough, not before.
    let mut tx = t.db.begin().await.unwrap();
    assert_eq!(store::mail::purge_sent(&mut tx, 2_000).await.unwrap(), 0);
    assert_eq!(store::mail::purge_sent(&mut tx, 2_001).await.unwrap(), 30);
    tx.commit().await.unwrap();
    assert_eq!(store::mail::counts(&t.db).await.unwrap(), (0, 0, 0));
}

on_both_backends!(two_workers_never_send_the_same_mail);
