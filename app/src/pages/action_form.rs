//! `/actions/nouvelle` (create, or propose for adhérents) and `/actions/{id}/modifier` (edit).
//! One plain form; after a refused submission it comes back with what was typed and one French
//! message per field to fix.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::actions::get_action_form::get_action_form;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::components::map::MapBox;
use crate::model::action::{ActionAudience, ActionFormView, ActionKind};
use crate::model::form::{FormOutcome, FormValues};

#[component]
pub fn NewActionPage() -> impl IntoView {
    view! { <ActionFormPage id=None /> }
}

#[component]
pub fn EditActionPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.read_untracked().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    view! { <ActionFormPage id=Some(id) /> }
}

#[component]
fn ActionFormPage(id: Option<i64>) -> impl IntoView {
    // "Organiser une action" from a counted vote (`?vote=…&option=…`) or a closed debate
    // (`?debat=…&proposition=…`).
    let query = use_query_map();
    let decided_by = move || {
        use crate::model::action::DecidedFrom;
        let q = query.read();
        let number = |name: &str| q.get(name).and_then(|v| v.parse::<i64>().ok());
        match (number("vote"), number("debat")) {
            (Some(vote), _) => Some(DecidedFrom::Vote(vote, number("option").and_then(|o| usize::try_from(o).ok()))),
            (None, Some(debate)) => Some(DecidedFrom::Debate(debate, number("proposition"))),
            (None, None) => None,
        }
    };
    let form = Resource::new_blocking(move || (id, decided_by()), |(id, decided_by)| get_action_form(id, decided_by));
    let outcome = use_form_outcome();
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=form then=move |view| {
            let outcome = outcome.get();
            view! { <ActionForm id view outcome /> }
        } />
    }
}

#[component]
fn ActionForm(id: Option<i64>, view: ActionFormView, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().actions;
    let names = use_texts().territory;
    let form = FormValues::new(outcome.clone(), view.values.clone());
    let value = |name: &str| form.value(name);
    let error = |name: &str| form.error(name);
    let title = match id {
        Some(_) => (t.edit_title)(&view.title),
        None => t.form_title.to_string(),
    };
    let action_url = match id {
        Some(id) => format!("/actions/{id}/modifier"),
        None => "/actions".to_string(),
    };
    let submit = match (id, view.propose_only) {
        (Some(_), _) => t.save_submit,
        (None, true) => t.propose_submit,
        (None, false) => t.create_submit,
    };
    let kind = value("kind");
    let audience = value("audience");
    let scope = value("scope");
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            <h1>{title}</h1>
            {view.propose_only.then(|| view! { <p class="hint">{t.propose_hint}</p> })}
            {view.decision.clone().map(|d| view! {
                <p class="decided-by hint">
                    <a href=d.path()>
                        {(use_texts().votes.decision_note)(d.source, &d.title, &crate::i18n::format_date(use_lang(), d.decided_at_ms))}
                    </a>
                </p>
            })}
            <FormAlert outcome=outcome.clone() />
            <form method="post" action=action_url class="action-form">
                {(!value("vote").is_empty()).then(|| view! { <input type="hidden" name="vote" value=value("vote") /> })}
                {(!value("debat").is_empty()).then(|| view! { <input type="hidden" name="debat" value=value("debat") /> })}
                <FieldErrorText name="vote".to_string() error=error("vote") />
                {(view.scopes.len() > 1).then(|| view! {
                    <div class="field">
                        <label for="champ-scope">{t.scope_label}</label>
                        <select id="champ-scope" name="scope">
                            {view.scopes.iter().map(|(v, s)| view! { <option value=v.clone() selected=*v == scope>{names.scope_name(s)}</option> }).collect_view()}
                        </select>
                        <FieldErrorText name="scope".to_string() error=error("scope") />
                    </div>
                })}
                {(view.scopes.len() == 1).then(|| view.scopes.first().map(|(v, s)| view! {
                    <input type="hidden" name="scope" value=v.clone() />
                    <p class="hint">{t.scope_label}"\u{a0}: "{names.scope_name(s)}</p>
                }))}
                <div class="field">
                    <label for="champ-kind">{t.kind_label}</label>
                    <select id="champ-kind" name="kind">
                        {ActionKind::ALL.iter().map(|k| view! { <option value=k.as_str() selected=k.as_str() == kind>{(t.kind)(*k)}</option> }).collect_view()}
                    </select>
                    <FieldErrorText name="kind".to_string() error=error("kind") />
                </div>
                <TextField name="title" label=t.title_label value=value("title") error=error("title") maxlength=120 />
                <TextArea name="description" label=t.description_label value=value("description") error=error("description") maxlength=5000 rows=4 />
                <TextField name="starts_at" label=t.starts_label input_type="datetime-local" value=value("starts_at") error=error("starts_at") />
                <TextField name="ends_at" label=t.ends_label input_type="datetime-local" value=value("ends_at") error=error("ends_at") />
                <TextField name="place_name" label=t.place_label hint=t.place_hint value=value("place_name") error=error("place_name") maxlength=120 />
                <TextField name="address" label=t.address_label value=value("address") error=error("address") maxlength=200 required=false />
                <TextField name="commune" label=t.commune_label hint=t.commune_hint value=value("commune") error=error("commune") maxlength=80 required=false />
                <fieldset class="field coordinates">
                    <legend>{t.meeting_point_on_map}</legend>
                    <p class="hint">{t.map_no_point}</p>
                    // Shown by field-map.js: fills lat/lng from the phone, or from a tap on the map.
                    <button
                        type="button"
                        class="button subtle geolocate"
                        hidden=true
                        data-geolocate-fill=""
                        data-locating=t.locating
                        data-refused=t.position_refused
                        data-unavailable=t.position_unavailable
                        data-taken=t.position_taken
                    >
                        {t.use_my_position}
                    </button>
                    <p class="hint" role="status" data-geolocate-status=""></p>
                    <MapBox map=view.map.clone() label=t.pick_on_map kind="picker" />
                    // The exact point, for whoever has it (and without JavaScript): folded away,
                    // empty means the commune's reference point.
                    <details class="coordinates-manual" open=error("lat").is_some() || error("lng").is_some()>
                        <summary>{t.coordinates_manual}</summary>
                        <p class="hint">{t.coordinates_hint}</p>
                        <TextField name="lat" label=t.lat_label inputmode="decimal" value=value("lat") error=error("lat") maxlength=12 required=false />
                        <TextField name="lng" label=t.lng_label inputmode="decimal" value=value("lng") error=error("lng") maxlength=12 required=false />
                    </details>
                </fieldset>
                <TextField name="capacity" label=t.capacity_label hint=t.capacity_hint inputmode="numeric" value=value("capacity") error=error("capacity") maxlength=6 required=false />
                <TextField name="material" label=t.material_label value=value("material") error=error("material") maxlength=500 required=false />
                <fieldset class="field">
                    <legend>{t.audience_label}</legend>
                    {ActionAudience::ALL.iter().map(|a| view! {
                        <label class="choice">
                            <input type="radio" name="audience" value=a.as_str() checked=a.as_str() == audience />
                            " "{(t.audience)(*a)}
                        </label>
                    }).collect_view()}
                    <FieldErrorText name="audience".to_string() error=error("audience") />
                </fieldset>
                <TextField name="reinforcements" label=t.renfort_label hint=t.renfort_hint inputmode="numeric" value=value("reinforcements") error=error("reinforcements") maxlength=4 required=false />
                <TextField name="organizers" label=t.organizers_label hint=t.organizers_hint value=value("organizers") error=error("organizers") maxlength=300 required=false />
                <button type="submit" class="button primary">{submit}</button>
            </form>
        </section>
    }
}
