//! A map container that `public/field-map.js` fills with Leaflet (vendored in
//! `public/vendor/leaflet/`, loaded only when a map is on the page). The server gives the tile
//! server; an empty one draws markers on a plain background. Without JavaScript the container
//! says so and the page's list holds the same actions.

use leptos::prelude::*;

use crate::components::lang::use_texts;
use crate::model::action::MapConfig;

/// `kind`: "actions" (markers from the page's action cards) or "picker" (places the `lat`/`lng`
/// fields of the form it sits in).
#[component]
pub fn MapBox(map: MapConfig, label: &'static str, kind: &'static str) -> impl IntoView {
    let t = use_texts().actions;
    view! {
        <div class="map-box">
            <div
                class="map"
                role="region"
                aria-label=label
                data-map=kind
                data-tiles=map.tiles
                data-attribution=map.attribution
                data-attribution-url=map.attribution_url
            ></div>
            <p class="hint map-fallback" data-map-fallback="">{t.map_needs_js}</p>
        </div>
    }
}
