//! Territory pages and forms over HTTP, on both databases: federations, "trouver ma section",
//! sign-up attached to a commune, sections with their communes, roles and adhérent confirmation.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use app::on_both_backends;
use app::server::context::{Limit, RateLimits};
use app::server::store;
use app::server::testing::TestDb;
use axum::Router;
use http::{header, StatusCode};
use support::{get, post_form, router_with, send, ORIGIN};

fn router(t: &TestDb) -> Router {
    let many = Limit { max: 10_000, window_secs: 3600 };
    router_with(
        t,
        RateLimits {
            signup_per_ip: many,
            signup_per_account: many,
            signin_per_ip: many,
            signin_failures_per_account: many,
            posting_per_account: many,
            moves_per_account: many,
            coopain_per_account: many,
            reports_per_account: many,
            conversations_per_account: many,
            messages_per_account: many,
        },
        None,
    )
}

async fn sign_up(r: &Router, name: &str, email: &str, postal: &str, membership: &str, commune: &str) -> String {
    let fields = [
        ("display_name", name),
        ("email", email),
        ("password", "un mot de passe solide"),
        ("postal_code", postal),
        ("commune", commune),
        ("membership", membership),
        ("consent", "oui"),
        ("charte", "oui"),
    ];
    let reply = send(r, post_form("/inscription", &fields, None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    reply.session_cookie().expect("cookie")
}

async fn federations_exist_for_every_departement(t: &TestDb) {
    let r = router(t);
    let nord = send(&r, get("/federations/59", None)).await;
    assert_eq!(nord.status, StatusCode::OK);
    assert!(nord.body.contains("<h1>Nord"), "{}", &nord.body[..200.min(nord.body.len())]);
    assert!(nord.body.contains("Hauts-de-France"));
    let corse = send(&r, get("/federations/2A", None)).await;
    assert!(corse.body.contains("Corse-du-Sud"));
    assert!(send(&r, get("/federations/2a", None)).await.body.contains("Corse-du-Sud"), "case-insensitive code");
    assert!(send(&r, get("/federations/974", None)).await.body.contains("La Réunion"));
    assert_eq!(send(&r, get("/federations/99", None)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(send(&r, get("/federations/abc", None)).await.status, StatusCode::NOT_FOUND);
    let list = send(&r, get("/federations", None)).await;
    assert_eq!(list.body.matches("href=\"/federations/").count(), 109, "109 federations");
    let (regions, departements, _) = store::territory::counts(&t.db).await.unwrap();
    assert_eq!((regions, departements), (18 + 8, 109), "all régions and départements, overseas included");
}

async fn find_my_section_explains_in_french(t: &TestDb) {
    let r = router(t);
    let empty = send(&r, get("/trouver-ma-section", None)).await;
    assert_eq!(empty.status, StatusCode::OK);
    let invalid = send(&r, get("/trouver-ma-section?code_postal=59", None)).await;
    assert_eq!(invalid.status, StatusCode::OK, "a French explanation, never an error page");
    assert!(invalid.body.contains("Un code postal français a 5 chiffres"));
    assert!(invalid.body.contains(r#"value="59""#), "what was typed is kept");
    let unknown = send(&r, get("/trouver-ma-section?code_postal=59999", None)).await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert!(unknown.body.contains("Aucune commune n’a ce code postal"));
    // 59270: eight communes share it; no section yet, so each points to the federation.
    let shared = send(&r, get("/trouver-ma-section?code_postal=59270", None)).await;
    for commune in ["Bailleul", "Méteren", "Saint-Jans-Cappel"] {
        assert!(shared.body.contains(commune), "{commune}");
    }
    assert!(shared.body.contains("Pas encore de section ici\u{a0}: la fédération Nord t’accueille."));
}

async fn sign_up_asks_the_commune_when_the_postal_code_is_shared(t: &TestDb) {
    let r = router(t);
    let unknown = [
        ("display_name", "Élise"),
        ("email", "e@example.fr"),
        ("password", "un mot de passe solide"),
        ("postal_code", "59999"),
        ("membership", "sympathisant"),
        ("consent", "oui"),
        ("charte", "oui"),
    ];
    let reply = send(&r, post_form("/inscription", &unknown, None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Ce code postal ne correspond à aucune commune"));

    let shared = [
        ("display_name", "Élise"),
        ("email", "e@example.fr"),
        ("password", "un mot de passe solide"),
        ("postal_code", "59270"),
        ("membership", "sympathisant"),
        ("consent", "oui"),
        ("charte", "oui"),
    ];
    let reply = send(&r, post_form("/inscription", &shared, None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Plusieurs communes ont ce code postal\u{a0}: choisis la tienne."));
    assert!(reply.body.contains(r#"<select id="champ-commune" name="commune""#));
    assert!(reply.body.contains("Méteren"));
    let cookie = sign_up(&r, "Élise", "e@example.fr", "59270", "sympathisant", "59401").await; // Méteren
    let profile = send(&r, get("/profil", Some(&cookie))).await;
    assert!(profile.body.contains("Méteren") && profile.body.contains("la fédération Nord t’accueille"));
}

async fn sections_cover_communes_once(t: &TestDb) {
    let r = router(t);
    let admin = sign_up(&r, "Anne Admin", "admin@example.fr", "75001", "adherent", "").await;
    let create = |name: &'static str, communes: &'static str| {
        [("name", name), ("slug", ""), ("description", "Au cœur de la métropole"), ("communes", communes)]
    };
    let reply = send(&r, post_form("/federations/59/sections", &create("Lille-Centre", "Lille\nloos"), Some(&admin), Some(ORIGIN))).await;
    let errors: Vec<&str> = reply.body.split("class=\"field-error\"").skip(1).collect();
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{errors:?}");
    assert_eq!(reply.header(header::LOCATION), "/sections/lille-centre");

    let conflict = send(&r, post_form("/federations/59/sections", &create("Autre", "Lille (59350)"), Some(&admin), Some(ORIGIN))).await;
    assert_eq!(conflict.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(conflict.body.contains("Lille appartient déjà à la section «\u{202f}Lille-Centre\u{202f}»."), "names the section that has it");
    let ambiguous = send(&r, post_form("/federations/59/sections", &create("Flandre", "59350"), Some(&admin), Some(ORIGIN))).await;
    assert!(
        ambiguous
            .body
            .contains("«\u{202f}59350\u{202f}» correspond à plusieurs communes\u{a0}: Lille (59350), Saint-André-lez-Lille (59527)"),
        "INSEE and postal codes overlap: {}",
        ambiguous.status
    );
    let unknown = send(&r, post_form("/federations/59/sections", &create("Nulle part", "Atlantide"), Some(&admin), Some(ORIGIN))).await;
    assert!(unknown.body.contains("«\u{202f}Atlantide\u{202f}»\u{a0}: aucune commune de ce département n’a ce nom ou ce code."));
    let outside = send(&r, post_form("/federations/59/sections", &create("Arras", "Arras (62041)"), Some(&admin), Some(ORIGIN))).await;
    assert!(outside.body.contains("Arras n’est pas dans ce département."));
    assert!(outside.body.contains(r#"value="Arras""#), "input kept");

    let page = send(&r, get("/sections/lille-centre", None)).await;
    assert!(page.body.contains("Lille-Centre") && page.body.contains("Loos") && page.body.contains("Au cœur de la métropole"));
    assert!(page.body.contains("Section de la fédération Nord"));
    let nord = send(&r, get("/federations/59", None)).await;
    assert!(nord.body.contains("/sections/lille-centre") && nord.body.contains("2 communes"));
    let find = send(&r, get("/trouver-ma-section?code_postal=59120", None)).await;
    assert!(find.body.contains("/sections/lille-centre"), "Loos is now covered");

    // The scope above edits the communes; the change is in the journal.
    let edit = [("name", "Lille-Centre"), ("description", "Modifiée"), ("add_communes", "Roubaix"), ("remove_communes", "59360")];
    let reply = send(&r, post_form("/sections/lille-centre/modifier", &edit, Some(&admin), Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let page = send(&r, get("/sections/lille-centre", Some(&admin))).await;
    assert!(page.body.contains("Roubaix") && !page.body.contains("<li>Loos</li>"));
    assert!(page.body.contains("a modifié la section") && page.body.contains("+1 −1 communes"));
}

async fn secretaries_confirm_adherents_and_hand_over(t: &TestDb) {
    let r = router(t);
    let admin = sign_up(&r, "Anne Admin", "admin@example.fr", "75001", "adherent", "").await;
    let fields = [("name", "Lille"), ("slug", "lille"), ("description", ""), ("communes", "Lille")];
    assert_eq!(send(&r, post_form("/federations/59/sections", &fields, Some(&admin), Some(ORIGIN))).await.status, StatusCode::SEE_OTHER);
    let secretary = sign_up(&r, "Sophie Secrétaire", "sophie@example.fr", "59000", "adherent", "").await;
    let name = [("form", "equipe"), ("handle", "sophie-secretaire"), ("role", "section_secretary"), ("action", "nommer")];
    assert_eq!(send(&r, post_form("/sections/lille/equipe", &name, Some(&admin), Some(ORIGIN))).await.status, StatusCode::SEE_OTHER);
    let unknown = [("form", "equipe"), ("handle", "personne"), ("role", "section_secretary"), ("action", "nommer")];
    let reply = send(&r, post_form("/sections/lille/equipe", &unknown, Some(&admin), Some(ORIGIN))).await;
    assert!(reply.body.contains("Aucun membre n’a cet identifiant."));

    let newcomer = sign_up(&r, "Nina Nouvelle", "nina@example.fr", "59000", "adherent", "").await;
    let before = send(&r, get("/sections/lille", Some(&newcomer))).await;
    assert!(before.body.contains("L’annuaire est réservé aux adhérent·es confirmé·es de la section."), "a pending claim sees no directory");

    let page = send(&r, get("/sections/lille", Some(&secretary))).await;
    assert!(page.body.contains("Nouveaux arrivants") && page.body.contains("Nina Nouvelle") && page.body.contains("adhésion à confirmer"));
    let nina = store::users::by_handle(&t.db, "nina-nouvelle").await.unwrap().unwrap();
    let reply = send(
        &r,
        post_form(
            &format!("/adhesions/{}", nina.id),
            &[("decision", "confirmer"), ("retour", "/sections/lille")],
            Some(&secretary),
            Some(ORIGIN),
        ),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let after = send(&r, get("/sections/lille", Some(&newcomer))).await;
    assert!(after.body.contains("Annuaire des membres") && after.body.contains("Sophie Secrétaire"), "the new adhérent sees the directory");
    let profile = send(&r, get("/profil", Some(&newcomer))).await;
    assert!(profile.body.contains("Adhérent·e (confirmé·e)"));

    // Passation: naming another secretary replaces the first one, in one action, in the journal.
    let successor = sign_up(&r, "Théo Successeur", "theo@example.fr", "59000", "adherent", "").await;
    let hand_over = [("form", "equipe"), ("handle", "theo-successeur"), ("role", "section_secretary"), ("action", "nommer")];
    assert_eq!(send(&r, post_form("/sections/lille/equipe", &hand_over, Some(&admin), Some(ORIGIN))).await.status, StatusCode::SEE_OTHER);
    let page = send(&r, get("/sections/lille", Some(&successor))).await;
    assert!(page.body.contains("passation de section vers"), "the successor reads the journal");
    let old = send(&r, get("/sections/lille", Some(&secretary))).await;
    assert!(!old.body.contains("Nouveaux arrivants"), "the former secretary lost the role");
}

async fn people_move_and_claim(t: &TestDb) {
    let r = router(t);
    let cookie = sign_up(&r, "Sacha", "sacha@example.fr", "59000", "sympathisant", "").await;
    let reply = send(&r, post_form("/profil/commune", &[("form", "commune"), ("postal_code", "62000")], Some(&cookie), Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Plusieurs communes ont ce code postal"));
    let reply = send(
        &r,
        post_form("/profil/commune", &[("form", "commune"), ("postal_code", "62000"), ("commune", "62041")], Some(&cookie), Some(ORIGIN)),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let profile = send(&r, get("/profil", Some(&cookie))).await;
    assert!(profile.body.contains("Arras") && profile.body.contains("Pas-de-Calais"));
    assert!(profile.body.contains("Sympathisant·e"));
    assert_eq!(send(&r, post_form("/profil/adhesion", &[], Some(&cookie), Some(ORIGIN))).await.status, StatusCode::SEE_OTHER);
    assert!(send(&r, get("/profil", Some(&cookie))).await.body.contains("Adhérent·e (à confirmer)"));
}

on_both_backends!(
    federations_exist_for_every_departement,
    find_my_section_explains_in_french,
    sign_up_asks_the_commune_when_the_postal_code_is_shared,
    sections_cover_communes_once,
    secretaries_confirm_adherents_and_hand_over,
    people_move_and_claim,
);
