//! `/compte/garder/{token}`: the link from the "suppression de ton compte" e-mail. Opening it
//! changes nothing (mail scanners open links too); the button cancels the erasure, signed in or
//! not (the person may read the mail on another device).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::account::erasure_link::erasure_link;
use crate::components::form::{use_form_outcome, FormAlert};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_day_at_time;

#[component]
pub fn KeepAccountPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let pending = Resource::new_blocking(token, erasure_link);
    let outcome = use_form_outcome();
    view! {
        <Title text=t.keep_title />
        <Meta name="robots" content="noindex" />
        // The token is in the address: never sent to another site.
        <Meta name="referrer" content="same-origin" />
        <section class="page narrow">
            <h1>{t.keep_title}</h1>
            <Loaded resource=pending then=move |pending| {
                if query.read_untracked().get("fait").is_some() {
                    return view! { <p class="alert alert-success" role="status">{t.keep_done}</p> }.into_any();
                }
                let Some(at) = pending else {
                    return view! { <p class="alert alert-warning" role="alert">{t.keep_invalid}</p> }.into_any();
                };
                let when = format_day_at_time(lang, at);
                view! {
                    <FormAlert outcome=outcome.get() />
                    <p class="lead">{(t.keep_intro)(&when)}</p>
                    <form method="post" action=format!("/compte/garder/{}", token()) class="stack">
                        <button type="submit" class="button primary">{t.erasure_cancel}</button>
                    </form>
                }
                .into_any()
            } />
        </section>
    }
}
