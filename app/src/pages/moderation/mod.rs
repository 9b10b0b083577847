//! Moderation's pages: signaler (`/signaler/{kind}/{id}`), the queues (`/moderation`,
//! `/moderation/{scope}`), a case (`/moderation/dossiers/{id}`), a decision and its appeal
//! (`/moderation/decisions/{id}`), a scope's journal (`/journal-de-moderation/{scope}`) and the
//! charter (`/charte`). Plain HTML and form posts: everything works without JavaScript.

pub mod case;
pub mod charter;
pub mod decision;
pub mod journal;
pub mod queues;
pub mod report;

use leptos::prelude::*;

use crate::components::lang::use_texts;
use crate::model::moderation::{article, ScopeLabel};

/// "Section Lille", "Équipe nationale"…
pub fn scope_title(scope: &ScopeLabel) -> String {
    (use_texts().moderation.scope_name)(&scope.kind, &scope.name)
}

/// The charter's articles as the options of a select (the current one chosen).
#[component]
pub fn RuleSelect(selected: String, error: Option<crate::model::form::FieldError>) -> impl IntoView {
    let t = use_texts();
    let lang = crate::components::lang::use_lang();
    view! {
        <div class="field">
            <label for="champ-rule">{t.moderation.rule_label}</label>
            <select id="champ-rule" name="rule" required=true>
                <option value="">{t.moderation.choose}</option>
                {crate::model::moderation::ARTICLES.iter().map(|a| {
                    let label = format!("{}. {}", a.number, a.title(lang));
                    view! { <option value=a.number selected=selected == a.number>{label}</option> }
                }).collect_view()}
            </select>
            <crate::components::form::FieldErrorText name="rule".to_string() error />
        </div>
    }
}

/// "Article 3 de la charte : Protéger la vie privée".
pub fn rule_text(rule: &str) -> String {
    let t = use_texts();
    let lang = crate::components::lang::use_lang();
    (t.moderation.rule_cited)(rule, article(rule).map(|a| a.title(lang)).unwrap_or_default())
}
