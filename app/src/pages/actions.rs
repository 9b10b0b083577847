//! `/actions`: upcoming field actions near me, with filters (a plain GET form: works without
//! JavaScript), shown as a list (keyset pages), a map, a month or a week; suggestions from my
//! availabilities; my personal calendar address. `public/field-map.js` draws the map and asks for
//! the phone's position; without JavaScript the same actions are listed.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::actions::get_actions::get_actions;
use crate::components::actions::{ActionCard, ActionsCalendar, MapBox};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::action::{ActionFilters, ActionKind, ActionsLayout, ActionsPage};

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
        layout: get("vue").and_then(|v| ActionsLayout::parse(&v)),
        period: text("periode"),
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
            <Loaded resource=page then=move |page| view! { <ActionsBody page token=token() /> } />
        </section>
    }
}

#[component]
fn ActionsBody(page: ActionsPage, token: Option<String>) -> impl IntoView {
    let t = use_texts().actions;
    let f = page.filters.clone();
    let layout = page.layout;
    let next = page.next.clone().map(|cursor| {
        let q = f.query();
        format!("/actions?{}{}apres={cursor}", q, if q.is_empty() { "" } else { "&" })
    });
    let radius = f.radius_km.unwrap_or(30);
    let origin = match (&page.origin, page.at_my_position) {
        (Some(_), true) => (t.near)(t.your_position, radius),
        (Some(place), false) => (t.near)(place, radius),
        (None, _) => t.no_origin.to_string(),
    };
    let list = (!page.items.is_empty() || page.calendar.is_none()).then(|| {
        if page.items.is_empty() {
            view! { <p class="empty-state">{t.none_found}</p> }.into_any()
        } else {
            view! {
                <ul class="action-list">
                    {page.items.into_iter().map(|a| view! { <li><ActionCard action=a /></li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    });
    view! {
        {(page.may_create || page.signed_in).then(|| view! {
            <p class="inline-actions">
                {page.may_create.then(|| view! { <a class="button primary" href="/actions/nouvelle">{t.new_action}</a> })}
                {page.signed_in.then(|| view! { <a class="button" href="/mes-actions">{t.mine_title}</a> })}
            </p>
        })}
        <LayoutSwitch filters=f.clone() current=layout />
        <Filters filters=f.clone() open=page.origin.is_none() />
        <p class="hint origin">{origin}</p>
        {(!page.suggestions.is_empty()).then(|| view! {
            <section class="card suggestions" aria-labelledby="suggestions-titre">
                <h2 id="suggestions-titre">{t.suggestions_title}</h2>
                <p class="hint">{t.suggestions_intro}</p>
                <ul class="action-list">
                    {page.suggestions.into_iter().map(|a| view! { <li><ActionCard action=a /></li> }).collect_view()}
                </ul>
            </section>
        })}
        {page.map.map(|map| view! { <MapBox map label=t.map_label kind="actions" /> })}
        {page.calendar.map(|calendar| view! { <ActionsCalendar calendar filters=f.clone() /> })}
        {list}
        {next.map(|href| view! { <p><a class="button" href=href rel="next">{t.more}</a></p> })}
        {page.signed_in.then(|| view! { <CalendarBox token exists=page.has_calendar /> })}
    }
}

/// Liste · Carte · Mois · Semaine, keeping the filters.
#[component]
fn LayoutSwitch(filters: ActionFilters, current: ActionsLayout) -> impl IntoView {
    let t = use_texts().actions;
    view! {
        <nav class="layout-switch" aria-label=t.layouts_label>
            {ActionsLayout::ALL.iter().map(|l| {
                let here = *l == current;
                view! {
                    <a href=filters.href(*l, "") aria-current=here.then_some("page") class:current=here>{(t.layout)(*l)}</a>
                }
            }).collect_view()}
        </nav>
    }
}

/// The filters, a plain GET form. The position button (shown by `field-map.js`) fills `lat`/`lng`
/// and sends it; a postal code typed wins over a kept position.
#[component]
fn Filters(filters: ActionFilters, open: bool) -> impl IntoView {
    let t = use_texts().actions;
    let f = filters;
    let radius = f.radius_km.unwrap_or(30);
    let calendar = matches!(f.layout, Some(ActionsLayout::Month | ActionsLayout::Week));
    let coordinate = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    view! {
        <details class="card filters" open=open>
            <summary>{t.filters_title}</summary>
            <form method="get" action="/actions" class="filters-form" data-geolocate-form="">
                {f.layout.filter(|l| *l != ActionsLayout::List).map(|l| view! { <input type="hidden" name="vue" value=l.as_str() /> })}
                {(!f.period.is_empty()).then(|| view! { <input type="hidden" name="periode" value=f.period.clone() /> })}
                <input type="hidden" name="lat" value=coordinate(f.lat) />
                <input type="hidden" name="lng" value=coordinate(f.lng) />
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
                    <button
                        type="button"
                        class="button subtle geolocate"
                        hidden=true
                        data-geolocate=""
                        data-locating=t.locating
                        data-refused=t.position_refused
                        data-unavailable=t.position_unavailable
                    >
                        {t.use_my_position}
                    </button>
                    <p class="hint" role="status" data-geolocate-status=""></p>
                </div>
                <div class="field">
                    <label for="filtre-rayon">{t.filter_radius}</label>
                    <input id="filtre-rayon" name="rayon" type="number" min="1" max="1000" value=radius.to_string() />
                </div>
                {(!calendar).then(|| view! {
                    <div class="field">
                        <label for="filtre-du">{t.filter_from}</label>
                        <input id="filtre-du" name="du" type="date" value=f.from.clone() />
                    </div>
                    <div class="field">
                        <label for="filtre-au">{t.filter_to}</label>
                        <input id="filtre-au" name="au" type="date" value=f.to.clone() />
                    </div>
                })}
                <button type="submit" class="button">{t.filter_submit}</button>
            </form>
        </details>
    }
}

/// My personal calendar address: made, changed or deleted with plain forms.
#[component]
fn CalendarBox(token: Option<String>, exists: bool) -> impl IntoView {
    let t = use_texts().actions;
    let has = exists || token.is_some();
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
                {has.then(|| view! { <button type="submit" name="action" value="supprimer" class="button subtle">{t.calendar_revoke}</button> })}
            </form>
        </section>
    }
}
