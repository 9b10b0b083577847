//! `/sections/{slug}/votes`, `/federations/{code}/votes`: the scope's votes, and for its team
//! the form that opens one (a plain form: it works without JavaScript; a refused one comes back
//! with what was typed and what to fix).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::votes::get_votes::get_votes;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_datetime;
use crate::model::commands::vote::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use crate::model::form::FormOutcome;
use crate::model::votes::{VoteKind, VoteLine, VotesPage};

#[component]
pub fn SectionVotesPage() -> impl IntoView {
    view! { <ScopeVotes kind="section" param="slug" /> }
}

#[component]
pub fn FederationVotesPage() -> impl IntoView {
    view! { <ScopeVotes kind="federation" param="code" /> }
}

#[component]
fn ScopeVotes(kind: &'static str, param: &'static str) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || {
        let query = query.read();
        (params.read().get(param).unwrap_or_default(), query.get("avant"), query.get("debat").and_then(|d| d.parse::<i64>().ok()))
    };
    let page = Resource::new_blocking(request, move |(code, before, debate)| get_votes(kind.to_string(), code, before, debate));
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=page then=move |page| view! { <Votes page outcome=outcome.get() /> } />
    }
}

#[component]
fn Votes(page: VotesPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().votes;
    let title = (t.page_title)(&page.scope_name);
    let action = page.scope.votes_page();
    let older = page.next.clone().map(|cursor| format!("{action}?avant={cursor}"));
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            <p><a href=page.scope.home()>{format!("← {}", page.scope_name)}</a></p>
            <h1>{title}</h1>
            {if page.may_open {
                view! { <OpenVoteForm page=page.clone() outcome /> }.into_any()
            } else {
                view! { <p class="hint">{t.read_only}</p> }.into_any()
            }}
            <section class="card" aria-labelledby="votes-liste">
                <h2 id="votes-liste">{t.list_title}</h2>
                {if page.votes.is_empty() {
                    view! { <p class="hint">{t.list_empty}</p> }.into_any()
                } else {
                    view! { <ol class="votes">{page.votes.into_iter().map(|v| view! { <Line v /> }).collect_view()}</ol> }.into_any()
                }}
                {older.map(|href| view! { <p><a class="button" href=href rel="next">{t.older}</a></p> })}
            </section>
        </section>
    }
}

#[component]
fn OpenVoteForm(page: VotesPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().votes;
    // A debate's selected propositions pre-fill a fresh form (a refused one keeps what was typed).
    let from_debate = page.from_debate.clone();
    let prefilled = move |name: &str| match (name, &from_debate) {
        ("title", Some(d)) => d.title.clone(),
        ("options", Some(d)) => d.options.join("\n"),
        ("kind", Some(_)) => VoteKind::MajorityJudgment.as_str().to_string(),
        ("debate", Some(d)) => d.id.to_string(),
        _ => String::new(),
    };
    let typed = outcome.clone();
    let value = move |name: &str| match typed.as_ref() {
        Some(o) => o.value(name),
        None => prefilled(name),
    };
    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
    let chosen = VoteKind::parse(&value("kind")).unwrap_or(VoteKind::MajorityJudgment);
    let kind_error = error("kind");
    view! {
        <p class="hint">{t.intro}</p>
        {page.electorate_now.map(|n| view! { <p class="hint">{(t.electorate_now)(n)}</p> })}
        <FormAlert outcome=outcome.clone() />
        <form method="post" action=page.scope.votes_page() class="stack vote-form" novalidate>
            <h2>{t.form_title}</h2>
            {page.from_debate.as_ref().map(|d| view! {
                <p class="hint">
                    {t.from_debate} " "
                    <a href=crate::model::debates::DebateView::path(d.id)>{format!("«\u{202f}{}\u{202f}»", d.title)}</a>
                </p>
            })}
            {(!value("debate").is_empty()).then(|| view! { <input type="hidden" name="debate" value=value("debate") /> })}
            // The debate itself refused (propositions unselected meanwhile): said here, in French.
            {error("debate").map(|e| view! { <p class="alert alert-error" role="alert">{(use_texts().field_error)(&e)}</p> })}
            <TextField name="title" label=t.title_label value=value("title") error=error("title") maxlength=MAX_TITLE_CHARS />
            <TextArea name="description" label=t.description_label value=value("description") error=error("description") maxlength=MAX_DESCRIPTION_CHARS rows=4 />
            <fieldset class="field" aria-describedby=kind_error.as_ref().map(|_| "kind-error")>
                <legend>{t.kind_label}</legend>
                {VoteKind::ALL.iter().copied().map(|k| {
                    let id = format!("kind-{}", k.as_str());
                    view! {
                        <label for=id.clone() class="choice">
                            <input type="radio" id=id.clone() name="kind" value=k.as_str() checked=k == chosen />
                            {(t.kind)(k)}
                        </label>
                    }
                }).collect_view()}
                <FieldErrorText name="kind".to_string() error=kind_error.clone() />
            </fieldset>
            <TextArea name="options" label=t.options_label value=value("options") error=error("options") hint=t.options_hint rows=5 />
            <TextField name="max_choices" label=t.max_choices_label input_type="number" inputmode="numeric" value=value("max_choices") error=error("max_choices") required=false />
            <TextField name="opens_at" label=t.opens_at_label input_type="datetime-local" value=value("opens_at") error=error("opens_at") hint=t.time_hint required=false />
            <TextField name="closes_at" label=t.closes_at_label input_type="datetime-local" value=value("closes_at") error=error("closes_at") hint=t.time_hint />
            <TextField name="quorum" label=t.quorum_label input_type="number" inputmode="numeric" value=value("quorum") error=error("quorum") required=false />
            <button type="submit" class="button primary">{t.open_submit}</button>
        </form>
    }
}

#[component]
fn Line(v: VoteLine) -> impl IntoView {
    let t = use_texts().votes;
    let lang = use_lang();
    let window = (t.window)(&format_datetime(lang, v.opens_at_ms), &format_datetime(lang, v.closes_at_ms));
    view! {
        <li class="card">
            <a href=format!("/votes/{}", v.id)><strong>{v.title}</strong></a>
            <p class="hint">{(t.status)(v.status)} " · " {(t.kind)(v.kind)} " · " {(t.electorate)(v.electorate)}</p>
            <p class="hint">{window}</p>
        </li>
    }
}
