//! `/mes-actions`: the actions I answered or organize — upcoming ones first, then past ones a
//! page at a time, with "compte-rendu à rédiger" where I organize and nobody wrote it yet.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::actions::get_my_actions::get_my_actions;
use crate::components::actions::ActionCard;
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::action::MyActionsPage;

#[component]
pub fn MyActionsPageView() -> impl IntoView {
    let t = use_texts().actions;
    let query = use_query_map();
    let older = move || query.read().get("avant").unwrap_or_default();
    let page = Resource::new_blocking(older, get_my_actions);
    view! {
        <Title text=t.mine_title />
        <Meta name="robots" content="noindex" />
        <section class="page my-actions">
            <h1>{t.mine_title}</h1>
            <p class="lead">{t.mine_intro}</p>
            <Loaded resource=page then=move |page| view! { <MyActions page first=older().is_empty() /> } />
        </section>
    }
}

#[component]
fn MyActions(page: MyActionsPage, first: bool) -> impl IntoView {
    let t = use_texts().actions;
    let upcoming = first.then(|| {
        view! {
            <section aria-labelledby="a-venir">
                <h2 id="a-venir">{t.mine_upcoming}</h2>
                {if page.upcoming.is_empty() {
                    view! { <p class="empty-state">{t.mine_none_upcoming}" "<a href="/actions">{t.list_title}</a></p> }.into_any()
                } else {
                    view! {
                        <ul class="action-list">
                            {page.upcoming.into_iter().map(|a| view! { <li><ActionCard action=a /></li> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        }
    });
    let past = if page.past.is_empty() {
        first.then(|| view! { <p class="empty-state">{t.mine_none_past}</p> }).into_any()
    } else {
        view! {
            <ul class="action-list">
                {page.past.into_iter().map(|p| {
                    let id = p.summary.id;
                    view! {
                        <li>
                            <ActionCard action=p.summary />
                            {p.report_due.then(|| view! {
                                <p class="report-due"><a class="button primary small" href=format!("/actions/{id}/compte-rendu")>{t.report_due}</a></p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        {upcoming}
        <section aria-labelledby="passees">
            <h2 id="passees">{t.mine_past}</h2>
            {past}
            {page.older.map(|cursor| view! { <p><a class="button" href=format!("/mes-actions?avant={cursor}") rel="next">{t.mine_older}</a></p> })}
        </section>
    }
}
