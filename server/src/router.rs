//! The one router: form posts, leptos pages and server functions, health, metrics, static files.

use std::sync::OnceLock;

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{get, post, MethodRouter};
use axum::{middleware, Extension, Router};
use leptos::prelude::provide_context;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;

use app::{shell, App};

use crate::calendar;
use crate::forms;
use crate::health;
use crate::live;
use crate::live_checks::LiveChecks;
use crate::media;
use crate::middleware::{
    metrics::record_request, origin::reject_cross_site, request_context::attach_request_context, security_headers::add_security_headers,
    server_fn_errors,
};
use crate::state::ServerState;

/// Largest request body accepted anywhere (server functions included).
const MAX_BODY_BYTES: usize = 256 * 1024;

/// The routes that are not leptos pages or server functions: form posts, the language switch,
/// health and metrics. One list, so the authorization matrix test can check it covers them all.
pub fn plain_routes() -> Vec<(&'static str, &'static str, MethodRouter<ServerState>)> {
    vec![
        ("POST", "/inscription", post(forms::signup::submit)),
        ("POST", "/connexion", post(forms::signin::submit)),
        ("POST", "/mot-de-passe-oublie", post(forms::recovery::request)),
        ("POST", "/mot-de-passe/{token}", post(forms::recovery::reset)),
        ("POST", "/adresse/renvoyer", post(forms::address::resend)),
        ("POST", "/compte/adresse", post(forms::account::email)),
        ("POST", "/compte/mot-de-passe", post(forms::account::password)),
        ("POST", "/compte/appareils/{device}/deconnexion", post(forms::account::sign_out_device)),
        ("POST", "/compte/donnees", post(forms::account::request_export)),
        ("POST", "/compte/vu", post(forms::account::read_receipts)),
        ("POST", "/compte/annonces", post(forms::account::announcements_by_mail)),
        ("GET", "/compte/donnees/{id}", get(forms::account::download_export)),
        ("POST", "/compte/suppression", post(forms::account::request_erasure)),
        ("POST", "/compte/suppression/annuler", post(forms::account::cancel_erasure)),
        ("POST", "/compte/garder/{token}", post(forms::account::keep_by_link)),
        ("POST", "/compte/consentements/accepter", post(forms::account::accept_consent)),
        ("POST", "/compte/consentements/retirer", post(forms::account::withdraw_consent)),
        ("POST", "/adresse/{token}", post(forms::address::confirm)),
        ("POST", "/profil", post(forms::profile::submit)),
        ("POST", "/profil/commune", post(forms::membership::move_commune)),
        ("POST", "/profil/photo", post(forms::pictures::set_avatar)),
        ("POST", "/profil/photo/retirer", post(forms::pictures::remove_avatar)),
        ("POST", "/profil/adhesion", post(forms::membership::claim)),
        ("POST", "/deconnexion", post(forms::signout::this_device)),
        ("POST", "/deconnexion-partout", post(forms::signout::all_devices)),
        ("POST", "/adhesions/{person_id}", post(forms::membership::decide)),
        ("POST", "/federations/{code}/sections", post(forms::sections::create)),
        ("POST", "/federations/{code}/equipe", post(forms::sections::federation_team)),
        ("POST", "/sections/{slug}/modifier", post(forms::sections::update)),
        ("POST", "/sections/{slug}/banniere", post(forms::pictures::set_section_banner)),
        ("POST", "/sections/{slug}/banniere/retirer", post(forms::pictures::remove_section_banner)),
        ("POST", "/sections/{slug}/equipe", post(forms::sections::section_team)),
        ("POST", "/publications", post(forms::feed::publish)),
        ("POST", "/publications/{id}/modifier", post(forms::feed::edit)),
        ("POST", "/publications/{id}/supprimer", post(forms::feed::delete)),
        ("POST", "/publications/{id}/reactions", post(forms::feed::react)),
        ("POST", "/publications/{id}/commentaires", post(forms::feed::comment)),
        ("POST", "/commentaires/{id}/supprimer", post(forms::feed::delete_comment)),
        ("POST", "/coopains/{handle}", post(forms::social::coopain)),
        ("POST", "/groupes", post(forms::social::create_group)),
        ("POST", "/groupes/{slug}/adhesion", post(forms::social::membership)),
        ("POST", "/groupes/{slug}/banniere", post(forms::pictures::set_group_banner)),
        ("POST", "/groupes/{slug}/banniere/retirer", post(forms::pictures::remove_group_banner)),
        ("POST", "/groupes/{slug}/membres/{handle}", post(forms::social::member_decision)),
        ("POST", "/notifications/lues", post(forms::social::read_all)),
        ("POST", "/notifications/{id}/lue", post(forms::social::read_one)),
        ("POST", "/messages", post(forms::messages::start)),
        ("POST", "/messages/{id}", post(forms::messages::send)),
        ("POST", "/messages/{id}/demande", post(forms::messages::answer_request)),
        ("POST", "/messages/{id}/sourdine", post(forms::messages::mute)),
        ("POST", "/messages/{id}/titre", post(forms::messages::rename)),
        ("POST", "/messages/{id}/quitter", post(forms::messages::leave)),
        ("POST", "/sections/{slug}/annonces", post(forms::announcements::section)),
        ("POST", "/federations/{code}/annonces", post(forms::announcements::federation)),
        ("POST", "/desabonnement/{token}", post(forms::announcements::unsubscribe)),
        ("POST", "/sections/{slug}/votes", post(forms::votes::open_in_section)),
        ("POST", "/federations/{code}/votes", post(forms::votes::open_in_federation)),
        ("POST", "/votes/{id}", post(forms::votes::cast)),
        ("POST", "/votes/{id}/cloture", post(forms::votes::close_early)),
        ("POST", "/sections/{slug}/debats", post(forms::debates::open_in_section)),
        ("POST", "/federations/{code}/debats", post(forms::debates::open_in_federation)),
        ("POST", "/groupes/{slug}/debats", post(forms::debates::open_in_group)),
        ("POST", "/debats/{id}/validation", post(forms::debates::approve)),
        ("POST", "/debats/{id}/contributions", post(forms::debates::contribute)),
        ("POST", "/debats/{id}/contributions/{c}/soutien", post(forms::debates::support_contribution)),
        ("POST", "/debats/{id}/contributions/{c}/epingle", post(forms::debates::pin)),
        ("POST", "/debats/{id}/propositions", post(forms::debates::propose)),
        ("POST", "/debats/{id}/propositions/{p}/soutien", post(forms::debates::support_proposal)),
        ("POST", "/debats/{id}/propositions/{p}/retenue", post(forms::debates::select)),
        ("POST", "/debats/{id}/propositions/{p}/fusion", post(forms::debates::merge)),
        ("POST", "/debats/{id}/synthese", post(forms::debates::synthesize)),
        ("POST", "/actions", post(forms::actions::create)),
        ("POST", "/actions/calendrier", post(forms::actions::calendar_address)),
        ("POST", "/actions/{id}/modifier", post(forms::actions::edit)),
        ("POST", "/actions/{id}/annuler", post(forms::actions::cancel)),
        ("POST", "/actions/{id}/approuver", post(forms::actions::approve)),
        ("POST", "/actions/{id}/participation", post(forms::actions::answer)),
        ("POST", "/actions/{id}/organisation", post(forms::actions::organizer_invitation)),
        ("POST", "/actions/{id}/compte-rendu", post(forms::actions::report)),
        ("POST", "/signaler/{kind}/{key}", post(forms::moderation::report)),
        ("POST", "/moderer/{kind}/{key}", post(forms::moderation::take_up)),
        ("POST", "/moderation/dossiers/{id}", post(forms::moderation::decide)),
        ("POST", "/moderation/decisions/{id}/appel", post(forms::moderation::appeal)),
        ("POST", "/moderation/decisions/{id}/reponse", post(forms::moderation::answer_appeal)),
        ("POST", "/appel/{token}", post(forms::moderation::appeal_by_link)),
        ("POST", "/charte", post(forms::moderation::accept_charter)),
        ("GET", "/calendrier/action/{id}", get(calendar::action_file)),
        ("GET", "/calendrier/{token}", get(calendar::personal_feed)),
        ("GET", "/votes/{id}/bulletins.csv", get(forms::votes::ballots)),
        ("GET", "/medias/{key}/{file}", get(media::picture)),
        ("POST", "/boite-a-outils", post(forms::documents::create)),
        ("POST", "/boite-a-outils/{id}/versions", post(forms::documents::new_version)),
        ("POST", "/boite-a-outils/{id}/modifier", post(forms::documents::update_details)),
        ("POST", "/boite-a-outils/{id}/supprimer", post(forms::documents::delete)),
        ("POST", "/boite-a-outils/{id}/actions", post(forms::documents::attach)),
        ("POST", "/actions/{id}/documents/{document}/retirer", post(forms::documents::detach)),
        ("GET", "/boite-a-outils/fichiers/{key}/{name}", get(media::document)),
        ("GET", "/api/flux", get(live::stream)),
        ("GET", "/langue/{code}", get(forms::lang::switch)),
        ("GET", "/healthz", get(health::healthz)),
        ("GET", "/metrics", get(health::metrics)),
    ]
}

/// The app's page routes, generated once per process. Generating them sets a process-wide
/// "suppress resource loads" flag in leptos: a page rendered meanwhile by another router in the
/// same process (tests build many) could wait forever for its first resource
/// (leptos-rs/leptos#4773). Computed once, before any router exists, no render can overlap it.
pub fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn build_router(state: ServerState) -> Router {
    // Install the metrics recorder before the first request is counted.
    let _ = crate::telemetry::metrics_handle();
    let routes = page_routes();
    let app_state = state.app.clone();
    let context = move || provide_context(app_state.clone());
    let leptos_options = state.leptos.clone();

    let mut router: Router<ServerState> = Router::new();
    for (_, path, method_router) in plain_routes() {
        router = router.route(path, method_router);
    }
    #[cfg(feature = "bench")]
    {
        router = router.merge(crate::bench_routes::routes());
    }
    let inner = router
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        // The built front end (pkg/, icons, scripts, the manifest) as files, the precompressed
        // `.br`/`.gz` beside them when the browser takes them; any other path is the app's 404
        // page. Not leptos' `file_and_error_handler` for files: it gives a file's response the
        // `ResponseOptions` found from its reactive owner, and a static script was once answered
        // 403 — another page's status (CI, 2026-12-05).
        .fallback_service(
            ServeDir::new(leptos_options.site_root.as_ref())
                .precompressed_br()
                .precompressed_gzip()
                .fallback(file_and_error_handler_with_context::<ServerState, _>(context, shell).with_state(state.clone())),
        )
        .layer(middleware::from_fn(server_fn_errors::status_from_error))
        .layer(middleware::from_fn_with_state(state.clone(), attach_request_context))
        .layer(middleware::from_fn_with_state(state.clone(), reject_cross_site))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.app.clone(), add_security_headers))
        // Dynamic pages are compressed quickly (brotli level ≤ 5 costs little CPU per request).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(middleware::from_fn(record_request))
        // One batcher of live-stream visibility checks per router (per app instance).
        .layer(Extension(LiveChecks::new(state.app.db.clone())))
        .with_state(state);
    // Rewrites that must happen before routing wrap the whole router.
    Router::new().fallback_service(inner).layer(middleware::map_request(calendar::rewrite_ics_paths))
}
