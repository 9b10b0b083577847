//! `/messages/nouveau` (`?a=handle` from a profile's "Écrire"): a new conversation with one or
//! several people, and its first message. A plain form: it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::messages::get_new_conversation::get_new_conversation;
use crate::components::form::{use_form_outcome, FormAlert, TextArea, TextField};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::commands::messages::{MAX_MESSAGE_CHARS, MAX_TITLE_CHARS};
use crate::model::messages::StartAbility;

#[component]
pub fn NewConversationPage() -> impl IntoView {
    let t = use_texts().messages;
    let query = use_query_map();
    let may_start = Resource::new_blocking(|| (), |_| get_new_conversation());
    let outcome = use_form_outcome();
    view! {
        <Title text=t.new_title />
        <Meta name="robots" content="noindex" />
        <Loaded resource=may_start then=move |ability: StartAbility| {
            let outcome = outcome.get();
            let to = query.read_untracked().get("a").unwrap_or_default();
            let value = |name: &str| outcome.as_ref().map(|o| o.value(name));
            let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
            view! {
                <section class="page narrow">
                    <p><a href="/messages">{t.back_to_list}</a></p>
                    <h1>{t.new_title}</h1>
                    {match ability {
                        StartAbility::Allowed => view! {
                            <p class="hint">{t.request_explained}</p>
                            <FormAlert outcome=outcome.clone() />
                            <form method="post" action="/messages">
                                <TextField name="recipients" label=t.recipients_label value=value("recipients").unwrap_or(to)
                                    error=error("recipients") hint=t.recipients_hint autocomplete="off" />
                                <TextField name="title" label=t.title_label value=value("title").unwrap_or_default()
                                    error=error("title") hint=t.title_hint maxlength=MAX_TITLE_CHARS required=false />
                                <TextArea name="body" label=t.body_label value=value("body").unwrap_or_default() error=error("body")
                                    hint=t.body_hint maxlength=MAX_MESSAGE_CHARS rows=5 />
                                <button type="submit" class="button primary">{t.send}</button>
                            </form>
                        }
                            .into_any(),
                        StartAbility::ProveAddress => view! { <p class="alert alert-warning" role="alert">{t.prove_address}</p> }.into_any(),
                        StartAbility::Restricted => view! { <p class="alert alert-warning" role="alert">{t.restricted}</p> }.into_any(),
                    }}
                </section>
            }
        } />
    }
}
