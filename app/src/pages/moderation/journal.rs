//! `/journal-de-moderation/{scope}`: a scope's decisions (date, decision, rule, type of content;
//! never the hidden content nor who reported; the person only for a suspension) and statistics.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{rule_text, scope_title};
use crate::api::moderation::get_journal::get_journal;
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_day_at_time;
use crate::model::moderation::JournalPage;

#[component]
pub fn JournalPageView() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || (params.read().get("scope").unwrap_or_default(), query.read().get("avant").and_then(|b| b.parse::<i64>().ok()));
    let page = Resource::new_blocking(key, |(scope, before)| get_journal(scope, before));
    view! {
        <Title text=t.moderation.journal_link />
        <section class="page narrow">
            <Loaded resource=page then=move |page| view! { <Journal page /> } />
        </section>
    }
}

#[component]
fn Journal(page: JournalPage) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let lang = use_lang();
    let title = scope_title(&page.scope);
    let key = page.scope.key.clone();
    let stats = page.stats.clone();
    view! {
        <h1>{(m.journal_title)(&title)}</h1>
        <p>{m.journal_intro}</p>
        <section class="card" aria-labelledby="chiffres">
            <h2 id="chiffres">{m.stats_title}</h2>
            <ul class="compact-list stats">
                <li>{(m.stat_reports)(stats.reports_received)}</li>
                <li>{(m.stat_open)(stats.open_cases)}</li>
                {stats.median_decision_ms.map(|ms| view! { <li>{(m.stat_median)(ms / 60_000)}</li> })}
                {stats.by_kind.iter().map(|(k, n)| view! { <li>{format!("{}\u{a0}: {n}", (m.decision_kind)(*k))}</li> }).collect_view()}
            </ul>
        </section>
        {if page.entries.is_empty() {
            view! { <p class="empty-state">{m.journal_empty}</p> }.into_any()
        } else {
            view! {
                <ol class="compact-list journal">
                    {page.entries.into_iter().map(|e| view! {
                        <li data-decision=e.id>
                            <strong>{(m.decision_kind)(e.kind)}</strong>
                            {format!(" · {} · {} · {}", format_day_at_time(lang, e.decided_ms), rule_text(&e.rule), (m.item_kind)(e.item_kind))}
                            {e.appeal_of.map(|_| view! { <span class="hint">{format!(" · {}", m.appeal_answer_of)}</span> })}
                            {e.suspended_handle.map(|h| view! { <span>{format!(" · {}", (m.suspended_person)(&h))}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {page.next_before.map(|b| view! { <p><a class="button" href=format!("/journal-de-moderation/{key}?avant={b}")>{m.older}</a></p> })}
    }
}
