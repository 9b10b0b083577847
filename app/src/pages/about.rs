use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::lang::use_texts;

/// What Coopol is, and the credits of the open data it uses.
#[component]
pub fn AboutPage() -> impl IntoView {
    let t = use_texts().territory;
    view! {
        <Title text=t.about_title />
        <section class="page narrow">
            <h1>{t.about_title}</h1>
            <p>{t.about_text}</p>
            <p class="hint">{t.about_credits}</p>
        </section>
    }
}
