//! `/compte/consentements`, "Mes consentements": what the person agreed to, when and to which
//! version of the text; the current text when it waits for an answer; withdrawing the consent,
//! which asks for the erasure of the account. Plain POST forms: everything works without
//! JavaScript.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::api::account::get_my_consents::get_my_consents;
use crate::components::form::use_form_outcome;
use crate::components::lang::{use_lang, use_texts};
use crate::error::AppError;
use crate::i18n::format_day_at_time;
use crate::model::consent::{ConsentView, ConsentsView};
use crate::model::form::FormOutcome;
use crate::pages::account::ErasureForm;
use crate::pages::error_view::ErrorView;

#[component]
pub fn ConsentsPage() -> impl IntoView {
    let t = use_texts();
    let consents = OnceResource::new_blocking(get_my_consents());
    let outcome = use_form_outcome();
    let query = use_query_map();
    view! {
        <Title text=t.consents_title />
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let outcome = outcome.await;
                let accepted = outcome.is_none() && query.read_untracked().get("fait").as_deref() == Some("accepte");
                match consents.await {
                    Ok(view) => view! { <Consents view accepted outcome /> }.into_any(),
                    Err(AppError::NotAuthenticated) => view! { <Redirect path="/connexion?retour=%2Fcompte%2Fconsentements" /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Consents(view: ConsentsView, accepted: bool, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let at = move |ms: i64| format_day_at_time(lang, ms);
    view! {
        <section class="page narrow">
            <h1>{t.consents_title}</h1>
            {accepted.then(|| view! { <p class="alert alert-success" role="status">{t.consents_accepted}</p> })}
            <p>{t.consents_intro}</p>
            {view.due.then(|| view! {
                <section class="card" aria-labelledby="nouveau-texte">
                    <h2 id="nouveau-texte">{t.consents_new_title}</h2>
                    <p class="hint">{(t.consents_version)(&view.current_version)}</p>
                    <blockquote>{view.current_text.clone()}</blockquote>
                    <form method="post" action="/compte/consentements/accepter" class="stack">
                        <button type="submit" class="button primary">{t.consents_accept}</button>
                    </form>
                </section>
            })}
            <section class="card" aria-labelledby="historique">
                <h2 id="historique">{t.consents_history}</h2>
                <ul class="compact-list">
                    {view.consents.into_iter().map(|c| view! { <ConsentItem consent=c at=at /> }).collect_view()}
                </ul>
            </section>
            <section class="card" id="retirer" aria-labelledby="retirer-titre">
                <h2 id="retirer-titre">{t.consents_withdraw_title}</h2>
                {match view.erasure_effective_ms {
                    Some(ms) => view! {
                        <p class="alert alert-warning" role="status">{(t.erasure_pending)(&at(ms))}</p>
                        <p><a href="/compte#suppression">{t.account_title}</a></p>
                    }.into_any(),
                    None => view! {
                        <p>{t.consents_withdraw_intro}</p>
                        <ErasureForm action="/compte/consentements/retirer" submit=t.consents_withdraw_submit outcome />
                    }.into_any(),
                }}
            </section>
        </section>
    }
}

#[component]
fn ConsentItem(consent: ConsentView, at: impl Fn(i64) -> String + Copy + 'static) -> impl IntoView {
    let t = use_texts();
    view! {
        <li>
            <p>
                <strong>{(t.consents_version)(&consent.version)}</strong>
                {consent.in_force.then(|| view! { " " <span class="badge">{t.consents_in_force}</span> })}
            </p>
            {consent.text.map(|text| view! { <blockquote>{text}</blockquote> })}
            <p class="hint">{(t.consents_given)(&at(consent.granted_ms), (t.consents_method)(&consent.method))}</p>
            {consent.withdrawn_ms.map(|ms| view! { <p class="hint">{(t.consents_withdrawn)(&at(ms))}</p> })}
        </li>
    }
}
