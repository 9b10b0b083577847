//! `/messages/:id`: a conversation — its messages, oldest first, older pages upwards (`?avant=`),
//! the answer box (plain form post; Enter sends with JavaScript), a request's question, and its
//! settings (mute, rename a group, leave). Live: `components::messages::LiveThread`.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::messages::get_thread::get_thread;
use crate::components::feed::AuthorLink;
use crate::components::form::{use_form_outcome, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::components::messages::LiveThread;
use crate::i18n::format_datetime;
use crate::model::commands::messages::{MAX_MESSAGE_CHARS, MAX_TITLE_CHARS};
use crate::model::form::FormOutcome;
use crate::model::messages::{MessageView, Standing, ThreadPage};

#[component]
pub fn ThreadPageView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let before = move || query.read().get("avant").and_then(|v| v.parse::<i64>().ok());
    let thread = Resource::new_blocking(move || (id(), before()), |(id, before)| get_thread(id, before));
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=thread then=move |thread| view! { <Thread thread latest=before().is_none() outcome=outcome.get() /> } />
    }
}

#[component]
fn Thread(thread: ThreadPage, latest: bool, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().messages;
    let id = thread.id;
    let newest = thread.messages.last().map(|m| m.id).unwrap_or(0);
    let list = view! {
        <ol class="messages">
            {thread.messages.into_iter().map(|m| {
                let seen = thread.seen == Some(m.id);
                view! { <MessageItem m seen /> }
            }).collect_view()}
        </ol>
    };
    let composer = (thread.can_write && latest).then(|| view! { <Composer id outcome=outcome.clone() /> });
    view! {
        <Title text=thread.name.clone() />
        <section class="page narrow thread">
            <p><a href="/messages">{t.back_to_list}</a></p>
            <h1>{thread.name.clone()}</h1>
            {(thread.group && !thread.people.is_empty()).then(|| view! { <p class="hint">{(t.with_people)(&thread.people)}</p> })}
            {(thread.standing == Standing::Request).then(|| view! { <RequestQuestion id /> })}
            {(thread.standing == Standing::Left).then(|| view! { <p class="alert alert-info">{t.left_notice}</p> })}
            {thread.older.map(|before| view! {
                <p class="older"><a class="button" href=format!("/messages/{id}?avant={before}")>{t.thread_older}</a></p>
            })}
            {if latest {
                view! { <LiveThread conversation=id newest>{list}{composer}</LiveThread> }.into_any()
            } else {
                view! {
                    {list}
                    <p class="older"><a class="button" href=format!("/messages/{id}#repondre")>{t.thread_newest}</a></p>
                }
                    .into_any()
            }}
            {(thread.standing == Standing::Member).then(|| view! { <Settings id group=thread.group muted=thread.muted outcome /> })}
        </section>
    }
}

#[component]
fn MessageItem(m: MessageView, seen: bool) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let reportable = !m.mine && m.author.is_some();
    view! {
        <li class="message" class:mine=m.mine id=format!("message-{}", m.id) data-message=m.id>
            <p class="message-meta">
                {if m.mine {
                    view! { <span class="author">{t.messages.mine}</span> }.into_any()
                } else {
                    view! { <AuthorLink author=m.author class="author" /> }.into_any()
                }}
                " · "
                <time>{format_datetime(lang, m.created_at_ms)}</time>
            </p>
            <div class="message-body" inner_html=m.html.as_str().to_string()></div>
            {seen.then(|| view! { <p class="message-seen hint">{t.messages.seen}</p> })}
            {reportable.then(|| view! {
                <p class="message-report"><a class="report-link hint" href=format!("/signaler/message/{}", m.id)>{t.moderation.report_link}</a></p>
            })}
        </li>
    }
}

/// The answer box: a plain form (it works without JavaScript); the page comes back at it.
#[component]
fn Composer(id: i64, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().messages;
    // What was typed comes back with the refusal (only this form has a `body`).
    let value = outcome.as_ref().map(|o| o.value("body")).unwrap_or_default();
    let error = outcome.as_ref().and_then(|o| o.errors.get("body").cloned());
    let alert = outcome.filter(|o| !o.values.value("body").is_empty() || o.errors.get("body").is_some() || o.problem.is_some());
    view! {
        <form method="post" action=format!("/messages/{id}") class="card message-composer" id="repondre">
            <FormAlert outcome=alert />
            <TextArea name="body" label=t.body_label value error hint=t.body_hint maxlength=MAX_MESSAGE_CHARS rows=3 enterkeyhint="send" />
            <button type="submit" class="button primary">{t.send}</button>
        </form>
    }
}

/// A request: accept (join the conversation) or refuse (it leaves the list; the sender is not told).
#[component]
fn RequestQuestion(id: i64) -> impl IntoView {
    let t = use_texts().messages;
    view! {
        <div class="alert alert-info request-question" role="region" aria-label=t.request_badge>
            <p>{t.request_intro}</p>
            <form method="post" action=format!("/messages/{id}/demande") class="button-row">
                <button type="submit" name="decision" value="accepter" class="button primary">{t.accept}</button>
                <button type="submit" name="decision" value="refuser" class="button">{t.refuse}</button>
            </form>
        </div>
    }
}

/// Mute, rename (a group), leave.
#[component]
fn Settings(id: i64, group: bool, muted: bool, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().messages;
    let title_error = outcome.as_ref().and_then(|o| o.errors.get("title").cloned());
    let title_value = outcome.as_ref().map(|o| o.value("title")).unwrap_or_default();
    let open = title_error.is_some();
    view! {
        <details class="card thread-settings" open=open>
            <summary>{t.settings_title}</summary>
            <form method="post" action=format!("/messages/{id}/sourdine")>
                <input type="hidden" name="sourdine" value=if muted { "non" } else { "oui" } />
                <p class="hint">{t.mute_hint}</p>
                <button type="submit" class="button">{if muted { t.unmute } else { t.mute }}</button>
            </form>
            {group.then(|| view! {
                <form method="post" action=format!("/messages/{id}/titre")>
                    <TextField name="title" label=t.rename_label value=title_value error=title_error maxlength=MAX_TITLE_CHARS />
                    <button type="submit" class="button">{t.rename}</button>
                </form>
            })}
            <form method="post" action=format!("/messages/{id}/quitter")>
                <p class="hint">{t.leave_hint}</p>
                <button type="submit" class="button danger">{t.leave}</button>
            </form>
        </details>
    }
}
