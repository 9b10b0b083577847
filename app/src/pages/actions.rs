//! `/actions`: upcoming field actions near me, with filters (a plain GET form: works without
//! JavaScript), keyset pages, and my personal calendar address.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::actions::get_actions::get_actions;
use crate::components::actions::ActionCard;
use crate::components::lang::use_texts;
use crate::model::action::{ActionFilters, ActionKind, ActionsPage};
use crate::pages::error_view::ErrorView;

/// The filters of the list, read from the URL.
fn filters_from_query(get: impl Fn(&str) -> Option<String>) -> ActionFilters {
    let text = |k: &str| get(k).map(|v| v.trim().chars().take(40).collect::<String>()).unwrap_or_default();
    let number = |k: &str| get(k).and_then(|v| v.trim().replace(',', ".").parse::<f64>().ok()).filter(|v| v.is_finite());
    ActionFilters {
        kind: get("type").and_then(|k| ActionKind::parse(&k)),
        from: text("du"),
        to: text("au"),
        radius_km: get("rayon").and_then(|r| r.trim().parse().ok()),
        near: text("pres"),
        lat: number("lat"),
        lng: number("lng"),
        after: text("apres"),
    }
}

#[component]
pub fn ActionsListPage() -> impl IntoView {
    let t = use_texts().actions;
    let query = use_query_map();
    let filters = move || filters_from_query(|k| query.read().get(k));
    let token = move || query.read().get("calendrier").filter(|t| t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()));
    let page = Resource::new_blocking(filters, get_actions);
    view! {
        <Title text=t.list_title />
        <Meta name="description" content=t.list_intro />
        <section class="page actions-page">
            <h1>{t.list_title}</h1>
            <p class="lead">{t.list_intro}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <ActionsBody page token=token() /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ActionsBody(page: ActionsPage, token: Option<String>) -> impl IntoView {
    let t = use_texts().actions;
    let f = page.filters.clone();
    let radius = f.radius_km.unwrap_or(30);
    let next = page.next.clone().map(|cursor| {
        let q = f.query();
        format!("/actions?{}{}apres={cursor}", q, if q.is_empty() { "" } else { "&" })
    });
    let origin = match &page.origin {
        Some(place) => (t.near)(place, radius),
        None => t.no_origin.to_string(),
    };
    view! {
        {page.may_create.then(|| view! { <p><a class="button primary" href="/actions/nouvelle">{t.new_action}</a></p> })}
        <details class="card filters" open=page.origin.is_none()>
            <summary>{t.filters_title}</summary>
            <form method="get" action="/actions" class="filters-form">
                <div class="field">
                    <label for="filtre-type">{t.filter_kind}</label>
                    <select id="filtre-type" name="type">
                        <option value="" selected=f.kind.is_none()>{t.any_kind}</option>
                        {ActionKind::ALL.iter().map(|k| view! {
                            <option value=k.as_str() selected=f.kind == Some(*k)>{(t.kind)(*k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filtre-pres">{t.filter_near}</label>
                    <p class="hint" id="filtre-pres-hint">{t.filter_near_hint}</p>
                    <input id="filtre-pres" name="pres" inputmode="numeric" maxlength="5" value=f.near.clone() aria-describedby="filtre-pres-hint" />
                </div>
                <div class="field">
                    <label for="filtre-rayon">{t.filter_radius}</label>
                    <input id="filtre-rayon" name="rayon" type="number" min="1" max="1000" value=radius.to_string() />
                </div>
                <div class="field">
                    <label for="filtre-du">{t.filter_from}</label>
                    <input id="filtre-du" name="du" type="date" value=f.from.clone() />
                </div>
                <div class="field">
                    <label for="filtre-au">{t.filter_to}</label>
                    <input id="filtre-au" name="au" type="date" value=f.to.clone() />
                </div>
                <button type="submit" class="button">{t.filter_submit}</button>
            </form>
        </details>
        <p class="hint origin">{origin}</p>
        {if page.items.is_empty() {
            view! { <p class="empty-state">{t.none_found}</p> }.into_any()
        } else {
            view! {
                <ul class="action-list">
                    {page.items.into_iter().map(|a| view! { <li><ActionCard action=a /></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        {next.map(|href| view! { <p><a class="button" href=href rel="next">{t.more}</a></p> })}
        {page.signed_in.then(|| view! { <CalendarBox token /> })}
    }
}

/// My personal calendar address: made, changed or deleted with plain forms.
#[component]
fn CalendarBox(token: Option<String>) -> impl IntoView {
    let t = use_texts().actions;
    let has = token.is_some();
    view! {
        <section class="card calendar-box" aria-labelledby="agenda-titre">
            <h2 id="agenda-titre">{t.calendar_title}</h2>
            <p class="hint">{t.calendar_intro}</p>
            {token.map(|token| view! {
                <p>{t.calendar_your_address}</p>
                <p><a class="calendar-url" href=format!("/calendrier/{token}")>{format!("/calendrier/{token}")}</a></p>
            })}
            <form method="post" action="/actions/calendrier" class="inline-form">
                <button type="submit" name="action" value="creer" class="button">{if has { t.calendar_remake } else { t.calendar_make }}</button>
                <button type="submit" name="action" value="supprimer" class="button subtle">{t.calendar_revoke}</button>
            </form>
        </section>
    }
}
