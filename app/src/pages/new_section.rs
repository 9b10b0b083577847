use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::territory::get_federation::get_federation;
use crate::components::form::{use_form_outcome, FormAlert, TextArea, TextField};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::model::form::FormOutcome;
use crate::model::territory::FederationView;
use crate::pages::error_view::ErrorView;

/// `/federations/{code}/nouvelle-section`: for the federation's responsables.
#[component]
pub fn NewSectionPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let federation = Resource::new_blocking(code, get_federation);
    let outcome = use_form_outcome();
    view! {
        <Loaded resource=federation then=move |f| {
            let outcome = outcome.get();
            if f.abilities.create_sections { view! { <NewSectionForm federation=f outcome /> }.into_any() } else { view! { <ErrorView error=AppError::Forbidden /> }.into_any() }
        } />
    }
}

#[component]
fn NewSectionForm(federation: FederationView, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().territory;
    let form = outcome.clone().unwrap_or_default();
    let title = (t.new_section_title)(&federation.name);
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            <h1>{title}</h1>
            <FormAlert outcome=outcome />
            <form method="post" action=format!("/federations/{}/sections", federation.code) class="stack" novalidate>
                <TextField name="name" label=t.section_name value=form.value("name") error=form.error("name") maxlength=80usize />
                <TextField name="slug" label=t.section_slug value=form.value("slug") error=form.error("slug") hint=t.section_slug_hint required=false maxlength=60usize />
                <TextArea name="description" label=t.section_description value=form.value("description") error=form.error("description") rows=3 />
                <TextArea name="communes" label=t.section_communes value=form.value("communes") error=form.error("communes") hint=t.section_communes_hint rows=5 />
                <button type="submit" class="button primary">{t.create_section}</button>
            </form>
        </section>
    }
}
