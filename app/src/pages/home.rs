use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::lang::use_texts;
use crate::components::layout::use_current_user;
use crate::model::user::CurrentUser;

/// Visitors learn what Coopol is and how to join; members get their dashboard.
#[component]
pub fn HomePage() -> impl IntoView {
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Some(user) => view! { <Dashboard user /> }.into_any(),
                    None => view! { <Landing /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Landing() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text="" />
        <section class="hero">
            <h1>{t.home_title}</h1>
            <p class="lead">{t.home_lead}</p>
            <ul class="points">
                {t.home_points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
            <p class="actions">
                <a class="button primary" href="/inscription">{t.home_cta_signup}</a>
                <a class="button" href="/connexion">{t.home_cta_signin}</a>
            </p>
        </section>
    }
}

#[component]
fn Dashboard(user: CurrentUser) -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.nav_home />
        <section class="page">
            <h1>{(t.dashboard_greeting)(&user.display_name)}</h1>
            <p class="empty-state">{t.dashboard_empty}</p>
            <p class="actions">
                <a class="button primary" href="/actions">{t.actions.list_title}</a>
                <a class="button" href="/fil">{t.feed.home_title}</a>
                {user.section_slug.clone().map(|slug| view! { <a class="button" href=format!("/sections/{slug}")>{t.territory.nav_my_section}</a> })}
                <a class="button" href="/profil">{t.dashboard_profile_link}</a>
                <a class="button" href=format!("/membres/{}", user.handle)>{t.dashboard_public_link}</a>
            </p>
        </section>
    }
}
