//! `/votes/{id}`: a vote — the question, the participation, the ballot for its electorate (a plain
//! form), the receipt once voted, the result and its ballots after closing.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::votes::get_vote::get_vote;
use crate::components::debates::LiveParticipation;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_datetime;
use crate::model::form::FormOutcome;
use crate::model::votes::majority_judgment::GRADES;
use crate::model::votes::{quorum_met, VoteKind, VoteResult, VoteStatus, VoteView, YesNo};

#[component]
pub fn VotePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let vote = Resource::new_blocking(id, get_vote);
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=vote then=move |v| view! { <Vote v outcome=outcome.get() /> } />
    }
}

#[component]
fn Vote(v: VoteView, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().votes;
    let lang = use_lang();
    let window = (t.window)(&format_datetime(lang, v.opens_at_ms), &format_datetime(lang, v.closes_at_ms));
    // The receipt comes back once, in the answer to the ballot's post (never kept with the name);
    // a refused post shows why, never a "receipt" (a field of that name in the form it sent).
    let refused = outcome.clone().filter(|o| o.problem.is_some() || !o.errors.is_empty());
    let receipt = outcome.filter(|_| refused.is_none()).map(|o| o.value("recu")).filter(|r| !r.is_empty());
    view! {
        <Title text=v.title.clone() />
        <article class="page narrow vote">
            <p><a href=v.scope.votes_page()>{format!("← {}", (t.page_title)(&v.scope_name))}</a></p>
            <h1>{v.title.clone()}</h1>
            <p class="hint">
                <strong>{(t.status)(v.status)}</strong> " · " {window}
                {v.author.clone().map(|a| view! { " · " <a href=format!("/membres/{}", a.handle)>{(t.opened_by)(&a.display_name)}</a> })}
            </p>
            <Meta name="coopol-suivre" content=format!("vote:{}", v.id) />
            <LiveParticipation vote=v.id>
                <p class="participation" id="participation" data-live-text="" role="status">{(t.participation)(v.participation, v.electorate)}</p>
            </LiveParticipation>
            // Why a ballot was refused as a whole (already voted, closed, not open yet, or not
            // everyone voted for an early closing), wherever the page now stands.
            {refused.as_ref().and_then(|o| o.errors.get("vote").cloned()).map(|e| view! {
                <p class="alert alert-error" role="alert">{(use_texts().field_error)(&e)}</p>
            })}
            {v.quorum_percent.map(|q| view! { <p class="hint">{(t.quorum)(q)}</p> })}
            {receipt.map(|code| view! {
                <section class="card receipt" role="status" aria-labelledby="recu-titre">
                    <h2 id="recu-titre">{t.receipt_title}</h2>
                    <p class="receipt-code"><code>{code}</code></p>
                    <p class="hint">{t.receipt_text}</p>
                </section>
            })}
            <Ballot v=v.clone() refused />
            <div class="post-body" inner_html=v.html.as_str().to_string()></div>
            <Results v=v.clone() />
            <Decisions v />
        </article>
    }
}

/// The ballot, or why there is none.
#[component]
fn Ballot(v: VoteView, refused: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().votes;
    let lang = use_lang();
    match v.status {
        VoteStatus::Upcoming => view! { <p class="hint">{(t.upcoming)(&format_datetime(lang, v.opens_at_ms))}</p> }.into_any(),
        VoteStatus::Open if v.voted => view! { <p class="alert alert-success">{t.voted}</p> }.into_any(),
        VoteStatus::Open if !v.elector => view! { <p class="hint">{t.not_elector}</p> }.into_any(),
        VoteStatus::Open => {
            let error = |name: &str| refused.as_ref().and_then(|o| o.errors.get(name).cloned());
            let value = |name: &str| refused.as_ref().map(|o| o.value(name)).unwrap_or_default();
            let values = |name: &str| -> Vec<String> {
                refused.as_ref().map(|o| o.values.values(name).into_iter().map(String::from).collect()).unwrap_or_default()
            };
            let fields = match v.kind {
                VoteKind::YesNo => {
                    let chosen = value("reponse");
                    view! {
                        <fieldset class="field">
                            <legend>{t.ballot_title}</legend>
                            {YesNo::ALL.iter().copied().map(|a| {
                                let id = format!("reponse-{}", a.as_str());
                                view! {
                                    <label for=id.clone() class="choice">
                                        <input type="radio" id=id.clone() name="reponse" value=a.as_str() checked=chosen == a.as_str() />
                                        {(t.answer)(a)}
                                    </label>
                                }
                            }).collect_view()}
                            <FieldErrorText name="reponse".to_string() error=error("reponse") />
                        </fieldset>
                    }
                    .into_any()
                }
                VoteKind::OneOf | VoteKind::SomeOf => {
                    let one = v.kind == VoteKind::OneOf;
                    let chosen = values("choix");
                    let input_type = if one { "radio" } else { "checkbox" };
                    view! {
                        <fieldset class="field">
                            <legend>{t.ballot_title}</legend>
                            <p class="hint">{if one { t.choose_one.to_string() } else { (t.choose_up_to)(v.max_choices) }}</p>
                            {v.options.iter().enumerate().map(|(i, label)| {
                                let n = (i + 1).to_string();
                                let id = format!("choix-{n}");
                                view! {
                                    <label for=id.clone() class="choice">
                                        <input type=input_type id=id.clone() name="choix" value=n.clone() checked=chosen.contains(&n) />
                                        {label.clone()}
                                    </label>
                                }
                            }).collect_view()}
                            <label for="choix-blanc" class="choice">
                                <input type=input_type id="choix-blanc" name="choix" value="blanc" checked=chosen.iter().any(|c| c == "blanc") />
                                {t.blank}
                            </label>
                            <FieldErrorText name="choix".to_string() error=error("choix") />
                        </fieldset>
                    }
                    .into_any()
                }
                VoteKind::MajorityJudgment => view! {
                    <fieldset class="field">
                        <legend>{t.ballot_title}</legend>
                        <p class="hint">{t.grades_hint}</p>
                        {v.options.iter().enumerate().map(|(i, label)| {
                            let name = format!("note-{}", i + 1);
                            let chosen = value(&name);
                            let field_error = error(&name);
                            let has_error = field_error.is_some();
                            view! {
                                <div class="field" class:has-error=has_error>
                                    <label for=format!("champ-{name}")>{label.clone()}</label>
                                    <select id=format!("champ-{name}") name=name.clone() aria-invalid=has_error.then_some("true")>
                                        <option value="" selected=chosen.is_empty()>"—"</option>
                                        {(0..GRADES.len()).rev().map(|g| view! {
                                            <option value=g.to_string() selected=chosen == g.to_string()>{(t.grade)(g)}</option>
                                        }).collect_view()}
                                    </select>
                                    <FieldErrorText name=name error=field_error />
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }
                .into_any(),
            };
            // The whole-ballot refusals are said above the ballot; here, what to fix in it.
            let to_fix = refused.clone().filter(|o| o.errors.get("vote").is_none());
            view! {
                <FormAlert outcome=to_fix />
                <form method="post" action=VoteView::path(v.id) class="stack card ballot" novalidate>
                    {fields}
                    <button type="submit" class="button primary">{t.submit}</button>
                </form>
            }
            .into_any()
        }
        VoteStatus::Closed { .. } => ().into_any(),
    }
}

/// From decision to action: for the team, "Organiser une action" from each winning option; for
/// everyone who sees the vote, the actions it decided and their comptes-rendus.
#[component]
fn Decisions(v: VoteView) -> impl IntoView {
    let t = use_texts().votes;
    let Some(result) = v.result.clone().filter(|_| v.may_decide || !v.decided.is_empty()) else {
        return ().into_any();
    };
    let organize = v.may_decide.then(|| {
        let choices: Vec<(Option<usize>, String)> = match v.kind {
            VoteKind::YesNo => result.winners().first().filter(|&&w| w == 0).map(|_| vec![(None, v.title.clone())]).unwrap_or_default(),
            _ => result.winners().into_iter().map(|w| (Some(w + 1), v.options.get(w).cloned().unwrap_or_default())).collect(),
        };
        view! {
            <p class="hint">{t.decisions_hint}</p>
            {choices.into_iter().map(|(option, label)| {
                let href = match option {
                    Some(n) => format!("/actions/nouvelle?vote={}&option={n}", v.id),
                    None => format!("/actions/nouvelle?vote={}", v.id),
                };
                view! { <p><a class="button primary" href=href>{(t.organize)(&label)}</a></p> }
            }).collect_view()}
        }
    });
    view! {
        <section class="card" aria-labelledby="mise-en-oeuvre">
            <h2 id="mise-en-oeuvre">{t.decisions_title}</h2>
            {organize}
            <DecidedList decided=v.decided />
        </section>
    }
    .into_any()
}

/// The result after counting (with the ballots to recount); before, when it will come.
#[component]
fn Results(v: VoteView) -> impl IntoView {
    let t = use_texts().votes;
    let lang = use_lang();
    let close_early = v.may_close_early.then(|| {
        view! {
            <form method="post" action=format!("{}/cloture", VoteView::path(v.id))>
                <button type="submit" class="button">{t.close_early}</button>
            </form>
        }
    });
    let Some(result) = v.result.clone() else {
        return view! {
            <section class="card" aria-labelledby="resultat">
                <h2 id="resultat">{t.results_title}</h2>
                <p class="hint">{(t.results_later)(&format_datetime(lang, v.closes_at_ms))}</p>
                {close_early}
            </section>
        }
        .into_any();
    };
    let met = quorum_met(v.participation as u64, v.electorate as u64, v.quorum_percent);
    let detail = match &result {
        VoteResult::YesNo { .. } => ().into_any(),
        VoteResult::Options { counts, blank } => view! {
            <table class="results">
                <thead><tr><th scope="col">{t.option_column}</th><th scope="col">{t.votes_column}</th></tr></thead>
                <tbody>
                    {v.options.iter().zip(counts).map(|(label, n)| view! {
                        <tr><th scope="row">{label.clone()}</th><td>{(t.votes_for)(*n)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">{(t.blank_count)(*blank)}</p>
        }
        .into_any(),
        VoteResult::MajorityJudgment { majority_grades, ranks, .. } => {
            let mut order: Vec<usize> = (0..v.options.len()).collect();
            order.sort_by_key(|&i| (ranks.get(i).copied().unwrap_or(usize::MAX), i));
            view! {
                <table class="results">
                    <thead><tr><th scope="col">{t.rank_column}</th><th scope="col">{t.option_column}</th><th scope="col">{t.majority_grade}</th></tr></thead>
                    <tbody>
                        {order.into_iter().map(|i| view! {
                            <tr>
                                <td>{(t.rank)(ranks.get(i).copied().unwrap_or(0))}</td>
                                <th scope="row">{v.options.get(i).cloned().unwrap_or_default()}</th>
                                <td>{majority_grades.get(i).copied().flatten().map(|g| (t.grade)(g)).unwrap_or("—")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby="resultat">
            <h2 id="resultat">{t.results_title}</h2>
            <p class="outcome"><strong>{(t.outcome)(&result, &v.options)}</strong></p>
            {(!met).then(|| view! { <p class="alert alert-warning">{t.quorum_missed}</p> })}
            {detail}
            {v.may_download.then(|| view! {
                <p><a class="button" href=format!("{}/bulletins.csv", VoteView::path(v.id)) download="">{t.download}</a></p>
                <p class="hint">{t.download_hint}</p>
            })}
        </section>
    }
    .into_any()
}

/// The actions a decision led to, with their comptes-rendus' figures (a vote's page, a debate's).
#[component]
pub fn DecidedList(decided: Vec<crate::model::votes::DecidedAction>) -> impl IntoView {
    let t = use_texts().votes;
    let lang = use_lang();
    if decided.is_empty() {
        return view! { <p class="hint">{t.decided_empty}</p> }.into_any();
    }
    view! {
        <ul class="decided-actions">
            {decided.into_iter().map(|d| view! {
                <li>
                    <a href=format!("/actions/{}", d.action.id)><strong>{d.action.title.clone()}</strong></a>
                    <p class="hint">{crate::i18n::format_datetime(lang, d.action.starts_at_ms)}</p>
                    <p>{match d.report {
                        Some(r) => (t.decided_report)(r.present, r.tracts, r.doors_knocked, r.conversations, r.calls),
                        None => t.no_report_yet.to_string(),
                    }}</p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
