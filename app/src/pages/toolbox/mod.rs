//! La boîte à outils (issue 21): the list and its search, one document, the form that adds one.
//! Plain forms and links: everything works without JavaScript.

pub mod document;
pub mod list;
pub mod new;

use leptos::prelude::*;

use crate::components::lang::{use_lang, use_texts};
use crate::i18n::format_date;
use crate::model::documents::{DocumentLine, DocumentVersion};

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
