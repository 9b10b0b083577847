//! `/charte`: the rules of Coopol, versioned; a signed-in person who has not accepted the version
//! in force is asked to (plain form post).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::moderation::get_charter::get_charter;
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_day_at_time;
use crate::model::moderation::{CharterView, ARTICLES};

#[component]
pub fn CharterPage() -> impl IntoView {
    let t = use_texts();
    let charter = Resource::new_blocking(|| (), |()| get_charter());
    let query = use_query_map();
    view! {
        <Title text=t.moderation.charter_title />
        <section class="page narrow charter">
            <h1>{t.moderation.charter_title}</h1>
            <Loaded resource=charter then=move |charter| {
                let done = query.read_untracked().get("fait").is_some();
                view! { <Charter charter done /> }
            } />
        </section>
    }
}

#[component]
fn Charter(charter: CharterView, done: bool) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let lang = use_lang();
    view! {
        {done.then(|| view! { <p class="alert alert-success" role="status">{m.charter_done}</p> })}
        {charter.due.then(|| view! {
            <div class="alert alert-warning" role="status">
                <p>{m.charter_due}</p>
                <form method="post" action="/charte"><button type="submit" class="button primary">{m.charter_accept}</button></form>
            </div>
        })}
        <p class="lead">{m.charter_intro}</p>
        <p class="hint">{(m.charter_version)(&charter.version)}
            {charter.accepted_ms.map(|at| view! { " · " {(m.charter_accepted)(&format_day_at_time(lang, at))} })}
        </p>
        <ol class="articles">
            {ARTICLES.iter().map(|a| view! {
                <li id=format!("article-{}", a.number)>
                    <h2>{format!("Article {} — {}", a.number, a.title(lang))}</h2>
                    <p>{a.text(lang)}</p>
                </li>
            }).collect_view()}
        </ol>
        <section class="card" aria-labelledby="procedure">
            <h2 id="procedure">{m.procedure_title}</h2>
            <p>{m.procedure}</p>
            <p><a href="/journal-de-moderation/national">{m.journal_link}</a></p>
        </section>
    }
}
