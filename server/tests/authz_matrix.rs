//! The authorization matrix: every subject × every route and server function × expected
//! allow/deny, on both databases, plus side channels (counts, directories, error answers).
//! A route or server function without a row fails the test.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::{BTreeSet, HashMap};

use app::api::account::get_current_user::GetCurrentUser;
use app::api::profile::{get_member_profile::GetMemberProfile, get_my_profile::GetMyProfile};
use app::api::territory::{
    find_section::FindSection, get_federation::GetFederation, get_national_journal::GetNationalJournal, get_section::GetSection,
    list_federations::ListFederations,
};
use app::model::form::RawForm;
use app::model::territory::{Role, Scope};
use app::on_both_backends;
use app::server::auth::session_token;
use app::server::context::{AppState, Limit, RateLimits};
use app::server::policy::Subject;
use app::server::services::{accounts, membership, roles, sections, subjects};
use app::server::testing::TestDb;
use app::server::{now_ms, store};
use axum::Router;
use http::{header, StatusCode};
use leptos::server_fn::ServerFn;
use support::{get, post_form, router_with, send, ORIGIN};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Who {
    Anonymous,
    Unconfirmed,
    Sympathisant,
    AdherentS,
    AdherentOther,
    SecretaryS,
    SecretaryOther,
    FedRespF,
    FedRespOther,
    Admin,
    Suspended,
}

use Who::*;

const EVERYONE: &[Who] = &[Anonymous, Unconfirmed, Sympathisant, AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin, Suspended];
const SIGNED_IN: &[Who] = &[Unconfirmed, Sympathisant, AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin];
const DIRECTORY: &[Who] = &[AdherentS, SecretaryS, FedRespF, Admin];
const SECTION_TEAM_AND_ABOVE: &[Who] = &[SecretaryS, FedRespF, Admin];
const FEDERATION_F: &[Who] = &[FedRespF, Admin];
const NOBODY: &[Who] = &[];

fn limits() -> RateLimits {
    let many = Limit { max: 100_000, window_secs: 3600 };
    RateLimits { signin_per_ip: many, signin_failures_per_account: many, signup_per_ip: many, signup_per_account: many }
}

struct World {
    router: Router,
    state: AppState,
    users: HashMap<Who, (i64, String, String)>, // id, handle, postal code
    free_communes: Vec<String>,
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm(pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect())
}

async fn sign_up(state: &AppState, name: &str, email: &str, postal: &str, membership: &str) -> i64 {
    let f = form(&[
        ("display_name", name),
        ("email", email),
        ("password", "un mot de passe solide"),
        ("postal_code", postal),
        ("membership", membership),
        ("consent", "oui"),
        // Several communes share 62000 (Arras, Dainville): say which one.
        ("commune", if postal == "62000" { "62041" } else { "" }),
    ]);
    accounts::sign_up(state, &f, "matrix").await.expect("sign up").user_id
}

async fn subject_of(state: &AppState, id: i64) -> Subject {
    let user = app::server::context::SessionUser {
        id,
        handle: String::new(),
        display_name: String::new(),
        section_slug: None,
        federation_code: None,
        token_hash: String::new(),
    };
    subjects::load(&state.db, Some(user)).await.expect("subject")
}

async fn build_world(t: &TestDb) -> World {
    let state = t.state(limits());
    let router = router_with(t, limits(), None);
    let people: [(Who, &str, &str, &str, &str); 10] = [
        (Admin, "Anne Admin", "admin@example.fr", "75001", "adherent"),
        (Unconfirmed, "Ulysse Attente", "ulysse@example.fr", "59000", "adherent"),
        (Sympathisant, "Sacha Sympathie", "sacha@example.fr", "59000", "sympathisant"),
        (AdherentS, "Adèle Annuaire", "adele@example.fr", "59000", "adherent"),
        (AdherentOther, "Rémi Roubaix", "remi@example.fr", "59100", "adherent"),
        (SecretaryS, "Sophie Secrétaire", "sophie@example.fr", "59000", "adherent"),
        (SecretaryOther, "Olivier Autre", "olivier@example.fr", "59100", "adherent"),
        (FedRespF, "Fanny Fédé", "fanny@example.fr", "59120", "adherent"),
        (FedRespOther, "Paul Pas-de-Calais", "paul@example.fr", "62000", "adherent"),
        (Suspended, "Sam Suspendu", "sam@example.fr", "59000", "adherent"),
    ];
    let mut users = HashMap::new();
    for (who, name, email, postal, membership) in people {
        let id = sign_up(&state, name, email, postal, membership).await;
        let handle = store::users::by_id(&state.db, id).await.unwrap().unwrap().handle;
        users.insert(who, (id, handle, postal.to_string()));
    }
    // A newcomer in a commune no section covers (Loos), for the federation's welcome list.
    sign_up(&state, "Noé Loos", "noe@example.fr", "59120", "sympathisant").await;

    let admin = subject_of(&state, users[&Admin].0).await;
    assert!(admin.is_national_admin(), "the first account is national admin");
    for (slug, name, fed, commune) in [("lille", "Lille", "59", "Lille (59350)"), ("roubaix", "Roubaix", "59", "Roubaix (59512)"), ("arras", "Arras", "62", "Arras (62041)")] {
        let f = form(&[("name", name), ("slug", slug), ("description", "Section de test"), ("communes", commune)]);
        sections::create(&state, &admin, fed, &f).await.expect("create section");
    }
    let section_id = |slug: &str| {
        let db = state.db.clone();
        let slug = slug.to_string();
        async move { store::sections::by_slug(&db, &slug).await.unwrap().unwrap().id }
    };
    let grants = [
        (SecretaryS, Role::SectionSecretary, Scope::Section(section_id("lille").await)),
        (SecretaryOther, Role::SectionSecretary, Scope::Section(section_id("roubaix").await)),
        (FedRespF, Role::FederationFirstSecretary, Scope::Federation("59".into())),
        (FedRespOther, Role::FederationFirstSecretary, Scope::Federation("62".into())),
    ];
    for (who, role, scope) in grants {
        roles::grant(&state, &admin, role, &scope, &users[&who].1).await.expect("grant");
    }
    for who in [AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Suspended] {
        membership::decide(&state, &admin, users[&who].0, true).await.expect("confirm");
    }
    roles::set_suspended_by_email(&state, "sam@example.fr", true).await.expect("suspend");

    let free_communes = store_free_communes(&state).await;
    World { router, state, users, free_communes }
}

/// Nord communes no section covers, for section-creation rows.
async fn store_free_communes(state: &AppState) -> Vec<String> {
    let mut out = Vec::new();
    for code in ["59001", "59002", "59004", "59005", "59006", "59007", "59008", "59009", "59010", "59011", "59013", "59014", "59015", "59016", "59017"] {
        if store::territory::commune(&state.db, code).await.unwrap().is_some() {
            out.push(code.to_string());
        }
    }
    out
}

impl World {
    /// A fresh session for `who` (a suspended account keeps an old cookie that must count for nothing).
    async fn cookie(&self, who: Who) -> Option<String> {
        let (id, _, _) = self.users.get(&who)?;
        let token = session_token::generate();
        let mut tx = self.state.db.begin().await.unwrap();
        let now = now_ms();
        store::sessions::insert(&mut tx, &session_token::hash(&token), *id, now, now + 3_600_000).await.unwrap();
        tx.commit().await.unwrap();
        Some(format!("{}={token}", session_token::COOKIE_NAME))
    }

    fn handle(&self, who: Who) -> String {
        self.users.get(&who).map(|u| u.1.clone()).unwrap_or_default()
    }
}

/// How a row observes whether `who` was allowed.
enum Probe {
    /// GET answers 200 (a redirect to sign-in or an error page is a refusal).
    PageOk(String),
    /// GET answers 200 and shows `marker` (private parts of public pages).
    PageShows(String, &'static str),
    /// A server function answers 200 and its JSON contains `marker`.
    FnShows(&'static str, Vec<(&'static str, String)>, &'static str),
    /// A server function answers 200.
    FnOk(&'static str, Vec<(&'static str, String)>),
    /// A form POST answers 303 to somewhere other than the sign-in page.
    Post(String, Vec<(String, String)>),
    /// Confirm a fresh pending adhérent claim in Lille; allowed iff the claim is confirmed.
    DecideClaim,
}

struct Row {
    route: String,
    aspect: &'static str,
    allowed: &'static [Who],
    probe: Probe,
}

fn row(route: &str, aspect: &'static str, allowed: &'static [Who], probe: Probe) -> Row {
    Row { route: route.to_string(), aspect, allowed, probe }
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn fn_path<T: ServerFn>() -> &'static str {
    T::PATH
}

fn table() -> Vec<Row> {
    let get_section = fn_path::<GetSection>();
    let get_federation = fn_path::<GetFederation>();
    vec![
        row("GET /", "home", EVERYONE, Probe::PageOk("/".into())),
        row("GET /inscription", "sign-up form", EVERYONE, Probe::PageOk("/inscription".into())),
        row("GET /connexion", "sign-in form", EVERYONE, Probe::PageOk("/connexion".into())),
        row("GET /profil", "own profile", SIGNED_IN, Probe::PageOk("/profil".into())),
        row("GET /membres/{handle}", "public profile", EVERYONE, Probe::PageOk("/membres/{adele}".into())),
        row("GET /membres/{handle}", "a suspended member's page is gone", NOBODY, Probe::PageOk("/membres/{sam}".into())),
        row("GET /trouver-ma-section", "find my section", EVERYONE, Probe::PageShows("/trouver-ma-section?code_postal=59000".into(), "/sections/lille")),
        row("GET /federations", "list", EVERYONE, Probe::PageOk("/federations".into())),
        row("GET /federations/{code}", "public page", EVERYONE, Probe::PageShows("/federations/59".into(), "Nord")),
        row("GET /federations/{code}", "newcomers without a section", FEDERATION_F, Probe::PageShows("/federations/59".into(), "Noé Loos")),
        row("GET /federations/{code}", "journal", FEDERATION_F, Probe::PageShows("/federations/59".into(), "journal-title")),
        row("GET /federations/{code}", "role form", &[Admin], Probe::PageShows("/federations/59".into(), "action=\"/federations/59/equipe\"")),
        row("GET /federations/{code}/nouvelle-section", "creation form", FEDERATION_F, Probe::PageShows("/federations/59/nouvelle-section".into(), "action=\"/federations/59/sections\"")),
        row("GET /sections/{slug}", "public page", EVERYONE, Probe::PageShows("/sections/lille".into(), "Sophie Secrétaire")),
        row("GET /sections/{slug}", "member directory", DIRECTORY, Probe::PageShows("/sections/lille".into(), "Adèle Annuaire")),
        row("GET /sections/{slug}", "newcomers and claims", SECTION_TEAM_AND_ABOVE, Probe::PageShows("/sections/lille".into(), "action=\"/adhesions/")),
        row("GET /sections/{slug}", "journal", SECTION_TEAM_AND_ABOVE, Probe::PageShows("/sections/lille".into(), "journal-title")),
        row("GET /sections/{slug}", "role form", FEDERATION_F, Probe::PageShows("/sections/lille".into(), "action=\"/sections/lille/equipe\"")),
        row("GET /sections/{slug}/modifier", "edit form", SECTION_TEAM_AND_ABOVE, Probe::PageShows("/sections/lille/modifier".into(), "action=\"/sections/lille/modifier\"")),
        row("GET /sections/{slug}/modifier", "commune controls", FEDERATION_F, Probe::PageShows("/sections/lille/modifier".into(), "name=\"add_communes\"")),
        row("GET /a-propos", "credits", EVERYONE, Probe::PageShows("/a-propos".into(), "INSEE")),
        row("GET /admin/journal", "national journal", &[Admin], Probe::PageShows("/admin/journal".into(), "a suspendu le compte de")),
        row(&format!("POST {}", fn_path::<GetNationalJournal>()), "national journal data", &[Admin], Probe::FnShows(fn_path::<GetNationalJournal>(), vec![], "account_suspended")),
        row("GET /langue/{code}", "language switch", EVERYONE, Probe::Post("GET /langue/en?retour=%2F".into(), vec![])),
        row("GET /healthz", "health", EVERYONE, Probe::PageOk("/healthz".into())),
        row("GET /metrics", "metrics", EVERYONE, Probe::PageOk("/metrics".into())),
        row(&format!("POST {}", fn_path::<GetCurrentUser>()), "who am I", EVERYONE, Probe::FnOk(fn_path::<GetCurrentUser>(), vec![])),
        row(&format!("POST {}", fn_path::<GetMyProfile>()), "own profile data", SIGNED_IN, Probe::FnOk(fn_path::<GetMyProfile>(), vec![])),
        row(&format!("POST {}", fn_path::<GetMemberProfile>()), "public profile data", EVERYONE, Probe::FnOk(fn_path::<GetMemberProfile>(), vec![("handle", "{adele}".into())])),
        row(&format!("POST {}", fn_path::<GetMemberProfile>()), "suspended profile data", NOBODY, Probe::FnOk(fn_path::<GetMemberProfile>(), vec![("handle", "{sam}".into())])),
        row(&format!("POST {}", fn_path::<FindSection>()), "find my section", EVERYONE, Probe::FnShows(fn_path::<FindSection>(), vec![("postal_code", "59000".into())], "lille")),
        row(&format!("POST {}", fn_path::<ListFederations>()), "federations", EVERYONE, Probe::FnShows(fn_path::<ListFederations>(), vec![], "Corse-du-Sud")),
        row(&format!("POST {get_federation}"), "public data", EVERYONE, Probe::FnShows(get_federation, vec![("code", "59".into())], "Nord")),
        row(&format!("POST {get_federation}"), "newcomers data", FEDERATION_F, Probe::FnShows(get_federation, vec![("code", "59".into())], "Noé Loos")),
        row(&format!("POST {get_section}"), "public data", EVERYONE, Probe::FnShows(get_section, vec![("slug", "lille".into())], "Sophie Secrétaire")),
        row(&format!("POST {get_section}"), "directory data", DIRECTORY, Probe::FnShows(get_section, vec![("slug", "lille".into())], "Adèle Annuaire")),
        row(&format!("POST {get_section}"), "newcomers data", SECTION_TEAM_AND_ABOVE, Probe::FnShows(get_section, vec![("slug", "lille".into())], "Ulysse Attente")),
        // Writes last: they change state.
        row("POST /connexion", "sign in", EVERYONE, Probe::Post("/connexion".into(), fields(&[("email", "noe@example.fr"), ("password", "un mot de passe solide")]))),
        row("POST /inscription", "sign up", EVERYONE, Probe::Post("/inscription".into(), fields(&[("display_name", "Nouvelle Personne"), ("email", "{unique}@example.fr"), ("password", "un mot de passe solide"), ("postal_code", "62000"), ("commune", "62041"), ("membership", "sympathisant"), ("consent", "oui")]))),
        row("POST /profil", "edit own profile", SIGNED_IN, Probe::Post("/profil".into(), fields(&[("display_name", "Même Nom"), ("handle", "{self}"), ("bio", ""), ("status", "Statut"), ("mandates", ""), ("responsibilities", ""), ("interests", ""), ("bio_visibility", "section"), ("status_visibility", "section"), ("mandates_visibility", "section"), ("responsibilities_visibility", "section"), ("interests_visibility", "section"), ("availabilities_visibility", "section")]))),
        row("POST /profil/commune", "move", SIGNED_IN, Probe::Post("/profil/commune".into(), fields(&[("form", "commune"), ("postal_code", "{own_postal}"), ("commune", "62041")]))),
        row("POST /profil/adhesion", "claim adhérent status", SIGNED_IN, Probe::Post("/profil/adhesion".into(), vec![])),
        row("POST /adhesions/{person_id}", "confirm a claim", SECTION_TEAM_AND_ABOVE, Probe::DecideClaim),
        row("POST /federations/{code}/sections", "create a section", FEDERATION_F, Probe::Post("/federations/59/sections".into(), fields(&[("name", "Section {n}"), ("slug", "section-{n}"), ("description", ""), ("communes", "({free_commune})")]))),
        row("POST /federations/{code}/equipe", "name a federation officer", &[Admin], Probe::Post("/federations/59/equipe".into(), fields(&[("form", "equipe"), ("handle", "{noe}"), ("role", "federation_animator"), ("action", "nommer")]))),
        row("POST /sections/{slug}/modifier", "edit the section", SECTION_TEAM_AND_ABOVE, Probe::Post("/sections/lille/modifier".into(), fields(&[("name", "Lille"), ("description", "Modifiée")]))),
        row("POST /sections/{slug}/equipe", "name an animator", FEDERATION_F, Probe::Post("/sections/lille/equipe".into(), fields(&[("form", "equipe"), ("handle", "{noe}"), ("role", "section_animator"), ("action", "nommer")]))),
        row("POST /deconnexion", "sign out", EVERYONE, Probe::Post("/deconnexion".into(), vec![])),
        row("POST /deconnexion-partout", "sign out everywhere", EVERYONE, Probe::Post("/deconnexion-partout".into(), vec![])),
    ]
}

fn fill(template: &str, world: &World, who: Who, n: usize) -> String {
    template
        .replace("{adele}", &world.handle(AdherentS))
        .replace("{sam}", &world.handle(Suspended))
        .replace("{noe}", "noe-loos")
        .replace("{self}", &world.handle(who))
        .replace("{own_postal}", &world.users.get(&who).map(|u| u.2.clone()).unwrap_or_default())
        .replace("{unique}", &format!("matrix-{n}"))
        .replace("{n}", &n.to_string())
        .replace("{free_commune}", world.free_communes.get(n % world.free_communes.len().max(1)).map(String::as_str).unwrap_or(""))
}

async fn observe(world: &World, probe: &Probe, who: Who, n: usize) -> bool {
    let cookie = world.cookie(who).await;
    let cookie = cookie.as_deref();
    match probe {
        Probe::PageOk(path) => send(&world.router, get(&fill(path, world, who, n), cookie)).await.status == StatusCode::OK,
        Probe::PageShows(path, marker) => {
            let reply = send(&world.router, get(&fill(path, world, who, n), cookie)).await;
            reply.status == StatusCode::OK && reply.body.contains(marker)
        }
        Probe::FnOk(path, args) | Probe::FnShows(path, args, _) => {
            let args: Vec<(String, String)> = args.iter().map(|(k, v)| (k.to_string(), fill(v, world, who, n))).collect();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(path, &args, cookie, Some(ORIGIN))).await;
            let marker_ok = match probe {
                Probe::FnShows(_, _, marker) => reply.body.contains(marker),
                _ => true,
            };
            reply.status == StatusCode::OK && marker_ok
        }
        Probe::Post(path, body) => {
            if let Some(get_path) = path.strip_prefix("GET ") {
                return send(&world.router, get(get_path, cookie)).await.status == StatusCode::SEE_OTHER;
            }
            let body: Vec<(String, String)> = body.iter().map(|(k, v)| (k.clone(), fill(v, world, who, n))).collect();
            let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(path, &body, cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::DecideClaim => {
            let email = format!("claim-{n}@example.fr");
            let target = sign_up(&world.state, &format!("Demande {n}"), &email, "59000", "adherent").await;
            let reply = send(&world.router, post_form(&format!("/adhesions/{target}"), &[("decision", "confirmer"), ("retour", "/sections/lille")], cookie, Some(ORIGIN))).await;
            let status = store::users::by_id(&world.state.db, target).await.unwrap().unwrap().membership_status;
            let confirmed = status == "confirmed";
            if !confirmed {
                // Refusals look exactly like a person who does not exist (no hint of who is where).
                let ghost = send(&world.router, post_form("/adhesions/999999", &[("decision", "confirmer"), ("retour", "/")], cookie, Some(ORIGIN))).await;
                assert!(reply.status == ghost.status || ghost.status.is_redirection(), "{who:?}: refusal {} vs ghost {}", reply.status, ghost.status);
            }
            confirmed && reply.status == StatusCode::SEE_OTHER
        }
    }
}

/// Every route and server function that exists has at least one row.
fn assert_table_is_complete(rows: &[Row]) {
    let covered: BTreeSet<&str> = rows.iter().map(|r| r.route.as_str()).collect();
    let mut existing: BTreeSet<String> = BTreeSet::new();
    for listing in leptos_axum::generate_route_list(app::App) {
        existing.insert(format!("GET {}", listing.path()));
    }
    for (method, path, _) in coopol_server::router::plain_routes() {
        existing.insert(format!("{method} {path}"));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        existing.insert(format!("{method} {path}"));
    }
    let missing: Vec<&String> = existing.iter().filter(|r| !covered.contains(r.as_str())).collect();
    assert!(missing.is_empty(), "routes without a row in the authorization matrix: {missing:?}");
    let stale: Vec<&&str> = covered.iter().filter(|r| !existing.contains(**r)).collect();
    assert!(stale.is_empty(), "rows for routes that do not exist: {stale:?}");
}

async fn authorization_matrix(t: &TestDb) {
    let rows = table();
    assert_table_is_complete(&rows);
    let world = build_world(t).await;
    let mut failures = Vec::new();
    let mut cases = 0;
    for row in &rows {
        for &who in EVERYONE {
            cases += 1;
            let allowed = observe(&world, &row.probe, who, cases).await;
            let expected = row.allowed.contains(&who);
            if allowed != expected {
                failures.push(format!("{} [{}] as {who:?}: expected {}, got {}", row.route, row.aspect, if expected { "allow" } else { "deny" }, if allowed { "allow" } else { "deny" }));
            }
        }
    }
    println!("authorization matrix: {cases} cases ({} rows × {} subjects) on {}", rows.len(), EVERYONE.len(), t.db.backend_name());
    assert!(failures.is_empty(), "{} of {cases} cases wrong:\n{}", failures.len(), failures.join("\n"));
}

/// Counts are public aggregates, identical for everyone, and count only confirmed adhérents.
async fn counts_and_directories_leak_nothing(t: &TestDb) {
    let world = build_world(t).await;
    let mut seen = BTreeSet::new();
    for &who in EVERYONE {
        let cookie = world.cookie(who).await;
        let reply = send(&world.router, get("/sections/lille", cookie.as_deref())).await;
        let counts = reply.body.split("class=\"counts\">").nth(1).and_then(|s| s.split('<').next()).unwrap_or("").to_string();
        seen.insert(counts);
    }
    assert_eq!(seen.len(), 1, "the counts are the same for every viewer: {seen:?}");
    // Lille: Adèle, Sophie confirmed (Sam suspended, Ulysse pending); Sacha sympathisant.
    assert_eq!(seen.into_iter().next().unwrap(), "2 adhérent·es · 1 sympathisant·e");

    let admin = world.cookie(Admin).await;
    let reply = send(&world.router, post_form(fn_path::<GetSection>(), &[("slug", "lille")], admin.as_deref(), Some(ORIGIN))).await;
    let view: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    let names: Vec<&str> = view["directory"].as_array().expect("directory").iter().filter_map(|m| m["display_name"].as_str()).collect();
    assert!(names.contains(&"Adèle Annuaire") && names.contains(&"Sacha Sympathie"), "{names:?}");
    assert!(!names.contains(&"Ulysse Attente"), "pending claims are not in the directory");
    assert!(!names.contains(&"Sam Suspendu"), "suspended accounts are not in the directory");

    // A sympathisant gets no directory at all, not an empty one.
    let sympathisant = world.cookie(Sympathisant).await;
    let reply = send(&world.router, post_form(fn_path::<GetSection>(), &[("slug", "lille")], sympathisant.as_deref(), Some(ORIGIN))).await;
    let view: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    assert!(view["directory"].is_null() && view["newcomers"].is_null() && view["audit"].is_null());

    // A suspended account cannot sign in, and says so only after the right password.
    let reply = send(&world.router, post_form("/connexion", &[("email", "sam@example.fr"), ("password", "un mot de passe solide")], None, Some(ORIGIN))).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains("Ce compte est suspendu"));
    let wrong = send(&world.router, post_form("/connexion", &[("email", "sam@example.fr"), ("password", "pas le bon mot de passe")], None, Some(ORIGIN))).await;
    assert!(wrong.body.contains("Adresse e-mail ou mot de passe incorrect."), "no hint without the password");
}

on_both_backends!(authorization_matrix, counts_and_directories_leak_nothing);
