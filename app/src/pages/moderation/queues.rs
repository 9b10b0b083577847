//! `/moderation`: the queues the viewer moderates; `/moderation/{scope}`: one queue — open cases,
//! oldest first, and appeals waiting for this scope.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::scope_title;
use crate::api::moderation::{get_my_queues::get_my_queues, get_queue::get_queue};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_day_at_time;
use crate::model::moderation::{MyQueues, QueuePage};

#[component]
pub fn MyQueuesPage() -> impl IntoView {
    let t = use_texts();
    let queues = Resource::new_blocking(|| (), |()| get_my_queues());
    view! {
        <Title text=t.moderation.queues_title />
        <Meta name="robots" content="noindex" />
        <section class="page narrow">
            <h1>{t.moderation.queues_title}</h1>
            <p>{t.moderation.queues_intro}</p>
            <Loaded resource=queues then=move |queues| view! { <QueueList queues /> } />
            <p><a href="/charte">{t.moderation.charter_title}</a> " · " <a href="/journal-de-moderation/national">{t.moderation.national_journal}</a></p>
        </section>
    }
}

#[component]
fn QueueList(queues: MyQueues) -> impl IntoView {
    let t = use_texts();
    if queues.queues.is_empty() {
        return view! { <p class="empty-state">{t.moderation.no_queues}</p> }.into_any();
    }
    view! {
        <ul class="compact-list queues">
            {queues.queues.into_iter().map(|(scope, waiting)| {
                let title = scope_title(&scope);
                view! {
                    <li class="card">
                        <h2><a href=format!("/moderation/{}", scope.key)>{title}</a></h2>
                        <p>{(t.moderation.waiting)(waiting)}</p>
                        <p class="hint"><a href=format!("/journal-de-moderation/{}", scope.key)>{t.moderation.journal_link}</a></p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn QueuePageView() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || (params.read().get("scope").unwrap_or_default(), query.read().get("apres"));
    let page = Resource::new_blocking(key, |(scope, after)| get_queue(scope, after));
    view! {
        <Title text=t.moderation.queues_title />
        <Meta name="robots" content="noindex" />
        <section class="page narrow">
            <Loaded resource=page then=move |page| view! { <Queue page /> } />
        </section>
    }
}

#[component]
fn Queue(page: QueuePage) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let lang = use_lang();
    let title = scope_title(&page.scope);
    let key = page.scope.key.clone();
    view! {
        <h1>{format!("{} — {}", m.queues_title, title)}</h1>
        <p><a href=format!("/journal-de-moderation/{key}")>{m.journal_link}</a></p>
        {(!page.appeals.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="appels">
                <h2 id="appels">{m.appeals_title}</h2>
                <ul class="compact-list">
                    {page.appeals.iter().map(|a| view! {
                        <li>
                            <a href=format!("/moderation/decisions/{}", a.decision_id)>{(m.appeal_line)(a.kind)}</a>
                            <span class="hint">{format!(" · {} · {}", (m.item_kind)(a.item_kind), format_day_at_time(lang, a.appealed_ms))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="signalements">
            <h2 id="signalements">{m.cases_title}</h2>
            {if page.items.is_empty() {
                view! { <p class="empty-state">{m.queue_empty}</p> }.into_any()
            } else {
                view! {
                    <ol class="compact-list queue">
                        {page.items.into_iter().map(|item| view! {
                            <li class="card" data-case=item.case_id>
                                <p>
                                    <strong>{(m.item_kind)(item.item_kind)}</strong>
                                    {format!(" · {} · {}", (m.reports_count)(item.report_count), format_day_at_time(lang, item.opened_ms))}
                                    {item.auto_hidden.then(|| view! { " " <span class="badge">{m.held_badge}</span> })}
                                </p>
                                <blockquote>{item.excerpt}</blockquote>
                                <p><a class="button" href=format!("/moderation/dossiers/{}", item.case_id)>{m.examine}</a></p>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {page.next.map(|(at, id)| view! { <p><a class="button" href=format!("/moderation/{key}?apres={at}_{id}")>{m.next_page}</a></p> })}
        </section>
    }
}
