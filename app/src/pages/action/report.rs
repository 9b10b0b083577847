//! The compte-rendu on an action's page: its figures, the contacts met, and the link to write it.

use crate::components::lang::{use_lang, use_texts};
use crate::components::media::PostPictures;
use crate::i18n::{format_date, format_datetime, format_number};
use crate::model::action::ActionView;
use leptos::prelude::*;

/// After the action: its compte-rendu's figures, the link to write (or rewrite) it, and the new
/// contacts for the people who manage the action.
#[component]
pub(super) fn Report(action: ActionView) -> impl IntoView {
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
            <PostPictures pictures=r.photos.clone() default_alt=(t.photo_default_alt)(&action.summary.title) />
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
