//! `/sections/{slug}/annonces`, `/federations/{code}/annonces`: the team writes to a segment of
//! its people in two steps — "Voir combien de personnes la recevront", then "Envoyer à N
//! personnes" (the server counts again and refuses if the number changed) — and sees what was
//! sent. Plain forms: it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::announcements::get_announcements::get_announcements;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_datetime;
use crate::model::announcements::{AnnouncementsPage, Segment, SentAnnouncement};
use crate::model::commands::announcement::{MAX_BODY_CHARS, MAX_SUBJECT_CHARS};
use crate::model::form::{FieldError, FormOutcome};
use crate::model::profile::Availability;

#[component]
pub fn SectionAnnouncementsPage() -> impl IntoView {
    view! { <ScopeAnnouncements kind="section" param="slug" /> }
}

#[component]
pub fn FederationAnnouncementsPage() -> impl IntoView {
    view! { <ScopeAnnouncements kind="federation" param="code" /> }
}

#[component]
fn ScopeAnnouncements(kind: &'static str, param: &'static str) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || (params.read().get(param).unwrap_or_default(), query.read().get("avant"));
    let page = Resource::new_blocking(request, move |(code, before)| get_announcements(kind.to_string(), code, before));
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=page then=move |page| view! { <Announcements page outcome=outcome.get() /> } />
    }
}

#[component]
fn Announcements(page: AnnouncementsPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().announcements;
    let title = (t.page_title)(&page.scope_name);
    let action = page.scope.page();
    let older = page.next.clone().map(|cursor| format!("{action}?avant={cursor}"));
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            <p><a href=page.scope.home()>{format!("← {}", page.scope_name)}</a></p>
            <h1>{title}</h1>
            {if page.may_write {
                view! { <AnnouncementForm page=page.clone() outcome /> }.into_any()
            } else {
                view! { <p class="hint">{t.read_only}</p> }.into_any()
            }}
            <section class="card" aria-labelledby="annonces-envoyees">
                <h2 id="annonces-envoyees">{t.history_title}</h2>
                {if page.sent.is_empty() {
                    view! { <p class="hint">{t.history_empty}</p> }.into_any()
                } else {
                    view! { <ol class="announcements">{page.sent.into_iter().map(|a| view! { <SentLine a /> }).collect_view()}</ol> }.into_any()
                }}
                {older.map(|href| view! { <p><a class="button" href=href rel="next">{t.older}</a></p> })}
            </section>
        </section>
    }
}

#[component]
fn AnnouncementForm(page: AnnouncementsPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let texts = use_texts();
    let t = texts.announcements;
    let lang = use_lang();
    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
    let chosen = Segment::parse(&value("segment")).unwrap_or(Segment::All);
    let chosen_availability = value("availability");
    let chosen_action = value("action");
    // The second step: the server counted (and, after a change, says so in the segment's error).
    let counted = value("destinataires").parse::<i64>().ok();
    let by_mail = value("par_courriel").parse::<i64>().unwrap_or(0);
    let confirmable = counted.is_some()
        && outcome.as_ref().is_some_and(|o| o.errors.0.iter().all(|(_, e)| matches!(e, FieldError::RecipientsChanged { .. })));
    let limited = page.weekly_limit > 0;
    let none_left = limited && page.remaining_this_week == 0;
    let segment_error = error("segment");
    view! {
        <p class="hint">{t.intro}</p>
        {limited.then(|| view! {
            <p class="hint">{if none_left { t.none_left.to_string() } else { (t.remaining)(page.remaining_this_week, page.weekly_limit) }}</p>
        })}
        <FormAlert outcome=outcome.clone().filter(|o| o.problem.is_some() || !o.errors.is_empty()) />
        <form method="post" action=page.scope.page() class="stack announcement-form" novalidate>
            <h2>{t.form_title}</h2>
            <fieldset class="field" aria-describedby=segment_error.as_ref().map(|_| "segment-error")>
                <legend>{t.segment_label}</legend>
                {Segment::ALL.iter().copied().map(|s| {
                    let id = format!("segment-{}", s.as_str());
                    view! {
                        <label for=id.clone() class="choice">
                            <input type="radio" id=id.clone() name="segment" value=s.as_str() checked=s == chosen />
                            {(t.segment)(s)}
                        </label>
                    }
                }).collect_view()}
                <FieldErrorText name="segment".to_string() error=segment_error.clone() />
            </fieldset>
            <div class="field">
                <label for="champ-availability">{t.availability_label}</label>
                <select id="champ-availability" name="availability">
                    {Availability::ALL.iter().copied().map(|a| view! {
                        <option value=a.as_str() selected=chosen_availability == a.as_str()>{(texts.availability)(a)}</option>
                    }).collect_view()}
                </select>
                <FieldErrorText name="availability".to_string() error=error("availability") />
            </div>
            <div class="field">
                <label for="champ-action">{t.action_label}</label>
                {if page.actions.is_empty() {
                    view! { <p class="hint" id="champ-action">{t.no_action}</p> }.into_any()
                } else {
                    view! {
                        <select id="champ-action" name="action">
                            {page.actions.iter().map(|a| {
                                let label = format!("{} — {} ({})", a.title, format_datetime(lang, a.starts_at_ms), (t.going)(a.going));
                                view! { <option value=a.id.to_string() selected=chosen_action == a.id.to_string()>{label}</option> }
                            }).collect_view()}
                        </select>
                    }.into_any()
                }}
                <FieldErrorText name="action".to_string() error=error("action") />
            </div>
            <TextField name="subject" label=t.subject_label value=value("subject") error=error("subject") maxlength=MAX_SUBJECT_CHARS />
            <TextArea name="body" label=t.body_label value=value("body") error=error("body") hint=t.body_hint maxlength=MAX_BODY_CHARS rows=8 />
            // First in the form: Enter in a field counts again, it never sends.
            <button type="submit" name="etape" value="verifier" class="button" disabled=none_left>{t.check}</button>
            {counted.filter(|_| confirmable).map(|n| view! {
                <div class="card confirm" role="status" id="confirmer">
                    <h3>{t.confirm_title}</h3>
                    <p>{(t.confirm_count)(n, by_mail)}</p>
                    <input type="hidden" name="attendu" value=n.to_string() />
                    <button type="submit" name="etape" value="envoyer" class="button primary">{(t.send)(n)}</button>
                    <p class="hint">{t.change}</p>
                </div>
            })}
        </form>
    }
}

#[component]
fn SentLine(a: SentAnnouncement) -> impl IntoView {
    let texts = use_texts();
    let t = texts.announcements;
    let lang = use_lang();
    let segment = match (&a.segment, &a.segment_detail) {
        (Segment::Available, Some(kind)) => {
            let name = Availability::parse(kind).map(|k| (texts.availability)(k).to_string()).unwrap_or_else(|| kind.clone());
            format!("{} ({name})", (t.segment_short)(a.segment))
        }
        (Segment::Participants, Some(title)) => format!("{} ({title})", (t.segment_short)(a.segment)),
        _ => (t.segment_short)(a.segment).to_string(),
    };
    view! {
        <li class="card">
            <a href=format!("/annonces/{}", a.id)><strong>{a.subject}</strong></a>
            <p class="hint">
                <time>{format_datetime(lang, a.created_at_ms)}</time>
                {a.author.map(|author| format!(" · {}", (t.by)(&author.display_name)))}
            </p>
            <p>{(t.history_line)(&segment, a.recipients, a.by_mail)}</p>
        </li>
    }
}
