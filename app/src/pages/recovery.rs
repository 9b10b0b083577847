//! `/mot-de-passe-oublie` (ask for a link by e-mail) and `/mot-de-passe/{token}` (choose a new
//! password through it). Plain POST forms: they work without JavaScript.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::account::reset_link_valid::reset_link_valid;
use crate::components::form::{use_form_outcome, FormAlert, TextField};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_texts();
    let outcome = use_form_outcome();
    let query = use_query_map();
    let sent = move || query.read_untracked().get("envoye").is_some();
    view! {
        <Title text=t.forgot_title />
        <Meta name="robots" content="noindex" />
        <section class="page narrow">
            <h1>{t.forgot_title}</h1>
            {move || {
                let outcome = outcome.get();
                let form = outcome.clone().unwrap_or_default();
                if sent() && outcome.is_none() {
                    return view! { <p class="alert alert-success" role="status">{t.forgot_sent}</p> }.into_any();
                }
                view! {
                    <p class="lead">{t.forgot_intro}</p>
                    <FormAlert outcome=outcome />
                    <form method="post" action="/mot-de-passe-oublie" class="stack" novalidate>
                        <TextField
                            name="email"
                            label=t.email
                            value=form.value("email")
                            error=form.error("email")
                            input_type="email"
                            autocomplete="email"
                        />
                        <button type="submit" class="button primary">{t.forgot_submit}</button>
                    </form>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let valid = Resource::new_blocking(token, reset_link_valid);
    let outcome = use_form_outcome();
    view! {
        <Title text=t.reset_title />
        <Meta name="robots" content="noindex" />
        // The token is in the address: never sent to another site (no-referrer would make the form
        // post say `Origin: null`, which the cross-site check refuses).
        <Meta name="referrer" content="same-origin" />
        <section class="page narrow">
            <h1>{t.reset_title}</h1>
            <Loaded resource=valid then=move |valid| {
                let outcome = outcome.get();
                if !valid {
                    return view! {
                        <p class="alert alert-warning" role="alert">{t.reset_invalid}</p>
                        <p><a class="button" href="/mot-de-passe-oublie">{t.reset_request_again}</a></p>
                    }
                    .into_any();
                }
                let form = outcome.clone().unwrap_or_default();
                view! {
                    <FormAlert outcome=outcome />
                    <form method="post" action=format!("/mot-de-passe/{}", token()) class="stack" novalidate>
                        <TextField
                            name="password"
                            label=t.password
                            hint=t.password_hint
                            error=form.error("password")
                            input_type="password"
                            autocomplete="new-password"
                        />
                        <button type="submit" class="button primary">{t.reset_submit}</button>
                    </form>
                }
                .into_any()
            } />
        </section>
    }
}
