//! "Télécharger mes données", on both databases: every table of the schema is exported or left out
//! with a reason; an export prepared by the worker holds a person's data (a canary written into
//! their fields comes back in the JSON and, escaped, in the page) and nobody else's; only its
//! owner downloads it.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use app::error::AppError;
use app::model::form::RawForm;
use app::on_both_backends;
use app::server::context::RateLimits;
use app::server::policy::Subject;
use app::server::services::export::{self, catalogue};
use app::server::services::{account, posts, profiles};
use app::server::testing::{self, TestDb};
use app::server::Db;

async fn table_names(db: &Db) -> BTreeSet<String> {
    let names: Vec<String> = match db {
        Db::Sqlite { write, .. } => sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .fetch_all(write)
            .await
            .unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
    };
    names.into_iter().collect()
}

async fn every_table_is_exported_or_excluded_with_a_reason(t: &TestDb) {
    let exported: BTreeSet<&str> = catalogue::SECTIONS.iter().flat_map(|s| s.tables.iter().copied()).collect();
    let excluded: BTreeSet<&str> = catalogue::EXCLUDED.iter().map(|(table, _)| *table).collect();
    assert!(exported.is_disjoint(&excluded), "a table cannot be both: {:?}", exported.intersection(&excluded).collect::<Vec<_>>());
    assert!(catalogue::EXCLUDED.iter().all(|(_, why)| why.len() > 20), "every exclusion says why");
    let tables = table_names(&t.db).await;
    let forgotten: Vec<&String> = tables.iter().filter(|t| !exported.contains(t.as_str()) && !excluded.contains(t.as_str())).collect();
    assert!(forgotten.is_empty(), "tables neither exported nor excluded with a reason: {forgotten:?}");
    let unknown: Vec<&&str> = exported.iter().filter(|t| !tables.contains(**t)).collect();
    assert!(unknown.is_empty(), "the catalogue names tables that do not exist: {unknown:?}");
}

const CANARY: &str = "Canari<b>7f3a</b>&";

/// Unzips with Python's zipfile (an independent reader) and returns (json, html).
fn unzip(archive: &[u8]) -> (String, String) {
    // Both databases' tests run at once: one file per thread.
    let thread = format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_digit(), "");
    let path = std::env::temp_dir().join(format!("coopol-export-{}-{thread}.zip", std::process::id()));
    std::fs::write(&path, archive).unwrap();
    let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nsys.stdout.write(z.read('donnees.json').decode() + '\\n=====\\n' + z.read('donnees.html').decode())";
    let output = std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output().unwrap();
    std::fs::remove_file(&path).ok();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let (json, html) = text.split_once("\n=====\n").unwrap();
    (json.to_string(), html.to_string())
}

async fn an_export_holds_the_persons_data_and_only_theirs(t: &TestDb) {
    let state = t.state(RateLimits::default());
    let lea = testing::person(&t.db, "lea", "59350", "adherent", "confirmed").await;
    let other = testing::person(&t.db, "autre", "59350", "adherent", "confirmed").await;
    let lea_subject = testing::subject(&t.db, lea).await;
    let other_subject = testing::subject(&t.db, other).await;
    let update = RawForm::of(&[
        ("display_name", "Léa"),
        ("handle", "lea"),
        ("bio", &format!("Bio {CANARY}")),
        ("bio_visibility", "moi"),
        ("status", &format!("Statut {CANARY}")),
        ("status_visibility", "section"),
        ("mandates", &format!("Mandat {CANARY}")),
        ("mandates_visibility", "section"),
        ("responsibilities", ""),
        ("responsibilities_visibility", "section"),
        ("interests", ""),
        ("interests_visibility", "section"),
        ("availabilities", "tractage"),
        ("availabilities_visibility", "section"),
    ]);
    profiles::update_profile(&state, &lea_subject, &update).await.expect("profile");
    let post =
        posts::publish(&state, &lea_subject, &RawForm::of(&[("body", &format!("Publication {CANARY}")), ("audience_group", "public|")]))
            .await
            .expect("publish");
    posts::comment(&state, &lea_subject, post, &RawForm::of(&[("comment", &format!("Commentaire {CANARY}"))])).await.expect("comment");
    posts::publish(&state, &other_subject, &RawForm::of(&[("body", "Pas à Léa: AUTRE-PERSONNE"), ("audience_group", "public|")]))
        .await
        .unwrap();
    // A conversation: what she wrote is hers, not the answer.
    let talk = app::server::services::messages::start(
        &state,
        &lea_subject,
        &RawForm::of(&[("recipients", "autre"), ("title", "Entre nous"), ("body", &format!("Message {CANARY}"))]),
    )
    .await
    .unwrap();
    // (Not of her section: a request, which they accept.)
    app::server::services::messages::answer_request(&state, &other_subject, talk, true).await.unwrap();
    app::server::services::messages::send(&state, &other_subject, talk, &RawForm::of(&[("body", "Réponse AUTRE-PERSONNE")])).await.unwrap();

    export::request(&state, &lea_subject).await.unwrap();
    export::request(&state, &lea_subject).await.unwrap();
    assert!(export::build_due(&state).await.unwrap(), "one export prepared");
    assert!(!export::build_due(&state).await.unwrap(), "asking twice made one export");
    let view = account::view(&state, &lea_subject).await.unwrap().export.expect("an export");
    assert!(view.ready && view.progress == 100 && view.size_bytes.unwrap_or(0) > 0, "{view:?}");
    let sent = testing::outbox(&t.db).await;
    assert!(sent.iter().any(|m| m.kind == "export_ready" && m.user_id == Some(lea)));

    let (name, archive) = export::download(&state, &lea_subject, view.id).await.unwrap();
    assert!(name.starts_with("coopol-mes-donnees-") && name.ends_with(".zip"), "{name}");
    let (json, html) = unzip(&archive);
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sections = &data["donnees"];
    for key in ["profil", "profil_listes", "publications", "commentaires", "messages_ecrits"] {
        assert!(sections[key].to_string().contains("Canari<b>7f3a</b>&"), "{key} holds the canary: {}", sections[key]);
    }
    assert_eq!(sections["compte"][0]["handle"], "lea");
    assert!(sections["compte"][0]["created_at"].as_str().is_some_and(|t| t.ends_with('Z')), "times in ISO 8601");
    assert_eq!(sections["disponibilites"][0]["kind"], "tractage");
    assert_eq!(sections["conversations"][0]["title"], "Entre nous");
    assert_eq!(sections["conversations"][0]["muted"], false);
    assert!(!json.contains("AUTRE-PERSONNE") && !html.contains("AUTRE-PERSONNE"), "nobody else's data");
    assert!(!json.contains("token_hash") && !json.contains("password"), "no secrets");
    assert!(html.contains("Canari&lt;b&gt;7f3a&lt;/b&gt;&amp;") && !html.contains("<b>7f3a"), "the page escapes what people wrote");
    assert!(html.contains("<h2>Publications</h2>"));

    // Only its owner downloads it.
    assert_eq!(export::download(&state, &other_subject, view.id).await.map(|_| ()), Err(AppError::NotFound));
    assert_eq!(export::download(&state, &Subject::anonymous(), view.id).await.map(|_| ()), Err(AppError::NotAuthenticated));
}

on_both_backends!(every_table_is_exported_or_excluded_with_a_reason);
on_both_backends!(an_export_holds_the_persons_data_and_only_theirs);
