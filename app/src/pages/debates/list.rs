//! `/debats` and `/sections/{slug}/debats`, `/federations/{code}/debats`, `/groupes/{slug}/debats`:
//! debates, and for a scope's team (or an adhérent, who proposes) the form that opens one (a
//! plain form: it works without JavaScript; a refused one comes back with what was typed).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::debates::get_debates::{get_debates, get_scope_debates};
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_datetime;
use crate::model::commands::debate::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use crate::model::debates::{DebateAudience, DebateLine, DebatesPage};
use crate::model::form::FormOutcome;

#[component]
pub fn DebatesPageAll() -> impl IntoView {
    let query = use_query_map();
    let page = Resource::new_blocking(move || query.read().get("avant"), get_debates);
    view! { <Loaded resource=page then=move |page| view! { <Debates page outcome=None /> } /> }
}

#[component]
pub fn SectionDebatesPage() -> impl IntoView {
    view! { <ScopeDebates kind="section" param="slug" /> }
}

#[component]
pub fn FederationDebatesPage() -> impl IntoView {
    view! { <ScopeDebates kind="federation" param="code" /> }
}

#[component]
pub fn GroupDebatesPage() -> impl IntoView {
    view! { <ScopeDebates kind="group" param="slug" /> }
}

#[component]
fn ScopeDebates(kind: &'static str, param: &'static str) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || (params.read().get(param).unwrap_or_default(), query.read().get("avant"));
    let page = Resource::new_blocking(request, move |(code, before)| get_scope_debates(kind.to_string(), code, before));
    let outcome = use_form_outcome();
    view! { <Loaded resource=page then=move |page| view! { <Debates page outcome=outcome.get() /> } /> }
}

#[component]
fn Debates(page: DebatesPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().debates;
    let title = match &page.scope {
        Some(_) => (t.scope_title)(&page.scope_name),
        None => t.all_title.to_string(),
    };
    let here = page.scope.as_ref().map(|s| s.debates_page()).unwrap_or_else(|| "/debats".to_string());
    let older = page.next.clone().map(|cursor| format!("{here}?avant={cursor}"));
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            {page.scope.as_ref().map(|s| view! { <p><a href=s.home()>{format!("← {}", page.scope_name)}</a></p> })}
            <h1>{title}</h1>
            {if page.may_open || page.may_propose {
                view! { <OpenDebateForm page=page.clone() outcome /> }.into_any()
            } else if page.scope.is_some() {
                view! { <p class="hint">{t.read_only}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{t.all_intro}</p>
                    {(!page.my_scopes.is_empty()).then(|| view! {
                        <p>
                            {t.open_in} " "
                            {page.my_scopes.iter().map(|scope| {
                                let label = match scope {
                                    crate::model::debates::DebateScope::Federation(_) => t.my_federation,
                                    _ => t.my_section,
                                };
                                view! { <a class="button" href=scope.debates_page()>{label}</a> " " }
                            }).collect_view()}
                        </p>
                    })}
                }.into_any()
            }}
            <section class="card" aria-labelledby="debats-liste">
                <h2 id="debats-liste">{t.link}</h2>
                {if page.debates.is_empty() {
                    view! { <p class="hint">{t.list_empty}</p> }.into_any()
                } else {
                    view! { <ol class="debates">{page.debates.into_iter().map(|d| view! { <Line d /> }).collect_view()}</ol> }.into_any()
                }}
                {older.map(|href| view! { <p><a class="button" href=href rel="next">{t.older}</a></p> })}
            </section>
        </section>
    }
}

#[component]
fn OpenDebateForm(page: DebatesPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().debates;
    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
    let chosen = DebateAudience::parse(&value("audience")).unwrap_or(DebateAudience::Scope);
    let audience_error = error("audience");
    let action = page.scope.as_ref().map(|s| s.debates_page()).unwrap_or_default();
    view! {
        <FormAlert outcome=outcome.clone() />
        <form method="post" action=action class="stack debate-form" novalidate>
            <h2>{if page.may_open { t.form_title } else { t.propose_title }}</h2>
            {page.may_propose.then(|| view! { <p class="hint">{t.propose_hint}</p> })}
            <TextField name="title" label=t.title_label value=value("title") error=error("title") maxlength=MAX_TITLE_CHARS />
            <TextArea name="description" label=t.description_label value=value("description") error=error("description") maxlength=MAX_DESCRIPTION_CHARS rows=4 />
            <fieldset class="field" aria-describedby=audience_error.as_ref().map(|_| "audience-error")>
                <legend>{t.audience_label}</legend>
                {DebateAudience::ALL.iter().copied().map(|a| {
                    let id = format!("audience-{}", a.as_str());
                    view! {
                        <label for=id.clone() class="choice">
                            <input type="radio" id=id.clone() name="audience" value=a.as_str() checked=a == chosen />
                            {(t.audience)(a)}
                        </label>
                    }
                }).collect_view()}
                <FieldErrorText name="audience".to_string() error=audience_error.clone() />
            </fieldset>
            <TextField name="opens_at" label=t.opens_at_label input_type="datetime-local" value=value("opens_at") error=error("opens_at") hint=t.time_hint required=false />
            <TextField name="closes_at" label=t.closes_at_label input_type="datetime-local" value=value("closes_at") error=error("closes_at") hint=t.time_hint />
            <button type="submit" class="button primary">{if page.may_open { t.open_submit } else { t.propose_submit }}</button>
        </form>
    }
}

#[component]
fn Line(d: DebateLine) -> impl IntoView {
    let t = use_texts().debates;
    let lang = use_lang();
    let window = (t.window)(&format_datetime(lang, d.opens_at_ms), &format_datetime(lang, d.closes_at_ms));
    view! {
        <li class="card">
            <a href=format!("/debats/{}", d.id)><strong>{d.title}</strong></a>
            <p class="hint">{(t.status)(d.status)} " · " {d.scope_name} " · " {(t.counts)(d.contributions, d.proposals)}</p>
            <p class="hint">{window}</p>
        </li>
    }
}
