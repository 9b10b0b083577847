//! The profile form: identity, free lists, availabilities, and who sees each part.

use crate::components::form::{FieldErrorText, FormAlert, TextArea, TextField, VisibilitySelect};
use crate::components::lang::{use_lang, use_texts};
use crate::components::media::{Avatar, PictureForm, PictureFormSpec};
use crate::i18n::format_date;
use crate::model::account::{DisplayName, Handle};
use crate::model::form::FormOutcome;
use crate::model::profile::{Availability, MyProfile, ProfileVisibilities, Visibility, BIO_MAX, STATUS_MAX};
use leptos::prelude::*;

/// The avatar: as others see it, the form that sends a new one, and the one that removes it.
#[component]
fn AvatarForm(profile: MyProfile, outcome: Option<FormOutcome>) -> impl IntoView {
    let t = use_texts().pictures;
    let error = outcome.as_ref().and_then(|o| o.error(crate::model::media::PHOTO_FIELD));
    let current = match profile.avatar.clone() {
        Some(picture) => view! { <Avatar picture alt=(t.avatar_of)(&profile.display_name) size=160 /> }.into_any(),
        None => view! { <p class="hint">{t.no_avatar}</p> }.into_any(),
    };
    let spec = PictureFormSpec {
        name: "photo",
        action: "/profil/photo".to_string(),
        remove_action: profile.avatar.is_some().then(|| "/profil/photo/retirer".to_string()),
        legend: t.avatar_legend,
        hint: t.avatar_hint,
        save: t.save_avatar,
        remove: t.remove_avatar,
    };
    view! { <PictureForm spec error current /> }
}

#[component]
pub(super) fn ProfileEditor(
    profile: MyProfile,
    outcome: Option<FormOutcome>,
    photo_outcome: Option<FormOutcome>,
    saved: bool,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let shown = Shown { from_submission: outcome.is_some(), form: outcome.clone().unwrap_or_default(), profile: profile.clone() };
    let err = |name: &str| shown.form.error(name);
    let v: &ProfileVisibilities = &profile.visibilities;
    let public_href = format!("/membres/{}", profile.handle);
    // One card per list field (mandats, responsabilités, centres d'intérêt): items one per line.
    let list_card = |field: &'static str, label: &'static str, stored: &[String], visibility: Visibility| {
        view! {
            <fieldset class="card">
                <legend>{label}</legend>
                <TextArea name=field label=label value=shown.list(field, stored) error=err(field) hint=t.one_per_line rows=3 />
                <VisibilitySelect field=field selected=shown.visibility(field, visibility) error=err(&format!("{field}_visibility")) />
            </fieldset>
        }
    };
    view! {
        <section class="page">
            <h1>{t.profile_title}</h1>
            <p class="feed-shortcuts">
                <a href=format!("/membres/{}/publications", profile.handle)>{t.feed.my_publications}</a>
                " · "
                <a href="/coopains">{t.feed.nav_coopains}</a>
                " · "
                <a href="/groupes">{t.feed.nav_groups}</a>
            </p>
            {saved.then(|| view! { <div class="alert alert-success" role="status">{t.profile_saved}</div> })}
            <FormAlert outcome=outcome />
            <AvatarForm profile=profile.clone() outcome=photo_outcome />
            <form method="post" action="/profil" class="stack profile-form" novalidate>
                <input type="hidden" name="form" value="profil" />
                <fieldset class="card">
                    <legend>{t.profile_identity}</legend>
                    <TextField
                        name="display_name"
                        label=t.display_name
                        value=shown.text("display_name", &profile.display_name)
                        error=err("display_name")
                        autocomplete="name"
                        maxlength=DisplayName::MAX
                    />
                    <TextField
                        name="handle"
                        label=t.handle
                        value=shown.text("handle", &profile.handle)
                        error=err("handle")
                        hint=t.handle_hint
                        autocomplete="username"
                        maxlength=Handle::MAX
                    />
                </fieldset>
                <fieldset class="card">
                    <legend>{t.status}</legend>
                    <TextField
                        name="status"
                        label=t.status
                        value=shown.text("status", &profile.status)
                        error=err("status")
                        hint=t.status_hint
                        maxlength=STATUS_MAX
                        required=false
                    />
                    <VisibilitySelect field="status" selected=shown.visibility("status", v.status) error=err("status_visibility") />
                </fieldset>
                <fieldset class="card">
                    <legend>{t.bio}</legend>
                    <TextArea name="bio" label=t.bio value=shown.text("bio", &profile.bio) error=err("bio") maxlength=BIO_MAX rows=5 />
                    <VisibilitySelect field="bio" selected=shown.visibility("bio", v.bio) error=err("bio_visibility") />
                </fieldset>
                {list_card("mandates", t.mandates, &profile.mandates, v.mandates)}
                {list_card("responsibilities", t.responsibilities, &profile.responsibilities, v.responsibilities)}
                {list_card("interests", t.interests, &profile.interests, v.interests)}
                <fieldset class="card" aria-describedby="availabilities-hint" id="disponibilites">
                    <legend>{t.availabilities}</legend>
                    <p class="hint" id="availabilities-hint">{t.availabilities_hint}</p>
                    <div class="checkbox-grid">
                        {Availability::ALL
                            .iter().copied()
                            .map(|a| {
                                let id = format!("champ-availabilities-{}", a.as_str());
                                view! {
                                    <div class="choice">
                                        <input type="checkbox" id=id.clone() name="availabilities" value=a.as_str() checked=shown.available(a) />
                                        <label for=id>{(t.availability)(a)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                    <FieldErrorText name="availabilities".to_string() error=err("availabilities") />
                    <VisibilitySelect
                        field="availabilities"
                        selected=shown.visibility("availabilities", v.availabilities)
                        error=err("availabilities_visibility")
                    />
                </fieldset>
                <p class="actions sticky-actions">
                    <button type="submit" class="button primary">{t.profile_save}</button>
                    <a class="button" href=public_href.clone()>{t.profile_view_public}</a>
                </p>
            </form>
            <section class="card" aria-labelledby="private-title">
                <h2 id="private-title">{t.profile_private}</h2>
                <p class="hint">{t.profile_private_hint}</p>
                <dl class="facts">
                    <dt>{t.email}</dt>
                    <dd>{profile.email.clone()}</dd>
                    <dt>{t.postal_code}</dt>
                    <dd>{profile.postal_code.clone()}</dd>
                    <dt>{t.membership}</dt>
                    <dd>{(t.membership_value)(&profile.membership, &profile.membership_status)}</dd>
                </dl>
                <p class="hint">{(t.member_since)(&format_date(lang, profile.member_since_ms))}</p>
            </section>
        </section>
    }
}

/// What the form shows: the submitted values after a refused submission, else what is stored.
struct Shown {
    form: FormOutcome,
    from_submission: bool,
    profile: MyProfile,
}

impl Shown {
    fn text(&self, name: &str, stored: &str) -> String {
        if self.from_submission {
            self.form.value(name)
        } else {
            stored.to_string()
        }
    }

    fn list(&self, name: &str, stored: &[String]) -> String {
        if self.from_submission {
            self.form.value(name)
        } else {
            stored.join("\n")
        }
    }

    fn visibility(&self, field: &str, stored: Visibility) -> Visibility {
        if self.from_submission {
            Visibility::parse(&self.form.value(&format!("{field}_visibility"))).unwrap_or(stored)
        } else {
            stored
        }
    }

    fn available(&self, a: Availability) -> bool {
        if self.from_submission {
            self.form.values.has("availabilities", a.as_str())
        } else {
            self.profile.availabilities.contains(&a)
        }
    }
}
