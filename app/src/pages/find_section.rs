use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::territory::find_section::find_section;
use crate::components::lang::use_texts;
use crate::model::territory::{CommuneMatch, FindSectionAnswer};
use crate::pages::error_view::ErrorView;

/// `/trouver-ma-section?code_postal=59000`: a GET form, so it works without JavaScript.
#[component]
pub fn FindSectionPage() -> impl IntoView {
    let t = use_texts().territory;
    let texts = use_texts();
    let query = use_query_map();
    let code = move || query.read().get("code_postal").unwrap_or_default();
    let answer = Resource::new_blocking(code, find_section);
    view! {
        <Title text=t.find_title />
        <section class="page narrow">
            <h1>{t.find_title}</h1>
            <p>{t.find_intro}</p>
            <form method="get" action="/trouver-ma-section" class="search-form" role="search">
                <label for="champ-code_postal">{texts.postal_code}</label>
                <div class="inline-fields">
                    <input id="champ-code_postal" name="code_postal" inputmode="numeric" autocomplete="postal-code" maxlength="6" value=code />
                    <button type="submit" class="button primary">{t.find_submit}</button>
                </div>
            </form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match answer.await {
                        Ok(FindSectionAnswer::Empty) => ().into_any(),
                        Ok(FindSectionAnswer::Invalid) => view! { <p class="alert alert-error" role="alert">{t.find_invalid}</p> }.into_any(),
                        Ok(FindSectionAnswer::Unknown) => view! { <p class="alert alert-warning" role="alert">{t.find_unknown}</p> }.into_any(),
                        Ok(FindSectionAnswer::Found(matches)) => view! { <MatchList matches /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn MatchList(matches: Vec<CommuneMatch>) -> impl IntoView {
    let t = use_texts().territory;
    view! {
        <ul class="results" aria-live="polite">
            {matches
                .into_iter()
                .map(|m| {
                    let fed_href = format!("/federations/{}", m.federation.code);
                    view! {
                        <li class="card">
                            <h2>{m.commune.name}</h2>
                            {match m.section {
                                Some(section) => view! {
                                    <p>{t.find_section}{use_texts().label_sep}<a href=format!("/sections/{}", section.slug)>{section.name}</a></p>
                                }.into_any(),
                                None => view! {
                                    <p><a href=fed_href.clone()>{(t.find_no_section)(&m.federation.name)}</a></p>
                                }.into_any(),
                            }}
                            <p class="hint"><a href=fed_href>{(t.federation_label)(&m.federation.code, &m.federation.name)}</a></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p><a class="button primary" href="/inscription">{t.find_join}</a></p>
    }
}
