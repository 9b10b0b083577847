//! `/moderation/dossiers/{id}`: a case for the moderators of its scope — the content as it was
//! reported, its context, the reports by category, the person's earlier decisions here — and the
//! decision form (a decision, an article of the charter, a reason, a duration when it lasts).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{rule_text, scope_title, RuleSelect};
use crate::api::moderation::get_case::get_case;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_day_at_time;
use crate::model::moderation::{CaseView, DecisionLine, MAX_REASON_CHARS};

#[component]
pub fn CasePage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0);
    let case = Resource::new_blocking(id, get_case);
    view! {
        <Title text=t.moderation.case_title />
        <Meta name="robots" content="noindex" />
        <section class="page narrow">
            <h1>{t.moderation.case_title}</h1>
            <Loaded resource=case then=move |case| {
                let decided = query.read_untracked().get("fait").is_some();
                view! { <Case case decided /> }
            } />
        </section>
    }
}

/// One decision in a list: date, decision, rule (and its end when it lasts).
#[component]
pub fn DecisionItem(line: DecisionLine) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <li>
            <a href=format!("/moderation/decisions/{}", line.id)>{(t.moderation.decision_kind)(line.kind)}</a>
            {format!(" · {} · {}", format_day_at_time(lang, line.decided_ms), rule_text(&line.rule))}
            {line.ends_ms.map(|e| view! { <span class="hint">{format!(" · {}", (t.moderation.until)(&format_day_at_time(lang, e)))}</span> })}
        </li>
    }
}

#[component]
fn Case(case: CaseView, decided: bool) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let lang = use_lang();
    let outcome = use_form_outcome().get();
    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let error = |name: &str| outcome.as_ref().and_then(|o| o.error(name));
    let chosen = value("decision");
    let decision_error = error("decision");
    let decision_error_shown = decision_error.is_some();
    let form = (!case.available.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="decider">
                <h2 id="decider">{m.decide_title}</h2>
                <FormAlert outcome=outcome.clone() />
                <form method="post" action=format!("/moderation/dossiers/{}", case.id) class="stack">
                    <fieldset class="field" class:has-error=decision_error_shown>
                        <legend>{m.decision_label}</legend>
                        {case.available.iter().map(|k| {
                            let id = format!("decision-{}", k.as_str());
                            view! {
                                <div class="choice">
                                    <input type="radio" id=id.clone() name="decision" value=k.as_str() required=true checked=chosen == k.as_str() />
                                    <label for=id>{(m.decision_kind)(*k)}</label>
                                </div>
                            }
                        }).collect_view()}
                        <FieldErrorText name="decision".to_string() error=decision_error />
                    </fieldset>
                    <RuleSelect selected=value("rule") error=error("rule") />
                    <TextArea name="reason" label=m.reason_label hint=m.reason_hint value=value("reason") error=error("reason") maxlength=MAX_REASON_CHARS rows=3 />
                    <TextField name="days" label=m.days_label value=value("days") error=error("days") input_type="number" inputmode="numeric" required=false />
                    <button type="submit" class="button primary">{m.decide_submit}</button>
                </form>
            </section>
        }
    });
    let status = if decided {
        Some(view! { <p class="alert alert-success" role="status">{m.decided_flash}</p> }.into_any())
    } else if !case.open {
        Some(view! { <p class="alert alert-info" role="status">{m.case_closed}</p> }.into_any())
    } else if case.available.is_empty() {
        Some(view! { <p class="alert alert-info" role="status">{m.own_case}</p> }.into_any())
    } else {
        None
    };
    view! {
        <p class="hint">{format!("{} · {} · {}", scope_title(&case.scope), (m.item_kind)(case.item_kind), format_day_at_time(lang, case.opened_ms))}
            {case.auto_hidden.then(|| view! { " " <span class="badge">{m.held_badge}</span> })}
        </p>
        {status}
        <section class="card" aria-labelledby="contenu-signale">
            <h2 id="contenu-signale">{m.snapshot_title}</h2>
            <blockquote class="snapshot">{case.snapshot.clone()}</blockquote>
            {(!case.context_link.is_empty()).then(|| view! { <p><a href=case.context_link.clone()>{m.context_link}</a></p> })}
            {case.concerned_handle.clone().zip(case.concerned_name.clone()).map(|(handle, name)| view! {
                <p>{format!("{}\u{a0}: ", m.concerned_label)} <a href=format!("/membres/{handle}")>{name}</a></p>
            })}
        </section>
        {(!case.by_category.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="motifs">
                <h2 id="motifs">{m.categories_title}</h2>
                <ul class="compact-list">
                    {case.by_category.iter().map(|(c, n)| view! { <li>{format!("{} · {}", (m.category)(*c), (m.reports_count)(*n))}</li> }).collect_view()}
                </ul>
                {(!case.explanations.is_empty()).then(|| view! {
                    <h3>{m.explanations_title}</h3>
                    <ul class="compact-list">{case.explanations.iter().map(|e| view! { <li><blockquote>{e.clone()}</blockquote></li> }).collect_view()}</ul>
                })}
            </section>
        })}
        {(!case.decisions.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="decisions">
                <h2 id="decisions">{m.decisions_title}</h2>
                <ul class="compact-list">{case.decisions.iter().cloned().map(|line| view! { <DecisionItem line /> }).collect_view()}</ul>
            </section>
        })}
        <section class="card" aria-labelledby="historique">
            <h2 id="historique">{m.history_title}</h2>
            {if case.history.is_empty() {
                view! { <p>{m.no_history}</p> }.into_any()
            } else {
                view! { <ul class="compact-list">{case.history.iter().cloned().map(|line| view! { <DecisionItem line /> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        {form}
    }
}
