//! `/boite-a-outils/nouveau`: a team adds a document to a toolbox it fills — where, title,
//! description, category, tags, last valid day, who may read it, and the file. A plain multipart
//! form; a refused one comes back with what was typed (the file must be chosen again: browsers
//! never refill a file field).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::documents::get_new_document::get_new_document;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::documents::NewDocumentPage;
use crate::model::form::FormOutcome;
use crate::pages::toolbox::details::{DetailsFields, DetailsValues};

#[component]
pub fn NewDocumentPageView() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |()| get_new_document());
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=page then=move |page| view! { <NewDocument page outcome=outcome.get() /> } />
    }
}

#[component]
fn NewDocument(page: NewDocumentPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().documents;
    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let chosen_scope = value("portee");
    let came_back = outcome.is_some();
    view! {
        <Title text=t.new_title />
        <section class="page narrow">
            <p><a href="/boite-a-outils">{t.back}</a></p>
            <h1>{t.new_title}</h1>
            <FormAlert outcome=outcome.clone().filter(|o| o.problem.is_some() || !o.errors.is_empty()) />
            <form method="post" action="/boite-a-outils" enctype="multipart/form-data" class="stack" novalidate>
                <div class="field">
                    <label for="champ-fichier">{t.file_label}</label>
                    <input id="champ-fichier" type="file" name="fichier" required=true
                        accept="application/pdf,image/jpeg,image/png,image/webp" aria-describedby="fichier-hint" />
                    <p class="hint" id="fichier-hint">{t.file_hint}</p>
                    {came_back.then(|| view! { <p class="hint">{t.file_again}</p> })}
                    <FieldErrorText name="fichier".to_string() error=error("fichier") />
                </div>
                <div class="field">
                    <label for="champ-portee">{t.scope_label}</label>
                    <select id="champ-portee" name="portee">
                        {page.scopes.iter().map(|s| view! {
                            <option value=s.value.clone() selected=chosen_scope == s.value>{(t.scope)(&s.scope)}</option>
                        }).collect_view()}
                    </select>
                    <FieldErrorText name="portee".to_string() error=error("portee") />
                </div>
                <DetailsFields stored=DetailsValues::default() outcome=outcome.clone() />
                <button type="submit" class="button primary">{t.create}</button>
            </form>
        </section>
    }
}
