//! La boîte à outils (issue 21): the list and its search, one document, the form that adds one.
//! Plain forms and links: everything works without JavaScript.

pub mod details;
pub mod document;
pub mod list;
pub mod new;

use leptos::prelude::*;

use crate::components::lang::{use_lang, use_texts};
use crate::i18n::format_date;
use crate::model::documents::{DocumentLine, DocumentVersion};

/// Percent-encoding of a query value (letters, digits and `-_.~` kept).
pub fn query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// "PDF · 1,2 Mo · version 2", what a download link says about its file.
pub fn file_facts(v: &DocumentVersion) -> String {
    let t = use_texts().documents;
    format!("{} · {} · {}", (t.file_kind)(v.kind), (t.size)(v.bytes), (t.version)(v.number))
}

/// Valid until…, or out of date since… (nothing when it has no end).
#[component]
pub fn Validity(line: DocumentLine) -> impl IntoView {
    let t = use_texts().documents;
    let lang = use_lang();
    line.valid_until_ms.map(|day| {
        let date = format_date(lang, day);
        if line.expired {
            view! { <p class="document-expired"><strong>{(t.expired)(&date)}</strong></p> }.into_any()
        } else {
            view! { <p class="hint">{(t.valid_until)(&date)}</p> }.into_any()
        }
    })
}

/// A document's tags, each a link to the documents that carry it.
#[component]
pub fn Tags(tags: Vec<String>) -> impl IntoView {
    (!tags.is_empty()).then(|| {
        view! {
            <p class="tags">
                {tags.into_iter().map(|tag| view! {
                    <a class="tag" href=format!("/boite-a-outils?etiquette={}", query_value(&tag))>{format!("#{tag}")}</a> " "
                }).collect_view()}
            </p>
        }
    })
}
