//! The one router: form posts, leptos pages and server functions, health, metrics, static files.

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use tower_http::compression::{CompressionLayer, CompressionLevel};

use app::{shell, App};

use crate::forms;
use crate::health;
use crate::middleware::{metrics::record_request, origin::reject_cross_site, request_context::attach_request_context, security_headers::add_security_headers};
use crate::state::ServerState;

/// Largest request body accepted anywhere (server functions included).
const MAX_BODY_BYTES: usize = 256 * 1024;

pub fn build_router(state: ServerState) -> Router {
    // Install the metrics recorder before the first request is counted.
    let _ = crate::telemetry::metrics_handle();
    let routes = generate_route_list(App);
    let app_state = state.app.clone();
    let context = move || provide_context(app_state.clone());
    let leptos_options = state.leptos.clone();

    Router::new()
        .route("/inscription", post(forms::signup::submit))
        .route("/connexion", post(forms::signin::submit))
        .route("/profil", post(forms::profile::submit))
        .route("/deconnexion", post(forms::signout::this_device))
        .route("/deconnexion-partout", post(forms::signout::all_devices))
        .route("/profil/commune", post(forms::membership::move_commune))
        .route("/profil/adhesion", post(forms::membership::claim))
        .route("/adhesions/{person_id}", post(forms::membership::decide))
        .route("/federations/{code}/sections", post(forms::sections::create))
        .route("/federations/{code}/equipe", post(forms::sections::federation_team))
        .route("/sections/{slug}/modifier", post(forms::sections::update))
        .route("/sections/{slug}/equipe", post(forms::sections::section_team))
        .route("/langue/{code}", get(forms::lang::switch))
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(health::metrics))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<ServerState, _>(context, shell))
        .layer(middleware::from_fn_with_state(state.clone(), attach_request_context))
        .layer(middleware::from_fn_with_state(state.clone(), reject_cross_site))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(add_security_headers))
        // Dynamic pages are compressed quickly (brotli level ≤ 5 costs little CPU per request).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(middleware::from_fn(record_request))
        .with_state(state)
}
