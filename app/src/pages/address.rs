//! `/adresse/{token}`: the link that proves an address. Opening it changes nothing (mail
//! scanners open links too); the button posts the form that confirms and signs this device in.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::account::address_link_valid::address_link_valid;
use crate::components::form::{use_form_outcome, FormAlert};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;

#[component]
pub fn ConfirmAddressPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let valid = Resource::new_blocking(token, address_link_valid);
    let outcome = use_form_outcome();
    view! {
        <Title text=t.address_title />
        <Meta name="robots" content="noindex" />
        // The token is in the address: never sent to another site (see the reset page).
        <Meta name="referrer" content="same-origin" />
        <section class="page narrow">
            <h1>{t.address_title}</h1>
            <Loaded resource=valid then=move |valid| {
                if !valid {
                    return view! { <p class="alert alert-warning" role="alert">{t.address_invalid}</p> }.into_any();
                }
                view! {
                    <FormAlert outcome=outcome.get() />
                    <p class="lead">{t.address_intro}</p>
                    <form method="post" action=format!("/adresse/{}", token()) class="stack">
                        <button type="submit" class="button primary">{t.address_submit}</button>
                    </form>
                }
                .into_any()
            } />
        </section>
    }
}
