//! The fields that describe a document — title, category, audience, description, tags, last
//! valid day — in the form that adds one and in its team's "Modifier la fiche".

use leptos::prelude::*;

use crate::components::form::{FieldErrorText, TextArea, TextField};
use crate::components::lang::use_texts;
use crate::model::commands::document::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use crate::model::documents::{DocumentAudience, DocumentCategory, DocumentPage};
use crate::model::form::FormOutcome;
use crate::model::paris_time::{civil_iso, paris_civil_day};

/// What the fields show before anything was sent: a new document's defaults, or a document's
/// stored details.
#[derive(Debug, Clone, Default)]
pub struct DetailsValues {
    pub title: String,
    pub category: Option<DocumentCategory>,
    pub audience: Option<DocumentAudience>,
    pub description: String,
    /// "logement, marché".
    pub tags: String,
    /// `YYYY-MM-DD`, empty for no end.
    pub valid_day: String,
}

impl DetailsValues {
    pub fn of(page: &DocumentPage) -> DetailsValues {
        DetailsValues {
            title: page.line.title.clone(),
            category: Some(page.line.category),
            audience: Some(page.line.audience),
            description: page.description.clone(),
            tags: page.line.tags.join(", "),
            valid_day: page.line.valid_until_ms.map(|ms| civil_iso(paris_civil_day(ms))).unwrap_or_default(),
        }
    }
}

/// The fields, showing what was sent when the form came back refused (`outcome`), else `stored`.
#[component]
pub fn DetailsFields(stored: DetailsValues, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().documents;
    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
    let value = |name: &str, stored: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_else(|| stored.to_string());
    let category = match &outcome {
        Some(o) => DocumentCategory::parse(&o.value("categorie")),
        None => stored.category,
    }
    .unwrap_or(DocumentCategory::Tract);
    let audience = match &outcome {
        Some(o) => DocumentAudience::parse(&o.value("public")),
        None => stored.audience,
    }
    .unwrap_or(DocumentAudience::Members);
    view! {
        <TextField name="titre" label=t.title_label value=value("titre", &stored.title) error=error("titre") maxlength=MAX_TITLE_CHARS />
        <div class="field">
            <label for="champ-categorie">{t.category_label}</label>
            <select id="champ-categorie" name="categorie">
                {DocumentCategory::ALL.iter().copied().map(|c| view! {
                    <option value=c.as_str() selected=c == category>{(t.category)(c)}</option>
                }).collect_view()}
            </select>
            <FieldErrorText name="categorie".to_string() error=error("categorie") />
        </div>
        <fieldset class="field">
            <legend>{t.audience_label}</legend>
            {DocumentAudience::ALL.iter().copied().map(|a| {
                let id = format!("public-{}", a.as_str());
                view! {
                    <label for=id.clone() class="choice">
                        <input type="radio" id=id.clone() name="public" value=a.as_str() checked=a == audience />
                        {(t.audience)(a)}
                    </label>
                }
            }).collect_view()}
            <FieldErrorText name="public".to_string() error=error("public") />
        </fieldset>
        <TextArea name="description" label=t.description_label value=value("description", &stored.description) error=error("description")
            maxlength=MAX_DESCRIPTION_CHARS rows=3 />
        <TextField name="etiquettes" label=t.tags_label value=value("etiquettes", &stored.tags) error=error("etiquettes") hint=t.tags_hint required=false />
        <TextField name="valable_jusqu_au" label=t.valid_label value=value("valable_jusqu_au", &stored.valid_day) error=error("valable_jusqu_au")
            input_type="date" required=false />
    }
}
