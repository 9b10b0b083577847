//! HTTP tests of the real router (pages, forms, server functions, middleware) on both databases.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use app::on_both_backends;
use app::server::context::{Limit, RateLimits};
use app::server::testing::{self, TestDb};
use axum::body::Body;
use axum::Router;
use http::{header, Request, StatusCode};
use support::{get, post_form, router, router_with, send, server_state, HOST, ORIGIN};

const PASSWORD: &str = "un mot de passe solide";

fn signup_fields<'a>(name: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("display_name", name),
        ("email", email),
        ("password", PASSWORD),
        ("postal_code", "59000"),
        ("membership", "adherent"),
        ("consent", "oui"),
        ("charte", "oui"),
    ]
}

/// Signs up through the form, then proves the address through the link's page and its form, as a
/// person would; returns the sign-up session's cookie.
async fn sign_up(t: &TestDb, router: &Router, name: &str, email: &str) -> String {
    let reply = send(router, post_form("/inscription", &signup_fields(name, email), None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let cookie = reply.session_cookie().expect("session cookie");
    confirm_by_link(t, router, email).await;
    cookie
}

/// Opens the address link mailed to `email`: its page, then its button. Returns the new session.
async fn confirm_by_link(t: &TestDb, router: &Router, email: &str) -> String {
    let mails = testing::outbox(&t.db).await;
    let mail = mails.iter().find(|m| m.to_address == email && m.kind == "address_check").expect("an address link");
    let token = testing::link_token(&mail.body_text, "/adresse/");
    let page = send(router, get(&format!("/adresse/{token}"), None)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Confirmer mon adresse") && page.body.contains(r#"content="same-origin""#));
    let reply = send(router, post_form(&format!("/adresse/{token}"), &[], None, Some(ORIGIN))).await;
    assert_eq!((reply.status, reply.header(header::LOCATION)), (StatusCode::SEE_OTHER, "/?adresse=confirmee"));
    reply.session_cookie().expect("the link signs this device in")
}

async fn home_page_is_french_with_security_headers(t: &TestDb) {
    let r = router(t);
    let reply = send(&r, get("/", None)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains(r#"<html lang="fr""#));
    assert!(reply.body.contains("Je m’inscris"), "visitors are led to sign-up");
    let csp = reply.header(header::CONTENT_SECURITY_POLICY).to_string();
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("nonce in CSP");
    // Scripts are files of the site, or carry the request's nonce (none is inline in production).
    for script in reply.body.split("<script").skip(1) {
        let tag = script.split('>').next().unwrap_or_default();
        assert!(tag.contains(r#"src="/"#) || tag.contains(&format!(r#"nonce="{nonce}""#)), "script without src or nonce: {tag}");
    }
    assert!(reply.body.contains(r#"<script type="module" src="/islands.js"></script>"#), "the islands' loader is on every page");
    assert!(!reply.body.contains(r#"rel="preload""#), "a visitor's page preloads no WebAssembly");
    assert!(!reply.body.contains("/live.js"), "a visitor has no live stream");
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(reply.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert!(!reply.header(header::REFERRER_POLICY).is_empty());
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    let again = send(&r, get("/", None)).await;
    assert_ne!(again.header(header::CONTENT_SECURITY_POLICY), csp, "a fresh nonce per request");
}

async fn language_follows_cookie_then_accept_language(t: &TestDb) {
    let r = router(t);
    let english =
        Request::get("/").header(header::HOST, HOST).header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9").body(Body::empty()).expect("req");
    let reply = send(&r, english).await;
    assert!(reply.body.contains(r#"<html lang="en""#) && reply.body.contains("Sign up"));
    let unsure = Request::get("/").header(header::HOST, HOST).header(header::ACCEPT_LANGUAGE, "de-DE").body(Body::empty()).expect("req");
    assert!(send(&r, unsure).await.body.contains(r#"<html lang="fr""#), "French when unsure");

    let switch = send(&r, get("/langue/en?retour=%2Finscription", None)).await;
    assert_eq!(switch.status, StatusCode::SEE_OTHER);
    assert_eq!(switch.header(header::LOCATION), "/inscription");
    assert!(switch.header(header::SET_COOKIE).starts_with("coopol_lang=en"));
    let reply = send(&r, get("/inscription", Some("coopol_lang=en"))).await;
    assert!(reply.body.contains("Create my account"), "the cookie beats Accept-Language");
    let evil = send(&r, get("/langue/en?retour=%2F%2Fevil.example", None)).await;
    assert_eq!(evil.header(header::LOCATION), "/", "never redirects off-site");
}

async fn unknown_pages_are_real_404s(t: &TestDb) {
    let r = router(t);
    let reply = send(&r, get("/cette-page-n-existe-pas", None)).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("Page introuvable"));
    let member = send(&r, get("/membres/personne", None)).await;
    assert_eq!(member.status, StatusCode::NOT_FOUND);
    assert!(member.body.contains("Page introuvable"));
}

/// The built front end's files are files: their own status and type, the precompressed variant
/// when the browser takes it; a missing one is the 404 page. (Served by `ServeDir`, not by the
/// page renderer, whose reactive owner once gave a script another page's 403.)
async fn static_files_are_served_as_files(t: &TestDb) {
    let site = std::env::temp_dir().join(format!("coopol-site-{}", std::process::id()));
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("outil.js"), "console.log('outil');").unwrap();
    // What the precompressed file holds does not matter here: which one is sent does.
    std::fs::write(site.join("outil.js.gz"), b"\x1f\x8b gzip").unwrap();
    let mut state = support::server_state(t, RateLimits::default(), None);
    state.leptos = leptos::config::LeptosOptions::builder()
        .output_name("coopol")
        .site_root(site.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .build();
    let r = coopol_server::build_router(state);
    let plain = send(&r, get("/outil.js", None)).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(plain.header(header::CONTENT_TYPE).starts_with("text/javascript"), "{}", plain.header(header::CONTENT_TYPE));
    assert_eq!(plain.body, "console.log('outil');");
    let mut request = get("/outil.js", None);
    request.headers_mut().insert(header::ACCEPT_ENCODING, http::HeaderValue::from_static("gzip"));
    let zipped = send(&r, request).await;
    assert_eq!((zipped.status, zipped.header(header::CONTENT_ENCODING)), (StatusCode::OK, "gzip"));
    let missing = send(&r, get("/absent.js", None)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page introuvable"));
    let _ = std::fs::remove_dir_all(&site);
}

async fn sign_up_opens_a_session(t: &TestDb) {
    let r = router(t);
    let reply = send(&r, post_form("/inscription", &signup_fields("Élise Martin", "elise@example.fr"), None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header(header::LOCATION), "/");
    let set_cookie = reply.header(header::SET_COOKIE);
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(!set_cookie.contains("Secure"), "plain http in tests");
    let cookie = reply.session_cookie().expect("cookie");
    let home = send(&r, get("/", Some(&cookie))).await;
    assert!(home.body.contains("Bonjour Élise Martin\u{202f}!"), "the dashboard greets the new member");
    assert!(
        home.body.contains("Vérifie ta boîte mail") && home.body.contains(r#"action="/adresse/renvoyer""#),
        "the banner asks for the link"
    );
    let resent = send(&r, post_form("/adresse/renvoyer", &[("retour", "/profil")], Some(&cookie), Some(ORIGIN))).await;
    assert_eq!(resent.header(header::LOCATION), "/profil?adresse=renvoyee");
    assert!(send(&r, get("/profil?adresse=renvoyee", Some(&cookie))).await.body.contains("C’est reparti"));
    // Two links left (sign-up, then "renvoyer"): either proves the address.
    confirm_by_link(t, &r, "elise@example.fr").await;
    let home = send(&r, get("/?adresse=confirmee", Some(&cookie))).await;
    assert!(home.body.contains("Ton adresse est confirmée") && !home.body.contains("Vérifie ta boîte mail"));
    let profile = send(&r, get("/profil", Some(&cookie))).await;
    assert_eq!(profile.status, StatusCode::OK);
    assert!(profile.body.contains("Adhérent·e (à confirmer)"), "an adhérent claim waits for confirmation");
}

/// The charter accepted at sign-up; when its text changes, every page asks to read it again until
/// it is accepted.
async fn a_new_charter_is_asked_for_on_every_page(t: &TestDb) {
    const BANNER: &str = "La charte de Coopol a changé";
    let r = router(t);
    let cookie = sign_up(t, &r, "Inès Charte", "ines@example.fr").await;
    assert!(!send(&r, get("/", Some(&cookie))).await.body.contains(BANNER), "accepted at sign-up");
    let mut tx = t.db.begin().await.unwrap();
    app::on_tx!(&mut tx, c => sqlx::query("UPDATE consents SET text_version = '2025-01-v0' WHERE purpose = 'charter'").execute(c).await.map(|_| ()))
        .unwrap();
    tx.commit().await.unwrap();
    for page in ["/", "/fil", "/profil"] {
        let body = send(&r, get(page, Some(&cookie))).await.body;
        assert!(body.contains(BANNER) && body.contains(r#"href="/charte" class="button""#), "{page} asks again");
    }
    let charter = send(&r, get("/charte", Some(&cookie))).await.body;
    assert!(!charter.contains(BANNER) && charter.contains("J’accepte la charte"), "the charter's page asks with its own form");
    let accepted = send(&r, post_form("/charte", &[], Some(&cookie), Some(ORIGIN))).await;
    assert_eq!(accepted.header(header::LOCATION), "/charte?fait=accepte");
    assert!(!send(&r, get("/", Some(&cookie))).await.body.contains(BANNER), "accepted again");
}

async fn invalid_sign_up_keeps_input_and_explains(t: &TestDb) {
    let r = router(t);
    let fields = [
        ("display_name", "Élise <b>Martin</b>"),
        ("email", "elise-at-example.fr"),
        ("password", "court"),
        ("postal_code", "5900"),
        ("membership", "adherent"),
    ];
    let reply = send(&r, post_form("/inscription", &fields, None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Cette adresse e-mail n’est pas valide",
        "Trop court\u{a0}: au moins 10 caractères.",
        "Un code postal français a 5 chiffres",
        "Coche cette case pour créer ton compte",
    ] {
        assert!(reply.body.contains(message), "missing: {message}");
    }
    assert!(reply.body.contains(r#"value="elise-at-example.fr""#), "the e-mail typed is kept");
    assert!(reply.body.contains(r#"value="5900""#));
    assert!(reply.body.contains("Élise &lt;b&gt;Martin&lt;/b&gt;"), "kept, and escaped");
    assert!(!reply.body.contains("court\""), "the password is never echoed");
    assert!(reply.body.contains(r#"value="adherent" checked"#), "the choice is kept");
    assert!(reply.body.contains(r#"aria-invalid="true""#));
    assert!(reply.session_cookie().is_none());
}

async fn a_known_address_gets_the_same_answer(t: &TestDb) {
    let r = router(t);
    sign_up(t, &r, "Élise", "elise@example.fr").await;
    let reply = send(&r, post_form("/inscription", &signup_fields("Autre", "ELISE@Example.FR"), None, Some(ORIGIN))).await;
    assert_eq!((reply.status, reply.header(header::LOCATION)), (StatusCode::SEE_OTHER, "/"), "as for a new address");
    assert!(reply.session_cookie().is_some());
    let sent = testing::outbox(&t.db).await;
    assert_eq!(sent.iter().map(|m| (m.kind.as_str(), m.to_address.as_str())).collect::<Vec<_>>(), [("address_in_use", "elise@example.fr")]);
}

async fn the_account_page_follows_an_export_being_prepared(t: &TestDb) {
    let r = router(t);
    let cookie = sign_up(t, &r, "Élise", "elise@example.fr").await;
    let page = send(&r, get("/compte", Some(&cookie))).await;
    assert!(page.body.contains("Préparer mes données") && page.header("refresh").is_empty());
    let asked = send(&r, post_form("/compte/donnees", &[("form", "export")], Some(&cookie), Some(ORIGIN))).await;
    assert_eq!(asked.header(header::LOCATION), "/compte?fait=export");
    let page = send(&r, get("/compte", Some(&cookie))).await;
    assert!(page.body.contains("En préparation\u{a0}: 0\u{a0}%") && page.body.contains("Voir où ça en est"), "{}", page.body);
    assert_eq!(page.header("refresh"), "5", "the browser loads the page again while it is prepared");
    let state = t.state(RateLimits::default());
    assert!(app::server::services::export::build_due(&state).await.expect("build"));
    let page = send(&r, get("/compte", Some(&cookie))).await;
    assert!(page.body.contains("Télécharger mes données (ZIP)") && page.header("refresh").is_empty());
    let href = page.body.split("href=\"/compte/donnees/").nth(1).and_then(|s| s.split('"').next()).expect("a download link");
    let file = send(&r, get(&format!("/compte/donnees/{href}"), Some(&cookie))).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.header(header::CONTENT_TYPE), "application/zip");
    assert!(file.header(header::CONTENT_DISPOSITION).starts_with("attachment; filename=\"coopol-mes-donnees-"));
    let stranger = sign_up(t, &r, "Paul", "paul@example.fr").await;
    assert_eq!(send(&r, get(&format!("/compte/donnees/{href}"), Some(&stranger))).await.status, StatusCode::NOT_FOUND);
    assert!(send(&r, get(&format!("/compte/donnees/{href}"), None)).await.status.is_redirection());
}

async fn sign_in_and_wrong_password(t: &TestDb) {
    let r = router(t);
    sign_up(t, &r, "Élise", "elise@example.fr").await;
    let wrong =
        send(&r, post_form("/connexion", &[("email", "elise@example.fr"), ("password", "pas le bon mot de passe")], None, Some(ORIGIN)))
            .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Adresse e-mail ou mot de passe incorrect."));
    assert!(wrong.body.contains(r#"value="elise@example.fr""#));
    assert!(wrong.session_cookie().is_none());

    let fields = [("email", "Elise@Example.fr"), ("password", PASSWORD), ("retour", "/profil")];
    let ok = send(&r, post_form("/connexion", &fields, None, Some(ORIGIN))).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.header(header::LOCATION), "/profil", "back where the person was going");
    let cookie = ok.session_cookie().expect("cookie");
    assert_eq!(send(&r, get("/profil", Some(&cookie))).await.status, StatusCode::OK);

    let offsite = [("email", "elise@example.fr"), ("password", PASSWORD), ("retour", "//evil.example")];
    assert_eq!(send(&r, post_form("/connexion", &offsite, None, Some(ORIGIN))).await.header(header::LOCATION), "/");
}

async fn cross_site_posts_are_refused_before_routing(t: &TestDb) {
    let r = router(t);
    let evil = send(&r, post_form("/connexion", &[("email", "a@b.fr"), ("password", "x")], None, Some("http://evil.example"))).await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    let mut req = post_form("/inscription", &signup_fields("X Y", "x@example.fr"), None, None);
    req.headers_mut().insert("sec-fetch-site", http::HeaderValue::from_static("cross-site"));
    assert_eq!(send(&r, req).await.status, StatusCode::FORBIDDEN);
    let server_fn = <app::api::account::get_current_user::GetCurrentUser as leptos::server_fn::ServerFn>::PATH;
    let fn_call = send(&r, post_form(server_fn, &[], None, Some("http://evil.example"))).await;
    assert_eq!(fn_call.status, StatusCode::FORBIDDEN, "server functions too");
    assert_eq!(app::server::store::users::count(&t.db).await.expect("count"), 0, "nothing was created");
    // Same-origin posts pass.
    let ok = send(&r, post_form("/connexion", &[("email", "a@b.fr"), ("password", "x")], None, Some(ORIGIN))).await;
    assert_eq!(ok.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn sign_in_is_rate_limited_with_a_french_wait(t: &TestDb) {
    let limits = RateLimits { signin_failures_per_account: Limit { max: 3, window_secs: 900 }, ..RateLimits::default() };
    let r = router_with(t, limits, None);
    sign_up(t, &r, "Élise", "elise@example.fr").await;
    for _ in 0..3 {
        let reply =
            send(&r, post_form("/connexion", &[("email", "elise@example.fr"), ("password", "mauvais mot de passe")], None, Some(ORIGIN)))
                .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let blocked = send(&r, post_form("/connexion", &[("email", "elise@example.fr"), ("password", PASSWORD)], None, Some(ORIGIN))).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(blocked.body.contains("Trop de tentatives. Pour ta sécurité, réessaie dans"), "{}", blocked.body);
    let retry: i64 = blocked.header(header::RETRY_AFTER).parse().expect("Retry-After");
    assert!((1..=900).contains(&retry));
    assert!(blocked.session_cookie().is_none());
}

async fn sign_up_is_rate_limited_per_address(t: &TestDb) {
    let limits = RateLimits { signup_per_ip: Limit { max: 1, window_secs: 3600 }, ..RateLimits::default() };
    let r = router_with(t, limits, None);
    sign_up(t, &r, "Élise", "elise@example.fr").await;
    let blocked = send(&r, post_form("/inscription", &signup_fields("Paul", "paul@example.fr"), None, Some(ORIGIN))).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(blocked.body.contains("réessaie dans") && blocked.body.contains(r#"value="paul@example.fr""#));
}

async fn health_and_metrics(t: &TestDb) {
    let r = router(t);
    let health = send(&r, get("/healthz", None)).await;
    assert_eq!((health.status, health.body.as_str()), (StatusCode::OK, "ok"));
    send(&r, get("/", None)).await;
    // Not public: without a configured token the route does not exist.
    assert_eq!(send(&r, get("/metrics", None)).await.status, StatusCode::NOT_FOUND);
    let mut state = server_state(t, RateLimits::default(), Some("https://coopol.example"));
    state.ops.metrics_token = Some("jeton-des-operateurs".into());
    let operator = coopol_server::health::operator_router(state.clone());
    let r = coopol_server::build_router(state);
    let page = send(&r, get("/", None)).await;
    assert_eq!(page.header("strict-transport-security"), "max-age=31536000", "served over https: HSTS");
    assert_eq!(send(&router(t), get("/", None)).await.header("strict-transport-security"), "", "no HSTS over http");
    let bearer =
        |token: &str| Request::builder().uri("/metrics").header("authorization", format!("Bearer {token}")).body(Body::empty()).unwrap();
    assert_eq!(send(&r, bearer("mauvais-jeton")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&r, get("/metrics", None)).await.status, StatusCode::NOT_FOUND);
    let metrics = send(&r, bearer("jeton-des-operateurs")).await;
    assert_eq!(metrics.status, StatusCode::OK);
    let on_operator_address = send(&operator, get("/metrics", None)).await;
    assert!(on_operator_address.body.contains("http_requests_total"), "{}", on_operator_address.body);
    assert!(metrics.body.contains("http_requests_total"), "{}", metrics.body);
    assert!(metrics.body.contains(r#"route="/""#));
    assert!(metrics.body.contains("http_request_duration_seconds_bucket"));
    assert!(metrics.body.contains("db_pool_connections"));
}

async fn health_reports_a_dead_database(t: &TestDb) {
    let r = router(t);
    t.db.close().await;
    assert_eq!(send(&r, get("/healthz", None)).await.status, StatusCode::SERVICE_UNAVAILABLE);
}

async fn profile_requires_sign_in(t: &TestDb) {
    let r = router(t);
    let page = send(&r, get("/profil", None)).await;
    assert!(page.status.is_redirection(), "{}", page.status);
    assert!(page.header(header::LOCATION).starts_with("/connexion"));
    let post = send(&r, post_form("/profil", &[("display_name", "X")], None, Some(ORIGIN))).await;
    assert_eq!(post.status, StatusCode::SEE_OTHER);
    assert!(post.header(header::LOCATION).starts_with("/connexion"));
    let bogus = send(&r, get("/profil", Some("coopol_session=forged"))).await;
    assert!(bogus.status.is_redirection(), "a forged cookie is nobody");
}

fn profile_fields<'a>(handle: &'a str, bio: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("display_name", "Élise Martin"),
        ("handle", handle),
        ("status", "En campagne à Lille"),
        ("status_visibility", "public"),
        ("bio", bio),
        ("bio_visibility", "public"),
        ("mandates", "Conseillère municipale"),
        ("mandates_visibility", "moi"),
        ("responsibilities", "Trésorière"),
        ("responsibilities_visibility", "section"),
        ("interests", "Logement\nÉcologie"),
        ("interests_visibility", "public"),
        ("availabilities", "tractage"),
        ("availabilities", "phoning"),
        ("availabilities_visibility", "public"),
    ]
}

async fn profile_edit_and_public_view(t: &TestDb) {
    let r = router(t);
    let cookie = sign_up(t, &r, "Élise", "elise@example.fr").await;
    let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let saved = send(&r, post_form("/profil", &profile_fields("elise", hostile), Some(&cookie), Some(ORIGIN))).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.header(header::LOCATION), "/profil?enregistre=1");
    let page = send(&r, get("/profil?enregistre=1", Some(&cookie))).await;
    assert!(page.body.contains("Ton profil est enregistré."));

    let anonymous = send(&r, get("/membres/elise", None)).await;
    assert_eq!(anonymous.status, StatusCode::OK);
    assert!(anonymous.body.contains("En campagne à Lille") && anonymous.body.contains("Écologie"));
    assert!(anonymous.body.contains("Tractage") && anonymous.body.contains("Phoning"));
    assert!(!anonymous.body.contains("Conseillère municipale"), "only-me field hidden");
    assert!(!anonymous.body.contains("Trésorière"), "section field hidden from outsiders");
    assert!(!anonymous.body.contains("<script>alert"), "user text is escaped");
    assert!(anonymous.body.contains("&lt;script&gt;alert"));
    assert!(anonymous.body.contains(r#"name="robots" content="noindex""#));

    let owner = send(&r, get("/membres/elise", Some(&cookie))).await;
    assert!(owner.body.contains("Conseillère municipale") && owner.body.contains("Trésorière"), "the owner sees everything");

    let other = sign_up(t, &r, "Paul", "paul@example.fr").await;
    let taken = send(&r, post_form("/profil", &profile_fields("elise", "Bio"), Some(&other), Some(ORIGIN))).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.body.contains("Cet identifiant est déjà pris"));
    assert!(taken.body.contains("En campagne à Lille"), "what was typed is kept");
}

/// A display name that closes the `<title>` stays text in every page's head (it once sent
/// every reader to another site through a meta refresh).
async fn titles_are_text_not_markup(t: &TestDb) {
    let r = router(t);
    let hostile = "</title><meta http-equiv=refresh content=0;url=//evil.fr>";
    let cookie = sign_up(t, &r, hostile, "evil@example.fr").await;
    let mut fields = profile_fields("evil", "Bio");
    fields[0] = ("display_name", hostile);
    let saved = send(&r, post_form("/profil", &fields, Some(&cookie), Some(ORIGIN))).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    for path in ["/membres/evil", "/membres/evil/publications"] {
        let page = send(&r, get(path, None)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let head = &page.body[..page.body.find("</head>").expect("a head")];
        assert!(!head.contains("<meta http-equiv"), "{path}: the name became markup in {head}");
        assert!(head.contains("&lt;/title&gt;&lt;meta http-equiv=refresh"), "{path}: {head}");
    }
}

async fn sign_out_here_and_everywhere(t: &TestDb) {
    let r = router(t);
    let first = sign_up(t, &r, "Élise", "elise@example.fr").await;
    let signin = [("email", "elise@example.fr"), ("password", PASSWORD)];
    let second = send(&r, post_form("/connexion", &signin, None, Some(ORIGIN))).await.session_cookie().expect("2");
    let third = send(&r, post_form("/connexion", &signin, None, Some(ORIGIN))).await.session_cookie().expect("3");

    let out = send(&r, post_form("/deconnexion", &[], Some(&first), Some(ORIGIN))).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(out.header(header::SET_COOKIE).contains("Max-Age=0"));
    assert_eq!(out.header("clear-site-data"), "\"cache\"");
    assert!(send(&r, get("/profil", Some(&first))).await.status.is_redirection(), "this device is signed out");
    assert_eq!(send(&r, get("/profil", Some(&second))).await.status, StatusCode::OK, "others are not");

    let all = send(&r, post_form("/deconnexion-partout", &[], Some(&second), Some(ORIGIN))).await;
    assert_eq!(all.status, StatusCode::SEE_OTHER);
    assert!(send(&r, get("/profil", Some(&third))).await.status.is_redirection(), "every device is signed out");
}

async fn secure_cookies_behind_https(t: &TestDb) {
    let r = router_with(t, RateLimits::default(), Some("https://coopol.example"));
    let reply =
        send(&r, post_form("/inscription", &signup_fields("Élise", "elise@example.fr"), None, Some("https://coopol.example"))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.header(header::SET_COOKIE).contains("; Secure"));
}

async fn oversized_bodies_are_refused(t: &TestDb) {
    let r = router(t);
    let big = "x".repeat(300 * 1024);
    let reply = send(&r, post_form("/inscription", &[("display_name", big.as_str())], None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// A server function that cannot read its arguments answers 400 (or 413 for a body over the
/// limit) with our error code, never a 500 with the framework's text.
async fn server_functions_refuse_bad_arguments_cleanly(t: &TestDb) {
    let r = router(t);
    let get_post = <app::api::feed::get_post::GetPost as leptos::server_fn::ServerFn>::PATH;
    let cases: [(&[(&str, &str)], StatusCode); 3] = [
        (&[], StatusCode::BAD_REQUEST),
        (&[("id", "99999999999999999999999")], StatusCode::BAD_REQUEST),
        (&[("id", "douze")], StatusCode::BAD_REQUEST),
    ];
    for (args, expected) in cases {
        let reply = send(&r, post_form(get_post, args, None, Some(ORIGIN))).await;
        assert_eq!(reply.status, expected, "{args:?}: {}", reply.body);
        assert_eq!(reply.body, "\"BadRequest\"", "our code, not the framework's text");
    }
    let big = "x".repeat(300 * 1024);
    let reply = send(&r, post_form(get_post, &[("id", "1"), ("pad", big.as_str())], None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", &reply.body[..reply.body.len().min(200)]);
    assert_eq!(reply.body, "\"TooLarge\"");
    // Errors of the function itself keep their status.
    let missing = send(&r, post_form(get_post, &[("id", "424242")], None, Some(ORIGIN))).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

async fn server_functions_apply_the_policy(t: &TestDb) {
    let r = router(t);
    let my_profile = <app::api::profile::get_my_profile::GetMyProfile as leptos::server_fn::ServerFn>::PATH;
    let anonymous = send(&r, post_form(my_profile, &[], None, Some(ORIGIN))).await;
    assert!(anonymous.status.is_client_error(), "{}", anonymous.status);
    assert!(anonymous.body.contains("NotAuthenticated"), "{}", anonymous.body);
    let cookie = sign_up(t, &r, "Élise", "elise@example.fr").await;
    let mine = send(&r, post_form(my_profile, &[], Some(&cookie), Some(ORIGIN))).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("elise@example.fr"));

    let member = <app::api::profile::get_member_profile::GetMemberProfile as leptos::server_fn::ServerFn>::PATH;
    let view = send(&r, post_form(member, &[("handle", "elise")], None, Some(ORIGIN))).await;
    assert_eq!(view.status, StatusCode::OK);
    assert!(!view.body.contains("elise@example.fr"), "no private data for others: {}", view.body);
    assert!(!view.body.contains("59000"));
    assert!(!view.body.contains("adherent"), "membership never leaks");
}

on_both_backends!(
    home_page_is_french_with_security_headers,
    language_follows_cookie_then_accept_language,
    unknown_pages_are_real_404s,
    static_files_are_served_as_files,
    sign_up_opens_a_session,
    a_new_charter_is_asked_for_on_every_page,
    invalid_sign_up_keeps_input_and_explains,
    a_known_address_gets_the_same_answer,
    the_account_page_follows_an_export_being_prepared,
    sign_in_and_wrong_password,
    cross_site_posts_are_refused_before_routing,
    sign_in_is_rate_limited_with_a_french_wait,
    sign_up_is_rate_limited_per_address,
    health_and_metrics,
    health_reports_a_dead_database,
    profile_requires_sign_in,
    profile_edit_and_public_view,
    titles_are_text_not_markup,
    sign_out_here_and_everywhere,
    secure_cookies_behind_https,
    oversized_bodies_are_refused,
    server_functions_apply_the_policy,
    server_functions_refuse_bad_arguments_cleanly,
);
