//! `/moderation/decisions/{id}`: a decision as the person concerned reads it (the rule, the
//! reason, the appeal form) and as the moderators who answer the appeal see it (the appeal and
//! the answer form); `/appel/{token}`, the same page for a suspended person through the link of
//! their e-mail.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{rule_text, scope_title, RuleSelect};
use crate::api::moderation::get_decision::get_decision;
use crate::api::moderation::get_suspension_appeal::get_suspension_appeal;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_day_at_time;
use crate::model::moderation::{DecisionKind, DecisionView, MAX_APPEAL_CHARS, MAX_REASON_CHARS};

#[component]
pub fn DecisionPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0);
    let decision = Resource::new_blocking(id, get_decision);
    view! {
        <Title text=t.moderation.decision_title />
        <Meta name="robots" content="noindex" />
        <section class="page narrow">
            <h1>{t.moderation.decision_title}</h1>
            <Loaded resource=decision then=move |decision| {
                let done = query.read_untracked().get("fait");
                let appeal_action = format!("/moderation/decisions/{}/appel", decision.id);
                view! { <Decision decision done appeal_action /> }
            } />
        </section>
    }
}

/// `/appel/{token}`: a suspended person's suspension and appeal form, through the link of its
/// e-mail (they cannot sign in). The token is in the address: never sent to another site.
#[component]
pub fn SuspensionAppealPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let decision = Resource::new_blocking(token, get_suspension_appeal);
    view! {
        <Title text=t.moderation.decision_title />
        <Meta name="robots" content="noindex" />
        <Meta name="referrer" content="same-origin" />
        <section class="page narrow">
            <h1>{t.moderation.decision_title}</h1>
            <Loaded resource=decision then=move |decision| {
                let done = query.read_untracked().get("fait");
                let appeal_action = format!("/appel/{}", token());
                view! { <Decision decision done appeal_action /> }
            } />
        </section>
    }
}

#[component]
fn Decision(decision: DecisionView, done: Option<String>, appeal_action: String) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let lang = use_lang();
    let outcome = use_form_outcome().get();
    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let error = |name: &str| outcome.as_ref().and_then(|o| o.error(name));
    let flash = match done.as_deref() {
        Some("appel") => Some(m.appeal_sent),
        Some("reponse") => Some(m.answered_flash),
        _ => None,
    };
    let above = decision.appeal_scope.as_ref().map(scope_title).unwrap_or_default();
    let appeal_form = decision.can_appeal.then(|| {
        view! {
            <section class="card" aria-labelledby="appel">
                <h2 id="appel">{m.appeal_title}</h2>
                <p>{(m.appeal_intro)(&above)}</p>
                <FormAlert outcome=outcome.clone() />
                <form method="post" action=appeal_action class="stack">
                    <TextArea name="appeal" label=m.appeal_label value=value("appeal") error=error("appeal") maxlength=MAX_APPEAL_CHARS rows=4 />
                    <button type="submit" class="button primary">{m.appeal_submit}</button>
                </form>
            </section>
        }
    });
    let chosen = value("outcome");
    let outcome_error = error("outcome");
    let outcome_error_shown = outcome_error.is_some();
    let answer_form = decision.can_decide_appeal.then(|| {
        view! {
            <section class="card" aria-labelledby="repondre">
                <h2 id="repondre">{m.answer_title}</h2>
                <FormAlert outcome=outcome.clone() />
                <form method="post" action=format!("/moderation/decisions/{}/reponse", decision.id) class="stack">
                    <fieldset class="field" class:has-error=outcome_error_shown>
                        <legend>{m.outcome_label}</legend>
                        {[DecisionKind::Maintain, DecisionKind::Overturn].into_iter().map(|k| {
                            let id = format!("reponse-{}", k.as_str());
                            view! {
                                <div class="choice">
                                    <input type="radio" id=id.clone() name="outcome" value=k.as_str() required=true checked=chosen == k.as_str() />
                                    <label for=id>{(m.decision_kind)(k)}</label>
                                </div>
                            }
                        }).collect_view()}
                        <FieldErrorText name="outcome".to_string() error=outcome_error />
                    </fieldset>
                    <RuleSelect selected={ let v = value("rule"); if v.is_empty() { decision.rule.clone() } else { v } } error=error("rule") />
                    <TextArea name="reason" label=m.reason_label hint=m.reason_hint value=value("reason") error=error("reason") maxlength=MAX_REASON_CHARS rows=3 />
                    <button type="submit" class="button primary">{m.answer_submit}</button>
                </form>
            </section>
        }
    });
    let appeal = decision.appeal.clone().map(|a| {
        let outcome_view = match (a.outcome, a.outcome_reason) {
            (Some(line), reason) => view! {
                <h3>{m.appeal_outcome_title}</h3>
                <p><strong>{(m.decision_kind)(line.kind)}</strong>{format!(" · {} · {}", format_day_at_time(lang, line.decided_ms), rule_text(&line.rule))}</p>
                {reason.map(|r| view! { <p class="reason">{format!("{}\u{a0}: {r}", m.reason_label)}</p> })}
            }.into_any(),
            (None, _) => view! { <p class="hint">{(m.appeal_pending)(&above)}</p> }.into_any(),
        };
        view! {
            <section class="card" aria-labelledby="l-appel">
                <h2 id="l-appel">{m.appeal_text_title}</h2>
                <p class="hint">{format_day_at_time(lang, a.appealed_ms)}</p>
                <blockquote>{a.text}</blockquote>
                {outcome_view}
            </section>
        }
    });
    view! {
        {flash.map(|f| view! { <p class="alert alert-success" role="status">{f}</p> })}
        <section class="card decision" aria-labelledby="la-decision">
            <h2 id="la-decision">{(m.decision_kind)(decision.kind)}</h2>
            <p class="hint">{(m.decided_on)(&scope_title(&decision.scope), &format_day_at_time(lang, decision.decided_ms))}{format!(" · {}", (m.item_kind)(decision.item_kind))}</p>
            <p>{rule_text(&decision.rule)}</p>
            <p class="reason">{format!("{}\u{a0}: {}", m.reason_label, decision.reason)}</p>
            {decision.ends_ms.map(|e| view! { <p>{(m.until)(&format_day_at_time(lang, e))}</p> })}
            {decision.snapshot.clone().map(|s| view! { <h3>{m.snapshot_title}</h3><blockquote class="snapshot">{s}</blockquote> })}
            {decision.context_link.clone().map(|l| view! { <p><a href=l>{m.context_link}</a></p> })}
            <p class="hint"><a href="/charte">{m.charter_title}</a></p>
        </section>
        {appeal}
        {appeal_form}
        {answer_form}
    }
}
