//! `/signaler/{kind}/{id}`: the report form — a category, optional details — for a publication,
//! a comment, a profile, a group or an action the viewer sees.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::moderation::get_report_target::get_report_target;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::moderation::{ReportCategory, ReportTarget, MAX_EXPLANATION_CHARS};

#[component]
pub fn ReportItemPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || (params.read().get("kind").unwrap_or_default(), params.read().get("key").unwrap_or_default());
    let target = Resource::new_blocking(key, |(kind, key)| get_report_target(kind, key));
    view! {
        <Title text=t.moderation.report_link />
        <Meta name="robots" content="noindex" />
        <section class="page narrow">
            <Loaded resource=target then=move |target| {
                let done = query.read_untracked().get("fait").is_some();
                view! { <ReportForm target done /> }
            } />
        </section>
    }
}

#[component]
fn ReportForm(target: ReportTarget, done: bool) -> impl IntoView {
    let t = use_texts();
    let m = t.moderation;
    let outcome = use_form_outcome().get();
    let action = format!("/signaler/{}/{}", target.kind.slug(), target.key);
    let chosen = outcome.as_ref().map(|o| o.value("category")).unwrap_or_default();
    let explanation = outcome.as_ref().map(|o| o.value("explanation")).unwrap_or_default();
    let category_error = outcome.as_ref().and_then(|o| o.error("category"));
    let category_error_shown = category_error.is_some();
    let explanation_error = outcome.as_ref().and_then(|o| o.error("explanation"));
    let status = if done {
        Some(view! { <p class="alert alert-success" role="status">{m.report_done}</p> }.into_any())
    } else if target.already {
        Some(view! { <p class="alert alert-info" role="status">{m.report_already}</p> }.into_any())
    } else {
        None
    };
    let show_form = !done && !target.already;
    view! {
        <h1>{(m.report_title)(target.kind)}</h1>
        <blockquote class="card snapshot">{target.excerpt.clone()}</blockquote>
        {status}
        {show_form.then(|| view! {
            <p>{m.report_intro}</p>
            <FormAlert outcome=outcome.clone() />
            <form method="post" action=action class="stack">
                <fieldset class="field" class:has-error=category_error_shown>
                    <legend>{m.category_legend}</legend>
                    {ReportCategory::ALL.iter().map(|c| {
                        let id = format!("categorie-{}", c.as_str());
                        view! {
                            <div class="choice">
                                <input type="radio" id=id.clone() name="category" value=c.as_str() required=true checked=chosen == c.as_str() />
                                <label for=id>{(m.category)(*c)}</label>
                            </div>
                        }
                    }).collect_view()}
                    <FieldErrorText name="category".to_string() error=category_error />
                </fieldset>
                <TextArea name="explanation" label=m.explanation_label hint=m.explanation_hint value=explanation error=explanation_error maxlength=MAX_EXPLANATION_CHARS rows=3 />
                <button type="submit" class="button primary">{m.report_submit}</button>
            </form>
        })}
        <p><a href=target.link>{m.back_to_item}</a></p>
    }
}
