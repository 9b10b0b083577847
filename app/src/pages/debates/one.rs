//! `/debats/{id}`: a debate — the question, the team's tools, the contributions (pour, contre,
//! nuance; replies; "+1"), the propositions, the synthèse, and the thread to the votes put from
//! it, the actions they decided and their comptes-rendus. Every form is a plain post; the
//! `LiveDebate` island fetches the page again when the stream says the debate moved.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::debates::get_debate::get_debate;
use crate::components::debates::LiveDebate;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_datetime;
use crate::model::commands::debate::{MAX_CONTRIBUTION_CHARS, MAX_PROPOSAL_TITLE_CHARS, MAX_SYNTHESIS_CHARS};
use crate::model::debates::{ContributionView, DebateSort, DebateStatus, DebateView, ProposalView, Stance};
use crate::model::form::FormOutcome;
use crate::pages::votes::one::DecidedList;

#[component]
pub fn DebatePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || {
        let query = query.read();
        (params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0), query.get("tri"), query.get("apres"))
    };
    let debate = Resource::new_blocking(request, |(id, sort, after)| get_debate(id, sort, after));
    let outcome = use_form_outcome();
    view! { <Loaded resource=debate then=move |d| view! { <Debate d outcome=outcome.get() /> } /> }
}

#[component]
fn Debate(d: DebateView, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().debates;
    let lang = use_lang();
    let window = (t.window)(&format_datetime(lang, d.opens_at_ms), &format_datetime(lang, d.closes_at_ms));
    let base = DebateView::path(d.id);
    let open = d.status == DebateStatus::Open;
    // The island's children own what they draw.
    let (for_contributions, for_proposals, for_thread) = (d.clone(), d.clone(), d.clone());
    let (contribution_outcome, proposal_outcome) = (outcome.clone(), outcome.clone());
    view! {
        <Title text=d.title.clone() />
        // The live stream follows this debate for this tab (`live.js`).
        <Meta name="coopol-suivre" content=format!("debat:{}", d.id) />
        // Even a public debate stays out of search engines: a stance is a political opinion.
        <Meta name="robots" content="noindex" />
        <article class="page narrow debate">
            <p><a href=d.scope.debates_page()>{format!("← {}", (t.scope_title)(&d.scope_name))}</a></p>
            <h1>{d.title.clone()}</h1>
            <p class="hint">
                <strong>{(t.status)(d.status)}</strong> " · " {window}
                {d.author.clone().map(|a| view! { " · " <a href=format!("/membres/{}", a.handle)>{(t.opened_by)(&a.display_name)}</a> })}
            </p>
            <FormAlert outcome=outcome.clone() />
            // Refusals of a button's form (a "+1" on a debate closed meanwhile, a merge into a
            // merged proposition), whose forms have no field to show them beside.
            {outcome.as_ref().and_then(|o| o.errors.get("debate").or_else(|| o.errors.get("into")).cloned()).map(|e| view! {
                <p class="alert alert-error" role="alert">{(use_texts().field_error)(&e)}</p>
            })}
            {(d.status == DebateStatus::Pending).then(|| view! {
                <p class="alert">{t.pending_note}</p>
                {d.may_organize.then(|| view! {
                    <form method="post" action=format!("{base}/validation")>
                        <button type="submit" class="button primary">{t.approve}</button>
                    </form>
                })}
            })}
            {(d.status == DebateStatus::Upcoming).then(|| view! { <p class="hint">{(t.upcoming)(&format_datetime(lang, d.opens_at_ms))}</p> })}
            <div class="post-body" inner_html=d.html.as_str().to_string()></div>
            {d.synthesis.clone().map(|s| view! {
                <section class="card synthesis" aria-labelledby="synthese">
                    <h2 id="synthese">{t.synthesis_title}</h2>
                    <div class="post-body" inner_html=s.as_str().to_string()></div>
                </section>
            })}
            {(d.status == DebateStatus::Closed && d.synthesis.is_none()).then(|| view! { <p class="hint">{t.closed_note}</p> })}
            <LiveDebate debate=d.id>
                <Contributions d=for_contributions outcome=contribution_outcome open />
                <Proposals d=for_proposals outcome=proposal_outcome open />
                <Thread d=for_thread />
            </LiveDebate>
            {(d.may_organize && d.synthesis.is_none() && matches!(d.status, DebateStatus::Open | DebateStatus::Closed)).then(|| {
                let value = outcome.as_ref().map(|o| o.value("synthesis")).unwrap_or_default();
                let error = outcome.as_ref().and_then(|o| o.errors.get("synthesis").cloned());
                view! {
                    <form method="post" action=format!("{base}/synthese") class="stack card" novalidate>
                        <TextArea name="synthesis" label=t.synthesis_label value error hint=t.synthesis_hint maxlength=MAX_SYNTHESIS_CHARS rows=5 />
                        <button type="submit" class="button">{t.synthesis_submit}</button>
                    </form>
                }
            })}
        </article>
    }
}

#[component]
fn Contributions(d: DebateView, outcome: Option<FormOutcome>, open: bool) -> impl IntoView {
    let t = use_texts().debates;
    let base = DebateView::path(d.id);
    // A refused reply comes back in its own contribution's box; a refused contribution in the main one.
    let replying_to = outcome.as_ref().and_then(|o| o.value("parent").parse::<i64>().ok());
    let main = outcome.clone().filter(|_| replying_to.is_none());
    let value = |name: &str| main.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let error = |name: &str| main.as_ref().and_then(|o| o.errors.get(name).cloned());
    let chosen = Stance::parse(&value("stance"));
    let stance_error = error("stance");
    let sort_link = |sort: DebateSort| {
        let current = d.sort == sort;
        view! {
            <a href=format!("{base}?tri={}#contributions", sort.as_str()) aria-current=current.then_some("true") class:current=current>
                {(t.sort)(sort)}
            </a>
        }
    };
    let more = d.next.clone().map(|cursor| format!("{base}?tri={}&apres={cursor}#contributions", d.sort.as_str()));
    view! {
        <section class="card" aria-labelledby="contributions-titre" id="contributions">
            <h2 id="contributions-titre">{t.contributions_title} " (" <span id="nombre-contributions" data-live-text="">{d.contribution_count}</span> ")"</h2>
            {(open && d.may_take_part).then(|| view! {
                <form method="post" action=format!("{base}/contributions") class="stack contribution-form" novalidate>
                    <fieldset class="field stances" aria-describedby=stance_error.as_ref().map(|_| "stance-error")>
                        <legend>{t.stance_label}</legend>
                        {Stance::ALL.iter().copied().map(|s| {
                            let id = format!("stance-{}", s.as_str());
                            view! {
                                <label for=id.clone() class="choice">
                                    <input type="radio" id=id.clone() name="stance" value=s.as_str() checked=Some(s) == chosen />
                                    {(t.stance)(s)}
                                </label>
                            }
                        }).collect_view()}
                        <FieldErrorText name="stance".to_string() error=stance_error.clone() />
                    </fieldset>
                    <TextArea name="body" label=t.body_label value=value("body") error=error("body") maxlength=MAX_CONTRIBUTION_CHARS rows=4 />
                    {(d.audience == crate::model::debates::DebateAudience::Public).then(|| view! { <p class="hint">{t.public_hint}</p> })}
                    <button type="submit" class="button primary">{t.contribute_submit}</button>
                </form>
            })}
            {(!d.may_take_part && open).then(|| view! { <p class="hint">{t.take_part_hint}</p> })}
            <p class="sort">{t.sort_label} " " {sort_link(DebateSort::Supports)} " · " {sort_link(DebateSort::Date)}</p>
            {d.contributions.is_empty().then(|| view! { <p class="hint">{t.contributions_empty}</p> })}
            <ol class="contributions" id="liste-contributions" data-live-list="">
                {d.contributions.iter().cloned().map(|c| {
                    let reply = outcome.clone().filter(|_| replying_to == Some(c.id));
                    view! { <Contribution c base=base.clone() may_take_part=d.may_take_part && open may_organize=d.may_organize reply /> }
                }).collect_view()}
            </ol>
            {more.map(|href| view! { <p><a class="button" href=href rel="next">{t.more_contributions}</a></p> })}
        </section>
    }
}

#[component]
fn Contribution(c: ContributionView, base: String, may_take_part: bool, may_organize: bool, reply: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().debates;
    let lang = use_lang();
    let id = c.id;
    let reply_id = format!("reponse-{id}");
    let reply_error = reply.as_ref().and_then(|o| o.errors.get("body").cloned());
    let reply_value = reply.as_ref().map(|o| o.value("body")).unwrap_or_default();
    view! {
        <li class=format!("contribution stance-{}", c.stance.as_str()) id=format!("contribution-{id}") data-item=format!("contribution-{id}")>
            <p class="contribution-head">
                <span class=format!("badge stance {}", c.stance.as_str())>{(t.stance)(c.stance)}</span>
                {c.pinned.then(|| view! { " " <span class="badge pinned">{t.pinned}</span> })}
                " "
                {c.author.clone().map(|a| view! { <a href=format!("/membres/{}", a.handle)><strong>{a.display_name}</strong></a> })}
                " · " <time>{format_datetime(lang, c.created_at_ms)}</time>
            </p>
            <div class="post-body" inner_html=c.html.as_str().to_string()></div>
            <div class="contribution-tools">
                {if may_take_part {
                    view! {
                        <form method="post" action=format!("{base}/contributions/{id}/soutien") class="inline-form">
                            <button type="submit" class="button support" aria-pressed=c.supported.to_string() title=(t.support_aria)(c.supported)>
                                {(t.support)(c.supports, c.supported)}
                            </button>
                        </form>
                    }.into_any()
                } else {
                    view! { <span class="hint">{(t.support)(c.supports, c.supported)}</span> }.into_any()
                }}
                {may_organize.then(|| view! {
                    <form method="post" action=format!("{base}/contributions/{id}/epingle") class="inline-form">
                        <button type="submit" class="button">{if c.pinned { t.unpin } else { t.pin }}</button>
                    </form>
                })}
            </div>
            {(!c.replies.is_empty()).then(|| view! {
                <ol class="replies">
                    {c.replies.iter().cloned().map(|r| view! {
                        <li class="reply" id=format!("contribution-{}", r.id)>
                            <p class="hint">
                                {r.author.map(|a| view! { <a href=format!("/membres/{}", a.handle)><strong>{a.display_name}</strong></a> })}
                                " · " <time>{format_datetime(lang, r.created_at_ms)}</time>
                            </p>
                            <div class="post-body" inner_html=r.html.as_str().to_string()></div>
                        </li>
                    }).collect_view()}
                </ol>
            })}
            {may_take_part.then(|| view! {
                <details class="reply-box" open=reply.is_some()>
                    <summary>{t.reply}</summary>
                    <form method="post" action=format!("{base}/contributions") class="stack" novalidate>
                        <input type="hidden" name="parent" value=id.to_string() />
                        <label for=reply_id.clone()>{t.reply_label}</label>
                        <textarea id=reply_id.clone() name="body" rows="3" maxlength=MAX_CONTRIBUTION_CHARS
                            aria-invalid=reply_error.is_some().then_some("true")
                            aria-describedby=reply_error.is_some().then(|| format!("{reply_id}-error"))>{reply_value}</textarea>
                        {reply_error.clone().map(|e| view! { <p class="field-error" id=format!("{reply_id}-error")>{(use_texts().field_error)(&e)}</p> })}
                        <button type="submit" class="button">{t.reply_submit}</button>
                    </form>
                </details>
            })}
        </li>
    }
}

#[component]
fn Proposals(d: DebateView, outcome: Option<FormOutcome>, open: bool) -> impl IntoView {
    let t = use_texts().debates;
    let base = DebateView::path(d.id);
    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
    let kept: Vec<(i64, String)> = d.proposals.iter().filter(|p| p.merged_into.is_none()).map(|p| (p.id, p.title.clone())).collect();
    let vote_link =
        (d.may_organize && d.selected().count() >= 2).then(|| d.scope.votes_page().map(|page| format!("{page}?debat={}", d.id))).flatten();
    view! {
        <section class="card" aria-labelledby="propositions-titre" id="propositions">
            <h2 id="propositions-titre">{t.proposals_title}</h2>
            {(open && d.may_take_part).then(|| view! {
                <form method="post" action=format!("{base}/propositions") class="stack proposal-form" novalidate>
                    <TextField name="proposal_title" label=t.proposal_title_label value=value("proposal_title") error=error("proposal_title") maxlength=MAX_PROPOSAL_TITLE_CHARS />
                    <TextArea name="proposal_body" label=t.proposal_body_label value=value("proposal_body") error=error("proposal_body") maxlength=MAX_CONTRIBUTION_CHARS rows=3 />
                    <button type="submit" class="button primary">{t.propose_submit_proposal}</button>
                </form>
            })}
            {d.proposals.is_empty().then(|| view! { <p class="hint">{t.proposals_empty}</p> })}
            <ol class="proposals" id="liste-propositions" data-live-list="">
                {d.proposals.iter().cloned().map(|p| view! {
                    <Proposal p base=base.clone() may_take_part=d.may_take_part && open may_organize=d.may_organize kept=kept.clone() />
                }).collect_view()}
            </ol>
            {vote_link.map(|href| view! { <p><a class="button primary" href=href>{t.put_to_vote}</a></p> })}
        </section>
    }
}

#[component]
fn Proposal(p: ProposalView, base: String, may_take_part: bool, may_organize: bool, kept: Vec<(i64, String)>) -> impl IntoView {
    let t = use_texts().debates;
    let id = p.id;
    let merged = p.merged_into.is_some();
    let merge_id = format!("fusion-{id}");
    view! {
        <li class="proposal" class:merged=merged class:selected=p.selected id=format!("proposition-{id}") data-item=format!("proposition-{id}")>
            <p>
                <strong>{p.title.clone()}</strong>
                {p.selected.then(|| view! { " " <span class="badge selected">{t.selected}</span> })}
            </p>
            {p.merged_into.clone().map(|(into, title)| view! {
                <p class="hint"><a href=format!("#proposition-{into}")>{(t.merged_into)(&title)}</a></p>
            })}
            <p class="hint">{p.author.map(|a| a.display_name)}</p>
            <div class="post-body" inner_html=p.html.as_str().to_string()></div>
            <div class="contribution-tools">
                {if may_take_part && !merged {
                    view! {
                        <form method="post" action=format!("{base}/propositions/{id}/soutien") class="inline-form">
                            <button type="submit" class="button support" aria-pressed=p.supported.to_string() title=(t.support_aria)(p.supported)>
                                {(t.support)(p.supports, p.supported)}
                            </button>
                        </form>
                    }.into_any()
                } else {
                    view! { <span class="hint">{(t.support)(p.supports, p.supported)}</span> }.into_any()
                }}
                {(may_organize && !merged).then(|| view! {
                    <form method="post" action=format!("{base}/propositions/{id}/retenue") class="inline-form">
                        <button type="submit" class="button">{if p.selected { t.unselect } else { t.select }}</button>
                    </form>
                })}
            </div>
            {(may_organize && !merged && kept.len() > 1).then(|| view! {
                <form method="post" action=format!("{base}/propositions/{id}/fusion") class="inline-form merge-form">
                    <label for=merge_id.clone()>{t.merge_label}</label>
                    <select id=merge_id.clone() name="into">
                        {kept.iter().filter(|(other, _)| *other != id).map(|(other, title)| view! {
                            <option value=other.to_string()>{title.clone()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button">{t.merge_submit}</button>
                </form>
            })}
        </li>
    }
}

/// Debate → votes → actions → comptes-rendus.
#[component]
fn Thread(d: DebateView) -> impl IntoView {
    let t = use_texts().debates;
    let vt = use_texts().votes;
    // A closed debate's team turns its selected propositions (or its question) into actions.
    let organize = (d.may_organize && d.status == DebateStatus::Closed).then(|| {
        let mut choices: Vec<(String, String)> =
            d.selected().map(|p| (format!("/actions/nouvelle?debat={}&proposition={}", d.id, p.id), p.title.clone())).collect();
        if choices.is_empty() {
            choices.push((format!("/actions/nouvelle?debat={}", d.id), d.title.clone()));
        }
        choices
    });
    view! {
        <section class="card debate-thread" aria-labelledby="fil-decision">
            <h2 id="fil-decision">{t.thread_title}</h2>
            {organize.map(|choices| view! {
                <p class="hint">{vt.decisions_hint}</p>
                {choices.into_iter().map(|(href, label)| view! { <p><a class="button primary" href=href>{(vt.organize)(&label)}</a></p> }).collect_view()}
            })}
            <div id="fil-contenu" data-live-list="">
            {if d.votes.is_empty() && d.decided.is_empty() {
                view! { <p class="hint">{t.thread_empty}</p> }.into_any()
            } else {
                view! {
                    {(!d.votes.is_empty()).then(|| view! {
                        <ul class="debate-votes">
                            {d.votes.iter().map(|v| view! {
                                <li>
                                    <a href=format!("/votes/{}", v.id)>{(t.vote_status)(&v.title, (vt.status)(v.status))}</a>
                                    {(!v.winners.is_empty()).then(|| view! { <p><strong>{(t.winners)(&v.winners.join(", "))}</strong></p> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    <DecidedList decided=d.decided.clone() />
                }.into_any()
            }}
            </div>
        </section>
    }
}
