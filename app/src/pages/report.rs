//! `/actions/{id}/compte-rendu`: what got done at an action, and the new contacts met (each with
//! their consent and a retention period). A plain form; `public/offline-report.js` keeps it on
//! the phone when there is no network and sends it when the connection returns (the hidden
//! idempotency key makes a second delivery harmless).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::actions::get_report_form::get_report_form;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_feed_texts, use_texts};
use crate::components::loaded::Loaded;
use crate::components::media::{PhotoFields, PhotoSlots, PictureFrame};
use crate::model::form::{FormOutcome, FormValues};
use crate::model::media::Picture;
use crate::model::report::{ReportFormView, CONTACT_RETENTION_MONTHS, CONTACT_ROWS, MAX_REPORT_PHOTOS, REMOVE_PHOTO_FIELD};

#[component]
pub fn ReportPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.read_untracked().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let form = Resource::new_blocking(move || id, get_report_form);
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=form then=move |view| {
            let outcome = outcome.get();
            view! { <ReportForm view outcome /> }
        } />
    }
}

#[component]
fn ReportForm(view: ReportFormView, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().reports;
    let form = FormValues::new(outcome.clone(), view.values.clone());
    let value = |name: &str| form.value(name);
    let error = |name: &str| form.error(name);
    // A refused submission keeps its key: it was not recorded, the corrected one will be.
    let key = outcome.as_ref().map(|o| o.value("cle")).filter(|k| !k.is_empty()).unwrap_or(view.key.clone());
    let id = view.action_id;
    let title = (t.form_title)(&view.title);
    // Kept photos ticked "retirer" stay ticked when the form comes back refused.
    let removing: Vec<String> =
        outcome.as_ref().map(|o| o.values.values(REMOVE_PHOTO_FIELD).into_iter().map(str::to_string).collect()).unwrap_or_default();
    let free_slots = MAX_REPORT_PHOTOS.saturating_sub(view.photos.len());
    let photo_slots = PhotoSlots::new(free_slots, value, error);
    let photos_error = error("photos");
    let number = |name: &'static str, label: &'static str| {
        view! { <TextField name label inputmode="numeric" value=value(name) error=error(name) maxlength=7 required=false /> }
    };
    let contacts = (1..=CONTACT_ROWS)
        .map(|i| {
            let f = move |suffix: &str| format!("contact{i}_{suffix}");
            let checked = |suffix: &str| value(&f(suffix)) == "oui";
            let months = value(&f("duree"));
            view! {
                <fieldset class="card contact-row">
                    <legend>{(t.contact_legend)(i)}</legend>
                    <TextField name=f("name") label=t.contact_name value=value(&f("name")) error=error(&f("name")) maxlength=80 required=false />
                    <TextField name=f("phone") label=t.contact_phone input_type="tel" value=value(&f("phone")) error=error(&f("phone")) maxlength=20 required=false />
                    <TextField name=f("email") label=t.contact_email input_type="email" value=value(&f("email")) error=error(&f("email")) maxlength=254 required=false />
                    <div class="field checkbox" class:has-error=error(&f("consent")).is_some()>
                        <input type="checkbox" id=format!("champ-{}", f("consent")) name=f("consent") value="oui" checked=checked("consent") />
                        <label for=format!("champ-{}", f("consent"))>{t.contact_consent}</label>
                        <FieldErrorText name=f("consent") error=error(&f("consent")) />
                    </div>
                    <fieldset class="field">
                        <legend>{t.contact_wants}</legend>
                        {[("rappel", t.wants_callback), ("nouvelles", t.wants_news), ("benevole", t.wants_volunteer)].into_iter().map(|(suffix, label)| view! {
                            <label class="choice">
                                <input type="checkbox" name=f(suffix) value="oui" checked=checked(suffix) />
                                " "{label}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <div class="field" class:has-error=error(&f("duree")).is_some()>
                        <label for=format!("champ-{}", f("duree"))>{t.contact_retention}</label>
                        <select id=format!("champ-{}", f("duree")) name=f("duree")>
                            {CONTACT_RETENTION_MONTHS.iter().map(|m| {
                                let selected = months == m.to_string() || (months.is_empty() && *m == 12);
                                view! { <option value=m.to_string() selected=selected>{(t.retention_months)(*m)}</option> }
                            }).collect_view()}
                        </select>
                        <FieldErrorText name=f("duree") error=error(&f("duree")) />
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            <h1>{title}</h1>
            <p class="lead">{t.form_intro}</p>
            {view.already_written.then(|| view! { <p class="hint">{t.rewrite_hint}</p> })}
            {view.not_started.then(|| view! { <p class="alert alert-warning">{t.not_started_hint}</p> })}
            <FormAlert outcome=outcome.clone() />
            <form
                method="post"
                action=format!("/actions/{id}/compte-rendu")
                enctype="multipart/form-data"
                class="report-form"
                data-offline-report=format!("/actions/{id}")
                data-pending=t.pending
                data-photos-lost=t.photos_lost
                data-sent=t.sent
                data-refused=t.refused
                data-sign-in=t.waiting_sign_in
            >
                <input type="hidden" name="cle" value=key />
                <fieldset class="field">
                    <legend>{t.figures_legend}</legend>
                    {number("present", t.present)}
                    {number("tracts", t.tracts)}
                    {number("doors_knocked", t.doors_knocked)}
                    {number("doors_opened", t.doors_opened)}
                    {number("conversations", t.conversations)}
                    {number("calls", t.calls)}
                </fieldset>
                <TextArea name="notes" label=t.notes hint=t.notes_hint value=value("notes") error=error("notes") maxlength=2000 rows=3 />
                <h2>{t.photos_title}</h2>
                <p class="hint">{t.photos_intro}</p>
                <KeptPhotos photos=view.photos.clone() removing default_alt=(t.photo_default_alt)(&view.title) />
                {if free_slots == 0 {
                    view! {
                        <p class="hint">{t.photos_full}</p>
                        <FieldErrorText name="photos".to_string() error=photos_error />
                    }.into_any()
                } else {
                    view! { <PhotoFields slots=photo_slots /> }.into_any()
                }}
                <h2>{t.contacts_legend}</h2>
                <p class="hint">{t.contacts_intro}</p>
                {contacts}
                // Said beside the button that was tapped (the form is long on a phone).
                <p class="report-status alert" role="status" aria-live="polite" hidden id="report-status"></p>
                // Shown and filled by offline-report.js while the form goes up.
                <p class="upload-progress" role="status" id="report-upload" hidden>
                    <label for="report-progress">{use_feed_texts().sending_progress}</label>
                    <progress id="report-progress" max="100" value="0"></progress>
                </p>
                <button type="submit" class="button primary">{t.submit}</button>
            </form>
        </section>
    }
}

/// The photos the compte-rendu holds, each with its "Retirer" box (ticked ones go when the form
/// is sent).
#[component]
fn KeptPhotos(photos: Vec<Picture>, removing: Vec<String>, default_alt: String) -> impl IntoView {
    let t = use_texts().reports;
    if photos.is_empty() {
        return ().into_any();
    }
    view! {
        <fieldset class="field kept-photos">
            <legend>{t.photos_kept}</legend>
            <ul>
                {photos
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let id = format!("champ-retirer-photo-{}", i + 1);
                        let ticked = removing.contains(&p.key);
                        let alt = if p.alt.is_empty() { default_alt.clone() } else { p.alt.clone() };
                        view! {
                            <li>
                                <PictureFrame picture=p.clone() alt sizes="(min-width: 44rem) 20rem, 50vw" />
                                <div class="field checkbox">
                                    <input type="checkbox" id=id.clone() name=REMOVE_PHOTO_FIELD value=p.key.clone() checked=ticked />
                                    <label for=id>{(t.photo_remove)(i + 1)}</label>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
    .into_any()
}
