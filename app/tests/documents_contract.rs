//! La boîte à outils (issue 21) on both databases: who adds, who reads (audience × scope, in the
//! list's SQL and in the page's rule alike), search by title, tag and category, versions that
//! replace the old in lists while the old stay downloadable and counted, bad files refused with
//! nothing stored, "utiliser pour une action" shown only to who may read the document, deletion
//! and the collection of its files.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytes::Bytes;

use app::error::AppError;
use app::i18n::paris_datetime_input;
use app::model::documents::{DocumentFileKind, ToolboxPage};
use app::model::form::{FieldError, RawForm};
use app::model::ids::DocumentId;
use app::model::paris_time;
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::media::{Upload, UploadContent};
use app::server::policy::Subject;
use app::server::services::{action_views, actions, documents, media};
use app::server::testing::{self, field_error, scalar, TestDb};
use app::server::testing_images::{jpeg_with_gps, pdf, pdf_with_script};
use app::server::{now_ms, store};

struct World {
    state: AppState,
    secretary: Subject,
    adherent: Subject,
    sympathisant: Subject,
    /// A confirmed adhérent of Roubaix, the same federation.
    neighbour: Subject,
    /// The Nord federation's first secretary.
    federal: Subject,
}

async fn world(t: &TestDb) -> World {
    let state = t.state(RateLimits::default());
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let secretary = testing::person(&t.db, "sophie", "59350", "adherent", "confirmed").await;
    let adherent = testing::person(&t.db, "amina", "59350", "adherent", "confirmed").await;
    let sympathisant = testing::person(&t.db, "sacha", "59350", "sympathisant", "none").await;
    let neighbour = testing::person(&t.db, "remi", "59512", "adherent", "confirmed").await;
    let federal = testing::person(&t.db, "fatou", "59512", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    store::roles::grant(&mut tx, federal, "federation_first_secretary", "federation", "59", None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    World {
        secretary: testing::subject(&t.db, secretary).await,
        adherent: testing::subject(&t.db, adherent).await,
        sympathisant: testing::subject(&t.db, sympathisant).await,
        neighbour: testing::subject(&t.db, neighbour).await,
        federal: testing::subject(&t.db, federal).await,
        state,
    }
}

fn file(bytes: Vec<u8>) -> Vec<Upload> {
    vec![Upload { field: "fichier".into(), content: UploadContent::Bytes(Bytes::from(bytes)) }]
}

/// A document form (`extra` replaces or adds fields).
fn form(extra: &[(&str, &str)]) -> RawForm {
    let mut pairs: Vec<(&str, &str)> = vec![
        ("portee", "section:1"),
        ("titre", "Tract du marché de Wazemmes"),
        ("description", "Pour samedi matin."),
        ("categorie", "tract"),
        ("public", "membres"),
        ("etiquettes", "logement, marché"),
        ("valable_jusqu_au", ""),
    ];
    for (k, v) in extra {
        pairs.retain(|(key, _)| key != k);
        pairs.push((k, v));
    }
    RawForm::of(&pairs)
}

async fn titles(state: &AppState, who: &Subject, q: &str, tag: &str, category: &str) -> Vec<String> {
    let page: ToolboxPage = documents::toolbox(state, who, q, tag, category, None).await.unwrap();
    page.documents.into_iter().map(|d| d.title).collect()
}

async fn the_team_adds_the_audience_reads(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let lille_members = documents::create(s, &w.secretary, &form(&[]), &file(pdf("Marché"))).await.unwrap();
    let adherents_only = documents::create(
        s,
        &w.secretary,
        &form(&[("titre", "Argumentaire logement"), ("categorie", "argumentaire"), ("public", "adherents"), ("etiquettes", "logement")]),
        &file(pdf("Logement")),
    )
    .await
    .unwrap();
    let public = documents::create(
        s,
        &w.secretary,
        &form(&[("titre", "Affiche de la fête de la rose"), ("categorie", "affiche"), ("public", "public"), ("etiquettes", "")]),
        &file(jpeg_with_gps(300, 200)),
    )
    .await
    .unwrap();
    let federation = documents::create(
        s,
        &w.federal,
        &form(&[("portee", "federation:59"), ("titre", "Tract fédéral transports"), ("etiquettes", "transports")]),
        &file(pdf("Transports")),
    )
    .await
    .unwrap();
    // Only a team adds, and only where it is the team: refused before the form is read.
    assert_eq!(documents::create(s, &w.adherent, &RawForm::default(), &[]).await, Err(AppError::Forbidden));
    assert_eq!(field_error(documents::create(s, &w.federal, &form(&[]), &file(pdf("x"))).await, "portee"), FieldError::InvalidChoice);
    assert_eq!(documents::create(s, &Subject::anonymous(), &form(&[]), &file(pdf("x"))).await, Err(AppError::NotAuthenticated));

    // The lists (SQL) and the pages (Rust) apply the same rule.
    let all = ["Tract fédéral transports", "Affiche de la fête de la rose", "Argumentaire logement", "Tract du marché de Wazemmes"];
    assert_eq!(titles(s, &w.adherent, "", "", "").await, all);
    assert_eq!(titles(s, &w.sympathisant, "", "", "").await, [all[0], all[1], all[3]], "no adhérents-only document");
    assert_eq!(titles(s, &w.neighbour, "", "", "").await, [all[0]], "another section's toolbox is not listed");
    assert_eq!(titles(s, &w.federal, "", "", "").await, [all[0]], "the federation's team lists its own toolbox");
    assert!(titles(s, &Subject::anonymous(), "", "", "").await.is_empty());
    for (who, id, readable) in [
        (&w.sympathisant, adherents_only, false),
        (&w.adherent, adherents_only, true),
        (&w.federal, adherents_only, true),
        (&w.neighbour, lille_members, false),
        (&w.neighbour, federation, true),
        (&w.neighbour, public, true),
    ] {
        assert_eq!(documents::page(s, who, id).await.is_ok(), readable, "{:?} reading {id}", who.id());
    }
    assert!(documents::page(s, &Subject::anonymous(), public).await.is_ok());
    assert_eq!(documents::page(s, &Subject::anonymous(), lille_members).await.err(), Some(AppError::NotAuthenticated));
    assert_eq!(documents::page(s, &w.neighbour, DocumentId(9999)).await.err(), Some(AppError::NotFound));

    // Search: folded title words, an exact tag, a category.
    assert_eq!(titles(s, &w.adherent, "MARCHE wazemmes", "", "").await, [all[3]]);
    assert_eq!(titles(s, &w.adherent, "", "logement", "").await, [all[2], all[3]]);
    assert_eq!(titles(s, &w.adherent, "", "", "affiche").await, [all[1]]);
    assert_eq!(titles(s, &w.adherent, "100%", "", "").await, Vec::<String>::new(), "a wildcard is a character");
    assert_eq!(titles(s, &w.sympathisant, "argumentaire", "", "").await, Vec::<String>::new(), "search never reveals");

    // The picture was drawn again: a JPEG without its EXIF block.
    let page = documents::page(s, &w.adherent, public).await.unwrap();
    assert_eq!(page.line.current.kind, DocumentFileKind::Jpeg);
    let key = page.line.current.href.split('/').nth(3).unwrap().to_string();
    let download = documents::download(s, &Subject::anonymous(), &key).await.unwrap();
    assert!(download.bytes.starts_with(&[0xFF, 0xD8]) && !download.bytes.windows(4).any(|w| w == b"Exif"));
    assert_eq!(download.name, "affiche-de-la-fete-de-la-rose-v1.jpg");
}

async fn versions_replace_the_old_in_lists(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let id = documents::create(s, &w.secretary, &form(&[("valable_jusqu_au", "2020-01-31")]), &file(pdf("v1"))).await.unwrap();
    let first = documents::page(s, &w.adherent, id).await.unwrap();
    assert!(first.line.expired, "valid until a past day");
    let today = paris_time::civil_iso(paris_time::paris_civil_day(now_ms()));
    let fresh =
        documents::create(s, &w.secretary, &form(&[("titre", "Valable aujourd’hui"), ("valable_jusqu_au", &today)]), &file(pdf("x")))
            .await
            .unwrap();
    assert!(!documents::page(s, &w.adherent, fresh).await.unwrap().line.expired, "valid through its last day");
    documents::delete(s, &w.secretary, fresh).await.unwrap();
    let old_key = first.line.current.href.split('/').nth(3).unwrap().to_string();
    assert_eq!(
        documents::add_version(s, &w.adherent, id, &RawForm::default(), &file(pdf("v2"))).await,
        Err(AppError::Forbidden),
        "a reader sends no version"
    );
    let note = RawForm::of(&[("note", "Nouvelle adresse de la permanence")]);
    assert_eq!(documents::add_version(s, &w.secretary, id, &note, &file(pdf("v2"))).await, Ok(2));
    let listed = documents::toolbox(s, &w.sympathisant, "", "", "", None).await.unwrap();
    assert_eq!(listed.documents.len(), 1, "one line per document");
    assert_eq!(listed.documents[0].current.number, 2);
    let page = documents::page(s, &w.sympathisant, id).await.unwrap();
    assert_eq!(page.versions.iter().map(|v| v.number).collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(page.versions[0].note, "Nouvelle adresse de la permanence");
    // The old one stays downloadable; every download counts.
    let old = documents::download(s, &w.sympathisant, &old_key).await.unwrap();
    assert_eq!(old.bytes.as_ref(), pdf("v1").as_slice());
    assert_eq!(old.name, "tract-du-marche-de-wazemmes-v1.pdf");
    let new_key = page.versions[0].href.split('/').nth(3).unwrap().to_string();
    documents::download(s, &w.adherent, &new_key).await.unwrap();
    assert_eq!(documents::page(s, &w.adherent, id).await.unwrap().line.download_count, 2);
    // Who may not read it gets what a missing file gets, and is not counted.
    assert_eq!(documents::download(s, &w.neighbour, &new_key).await.err(), Some(AppError::NotFound));
    assert_eq!(documents::download(s, &w.neighbour, "0123456789abcdef0123456789abcdef").await.err(), Some(AppError::NotFound));
    assert_eq!(scalar(&t.db, "SELECT download_count FROM documents").await, 2);
}

async fn bad_files_store_nothing(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let polyglot = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n".to_vec();
    let cases: Vec<(Vec<Upload>, FieldError)> = vec![
        (file(polyglot), FieldError::NotAPdf),
        (file(b"<!doctype html><title>tract.pdf</title>".to_vec()), FieldError::NotADocument),
        (file(pdf_with_script()), FieldError::UnsafePdf),
        (file(pdf("coupé")[..200].to_vec()), FieldError::NotAPdf),
        (vec![Upload { field: "fichier".into(), content: UploadContent::TooLarge }], FieldError::FileTooLarge { max_mb: 20 }),
        (Vec::new(), FieldError::Required),
    ];
    for (upload, expected) in cases {
        assert_eq!(field_error(documents::create(s, &w.secretary, &form(&[]), &upload).await, "fichier"), expected);
    }
    // Every field's error at once, with the file's.
    let bad = form(&[("titre", ""), ("valable_jusqu_au", "31/12/2026"), ("etiquettes", "<script>")]);
    let Err(AppError::Validation(errors)) = documents::create(s, &w.secretary, &bad, &[]).await else { panic!("refused") };
    for field in ["titre", "valable_jusqu_au", "etiquettes", "fichier"] {
        assert!(errors.get(field).is_some(), "{field} named: {errors:?}");
    }
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM documents").await, 0);
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM document_versions").await, 0);
    assert!(s.media.list(None).await.unwrap().is_empty(), "no file stored");
}

async fn attached_to_an_action_for_who_may_read_it(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let members = documents::create(s, &w.secretary, &form(&[]), &file(pdf("Marché"))).await.unwrap();
    let adherents_only = documents::create(
        s,
        &w.secretary,
        &form(&[("titre", "Argumentaire logement"), ("public", "adherents")]),
        &file(pdf("Argumentaire")),
    )
    .await
    .unwrap();
    let start = paris_datetime_input(now_ms() + 86_400_000);
    let end = paris_datetime_input(now_ms() + 86_400_000 + 7_200_000);
    let action_form = RawForm::of(&[
        ("kind", "tractage"),
        ("title", "Marché de Wazemmes"),
        ("place_name", "Marché de Wazemmes"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", &start),
        ("ends_at", &end),
    ]);
    let action = actions::create(s, &w.secretary, &action_form).await.unwrap();
    let choose = RawForm::of(&[("action", &action.to_string())]);
    // Only who manages the action attaches; the document page offers only those.
    assert!(documents::page(s, &w.adherent, members).await.unwrap().attachable.is_empty());
    assert_eq!(field_error(documents::attach(s, &w.adherent, members, &choose).await, "action"), FieldError::InvalidChoice);
    assert_eq!(
        documents::page(s, &w.secretary, members).await.unwrap().attachable.iter().map(|a| a.id).collect::<Vec<_>>(),
        [action.get()]
    );
    assert_eq!(documents::attach(s, &w.secretary, members, &choose).await, Ok(action));
    assert_eq!(documents::attach(s, &w.secretary, members, &choose).await, Ok(action), "twice is once");
    assert_eq!(documents::attach(s, &w.secretary, adherents_only, &choose).await, Ok(action));
    let page = documents::page(s, &w.secretary, members).await.unwrap();
    assert!(page.attachable.is_empty() && page.attached.len() == 1);
    // The action's page lists what its reader may read, nothing more.
    let titles = |v: app::model::action::ActionView| v.documents.into_iter().map(|d| d.title).collect::<Vec<_>>();
    assert_eq!(titles(action_views::view(s, &w.adherent, action).await.unwrap()).len(), 2);
    assert_eq!(titles(action_views::view(s, &w.sympathisant, action).await.unwrap()), ["Tract du marché de Wazemmes"]);
    assert!(titles(action_views::view(s, &Subject::anonymous(), action).await.unwrap()).is_empty());
    // Taken off by its organizers only.
    assert_eq!(documents::detach(s, &w.sympathisant, action, members).await, Err(AppError::Forbidden));
    documents::detach(s, &w.secretary, action, members).await.unwrap();
    assert_eq!(titles(action_views::view(s, &w.adherent, action).await.unwrap()), ["Argumentaire logement"]);
}

async fn deleted_documents_leave_no_file(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let kept = documents::create(s, &w.secretary, &form(&[("titre", "Gardé")]), &file(pdf("gardé"))).await.unwrap();
    let gone = documents::create(s, &w.secretary, &form(&[("titre", "Effacé")]), &file(pdf("effacé"))).await.unwrap();
    assert_eq!(documents::delete(s, &w.adherent, gone).await, Err(AppError::Forbidden));
    documents::delete(s, &w.secretary, gone).await.unwrap();
    assert_eq!(documents::page(s, &w.secretary, gone).await.err(), Some(AppError::NotFound));
    assert_eq!(s.media.list(None).await.unwrap().len(), 2, "its file waits for the collection");
    assert_eq!(media::collect_orphans(s, now_ms()).await.unwrap(), 0, "not within the hour of grace");
    assert_eq!(media::collect_orphans(s, now_ms() + 2 * media::ORPHAN_GRACE_MS).await.unwrap(), 1);
    let left = s.media.list(None).await.unwrap();
    assert_eq!(left.len(), 1);
    let page = documents::page(s, &w.adherent, kept).await.unwrap();
    assert!(page.line.current.href.contains(left[0].path.split('/').next().unwrap()), "the kept document's file stays");
}

/// "Modifier la fiche": the team changes what describes a document, its file and its place in
/// lists stay; a reader cannot; a refused form changes nothing; the new audience and tags rule at
/// once (search, page).
async fn the_team_edits_the_details_not_the_file(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let id = documents::create(s, &w.secretary, &form(&[]), &file(pdf("fiche"))).await.unwrap();
    let before = documents::page(s, &w.secretary, id).await.unwrap();
    let edit = |pairs: &[(&str, &str)]| {
        let mut all: Vec<(&str, &str)> =
            vec![("titre", "Argumentaire logement"), ("categorie", "argumentaire"), ("public", "adherents"), ("etiquettes", "loyers")];
        all.extend_from_slice(pairs);
        // `form` lets a later pair replace an earlier one (and the scope is not read here).
        form(&all)
    };
    assert_eq!(
        documents::update_details(s, &w.adherent, id, &RawForm::default()).await,
        Err(AppError::Forbidden),
        "before the form is read"
    );
    assert_eq!(documents::update_details(s, &w.neighbour, id, &edit(&[])).await, Err(AppError::NotFound), "another section's member");
    // Refused: every field's error at once, nothing changed.
    let bad = RawForm::of(&[("titre", ""), ("categorie", "poeme"), ("public", "tous"), ("valable_jusqu_au", "31/02/2027")]);
    let refused = documents::update_details(s, &w.secretary, id, &bad).await;
    let Err(AppError::Validation(errors)) = refused else { panic!("refused: {refused:?}") };
    for field in ["titre", "categorie", "public", "valable_jusqu_au"] {
        assert!(errors.get(field).is_some(), "no error on {field}: {errors:?}");
    }
    assert_eq!(documents::page(s, &w.secretary, id).await.unwrap(), before);

    documents::update_details(
        s,
        &w.secretary,
        id,
        &edit(&[("description", "Les chiffres du quartier."), ("valable_jusqu_au", "2027-03-31")]),
    )
    .await
    .unwrap();
    let after = documents::page(s, &w.adherent, id).await.unwrap();
    assert_eq!(after.line.title, "Argumentaire logement");
    assert_eq!(after.description, "Les chiffres du quartier.");
    assert_eq!(after.line.tags, vec!["loyers".to_string()]);
    assert!(after.line.valid_until_ms.is_some());
    let key = |href: &str| href.split('/').nth(3).map(str::to_string);
    assert_eq!(key(&after.line.current.href), key(&before.line.current.href), "the same file");
    assert_eq!((after.line.current.number, after.versions.len()), (1, 1));
    assert!(after.line.current.href.ends_with("/argumentaire-logement-v1.pdf"), "downloaded under its new title");
    assert_eq!(after.line.updated_at_ms, before.line.updated_at_ms, "its place in lists stays");
    assert_eq!(titles(s, &w.adherent, "ARGUMENTAIRE", "", "").await, vec!["Argumentaire logement".to_string()]);
    assert_eq!(titles(s, &w.adherent, "", "loyers", "argumentaire").await.len(), 1);
    assert!(titles(s, &w.adherent, "", "logement", "").await.is_empty(), "the old tags are gone");
    // Adhérents only now: the sympathisant of the section reads it no more, nor finds it.
    assert_eq!(documents::page(s, &w.sympathisant, id).await.err(), Some(AppError::NotFound));
    assert!(titles(s, &w.sympathisant, "argumentaire", "", "").await.is_empty());
    // The federation above manages it too.
    documents::update_details(s, &w.federal, id, &edit(&[("public", "membres")])).await.unwrap();
    assert_eq!(documents::page(s, &w.sympathisant, id).await.unwrap().line.title, "Argumentaire logement");
}

on_both_backends!(
    the_team_edits_the_details_not_the_file,
    the_team_adds_the_audience_reads,
    versions_replace_the_old_in_lists,
    bad_files_store_nothing,
    attached_to_an_action_for_who_may_read_it,
    deleted_documents_leave_no_file,
);
