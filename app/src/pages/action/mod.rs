//! `/actions/{id}`: one action — when, where, who organizes, who comes (for those who may see
//! it), the answer buttons, the calendar file, and the organizers' tools (edit, cancel, approve).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::actions::get_action::get_action;
use crate::components::actions::{kind_beside, when};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::model::action::{ActionStatus, ActionView};

mod answer;
mod invitation;
mod manage;
mod participants;
mod report;

use answer::Answer;
use invitation::Invitation;
use manage::Manage;
use participants::Participants;
use report::Report;

#[component]
pub fn ActionPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let action = Resource::new_blocking(id, get_action);
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=action then=move |action| view! { <ActionBody action /> } />
    }
}

#[component]
fn ActionBody(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    let lang = use_lang();
    let a = action.summary.clone();
    let id = a.id;
    let map = format!("https://www.openstreetmap.org/?mlat={:.5}&mlon={:.5}#map=17/{:.5}/{:.5}", a.lat, a.lng, a.lat, a.lng);
    let organized_by = view! { <a href=a.organizer.href()>{use_texts().territory.scope_name(&a.organizer)}</a> };
    let counts = {
        let mut parts = vec![(t.places)(a.going, a.capacity)];
        if action.waiting > 0 {
            parts.push((t.waiting_count)(action.waiting));
        }
        if action.maybe > 0 {
            parts.push((t.maybe_count)(action.maybe));
        }
        parts.join(" · ")
    };
    view! {
        <Title text=a.title.clone() />
        <article class="page narrow action-page" class:cancelled=a.status == ActionStatus::Cancelled>
            {kind_beside((t.kind)(a.kind), &a.title).map(|kind| view! { <p class="hint">{kind}</p> })}
            <h1>{a.title.clone()}</h1>
            {(a.status == ActionStatus::Proposed).then(|| view! { <p class="badge">{t.proposed}</p> })}
            {action.cancel_reason.clone().filter(|_| a.status == ActionStatus::Cancelled).map(|r| view! {
                <p class="alert alert-warning" role="status">{(t.cancelled_because)(&r)}</p>
            })}
            <p class="action-when">{when(lang, a.starts_at_ms, a.ends_at_ms)}</p>
            {action.decided_by.clone().map(|d| view! {
                <p class="decided-by hint">
                    <a href=d.path()>
                        {(use_texts().votes.decided_by)(d.source, &crate::i18n::format_date(lang, d.decided_at_ms), &d.title)}
                    </a>
                </p>
            })}
            {(a.highlighted).then(|| view! { <p class="renfort">{(t.renfort)(a.reinforcements)}</p> })}
            <dl class="action-facts">
                <dt>{t.meeting_point}</dt>
                <dd>
                    {a.place_name.clone()}
                    {(!action.address.is_empty()).then(|| view! { <br />{action.address.clone()} })}
                    <br />
                    <a href=map rel="noopener" target="_blank">{t.open_map}</a>
                </dd>
                <dt>{t.organized_by}</dt>
                <dd>{organized_by}</dd>
                <dt>{t.audience_label}</dt>
                <dd>{(t.audience)(action.audience)}</dd>
                {(!action.material.is_empty()).then(|| view! { <dt>{t.material}</dt><dd>{action.material.clone()}</dd> })}
                <ActionDocuments action=action.clone() />
                <dt>{t.organizers}</dt>
                <dd>
                    {action.organizers.iter().map(|o| view! {
                        <a href=format!("/membres/{}", o.handle)>{o.display_name.clone()}</a>" "
                    }).collect_view()}
                </dd>
                {(!action.pending_organizers.is_empty()).then(|| view! {
                    <dt>{t.pending_organizers}</dt>
                    <dd class="pending-organizers">{action.pending_organizers.iter().map(|o| o.display_name.clone()).collect::<Vec<_>>().join(", ")}</dd>
                })}
            </dl>
            <Invitation action=action.clone() />
            {(!action.description.is_empty()).then(|| view! { <p class="action-description">{action.description.clone()}</p> })}
            <p class="action-places">{counts}</p>
            <Answer action=action.clone() />
            <p><a class="button subtle" href=format!("/actions/{id}.ics") download=format!("action-{id}.ics")>{t.add_to_calendar}</a></p>
            <Participants action=action.clone() />
            <Report action=action.clone() />
            {(action.signed_in && !action.may_manage).then(|| view! { <p><a class="report-link hint" href=format!("/signaler/action/{id}")>{use_texts().moderation.report_link}</a></p> })}
            <Manage action />
        </article>
    }
}

/// "Documents à emporter": the toolbox documents attached to the action that this reader may
/// read, each with its download; its organizers may take one off, or find another.
#[component]
fn ActionDocuments(action: ActionView) -> impl IntoView {
    let t = use_texts().documents;
    let id = action.summary.id;
    let manage = action.may_manage;
    (manage || !action.documents.is_empty()).then(|| {
        view! {
            <dt>{t.action_documents}</dt>
            <dd>
                <ul class="action-documents">
                    {action.documents.iter().map(|d| view! {
                        <li>
                            <a href=format!("/boite-a-outils/{}", d.id)>{d.title.clone()}</a>
                            " · "
                            <a href=d.current.href.clone() download="">{t.download}</a>
                            <span class="hint">{format!(" ({})", crate::pages::toolbox::file_facts(&d.current))}</span>
                            {manage.then(|| view! {
                                <form method="post" action=format!("/actions/{id}/documents/{}/retirer", d.id) class="inline-form">
                                    <button type="submit" class="button subtle">{t.remove}</button>
                                </form>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
                {manage.then(|| view! { <a href="/boite-a-outils">{t.find_more}</a> })}
            </dd>
        }
    })
}
