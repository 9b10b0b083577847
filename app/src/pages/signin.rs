use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{use_form_outcome, FormAlert, TextField};
use crate::components::lang::use_texts;

/// Sign-in: a plain POST form, so it works before hydration and without JavaScript.
#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_texts();
    let outcome = use_form_outcome();
    let query = use_query_map();
    view! {
        <Title text=t.signin_title />
        <section class="page narrow">
            <h1>{t.signin_title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let outcome = outcome.await;
                    let form = outcome.clone().unwrap_or_default();
                    let back_to = if outcome.is_some() {
                        form.value("retour")
                    } else {
                        query.read_untracked().get("retour").unwrap_or_default()
                    };
                    let changed = outcome.is_none() && query.read_untracked().get("mot-de-passe").is_some();
                    let address_taken = outcome.is_none() && query.read_untracked().get("adresse").as_deref() == Some("deja-confirmee");
                    view! {
                        {changed.then(|| view! { <p class="alert alert-success" role="status">{t.signin_password_changed}</p> })}
                        {address_taken.then(|| view! { <p class="alert alert-warning" role="status">{t.signin_address_taken}</p> })}
                        <FormAlert outcome=outcome />
                        <form method="post" action="/connexion" class="stack" novalidate>
                            <input type="hidden" name="retour" value=back_to />
                            <TextField
                                name="email"
                                label=t.email
                                value=form.value("email")
                                error=form.error("email")
                                input_type="email"
                                autocomplete="email"
                            />
                            <TextField
                                name="password"
                                label=t.password
                                error=form.error("password")
                                input_type="password"
                                autocomplete="current-password"
                            />
                            <button type="submit" class="button primary">{t.signin_submit}</button>
                        </form>
                        <p><a href="/mot-de-passe-oublie">{t.forgot_link}</a></p>
                        <p><a href="/inscription">{t.signin_no_account}</a></p>
                    }
                })}
            </Suspense>
        </section>
    }
}
