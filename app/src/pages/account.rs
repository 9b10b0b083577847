//! `/compte`, "Mon compte": the address, the password and the signed-in devices. Plain POST
//! forms: everything works without JavaScript; each form shows only its own outcome.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::api::account::get_my_account::get_my_account;
use crate::components::form::{use_form_outcome, FormAlert, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::error::AppError;
use crate::i18n::{format_day, format_day_at_time, format_number};
use crate::model::account::{AccountView, DeviceView, ErasureView, ExportView};
use crate::model::commands::account::{EMAIL_FORM_CURRENT, ERASURE_FORM_CURRENT};
use crate::model::form::FormOutcome;
use crate::pages::error_view::ErrorView;

#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_texts();
    let account = OnceResource::new_blocking(get_my_account());
    let outcome = use_form_outcome();
    let query = use_query_map();
    view! {
        <Title text=t.account_title />
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let outcome = outcome.await;
                let done = if outcome.is_none() { query.read_untracked().get("fait") } else { None };
                let of_form = |name: &str| outcome.clone().filter(|o| o.values.value("form") == name);
                match account.await {
                    Ok(account) => {
                        let notice = match done.as_deref() {
                            Some("adresse") => Some(t.account_email_sent),
                            Some("mot-de-passe") => Some(t.account_password_changed),
                            Some("appareil") => Some(t.account_device_signed_out),
                            Some("export") => Some(t.export_requested),
                            Some("suppression") => Some(t.erasure_requested),
                            Some("suppression-annulee") => Some(t.erasure_cancelled),
                            Some("vu") => Some(t.messages.read_receipts_saved),
                            Some("annonces") => Some(t.territory.saved),
                            _ => None,
                        };
                        view! {
                            <section class="page narrow">
                                <h1>{t.account_title}</h1>
                                <p><a href="/compte/consentements">{t.consents_link}</a></p>
                                {notice.map(|n| view! { <p class="alert alert-success" role="status">{n}</p> })}
                                <EmailCard account=account.clone() outcome=of_form("adresse") />
                                <PasswordCard outcome=of_form("mot-de-passe") />
                                <DevicesCard devices=account.devices />
                                <ReadReceiptsCard on=account.read_receipts />
                                <AnnouncementsCard by_mail=account.announcements_by_mail />
                                <ExportCard export=account.export outcome=of_form("export") />
                                <ErasureCard erasure=account.erasure outcome=of_form("suppression") />
                            </section>
                        }
                        .into_any()
                    }
                    Err(AppError::NotAuthenticated) => view! { <Redirect path="/connexion?retour=%2Fcompte" /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Vu" in one-to-one conversations: one button that turns it the other way.
#[component]
fn ReadReceiptsCard(on: bool) -> impl IntoView {
    let t = use_texts().messages;
    view! {
        <section class="card" id="messages" aria-labelledby="messages-titre">
            <h2 id="messages-titre">{t.read_receipts_title}</h2>
            <p>{if on { t.read_receipts_on } else { t.read_receipts_off }}</p>
            <p class="hint">{t.read_receipts_hint}</p>
            <form method="post" action="/compte/vu" class="stack">
                <input type="hidden" name="vu" value=if on { "non" } else { "oui" } />
                <button type="submit" class="button">{if on { t.read_receipts_turn_off } else { t.read_receipts_turn_on }}</button>
            </form>
        </section>
    }
}

/// Annonces of the section and federation by e-mail: one button that turns it the other way
/// (annonce mails also carry a one-click unsubscribe).
#[component]
fn AnnouncementsCard(by_mail: bool) -> impl IntoView {
    let t = use_texts().announcements;
    view! {
        <section class="card" id="annonces" aria-labelledby="annonces-titre">
            <h2 id="annonces-titre">{t.account_title}</h2>
            <p>{if by_mail { t.account_on } else { t.account_off }}</p>
            <form method="post" action="/compte/annonces" class="stack">
                <input type="hidden" name="annonces" value=if by_mail { "non" } else { "oui" } />
                <button type="submit" class="button">{if by_mail { t.account_turn_off } else { t.account_turn_on }}</button>
            </form>
        </section>
    }
}

#[component]
fn EmailCard(account: AccountView, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    let form = outcome.clone().unwrap_or_default();
    let status = if account.email_verified { t.account_email_verified } else { t.account_email_unverified };
    view! {
        <section class="card" aria-labelledby="adresse-titre">
            <h2 id="adresse-titre">{t.account_email_title}</h2>
            <p>
                <strong>{account.email}</strong>
                " "
                <span class="badge" class:pending=!account.email_verified>{status}</span>
            </p>
            {account.pending_email.map(|p| view! { <p class="hint">{(t.account_email_pending)(&p)}</p> })}
            <FormAlert outcome=outcome />
            <form method="post" action="/compte/adresse" class="stack" novalidate>
                <input type="hidden" name="form" value="adresse" />
                <TextField
                    name="email"
                    label=t.account_new_email
                    hint=t.account_new_email_hint
                    value=form.value("email")
                    error=form.error("email")
                    input_type="email"
                    autocomplete="email"
                />
                <TextField
                    name=EMAIL_FORM_CURRENT
                    label=t.account_current_password
                    error=form.error(EMAIL_FORM_CURRENT)
                    input_type="password"
                    autocomplete="current-password"
                />
                <button type="submit" class="button">{t.account_email_submit}</button>
            </form>
        </section>
    }
}

#[component]
fn PasswordCard(outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    let form = outcome.clone().unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="mot-de-passe-titre">
            <h2 id="mot-de-passe-titre">{t.account_password_title}</h2>
            <FormAlert outcome=outcome />
            <form method="post" action="/compte/mot-de-passe" class="stack" novalidate>
                <input type="hidden" name="form" value="mot-de-passe" />
                <TextField
                    name="current_password"
                    label=t.account_current_password
                    error=form.error("current_password")
                    input_type="password"
                    autocomplete="current-password"
                />
                <TextField
                    name="password"
                    label=t.account_new_password
                    hint=t.password_hint
                    error=form.error("password")
                    input_type="password"
                    autocomplete="new-password"
                />
                <button type="submit" class="button">{t.account_password_submit}</button>
            </form>
        </section>
    }
}

#[component]
fn DevicesCard(devices: Vec<DeviceView>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let when = move |ms: i64| format_day_at_time(lang, ms);
    view! {
        <section class="card" aria-labelledby="appareils-titre">
            <h2 id="appareils-titre">{t.sessions_title}</h2>
            <ul class="devices">
                {devices
                    .into_iter()
                    .map(|d| {
                        let name = d.client.clone().unwrap_or_else(|| t.account_unknown_client.to_string());
                        view! {
                            <li class="device">
                                <strong>{name}</strong>
                                {d.current.then(|| view! { " " <span class="badge">{t.account_this_device}</span> })}
                                <br />
                                <span class="hint">{(t.account_device_times)(&when(d.created_ms), &when(d.last_seen_ms))}</span>
                                {(!d.current)
                                    .then(|| {
                                        view! {
                                            <form method="post" action=format!("/compte/appareils/{}/deconnexion", d.id) class="inline-form">
                                                " "
                                                <button type="submit" class="link-button">{t.account_sign_out_device}</button>
                                            </form>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="hint">{t.sessions_hint}</p>
            <form method="post" action="/deconnexion-partout" data-sign-out=t.sign_out_pending>
                <button type="submit" class="button danger">{t.sign_out_everywhere}</button>
            </form>
        </section>
    }
}

/// "Télécharger mes données": ask, watch the progress (the page reloads itself while the export
/// is prepared: no JavaScript needed), download while it is kept.
#[component]
fn ExportCard(export: Option<ExportView>, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let body = match export {
        Some(e) if e.ready => {
            let size = format_number(lang, (e.size_bytes.unwrap_or(0) + 1023) / 1024);
            let until = e.expires_ms.map(|ms| format_day(lang, ms)).unwrap_or_default();
            view! {
                <p>
                    <a class="button primary" href=format!("/compte/donnees/{}", e.id) download="">{t.export_download}</a>
                </p>
                <p class="hint">{(t.export_ready)(&size, &until)}</p>
            }
            .into_any()
        }
        Some(e) => {
            refresh_while_preparing();
            view! {
                <p role="status">{(t.export_progress)(e.progress)}</p>
                <progress max="100" value=e.progress.to_string()>{format!("{} %", e.progress)}</progress>
                <p><a href="/compte">{t.export_refresh}</a></p>
            }
            .into_any()
        }
        None => view! {
            <FormAlert outcome=outcome />
            <form method="post" action="/compte/donnees" class="stack">
                <input type="hidden" name="form" value="export" />
                <button type="submit" class="button">{t.export_request}</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <section class="card" id="donnees" aria-labelledby="donnees-titre">
            <h2 id="donnees-titre">{t.export_title}</h2>
            <p>{t.export_intro}</p>
            {body}
        </section>
    }
}

/// "Supprimer mon compte": the request (with the password), or the pending one and its cancel.
#[component]
fn ErasureCard(erasure: Option<ErasureView>, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let body = match erasure {
        Some(e) => {
            let when = format_day_at_time(lang, e.effective_ms);
            view! {
                <p class="alert alert-warning" role="status">{(t.erasure_pending)(&when)}</p>
                <form method="post" action="/compte/suppression/annuler" class="stack">
                    <button type="submit" class="button primary">{t.erasure_cancel}</button>
                </form>
            }
            .into_any()
        }
        None => view! { <ErasureForm action="/compte/suppression" submit=t.erasure_submit outcome /> }.into_any(),
    };
    view! {
        <section class="card" id="suppression" aria-labelledby="suppression-titre">
            <h2 id="suppression-titre">{t.erasure_title}</h2>
            <p>{t.erasure_intro}</p>
            {body}
        </section>
    }
}

/// The form that asks for the erasure (here, or by withdrawing the consent): the current password
/// confirms it; a refusal shows what to fix.
#[component]
pub fn ErasureForm(action: &'static str, submit: &'static str, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    let form = outcome.clone().unwrap_or_default();
    view! {
        <FormAlert outcome=outcome />
        <form method="post" action=action class="stack" novalidate>
            <input type="hidden" name="form" value="suppression" />
            <TextField
                name=ERASURE_FORM_CURRENT
                label=t.erasure_password
                error=form.error(ERASURE_FORM_CURRENT)
                input_type="password"
                autocomplete="current-password"
            />
            <button type="submit" class="button danger">{submit}</button>
        </form>
    }
}

/// While the export is prepared, the answer asks the browser to load the page again in a few
/// seconds (the `Refresh` header: no JavaScript needed; a `<meta>` in the body is ignored by
/// Chromium, and leptos' `<Meta>` cannot reach the head from inside the page's Suspense).
fn refresh_while_preparing() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(http::HeaderName::from_static("refresh"), http::HeaderValue::from_static("5"));
    }
}
