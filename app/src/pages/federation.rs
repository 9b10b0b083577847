use crate::components::actions::ScopeActions;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::territory::get_federation::get_federation;
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::components::territory::{AuditList, MemberList, OfficerList, TeamForm};
use crate::i18n::format_number;
use crate::model::territory::{FederationView, Role};

/// `/federations/{code}`: a département's federation, its sections and responsables.
#[component]
pub fn FederationPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let federation = Resource::new_blocking(code, get_federation);
    view! {
        <Loaded resource=federation then=move |federation| view! { <Federation federation /> } />
    }
}

#[component]
fn Federation(federation: FederationView) -> impl IntoView {
    let t = use_texts().territory;
    let lang = use_lang();
    let code = federation.code.clone();
    let abilities = federation.abilities.clone();
    view! {
        <Title text=federation.name.clone() />
        <article class="page">
            <header>
                <h1>{federation.name.clone()}</h1>
                <p class="hint">{(t.federation_label)(&federation.code, &federation.region)}</p>
                <p class="counts">{(t.counts)(federation.adherents, federation.sympathisants)}</p>
                <p><a class="button primary" href=format!("/federations/{code}/fil")>{use_texts().feed.federation_feed_link}</a></p>
                {abilities.announcements.then(|| view! {
                    <p><a class="button" href=format!("/federations/{code}/annonces")>{use_texts().announcements.link}</a></p>
                })}
                {abilities.votes.then(|| view! {
                    <p><a class="button" href=format!("/federations/{code}/votes")>{use_texts().votes.link}</a></p>
                })}
                <p><a class="button" href=format!("/federations/{code}/debats")>{use_texts().debates.link}</a></p>
            </header>
            <ScopeActions actions=federation.actions />
            <section class="card" aria-labelledby="sections-title">
                <h2 id="sections-title">{t.sections}</h2>
                {if federation.sections.is_empty() {
                    view! { <p class="hint">{t.no_sections}</p> }.into_any()
                } else {
                    view! {
                        <ul class="people">
                            {federation.sections.into_iter().map(|s| view! {
                                <li><a href=format!("/sections/{}", s.slug)>{s.name}</a>" "<span class="hint">{(t.communes_count)(s.communes)}</span></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {abilities.create_sections.then(|| view! {
                    <p><a class="button primary" href=format!("/federations/{code}/nouvelle-section")>{t.new_section}</a></p>
                })}
            </section>
            <section class="card" aria-labelledby="officers-title">
                <h2 id="officers-title">{t.federation_officers}</h2>
                <OfficerList officers=federation.officers empty=t.no_officers />
                {abilities.grant_roles.then(|| view! {
                    <h3>{t.team_form_title}</h3>
                    <TeamForm action=format!("/federations/{}/equipe", federation.code) roles=vec![Role::FederationFirstSecretary, Role::FederationAnimator, Role::Moderator] />
                })}
            </section>
            {federation.newcomers.map(|people| view! {
                <section class="card" aria-labelledby="newcomers-title">
                    <h2 id="newcomers-title">{t.newcomers}" ("{format_number(lang, people.len() as i64)}")"</h2>
                    <p class="hint">{t.newcomers_hint}</p>
                    <MemberList members=people empty=t.newcomers_empty decide_back_to=abilities.decide_memberships.then(|| format!("/federations/{}", federation.code)) />
                </section>
            })}
            {federation.audit.map(|entries| view! {
                <section class="card" aria-labelledby="journal-title">
                    <h2 id="journal-title">{t.journal}</h2>
                    <AuditList entries />
                </section>
            })}
        </article>
    }
}
