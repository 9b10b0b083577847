use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::territory::get_section::get_section;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::components::media::BannerForm;
use crate::error::AppError;
use crate::model::form::FormOutcome;
use crate::model::territory::SectionView;
use crate::pages::error_view::ErrorView;

/// `/sections/{slug}/modifier`: name and description (secretary and federation), communes
/// (federation).
#[component]
pub fn EditSectionPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let section = Resource::new_blocking(slug, get_section);
    let outcome = use_form_outcome();
    view! {
        <Loaded resource=section then=move |s| {
            let outcome = outcome.get();
            // Two forms post back here (the banner's is multipart); each shows its own outcome.
            let banner_outcome = outcome.clone().filter(|o| o.values.value("form") == "banniere");
            let outcome = outcome.filter(|o| o.values.value("form") != "banniere");
            if s.abilities.edit { view! { <EditSectionForm section=s outcome banner_outcome /> }.into_any() } else { view! { <ErrorView error=AppError::Forbidden /> }.into_any() }
        } />
    }
}

#[component]
fn EditSectionForm(section: SectionView, outcome: Option<FormOutcome>, banner_outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().territory;
    let submitted = outcome.is_some();
    let form = outcome.clone().unwrap_or_default();
    let value = |name: &str, stored: &str| {
        if submitted {
            form.value(name)
        } else {
            stored.to_string()
        }
    };
    let title = (t.edit_section_title)(&section.name);
    let manage_communes = section.abilities.manage_communes;
    let removed_error = form.error("remove_communes");
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            <h1>{title}</h1>
            <FormAlert outcome=outcome.clone() />
            <form method="post" action=format!("/sections/{}/modifier", section.slug) class="stack" novalidate>
                <TextField name="name" label=t.section_name value=value("name", &section.name) error=form.error("name") maxlength=80usize />
                <TextArea name="description" label=t.section_description value=value("description", &section.description) error=form.error("description") rows=4 />
                <TextField
                    name="contact_email"
                    label=t.contact_email_label
                    hint=t.contact_email_hint
                    input_type="email"
                    value=value("contact_email", &section.contact_email)
                    error=form.error("contact_email")
                    maxlength=254usize
                    required=false
                />
                {manage_communes.then(|| view! {
                    <TextArea name="add_communes" label=t.add_communes value=form.value("add_communes") error=form.error("add_communes") hint=t.section_communes_hint rows=3 />
                    <fieldset class="field">
                        <legend>{t.remove_communes}</legend>
                        <div class="checkbox-grid">
                            {section.communes.iter().map(|c| {
                                let id = format!("retirer-{}", c.insee);
                                view! {
                                    <div class="choice">
                                        <input type="checkbox" id=id.clone() name="remove_communes" value=c.insee.clone() checked=form.values.has("remove_communes", &c.insee) />
                                        <label for=id>{c.name.clone()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                        <FieldErrorText name="remove_communes".to_string() error=removed_error.clone() />
                    </fieldset>
                })}
                <p class="actions">
                    <button type="submit" class="button primary">{t.save}</button>
                    <a class="button" href=format!("/sections/{}", section.slug)>{section.name.clone()}</a>
                </p>
            </form>
            <BannerForm
                page=format!("/sections/{}", section.slug)
                banner=section.banner.clone()
                error=banner_outcome.and_then(|o| o.error(crate::model::media::PHOTO_FIELD))
            />
        </section>
    }
}
