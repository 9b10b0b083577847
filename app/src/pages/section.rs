use crate::components::actions::ScopeActions;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::territory::get_section::get_section;
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::components::media::Banner;
use crate::components::territory::{AuditList, MemberList, OfficerList, TeamForm};
use crate::i18n::format_number;
use crate::model::territory::{Role, SectionView};

/// `/sections/{slug}`: description, team, counts, communes; for members the directory; for the
/// team the newcomers and the journal.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let section = Resource::new_blocking(slug, get_section);
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=section then=move |section| view! { <Section section /> } />
    }
}

#[component]
fn Section(section: SectionView) -> impl IntoView {
    let t = use_texts().territory;
    let lang = use_lang();
    let abilities = section.abilities.clone();
    let page = format!("/sections/{}", section.slug);
    view! {
        <Title text=section.name.clone() />
        <article class="page">
            <header>
                {section.banner.clone().map(|picture| view! { <Banner picture /> })}
                <h1>{section.name.clone()}</h1>
                <p class="hint">
                    <a href=format!("/federations/{}", section.federation.code)>{(t.section_of)(&section.federation.name)}</a>
                    {section.is_my_section.then(|| view! { " · "<strong>{t.my_section_badge}</strong> })}
                </p>
                <p class="counts">{(t.counts)(section.adherents, section.sympathisants)}</p>
                <p><a class="button primary" href=format!("{page}/fil")>{use_texts().feed.section_feed_link}</a></p>
                {(!section.description.is_empty()).then(|| view! { <p class="bio">{section.description.clone()}</p> })}
                {abilities.edit.then(|| view! { <p><a class="button" href=format!("{page}/modifier")>{t.edit_section}</a></p> })}
                {abilities.announcements.then(|| view! {
                    <p><a class="button" href=format!("{page}/annonces")>{use_texts().announcements.link}</a></p>
                })}
                {abilities.votes.then(|| view! {
                    <p><a class="button" href=format!("{page}/votes")>{use_texts().votes.link}</a></p>
                })}
                <p><a class="button" href=format!("{page}/debats")>{use_texts().debates.link}</a></p>
                <p><a class="button" href="/boite-a-outils">{use_texts().documents.link}</a></p>
            </header>
            <ScopeActions actions=section.actions />
            {section.may_see_statistics.then(|| view! {
                <p><a class="button" href=format!("{page}/statistiques")>{use_texts().reports.stats_link}</a></p>
            })}
            <section class="card" aria-labelledby="contact-title" id="contact">
                <h2 id="contact-title">{t.contact_title}</h2>
                {if section.contact_email.is_empty() {
                    view! { <p class="hint">{t.contact_none}</p> }.into_any()
                } else {
                    let mailto = format!("mailto:{}", section.contact_email);
                    view! {
                        <p><a class="button" href=mailto>{t.contact_write}</a></p>
                        <p class="hint">{section.contact_email.clone()}</p>
                    }.into_any()
                }}
            </section>
            <section class="card" aria-labelledby="team-title">
                <h2 id="team-title">{t.section_team}</h2>
                <OfficerList officers=section.officers empty=t.no_officers />
                {abilities.grant_roles.then(|| view! {
                    <h3>{t.team_form_title}</h3>
                    <TeamForm action=format!("{page}/equipe") roles=vec![Role::SectionSecretary, Role::SectionAnimator, Role::Moderator] />
                })}
            </section>
            {section.newcomers.map(|people| view! {
                <section class="card" aria-labelledby="newcomers-title">
                    <h2 id="newcomers-title">{t.newcomers}" ("{format_number(lang, people.len() as i64)}")"</h2>
                    <p class="hint">{t.newcomers_hint}</p>
                    <MemberList members=people empty=t.newcomers_empty decide_back_to=abilities.decide_memberships.then(|| page.clone()) />
                </section>
            })}
            <section class="card" aria-labelledby="directory-title">
                <h2 id="directory-title">{t.directory}</h2>
                {match section.directory {
                    Some(members) => view! {
                        <p class="hint">{t.directory_hint}</p>
                        <MemberList members empty=t.directory_empty />
                        <p><a class="button" href=format!("{page}/annuaire")>{t.directory_all}</a></p>
                    }.into_any(),
                    None => view! { <p class="hint">{t.directory_members_only}</p> }.into_any(),
                }}
            </section>
            <section class="card" aria-labelledby="communes-title">
                <h2 id="communes-title">{t.communes_covered}" ("{format_number(lang, section.communes.len() as i64)}")"</h2>
                <ul class="tags">{section.communes.into_iter().map(|c| view! { <li>{c.name}</li> }).collect_view()}</ul>
            </section>
            {section.audit.map(|entries| view! {
                <section class="card" aria-labelledby="journal-title">
                    <h2 id="journal-title">{t.journal}</h2>
                    <AuditList entries />
                </section>
            })}
        </article>
    }
}
