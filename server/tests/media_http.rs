//! Pictures over HTTP, on both databases and on the storage the run names (a local directory, or
//! the S3-compatible server of `COOPOL_TEST_MEDIA_URL`): a phone's multipart form with two
//! photos, what the feed draws, what the served files are (upright, no EXIF, no GPS, sandboxed),
//! who may fetch them, every bad input answered in French with the text kept and nothing stored,
//! and the collection of files whose publication is gone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use app::model::ids::UserId;
use app::on_both_backends;
use app::server::auth::session_token;
use app::server::testing::{self, TestDb};
use app::server::testing_images::{jpeg_with_gps, pdf, png, png_claiming};
use app::server::{now_ms, store};
use axum::Router;
use http::{header, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use support::{get, multipart, router, send, Part, ORIGIN};

/// A served file: status, headers and bytes (not text).
async fn fetch(router: &Router, path: &str, cookie: Option<&str>) -> (StatusCode, http::HeaderMap, Vec<u8>) {
    let response = router.clone().oneshot(get(path, cookie)).await.expect("answer");
    let (status, headers) = (response.status(), response.headers().clone());
    (status, headers, response.into_body().collect().await.expect("body").to_bytes().to_vec())
}

async fn cookie(t: &TestDb, who: UserId) -> String {
    let token = session_token::generate();
    let mut tx = t.db.begin().await.unwrap();
    store::sessions::insert(&mut tx, &session_token::hash(&token), who, now_ms(), now_ms() + 3_600_000).await.unwrap();
    tx.commit().await.unwrap();
    format!("{}={token}", session_token::COOKIE_NAME)
}

struct People {
    ada_id: UserId,
    ada: String,
    bob: String,
    /// Of another section, in no group.
    zoe: String,
}

async fn people(t: &TestDb) -> People {
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let ada = testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await;
    let bob = testing::person(&t.db, "bob", "59350", "sympathisant", "none").await;
    let zoe = testing::person(&t.db, "zoe", "59512", "adherent", "confirmed").await;
    People { ada_id: ada, ada: cookie(t, ada).await, bob: cookie(t, bob).await, zoe: cookie(t, zoe).await }
}

/// Makes `who` Lille's secretary; answers Lille's id.
async fn make_secretary_of_lille(t: &TestDb, who: UserId) -> app::model::ids::SectionId {
    let lille = store::sections::by_slug(&t.db, "lille").await.unwrap().unwrap().id;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, who, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    lille
}

async fn media_rows(t: &TestDb) -> i64 {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM media";
    app::on_pool!(t.db.read(), p => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).unwrap()
}

/// The picture addresses a page draws, in order (`/medias/{key}/{file}`).
fn picture_sources(page: &str) -> Vec<String> {
    page.split("src=\"/medias/").skip(1).filter_map(|rest| rest.split('"').next()).map(|s| format!("/medias/{s}")).collect()
}

async fn a_phone_publishes_two_photos_that_keep_nothing_of_the_camera(t: &TestDb) {
    // The run stores where it says: CI's second run must really go through S3.
    if std::env::var("COOPOL_TEST_MEDIA_URL").is_ok_and(|u| u.starts_with("s3://")) {
        assert!(t.media.describe().starts_with("S3 bucket"), "{}", t.media.describe());
    }
    let app = router(t);
    let p = people(t).await;
    let form = vec![
        Part::Text("form", "publier"),
        Part::Text("retour", "/sections/lille/fil"),
        Part::Text("body", "Le stand du marché de Wazemmes"),
        Part::Text("audience_group", "section|"),
        Part::File("photo_1", "IMG_2041.jpg", "image/jpeg", jpeg_with_gps(1200, 900)),
        Part::Text("alt_1", "Trois militantes derrière la table du stand"),
        Part::File("photo_2", "affiche.png", "image/png", png(640, 480)),
        Part::Text("alt_2", ""),
        // An empty file input: nothing chosen.
        Part::File("photo_3", "", "application/octet-stream", Vec::new()),
    ];
    let reply = send(&app, multipart("/publications", form, Some(&p.ada))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(reply.header(header::LOCATION).starts_with("/sections/lille/fil#publication-"));
    assert_eq!(media_rows(t).await, 2);

    let feed = send(&app, get("/sections/lille/fil", Some(&p.bob))).await;
    assert_eq!(feed.status, StatusCode::OK);
    // The sensor's 1200×900 with orientation 6 is a 900×1200 portrait: stored at 480 and 900.
    assert!(feed.body.contains(r#"<source type="image/webp" srcset="/medias/"#), "{}", feed.body);
    assert!(feed.body.contains("480.webp 480w, /medias/"));
    assert!(feed.body.contains(r#"width="900" height="1200""#), "the portrait's size is reserved");
    assert!(feed.body.contains(r#"width="640" height="480""#));
    assert!(feed.body.contains(r#"alt="Trois militantes derrière la table du stand""#));
    assert!(feed.body.contains(r#"alt="Photo publiée par ada""#), "a picture without description gets a default one");
    assert!(feed.body.contains(r#"loading="lazy""#));
    let sources = picture_sources(&feed.body);
    assert_eq!(sources.len(), 2, "{sources:?}");

    for source in &sources {
        for file in [source.clone(), source.replace(".jpg", ".webp")] {
            let (status, headers, bytes) = fetch(&app, &file, Some(&p.bob)).await;
            assert_eq!(status, StatusCode::OK, "{file}");
            let kind = headers[header::CONTENT_TYPE].to_str().unwrap();
            assert!(kind == "image/webp" || kind == "image/jpeg", "{kind}");
            assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
            assert!(headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().starts_with("sandbox"));
            assert!(headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("inline"));
            assert!(headers[header::CACHE_CONTROL].to_str().unwrap().starts_with("private"));
            assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{file}: an EXIF block was served");
            assert!(!bytes.windows(8).any(|w| w == [50, 0, 0, 0, 1, 0, 0, 0]), "{file}: the GPS latitude was served");
        }
    }
    // A width that was not stored, a format never made: the same 404 as a missing picture.
    let key = sources[0].split('/').nth(2).unwrap();
    for path in
        [format!("/medias/{key}/1600.webp"), format!("/medias/{key}/480.png"), "/medias/0123456789abcdef0123456789abcdef/480.webp".into()]
    {
        assert_eq!(fetch(&app, &path, Some(&p.ada)).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    // Ada's data export holds both pictures' files.
    let archive = app::server::services::export::build(&t.state(Default::default()), 0, p.ada_id, now_ms()).await.unwrap();
    for source in &sources {
        let key = source.split('/').nth(2).unwrap();
        let name = format!("photos/{key}.jpg");
        assert!(archive.windows(name.len()).any(|w| w == name.as_bytes()), "{name} is not in the export");
    }
    // A section-only publication's picture: Zoé (Roubaix) and a visitor get that same 404.
    assert_eq!(fetch(&app, &sources[0], Some(&p.zoe)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&app, &sources[0], None).await.0, StatusCode::NOT_FOUND);
}

async fn bad_pictures_are_refused_in_french_and_nothing_is_kept(t: &TestDb) {
    let app = router(t);
    let p = people(t).await;
    let whole = jpeg_with_gps(800, 600);
    let cases: Vec<(&str, Vec<Part<'_>>, &str)> = vec![
        ("a 50 MB photo", vec![Part::File("photo_1", "enorme.jpg", "image/jpeg", vec![0xFF; 50 * 1024 * 1024])], "trop lourd"),
        (
            "a PNG claiming 100,000 × 100,000 pixels",
            vec![Part::File("photo_1", "bombe.png", "image/png", png_claiming(100_000, 100_000))],
            "trop grande",
        ),
        (
            "an HTML file named .jpg",
            vec![Part::File("photo_1", "photo.jpg", "image/jpeg", b"<!doctype html><script>alert(document.cookie)</script>".to_vec())],
            "n’est pas une photo",
        ),
        (
            "an SVG",
            vec![Part::File(
                "photo_1",
                "logo.svg",
                "image/svg+xml",
                b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".to_vec(),
            )],
            "n’est pas une photo",
        ),
        (
            "a truncated JPEG",
            vec![Part::File("photo_1", "coupee.jpg", "image/jpeg", whole[..whole.len() / 2].to_vec())],
            "incomplète ou abîmée",
        ),
        (
            "a fifth photo",
            (1..=5)
                .map(|n| Part::File(["photo_1", "photo_2", "photo_3", "photo_4", "photo_5"][n - 1], "p.jpg", "image/jpeg", whole.clone()))
                .collect(),
            "4\u{a0}photos au plus",
        ),
        (
            // A good photo and a bad one: neither is kept.
            "a good photo beside a bad one",
            vec![
                Part::File("photo_1", "bonne.jpg", "image/jpeg", whole.clone()),
                Part::File("photo_2", "mauvaise.jpg", "image/jpeg", b"GIF89a not really".to_vec()),
            ],
            "n’est pas une photo",
        ),
    ];
    for (case, files, message) in cases {
        let mut form = vec![
            Part::Text("form", "publier"),
            Part::Text("retour", "/fil"),
            Part::Text("body", "Texte à garder MARQUE-GARDE"),
            Part::Text("audience_group", "section|"),
            Part::Text("alt_1", "Description gardée"),
        ];
        form.extend(files);
        let reply = send(&app, multipart("/publications", form, Some(&p.ada))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{case}");
        assert!(reply.body.contains(message), "{case}: no «{message}» in the answer");
        assert!(reply.body.contains("MARQUE-GARDE") && reply.body.contains("Description gardée"), "{case}: what was typed is lost");
        assert_eq!(media_rows(t).await, 0, "{case}: a row was kept");
        assert!(t.media.list(None).await.unwrap().is_empty(), "{case}: a file was kept");
    }
    let posts =
        app::on_pool!(t.db.read(), p => sqlx::query_scalar::<_, i64>("SELECT CAST(COUNT(*) AS BIGINT) FROM posts").fetch_one(p).await)
            .unwrap();
    assert_eq!(posts, 0, "no publication was written");
}

async fn a_private_groups_picture_is_not_found_for_outsiders(t: &TestDb) {
    let app = router(t);
    let p = people(t).await;
    let create = support::post_form(
        "/groupes",
        &[("name", "Cercle fermé"), ("purpose", "Un groupe privé pour tester les photos"), ("privacy", "private"), ("confirm", "oui")],
        Some(&p.ada),
        Some(ORIGIN),
    );
    let created = send(&app, create).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let form = vec![
        Part::Text("body", "Réservé au groupe"),
        Part::Text("audience_group", "group|cercle-ferme"),
        Part::File("photo_1", "p.jpg", "image/jpeg", jpeg_with_gps(600, 400)),
    ];
    let reply = send(&app, multipart("/publications", form, Some(&p.ada))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let page = send(&app, get("/groupes/cercle-ferme", Some(&p.ada))).await;
    let source = picture_sources(&page.body).into_iter().next().expect("the group's page shows the picture");
    assert_eq!(fetch(&app, &source, Some(&p.ada)).await.0, StatusCode::OK);
    for (who, cookie) in
        [("a section member outside the group", Some(p.bob.as_str())), ("another section", Some(&p.zoe)), ("a visitor", None)]
    {
        let (status, _, body) = fetch(&app, &source, cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{who}");
        assert_eq!(body, b"Introuvable.", "{who}: answered like a missing picture");
    }
}

async fn files_of_deleted_publications_are_collected(t: &TestDb) {
    let app = router(t);
    let p = people(t).await;
    let mut ids = Vec::new();
    for body in ["À supprimer", "À garder"] {
        // 600×400 once upright: stored 480 and 600 wide.
        let form = vec![
            Part::Text("body", body),
            Part::Text("audience_group", "section|"),
            Part::File("photo_1", "p.jpg", "image/jpeg", jpeg_with_gps(400, 600)),
        ];
        let reply = send(&app, multipart("/publications", form, Some(&p.ada))).await;
        let location = reply.header(header::LOCATION).to_string();
        ids.push(location.rsplit('-').next().unwrap().to_string());
    }
    let files = t.media.list(None).await.unwrap().len();
    assert_eq!(files, 2 * 2 * 2, "two pictures, two widths, two encodings");
    let deleted = send(&app, support::post_form(&format!("/publications/{}/supprimer", ids[0]), &[], Some(&p.ada), Some(ORIGIN))).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(media_rows(t).await, 1, "the deleted publication's picture row went with it");
    let state = t.state(Default::default());
    // Within the grace period nothing goes (an upload in flight has no row yet).
    assert_eq!(app::server::services::media::collect_orphans(&state, now_ms()).await.unwrap(), 0);
    let later = now_ms() + app::server::services::media::ORPHAN_GRACE_MS + 60_000;
    assert_eq!(app::server::services::media::collect_orphans(&state, later).await.unwrap(), 1);
    assert_eq!(t.media.list(None).await.unwrap().len(), 4, "the kept publication's files stay");
    let kept = send(&app, get(&format!("/publications/{}", ids[1]), Some(&p.bob))).await;
    let source = picture_sources(&kept.body).into_iter().next().expect("still shown");
    assert_eq!(fetch(&app, &source, Some(&p.bob)).await.0, StatusCode::OK);
}

/// Starts like a PDF, reads like a page: a browser sniffing it would run its script.
const POLYGLOT: &[u8] = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n";

async fn documents_count(t: &TestDb) -> i64 {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM documents";
    app::on_pool!(t.db.read(), p => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).unwrap()
}

/// La boîte à outils over HTTP: a secretary's multipart form, the document's page, its file served
/// as an attachment that can never run as a page, a polyglot refused in French with the form
/// kept and nothing stored, and the same 404 for who may not read it as for a missing file.
async fn a_toolbox_document_is_a_download_and_never_a_page(t: &TestDb) {
    let app = router(t);
    let p = people(t).await;
    let lille = make_secretary_of_lille(t, p.ada_id).await;
    let portee = format!("section:{lille}");
    let form = |file: Vec<u8>| {
        vec![
            Part::Text("portee", &portee),
            Part::Text("titre", "Tract du marché de Wazemmes"),
            Part::Text("categorie", "tract"),
            Part::Text("public", "membres"),
            Part::Text("etiquettes", "marché, logement"),
            Part::File("fichier", "tract.pdf", "application/pdf", file),
        ]
    };
    let refused = send(&app, multipart("/boite-a-outils", form(POLYGLOT.to_vec()), Some(&p.ada))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Ce fichier n’est pas un document PDF valide."), "the French reason");
    assert!(refused.body.contains("value=\"Tract du marché de Wazemmes\""), "the title is kept");
    assert_eq!(documents_count(t).await, 0);
    assert!(t.media.list(None).await.unwrap().is_empty(), "nothing stored");

    let tract = pdf("Tract du marche");
    let created = send(&app, multipart("/boite-a-outils", form(tract.clone()), Some(&p.ada))).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let page_path = created.header(header::LOCATION).to_string();
    let page = send(&app, get(&page_path, Some(&p.bob))).await;
    assert_eq!(page.status, StatusCode::OK);
    let href = page.body.split("href=\"/boite-a-outils/fichiers/").nth(1).and_then(|s| s.split('"').next()).expect("a download link");
    let file = format!("/boite-a-outils/fichiers/{href}");
    assert!(file.ends_with("/tract-du-marche-de-wazemmes-v1.pdf"), "{file}");
    let (status, headers, bytes) = fetch(&app, &file, Some(&p.bob)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, tract, "kept byte for byte");
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(headers[header::CONTENT_DISPOSITION], "attachment; filename=\"tract-du-marche-de-wazemmes-v1.pdf\"");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().starts_with("sandbox"));
    // Another section's member, a visitor, a missing key: the same answer.
    let missing = fetch(&app, "/boite-a-outils/fichiers/0123456789abcdef0123456789abcdef/x.pdf", Some(&p.zoe)).await;
    for who in [Some(p.zoe.as_str()), None] {
        let (status, _, body) = fetch(&app, &file, who).await;
        assert_eq!((status, body.clone()), (missing.0, missing.2.clone()));
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let after = send(&app, get(&page_path, Some(&p.ada))).await;
    assert!(after.body.contains("1\u{a0}téléchargement") || after.body.contains("1 téléchargement"), "counted once");
}

/// An avatar through the profile's multipart form: a refusal comes back as the profile page with
/// the French message beside the field and nothing stored; a photo is taken (303 to the profile),
/// drawn round on the profile and on the person's cards, its file upright-square and without
/// EXIF; "Retirer" takes it off with its files.
async fn an_avatar_goes_through_the_profile_form(t: &TestDb) {
    let app = router(t);
    let p = people(t).await;
    let html = vec![Part::Text("form", "photo"), Part::File("photo", "moi.jpg", "image/jpeg", b"<!doctype html><p>x".to_vec())];
    let refused = send(&app, multipart("/profil/photo", html, Some(&p.ada))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("n’est pas une photo") && refused.body.contains("Photo de profil"), "the profile page, in French");
    assert_eq!(media_rows(t).await, 0);
    assert!(t.media.list(None).await.unwrap().is_empty());

    let form = vec![Part::Text("form", "photo"), Part::File("photo", "moi.jpg", "image/jpeg", jpeg_with_gps(1200, 900))];
    let taken = send(&app, multipart("/profil/photo", form, Some(&p.ada))).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER);
    assert_eq!(taken.header(header::LOCATION), "/profil?enregistre=1");
    let profile = send(&app, get("/membres/ada", Some(&p.bob))).await;
    let sources = picture_sources(&profile.body);
    assert_eq!(sources.len(), 1, "one avatar on the profile: {sources:?}");
    assert!(profile.body.contains(r#"class="avatar avatar-160""#) && profile.body.contains(r#"width="160""#));
    let (status, headers, bytes) = fetch(&app, &sources[0], Some(&p.zoe)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/jpeg");
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!(decoded.width(), decoded.height(), "a square");
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no EXIF block");

    let removed = send(&app, app_post("/profil/photo/retirer", &p.ada)).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(fetch(&app, &sources[0], Some(&p.zoe)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(media_rows(t).await, 0);
    assert!(t.media.list(None).await.unwrap().is_empty(), "its files went with it");
}

/// A compte-rendu's photos through its multipart form: a refused photo comes back as the form
/// with the French message and the figures typed, nothing stored; a photo is kept (303 to the
/// action), drawn on the action's page for its organizer, its file upright without EXIF, 404 to
/// a member who was not there; the same submission sent again (the offline queue) adds nothing.
async fn a_compte_rendu_takes_its_photos_through_its_form(t: &TestDb) {
    use app::server::services::actions;
    let app = router(t);
    let p = people(t).await;
    make_secretary_of_lille(t, p.ada_id).await;
    let state = t.state(app::server::context::RateLimits::default());
    let ada = testing::subject(&t.db, p.ada_id).await;
    let day = |offset: i64| app::i18n::paris_datetime_input(now_ms() + offset);
    let fields = [
        ("kind", "tractage"),
        ("title", "Tractage du marché"),
        ("place_name", "Marché"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", &day(86_400_000)),
        ("ends_at", &day(90_000_000)),
    ];
    let action = actions::create(&state, &ada, &app::model::form::RawForm::of(&fields)).await.unwrap();
    testing::move_action(&t.db, action, now_ms() - 86_400_000, now_ms() - 80_000_000).await;
    let path = format!("/actions/{action}/compte-rendu");
    let report = |photo: Vec<u8>| {
        vec![
            Part::Text("cle", "http-photos-000000001"),
            Part::Text("tracts", "250"),
            Part::Text("alt_1", "Le stand"),
            Part::File("photo_1", "stand.jpg", "image/jpeg", photo),
            Part::File("photo_2", "", "application/octet-stream", Vec::new()),
        ]
    };
    let refused = send(&app, multipart(&path, report(b"<!doctype html><p>x".to_vec()), Some(&p.ada))).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("n’est pas une photo"), "said in French");
    assert!(refused.body.contains(r#"value="250""#) && refused.body.contains(r#"value="Le stand""#), "what was typed is kept");
    assert_eq!(media_rows(t).await, 0);
    assert!(t.media.list(None).await.unwrap().is_empty());

    let kept = send(&app, multipart(&path, report(jpeg_with_gps(1200, 900)), Some(&p.ada))).await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER);
    assert_eq!(kept.header(header::LOCATION), format!("/actions/{action}?compte-rendu=ok#compte-rendu-titre"));
    let page = send(&app, get(&format!("/actions/{action}"), Some(&p.ada))).await;
    let sources = picture_sources(&page.body);
    assert_eq!(sources.len(), 1, "the compte-rendu's photo on the action: {sources:?}");
    assert!(page.body.contains(r#"alt="Le stand""#));
    let (status, _, bytes) = fetch(&app, &sources[0], Some(&p.ada)).await;
    assert_eq!(status, StatusCode::OK);
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert!(decoded.height() > decoded.width(), "upright");
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no EXIF block");
    assert_eq!(fetch(&app, &sources[0], Some(&p.bob)).await.0, StatusCode::NOT_FOUND, "Bob was not there");
    assert!(picture_sources(&send(&app, get(&format!("/actions/{action}"), Some(&p.bob))).await.body).is_empty());

    let again = send(&app, multipart(&path, report(jpeg_with_gps(1200, 900)), Some(&p.ada))).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "the replay is acknowledged");
    assert_eq!(media_rows(t).await, 1, "and adds nothing");
}

/// Past the server's upload slots, a form with files is asked to come back (503, `Retry-After`)
/// before its body is read; a form without files still goes through.
async fn uploads_past_the_servers_slots_are_asked_to_wait(t: &TestDb) {
    let p = people(t).await;
    let mut state = support::server_state(t, app::server::context::RateLimits::default(), None);
    state.ops.uploads = coopol_server::state::UploadSlots(std::sync::Arc::new(tokio::sync::Semaphore::new(1)));
    let held = state.ops.uploads.0.clone().try_acquire_owned().unwrap();
    let app = coopol_server::build_router(state.clone());
    let form =
        vec![Part::Text("body", "Le stand"), Part::Text("audience", "public"), Part::File("photo_1", "a.png", "image/png", png(40, 30))];
    let busy = send(&app, multipart("/publications", form.clone(), Some(&p.ada))).await;
    assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(busy.header(header::RETRY_AFTER), "5");
    assert!(busy.body.contains("réessaie dans quelques secondes"));
    assert_eq!(media_rows(t).await, 0);
    let text_only = support::post_form("/publications", &[("body", "Sans photo"), ("audience", "public")], Some(&p.ada), Some(ORIGIN));
    assert_eq!(send(&app, text_only).await.status, StatusCode::SEE_OTHER, "a form without files needs no slot");
    drop(held);
    assert_eq!(send(&app, multipart("/publications", form, Some(&p.ada))).await.status, StatusCode::SEE_OTHER, "then it goes through");
    assert_eq!(state.ops.uploads.0.available_permits(), 1, "the slot is given back after the request");
}

/// A plain form post (no field) with the session and the site's origin.
fn app_post(path: &str, cookie: &str) -> http::Request<axum::body::Body> {
    support::post_form(path, &[], Some(cookie), Some(ORIGIN))
}

on_both_backends!(
    uploads_past_the_servers_slots_are_asked_to_wait,
    a_compte_rendu_takes_its_photos_through_its_form,
    an_avatar_goes_through_the_profile_form,
    a_toolbox_document_is_a_download_and_never_a_page,
    a_phone_publishes_two_photos_that_keep_nothing_of_the_camera,
    bad_pictures_are_refused_in_french_and_nothing_is_kept,
    a_private_groups_picture_is_not_found_for_outsiders,
    files_of_deleted_publications_are_collected,
);

/// The end-to-end tests pick these files in the browser's file picker: they are the pictures
/// above, written by this test (`COOPOL_WRITE_FIXTURES=1` rewrites them after a change).
#[test]
fn end_to_end_picture_fixtures_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end/fixtures");
    let fixtures: [(&str, Vec<u8>); 5] = [
        ("photo-gps.jpg", jpeg_with_gps(1200, 900)),
        ("affiche.png", png(640, 480)),
        ("page.jpg", b"<!doctype html><title>x</title><script>alert(document.cookie)</script>".to_vec()),
        ("tract.pdf", pdf("Tract du marche de Wazemmes")),
        ("polyglotte.pdf", POLYGLOT.to_vec()),
    ];
    for (name, bytes) in fixtures {
        let path = dir.join(name);
        if std::env::var_os("COOPOL_WRITE_FIXTURES").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(bytes.as_slice()), "{name} differs: run with COOPOL_WRITE_FIXTURES=1");
    }
}
