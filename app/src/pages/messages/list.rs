//! `/messages`: my conversations, most recent first, with their unread counts; kept fresh by the
//! live stream (`components::messages::LiveConversations`).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::messages::get_conversations::get_conversations;
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::components::messages::LiveConversations;
use crate::i18n::format_datetime;
use crate::model::messages::{list_cursor, ConversationSummary, ConversationsPage, Standing};

#[component]
pub fn ConversationsPageView() -> impl IntoView {
    let query = use_query_map();
    let before = move || query.read().get("avant");
    let page = Resource::new_blocking(before, get_conversations);
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=page then=move |page| view! { <Conversations page first=before().is_none() /> } />
    }
}

#[component]
fn Conversations(page: ConversationsPage, first: bool) -> impl IntoView {
    let t = use_texts().messages;
    let empty = page.items.is_empty() && first;
    let lines = view! {
        {empty.then(|| view! { <p class="empty-state">{t.empty}</p> })}
        <ol class="conversations">
            {page.items.into_iter().map(|c| view! { <ConversationLine c /> }).collect_view()}
        </ol>
    };
    view! {
        <Title text=t.list_title />
        <section class="page">
            <div class="page-title-row">
                <h1>{t.list_title}</h1>
                <a class="button primary" href="/messages/nouveau">{t.new_conversation}</a>
            </div>
            <p class="hint">{t.list_intro}</p>
            {if first { view! { <LiveConversations>{lines}</LiveConversations> }.into_any() } else { lines.into_any() }}
            {page.next.map(|(at, id)| view! {
                <p class="older"><a class="button" href=format!("/messages?avant={}", list_cursor(at, id))>{t.older}</a></p>
            })}
        </section>
    }
}

#[component]
fn ConversationLine(c: ConversationSummary) -> impl IntoView {
    let texts = use_texts();
    let t = texts.messages;
    let lang = use_lang();
    // A member goes straight to the answer box; a request opens on its question.
    let href = match c.standing {
        Standing::Member => format!("/messages/{}#repondre", c.id),
        _ => format!("/messages/{}", c.id),
    };
    let unread = c.unread > 0 && c.standing != Standing::Left;
    let preview = match (c.last_author, c.last_text) {
        (Some(author), Some(text)) => format!("{author}{}{text}", texts.label_sep),
        (None, Some(text)) => text,
        _ => t.no_message_yet.to_string(),
    };
    view! {
        <li class="card conversation" class:unread=unread data-conversation=c.id>
            <a href=href class="conversation-link">
                <span class="conversation-name">{c.name}</span>
                {(c.standing == Standing::Request).then(|| view! { <span class="badge pending">{t.request_badge}</span> })}
                {(c.standing == Standing::Left).then(|| view! { <span class="badge">{t.left_badge}</span> })}
                {c.muted.then(|| view! { <span class="badge">{t.muted_badge}</span> })}
                {unread.then(|| view! { <span class="unread-count">{(t.unread)(c.unread)}</span> })}
                <span class="conversation-preview">{preview}</span>
                <time class="hint">{format_datetime(lang, c.last_message_ms)}</time>
            </a>
        </li>
    }
}
