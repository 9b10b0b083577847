use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::lang::use_texts;

/// A real 404: the page says so and so does the HTTP status.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = use_texts();
    view! {
        <Title text=t.not_found_title />
        <section class="page narrow">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p><a class="button" href="/">{t.back_home}</a></p>
        </section>
    }
}
