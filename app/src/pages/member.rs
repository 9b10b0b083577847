use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::profile::get_member_profile::get_member_profile;
use crate::components::lang::{use_lang, use_texts};
use crate::components::layout::encode_component;
use crate::components::loaded::Loaded;
use crate::components::media::Avatar;
use crate::i18n::format_date;
use crate::model::feed::CoopainState;
use crate::model::profile::ProfileView;

/// A member's public page: only what the policy lets this viewer see.
#[component]
pub fn MemberPage() -> impl IntoView {
    let params = use_params_map();
    let handle = move || params.read().get("handle").unwrap_or_default();
    let profile = Resource::new_blocking(handle, get_member_profile);
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=profile then=move |profile| view! { <MemberProfile profile /> } />
    }
}

/// Request, accept, remove, block: what fits how the viewer relates to this person (read with
/// the profile, in the same statement).
#[component]
fn CoopainButtons(handle: String, state: Option<CoopainState>) -> impl IntoView {
    let t = use_texts().feed;
    let query = use_query_map();
    let just_sent = move || query.read().get("demande").is_some_and(|v| v == "envoyee");
    let action = format!("/coopains/{handle}");
    let Some(state) = state else { return ().into_any() };
    let buttons: Vec<(&'static str, &'static str)> = match state {
        CoopainState::Myself => return ().into_any(),
        CoopainState::None => vec![("demander", t.add_coopain), ("bloquer", t.block)],
        CoopainState::RequestSent => vec![("bloquer", t.block)],
        CoopainState::RequestReceived => vec![("accepter", t.accept), ("refuser", t.decline), ("bloquer", t.block)],
        CoopainState::Coopains => vec![("retirer", t.remove_coopain), ("bloquer", t.block)],
        CoopainState::Blocked => vec![("debloquer", t.unblock)],
    };
    view! {
        {(state == CoopainState::RequestSent || just_sent()).then(|| view! { <p class="alert alert-success" role="status">{t.request_sent}</p> })}
        {(state == CoopainState::Coopains).then(|| view! { <p class="hint">{t.are_coopains}</p> })}
        <form method="post" action=action class="coopain-actions">
            {buttons.into_iter().map(|(value, label)| view! {
                <button type="submit" name="action" value=value class="button" title=(value == "bloquer").then_some(t.block_hint)>{label}</button>
            }).collect_view()}
        </form>
    }
    .into_any()
}

#[component]
fn ListSection(title: &'static str, items: Option<Vec<String>>) -> impl IntoView {
    items.filter(|items| !items.is_empty()).map(|items| {
        view! {
            <section class="card">
                <h2>{title}</h2>
                <ul class="tags">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

#[component]
fn MemberProfile(profile: ProfileView) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let nothing_visible = profile.bio.is_none()
        && profile.status.is_none()
        && profile.mandates.as_ref().is_none_or(|l| l.is_empty())
        && profile.responsibilities.as_ref().is_none_or(|l| l.is_empty())
        && profile.interests.as_ref().is_none_or(|l| l.is_empty())
        && profile.availabilities.as_ref().is_none_or(|l| l.is_empty());
    let availabilities = profile.availabilities.map(|list| list.into_iter().map(|a| (t.availability)(a).to_string()).collect::<Vec<_>>());
    view! {
        <Title text=profile.display_name.clone() />
        <article class="page member">
            <header class="member-header">
                {profile.avatar.clone().map(|picture| view! { <Avatar picture alt=(t.pictures.avatar_of)(&profile.display_name) size=160 /> })}
                <h1>{profile.display_name.clone()}</h1>
                <p class="handle">"@"{profile.handle.clone()}</p>
                {profile.status.map(|s| view! { <p class="status-line">{s}</p> })}
                <p class="hint">{(t.member_since)(&format_date(lang, profile.member_since_ms))}</p>
                {profile.is_me.then(|| view! { <p><a class="button" href="/profil">{t.member_edit_mine}</a></p> })}
                <p><a href=format!("/membres/{}/publications", profile.handle)>{t.feed.member_feed_link}</a></p>
                {matches!(profile.coopain, Some(state) if state != CoopainState::Myself && state != CoopainState::Blocked).then(|| view! {
                    <p><a class="button primary" href=format!("/messages/nouveau?a={}", encode_component(&profile.handle))>{t.messages.write_to}</a></p>
                })}
                <CoopainButtons handle=profile.handle.clone() state=profile.coopain />
                {(!profile.is_me).then(|| view! { <p><a class="report-link hint" href=format!("/signaler/profil/{}", profile.handle)>{t.moderation.report_link}</a></p> })}
            </header>
            {profile.bio.map(|bio| view! {
                <section class="card">
                    <h2>{t.bio}</h2>
                    <p class="bio">{bio}</p>
                </section>
            })}
            <ListSection title=t.mandates items=profile.mandates />
            <ListSection title=t.responsibilities items=profile.responsibilities />
            <ListSection title=t.interests items=profile.interests />
            <ListSection title=t.availabilities items=availabilities />
            {nothing_visible.then(|| view! { <p class="empty-state">{t.member_nothing_visible}</p> })}
        </article>
    }
}
