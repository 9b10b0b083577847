//! Where I live: moving to another commune, and so to its section and federation.

use crate::components::form::{FormAlert, TextField};
use crate::components::lang::use_texts;
use crate::model::form::{FieldError, FormOutcome};
use crate::model::profile::MyProfile;
use crate::pages::signup::CommuneChoice;
use leptos::prelude::*;

/// Where the person belongs, moving to another commune, and claiming adhérent status.
#[component]
pub(super) fn MyPlace(profile: MyProfile, place_outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts();
    let tt = t.territory;
    let form = place_outcome.clone().unwrap_or_default();
    let commune_choice = match form.error("commune") {
        Some(FieldError::ChooseCommune { options }) => Some((options, form.error("commune"))),
        _ => None,
    };
    let can_claim = profile.membership != "adherent" || profile.membership_status == "refused";
    view! {
        <section class="page">
            <section class="card" aria-labelledby="place-title" id="ma-section">
                <h2 id="place-title">{tt.my_place}</h2>
                <dl class="facts">
                    {profile.commune.clone().map(|c| view! { <dt>{tt.my_commune}</dt><dd>{c.name}</dd> })}
                    {profile.section.clone().map(|s| view! {
                        <dt>{tt.my_section}</dt>
                        <dd><a href=format!("/sections/{}", s.slug)>{s.name}</a></dd>
                    })}
                    {profile.federation.clone().map(|f| view! {
                        <dt>{tt.my_federation}</dt>
                        <dd><a href=format!("/federations/{}", f.code)>{f.code.clone()}" — "{f.name}</a></dd>
                    })}
                </dl>
                {match (&profile.section, &profile.federation, &profile.commune) {
                    (None, Some(f), _) => Some(view! { <p class="hint">{(tt.no_section_yet)(&f.name)}</p> }.into_any()),
                    (_, _, None) => Some(view! { <p class="hint">{tt.no_commune}</p> }.into_any()),
                    _ => None,
                }}
                <FormAlert outcome=place_outcome />
                <form method="post" action="/profil/commune" class="stack" novalidate>
                    <input type="hidden" name="form" value="commune" />
                    <TextField
                        name="postal_code"
                        label=tt.move_label
                        value=form.value("postal_code")
                        error=form.error("postal_code")
                        inputmode="numeric"
                        autocomplete="postal-code"
                        maxlength=6usize
                    />
                    {commune_choice.map(|(options, error)| view! { <CommuneChoice options error /> })}
                    <button type="submit" class="button">{tt.move_submit}</button>
                </form>
                {can_claim.then(|| view! {
                    <form method="post" action="/profil/adhesion" class="stack">
                        <p class="hint">{tt.claim_adherent_hint}</p>
                        <button type="submit" class="button">{tt.claim_adherent}</button>
                    </form>
                })}
            </section>
            <section class="card" aria-labelledby="account-title">
                <h2 id="account-title">{t.account_title}</h2>
                <p><a href="/compte">{t.account_link}</a></p>
            </section>
        </section>
    }
}
