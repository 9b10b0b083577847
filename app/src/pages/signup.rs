use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextField};
use crate::components::lang::use_texts;
use crate::model::account::{DisplayName, Password};
use crate::model::form::FieldError;

/// Sign-up: a plain POST form (works without JavaScript); the server re-renders it with what was
/// typed and one message per field when something is wrong.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let t = use_texts();
    let outcome = use_form_outcome();
    view! {
        <Title text=t.signup_title />
        <section class="page narrow">
            <h1>{t.signup_title}</h1>
            <p>{t.signup_intro}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let outcome = outcome.await;
                    let form = outcome.clone().unwrap_or_default();
                    let membership = form.value("membership");
                    let membership_error = form.error("membership");
                    let consent_error = form.error("consent");
                    let charter_error = form.error("charte");
                    let charter_error_shown = charter_error.is_some();
                    let membership_invalid = membership_error.is_some();
                    let consent_invalid = consent_error.is_some();
                    // When several communes share the postal code, the server asks which one.
                    let commune_choice = match form.error("commune") {
                        Some(FieldError::ChooseCommune { options }) => Some((options, form.error("commune"))),
                        _ => None,
                    };
                    view! {
                        <FormAlert outcome=outcome />
                        <form method="post" action="/inscription" class="stack" novalidate>
                            <TextField
                                name="display_name"
                                label=t.display_name
                                value=form.value("display_name")
                                error=form.error("display_name")
                                hint=t.display_name_hint
                                autocomplete="name"
                                maxlength=DisplayName::MAX
                            />
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
                                hint=t.password_hint
                                input_type="password"
                                autocomplete="new-password"
                                maxlength=Password::MAX
                            />
                            <TextField
                                name="postal_code"
                                label=t.postal_code
                                value=form.value("postal_code")
                                error=form.error("postal_code")
                                hint=t.postal_code_hint
                                autocomplete="postal-code"
                                inputmode="numeric"
                                maxlength=6usize
                            />
                            {commune_choice.map(|(options, error)| view! { <CommuneChoice options error /> })}
                            <fieldset class="field choices" class:has-error=membership_invalid>
                                <legend>{t.membership_legend}</legend>
                                <div class="choice">
                                    <input
                                        type="radio"
                                        id="champ-membership-sympathisant"
                                        name="membership"
                                        value="sympathisant"
                                        checked=membership == "sympathisant"
                                    />
                                    <label for="champ-membership-sympathisant">
                                        {t.membership_sympathisant}
                                        <span class="hint">{t.membership_sympathisant_hint}</span>
                                    </label>
                                </div>
                                <div class="choice">
                                    <input
                                        type="radio"
                                        id="champ-membership-adherent"
                                        name="membership"
                                        value="adherent"
                                        checked=membership == "adherent"
                                    />
                                    <label for="champ-membership-adherent">
                                        {t.membership_adherent}
                                        <span class="hint">{t.membership_adherent_hint}</span>
                                    </label>
                                </div>
                                <FieldErrorText name="membership".to_string() error=membership_error />
                            </fieldset>
                            <div class="field consent" class:has-error=consent_invalid>
                                <div class="choice">
                                    <input
                                        type="checkbox"
                                        id="champ-consent"
                                        name="consent"
                                        value="oui"
                                        checked=form.values.has("consent", "oui")
                                        aria-describedby="consent-hint"
                                    />
                                    <label for="champ-consent">{t.consent_label}</label>
                                </div>
                                <p class="hint" id="consent-hint">{t.consent_details}</p>
                                <FieldErrorText name="consent".to_string() error=consent_error />
                            </div>
                            <div class="field consent" class:has-error=charter_error_shown>
                                <div class="choice">
                                    <input type="checkbox" id="champ-charte" name="charte" value="oui" checked=form.values.has("charte", "oui") />
                                    <label for="champ-charte">{t.charter_label} " " <a href="/charte" target="_blank">{t.charter_link}</a></label>
                                </div>
                                <FieldErrorText name="charte".to_string() error=charter_error />
                            </div>
                            <button type="submit" class="button primary">{t.signup_submit}</button>
                        </form>
                        <p><a href="/connexion">{t.signup_have_account}</a></p>
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A select of the communes sharing the postal code typed (asked only when ambiguous).
#[component]
pub fn CommuneChoice(options: Vec<(String, String)>, error: Option<FieldError>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="field has-error">
            <label for="champ-commune">{t.territory.choose_commune}</label>
            <select id="champ-commune" name="commune" aria-describedby="commune-error" aria-invalid="true">
                {options.into_iter().map(|(insee, name)| view! { <option value=insee>{name}</option> }).collect_view()}
            </select>
            <FieldErrorText name="commune".to_string() error />
        </div>
    }
}
