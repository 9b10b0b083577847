//! `/actions/{id}`: one action — when, where, who organizes, who comes (for those who may see
//! it), the answer buttons, the calendar file, and the organizers' tools (edit, cancel, approve).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::actions::get_action::get_action;
use crate::components::actions::{kind_beside, when};
use crate::components::form::{use_form_outcome, FormAlert, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::i18n::{format_date, format_datetime, format_number};
use crate::model::action::{ActionStatus, ActionView, RsvpStatus};
use crate::pages::error_view::ErrorView;

#[component]
pub fn ActionPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let action = Resource::new_blocking(id, get_action);
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match action.await {
                    Ok(action) => view! { <ActionBody action /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
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
            <Manage action />
        </article>
    }
}

/// An invitation to co-organize, for the person invited: accept or decline.
#[component]
fn Invitation(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    if !action.organizer_invitation {
        return ().into_any();
    }
    let id = action.summary.id;
    let by = action.organizers.iter().map(|o| o.display_name.clone()).collect::<Vec<_>>().join(", ");
    view! {
        <section class="card invitation" aria-labelledby="invitation-titre">
            <h2 id="invitation-titre">{t.invitation_title}</h2>
            <p>{(t.invitation_text)(&by)}</p>
            <form method="post" action=format!("/actions/{id}/organisation") class="button-row">
                <button type="submit" name="decision" value="accepter" class="button primary">{t.invitation_accept}</button>
                <button type="submit" name="decision" value="refuser" class="button subtle">{t.invitation_decline}</button>
            </form>
        </section>
    }
    .into_any()
}

/// The three answers, as one form with three submit buttons (works without JavaScript).
#[component]
fn Answer(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    let id = action.summary.id;
    let mine = action.summary.my_rsvp;
    if action.is_past {
        return view! { <p class="hint">{t.past}</p> }.into_any();
    }
    if !action.may_rsvp {
        if action.summary.status == ActionStatus::Published && !action.signed_in {
            return view! { <p><a class="button primary" href="/connexion">{t.sign_in_to_join}</a></p> }.into_any();
        }
        return ().into_any();
    }
    let pressed = move |s: RsvpStatus| {
        if mine == Some(s) || (s == RsvpStatus::Going && mine == Some(RsvpStatus::Waiting)) {
            "true"
        } else {
            "false"
        }
    };
    // The buttons belong to the form through `form=`, so they can live in a bar that sticks to
    // the bottom of a phone's screen (above the navigation) until the card is reached: "Je
    // participe" is on the first screen of every action, and works without JavaScript.
    view! {
        <section class="card answer" aria-labelledby="reponse-titre">
            <h2 id="reponse-titre">{t.answer_title}</h2>
            {mine.map(|s| view! { <p class="answer-status" role="status">{(t.answered)(s)}</p> })}
            <form method="post" action=format!("/actions/{id}/participation") id="reponse-form">
                <div class="field checkbox">
                    <input type="checkbox" id="champ-partage" name="partage" value="oui" checked=action.my_share_contact />
                    <label for="champ-partage">{t.share_contact}</label>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="champ-prenom" name="prenom" value="oui" checked=action.my_show_first_name />
                    <label for="champ-prenom">{t.show_first_name}</label>
                </div>
            </form>
        </section>
        <div class="answer-bar" role="group" aria-labelledby="reponse-titre">
            <button type="submit" form="reponse-form" name="reponse" value="oui" class="button primary" aria-pressed=pressed(RsvpStatus::Going)>{t.answer_yes}</button>
            <button type="submit" form="reponse-form" name="reponse" value="peut-etre" class="button" aria-pressed=pressed(RsvpStatus::Maybe)>{t.answer_maybe}</button>
            <button type="submit" form="reponse-form" name="reponse" value="non" class="button subtle" aria-pressed=pressed(RsvpStatus::Declined)>{t.answer_no}</button>
        </div>
    }
    .into_any()
}

#[component]
fn Participants(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    if action.participants_total == 0 {
        return (action.summary.going > 0).then(|| view! { <p class="hint">{t.participants_hidden}</p> }).into_any();
    }
    // Organizers get every participant (a link to each profile); participants the first names
    // of those who allowed it, then how many others.
    let organizer_view = action.participants.iter().any(|p| p.handle.is_some());
    let shown = action.participants.len();
    let others = (!organizer_view && (shown as i64) < action.participants_total)
        .then(|| view! { <p class="hint participants-others">{(t.others_coming)(shown, action.participants_total)}</p> });
    view! {
        <section aria-labelledby="participants-titre">
            <h2 id="participants-titre">{t.participants}</h2>
            {(shown > 0).then(|| view! {
                <ul class="participants">
                    {action.participants.into_iter().map(|p| {
                        let status = (t.my_status)(p.status);
                        let status = if p.status == RsvpStatus::Going { String::new() } else { format!(" ({})", status.to_lowercase()) };
                        let name = match p.handle {
                            Some(handle) => view! { <a href=format!("/membres/{handle}")>{p.name}</a> }.into_any(),
                            None => view! { <span>{p.name}</span> }.into_any(),
                        };
                        view! {
                            <li>
                                {name}
                                {status}
                                {p.email.map(|e| view! { " · " <a href=format!("mailto:{e}")>{e.clone()}</a> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {others}
        </section>
    }
    .into_any()
}

/// Organizers: edit, cancel with a reason; the team above: approve a proposal.
#[component]
fn Manage(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    let id = action.summary.id;
    let outcome = use_form_outcome();
    let approve = action.may_approve.then(|| {
        view! {
            <form method="post" action=format!("/actions/{id}/approuver")>
                <button type="submit" class="button primary">{t.approve}</button>
            </form>
        }
    });
    let manage = (action.may_manage && !action.is_past).then(|| {
        view! {
            <p><a class="button" href=format!("/actions/{id}/modifier")>{t.edit}</a></p>
            <details class="card">
                <summary>{t.cancel_title}</summary>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let outcome = outcome.await;
                        let error = outcome.as_ref().and_then(|o| o.error("reason"));
                        let value = outcome.as_ref().map(|o| o.value("reason")).unwrap_or_default();
                        view! {
                            <FormAlert outcome=outcome.clone() />
                            <form method="post" action=format!("/actions/{id}/annuler")>
                                <TextField name="reason" label=t.cancel_reason value error maxlength=300 />
                                <button type="submit" class="button danger">{t.cancel_submit}</button>
                            </form>
                        }
                    })}
                </Suspense>
            </details>
        }
    });
    view! { {approve} {manage} }
}

/// After the action: its compte-rendu's figures, the link to write (or rewrite) it, and the new
/// contacts for the people who manage the action.
#[component]
fn Report(action: ActionView) -> impl IntoView {
    let t = use_texts().reports;
    let lang = use_lang();
    let query = leptos_router::hooks::use_query_map();
    let just_saved = query.read_untracked().get("compte-rendu").is_some_and(|v| v == "ok");
    if !action.is_past {
        return ().into_any();
    }
    let id = action.summary.id;
    let write = action.may_report.then(|| {
        let label = if action.report.is_some() { t.rewrite } else { t.write };
        view! { <p><a class="button primary" href=format!("/actions/{id}/compte-rendu")>{label}</a></p> }
    });
    let number = move |n: i64| format_number(lang, n);
    let figures = action.report.clone().map(|r| {
        let items = [
            (t.present, r.present),
            (t.tracts, r.tracts),
            (t.doors_knocked, r.doors_knocked),
            (t.doors_opened, r.doors_opened),
            (t.conversations, r.conversations),
            (t.calls, r.calls),
            (t.contacts_count, r.contacts),
        ];
        view! {
            <dl class="report-figures">
                {items.into_iter().map(|(label, n)| view! { <div><dt>{label}</dt><dd>{number(n)}</dd></div> }).collect_view()}
            </dl>
            {(!r.notes.is_empty()).then(|| view! { <p class="report-notes">{r.notes.clone()}</p> })}
        }
    });
    let contacts = (!action.contacts.is_empty()).then(|| {
        view! {
            <h3>{t.contacts_title}</h3>
            <ul class="contacts">
                {action.contacts.iter().map(|c| {
                    let wants = [(c.wants_callback, t.wants_callback), (c.wants_news, t.wants_news), (c.wants_volunteer, t.wants_volunteer)]
                        .into_iter().filter(|(on, _)| *on).map(|(_, l)| l).collect::<Vec<_>>().join(", ");
                    let reach = [c.phone.clone(), c.email.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                    view! {
                        <li>
                            <strong>{c.name.clone()}</strong>" — "{reach}
                            {(!wants.is_empty()).then(|| view! { <br />{format!("{} : {wants}", t.contact_wants)} })}
                            <br /><span class="hint">{(t.contact_expires)(&format_date(lang, c.expires_at_ms))}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    let history = (!action.report_history.is_empty()).then(|| {
        let ta = use_texts().actions;
        view! {
            <details class="report-history">
                <summary>{(ta.report_history)(action.report_history.len() as i64)}</summary>
                <ol>
                    {action.report_history.iter().map(|v| {
                        let who = v.author.clone().unwrap_or_else(|| use_texts().feed.someone.to_string());
                        let figures = [(t.present, v.present), (t.tracts, v.tracts), (t.doors_knocked, v.doors_knocked),
                            (t.conversations, v.conversations), (t.calls, v.calls)]
                            .into_iter().map(|(label, n)| format!("{label} {}", format_number(lang, n))).collect::<Vec<_>>().join(" · ");
                        view! {
                            <li>
                                <strong>{(ta.report_version)(&who, &format_datetime(lang, v.at_ms))}</strong>
                                <br /><span class="hint">{figures}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </details>
        }
    });
    if figures.is_none() && write.is_none() {
        return ().into_any();
    }
    view! {
        <section class="card report" aria-labelledby="compte-rendu-titre">
            <h2 id="compte-rendu-titre">{t.report_title}</h2>
            {just_saved.then(|| view! { <p class="alert alert-success" role="status">{t.saved}</p> })}
            {figures}
            {history}
            {contacts}
            {write}
        </section>
    }
    .into_any()
}
