//! `/boite-a-outils/{id}`: a document — download first (the page's main action), what it is, its
//! validity and tags, "Utiliser pour une action" for who organizes actions, every version, and
//! for its team a new version and deletion. Plain forms.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::documents::get_document::get_document;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::{format_date, format_datetime};
use crate::model::commands::document::MAX_NOTE_CHARS;
use crate::model::documents::DocumentPage;
use crate::model::form::FormOutcome;
use crate::pages::toolbox::details::{DetailsFields, DetailsValues};
use crate::pages::toolbox::{file_facts, Tags, Validity};

#[component]
pub fn DocumentPageView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let document = Resource::new_blocking(id, get_document);
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=document then=move |d| view! { <Document d outcome=outcome.get() /> } />
    }
}

#[component]
fn Document(d: DocumentPage, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().documents;
    let lang = use_lang();
    let line = d.line.clone();
    let id = line.id;
    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
    let chosen_action = value("action");
    let stored = DetailsValues::of(&d);
    view! {
        <Title text=line.title.clone() />
        <article class="page narrow document-page">
            <p><a href="/boite-a-outils">{t.back}</a></p>
            <p class="hint">{(t.category)(line.category)} " · " {(t.scope)(&line.scope)}</p>
            <h1>{line.title.clone()}</h1>
            <p class="document-download">
                <a class="button primary" href=line.current.href.clone() download="">{t.download}</a>
                " "
                <span class="hint">{file_facts(&line.current)} " · " {(t.downloads)(line.download_count)}</span>
            </p>
            <Validity line=line.clone() />
            <FormAlert outcome=outcome.clone().filter(|o| o.problem.is_some() || !o.errors.is_empty()) />
            {(!d.description.is_empty()).then(|| view! { <p class="document-description">{d.description.clone()}</p> })}
            <p class="hint">{t.audience_label} " " {(t.audience)(line.audience)}</p>
            <Tags tags=line.tags.clone() />
            <section class="card" aria-labelledby="utiliser">
                <h2 id="utiliser">{t.use_title}</h2>
                {if !d.signed_in {
                    view! { <p class="hint">{t.sign_in_to_use}</p> }.into_any()
                } else if d.attachable.is_empty() {
                    view! { <p class="hint">{t.no_action}</p> }.into_any()
                } else {
                    view! {
                        <form method="post" action=format!("/boite-a-outils/{id}/actions") class="stack">
                            <p class="hint">{t.use_hint}</p>
                            <div class="field">
                                <label for="champ-action">{t.action_label}</label>
                                <select id="champ-action" name="action">
                                    {d.attachable.iter().map(|a| {
                                        let label = format!("{} — {}", a.title, format_datetime(lang, a.starts_at_ms));
                                        view! { <option value=a.id.to_string() selected=chosen_action == a.id.to_string()>{label}</option> }
                                    }).collect_view()}
                                </select>
                                <FieldErrorText name="action".to_string() error=error("action") />
                            </div>
                            <button type="submit" class="button primary">{t.use_button}</button>
                        </form>
                    }.into_any()
                }}
                {(!d.attached.is_empty()).then(|| view! {
                    <p>{t.attached_to} " "
                        {d.attached.iter().map(|a| view! { <a href=format!("/actions/{}", a.id)>{a.title.clone()}</a> " " }).collect_view()}
                    </p>
                })}
            </section>
            <section class="card" aria-labelledby="versions">
                <h2 id="versions">{t.versions_title}</h2>
                <ol class="versions">
                    {d.versions.iter().map(|v| {
                        let when = (t.version_by)(&format_date(lang, v.created_at_ms), v.uploaded_by.as_deref().unwrap_or_default());
                        let current = v.number == line.current.number;
                        view! {
                            <li>
                                <a href=v.href.clone() download="">{file_facts(v)}</a>
                                {current.then(|| view! { " " <strong>{format!("({})", t.current)}</strong> })}
                                <br /><span class="hint">{when}</span>
                                {(!v.note.is_empty()).then(|| view! { <br /><span>{v.note.clone()}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
            {d.may_manage.then(|| {
                // Its own form's answer only (the others post back to this page too).
                let sent = outcome.clone().filter(|o| o.value("form") == "fiche");
                let open = sent.is_some();
                view! {
                    <details class="card document-details-form" open=open>
                        <summary>{t.edit_details}</summary>
                        <form method="post" action=format!("/boite-a-outils/{id}/modifier") class="stack" novalidate>
                            <p class="hint">{t.edit_details_hint}</p>
                            <input type="hidden" name="form" value="fiche" />
                            <DetailsFields stored=stored.clone() outcome=sent />
                            <button type="submit" class="button primary">{t.save_details}</button>
                        </form>
                    </details>
                }
            })}
            {d.may_manage.then(|| view! {
                <section class="card" aria-labelledby="nouvelle-version">
                    <h2 id="nouvelle-version">{t.new_version_title}</h2>
                    <p class="hint">{t.new_version_hint}</p>
                    <form method="post" action=format!("/boite-a-outils/{id}/versions") enctype="multipart/form-data" class="stack">
                        <div class="field">
                            <label for="champ-fichier">{t.file_label}</label>
                            <input id="champ-fichier" type="file" name="fichier" required=true
                                accept="application/pdf,image/jpeg,image/png,image/webp" aria-describedby="fichier-hint" />
                            <p class="hint" id="fichier-hint">{t.file_hint}</p>
                            <FieldErrorText name="fichier".to_string() error=error("fichier") />
                        </div>
                        <TextField name="note" label=t.note_label value=value("note") error=error("note") maxlength=MAX_NOTE_CHARS required=false />
                        <button type="submit" class="button primary">{t.send_version}</button>
                    </form>
                    // Two steps, without JavaScript too: the button is behind its own summary.
                    <details class="confirm-delete">
                        <summary>{t.delete}</summary>
                        <form method="post" action=format!("/boite-a-outils/{id}/supprimer") class="stack">
                            <p class="hint">{t.delete_hint}</p>
                            <button type="submit" class="button danger">{t.delete_confirm}</button>
                        </form>
                    </details>
                </section>
            })}
        </article>
    }
}
