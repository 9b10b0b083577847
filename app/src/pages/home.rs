use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::get_home::get_home;
use crate::components::actions::ActionCard;
use crate::components::lang::{use_lang, use_texts};
use crate::components::layout::use_current_user;
use crate::error::AppError;
use crate::i18n::format_datetime;
use crate::model::home::{FirstStep, HomeView};
use crate::model::user::CurrentUser;
use crate::pages::error_view::ErrorView;

/// Visitors learn what Coopol is and how to join; members get their home.
#[component]
pub fn HomePage() -> impl IntoView {
    let user = use_current_user();
    view! {
        <Suspense fallback=|| ()>
            // The member's home is read here, after the person, not by a resource created inside
            // this `Suspend` (such a resource could leave the render waiting for ever). Not in a
            // reactive closure either: that one ran again when the person's resource resolved
            // after it had started, reading the home twice (the page is drawn once, on the server).
            {Suspend::new(async move {
                match user.await {
                    Some(user) => {
                        let home = get_home().await;
                        view! { <Dashboard user home /> }.into_any()
                    }
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

/// The member's home: the first step (newcomers), my next actions, actions near me that suit
/// my availabilities, my unread notifications and what is new in my section.
#[component]
fn Dashboard(user: CurrentUser, home: Result<HomeView, AppError>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.nav_home />
        <section class="page home">
            <h1>{(t.dashboard_greeting)(&user.display_name)}</h1>
            {match home {
                Ok(home) => view! { <HomeSections home user /> }.into_any(),
                Err(error) => view! { <ErrorView error /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn HomeSections(home: HomeView, user: CurrentUser) -> impl IntoView {
    let t = use_texts();
    let first_step = home.first_step.map(|step| {
        let (what, cta) = (t.first_step)(step);
        let href = match step {
            FirstStep::FindSection => "/profil#ma-section".to_string(),
            FirstStep::JoinAnAction => home.near.first().map(|a| format!("/actions/{}", a.id)).unwrap_or_else(|| "/actions".into()),
            FirstStep::SetAvailabilities => "/profil#disponibilites".to_string(),
            FirstStep::BrowseActions => "/actions".to_string(),
        };
        view! {
            <section class="card first-step" aria-labelledby="premier-pas">
                <h2 id="premier-pas">{t.first_step_title}</h2>
                <p>{what}</p>
                <p><a class="button primary" href=href>{cta}</a></p>
            </section>
        }
    });
    let next = view! {
        <section class="home-block" aria-labelledby="prochaines-actions">
            <h2 id="prochaines-actions">{t.dashboard_next_title}</h2>
            {home.next.is_empty().then(|| view! { <p class="hint">{t.dashboard_no_next}</p> })}
            <ul class="action-list">
                {home.next.into_iter().map(|a| view! { <li><ActionCard action=a /></li> }).collect_view()}
            </ul>
            <p class="inline-actions">
                <a class="button" href="/mes-actions">{t.dashboard_all_mine}</a>
                <a class="button" href="/actions">{t.actions.list_title}</a>
            </p>
        </section>
    };
    let near = (!home.near.is_empty()).then(|| {
        view! {
            <section class="home-block" aria-labelledby="pres-de-chez-toi">
                <h2 id="pres-de-chez-toi">{t.dashboard_near_title}</h2>
                <ul class="action-list">
                    {home.near.into_iter().map(|a| view! { <li><ActionCard action=a /></li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let notifications = (!home.notifications.is_empty()).then(|| {
        view! { <UnreadNotifications notifications=home.notifications /> }
    });
    let news = user.section_slug.clone().map(|slug| view! { <SectionNews posts=home.section_news slug /> });
    view! {
        {first_step}
        {next}
        {near}
        {notifications}
        {news}
        <p class="inline-actions">
            <a class="button" href="/fil">{t.feed.home_title}</a>
            <a class="button" href="/profil">{t.dashboard_profile_link}</a>
            <a class="button" href=format!("/membres/{}", user.handle)>{t.dashboard_public_link}</a>
        </p>
    }
}

#[component]
fn UnreadNotifications(notifications: Vec<crate::model::feed::NotificationView>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <section class="home-block" aria-labelledby="non-lues">
            <h2 id="non-lues">{t.dashboard_notifications_title}</h2>
            <ul class="compact-list">
                {notifications.into_iter().map(|n| view! {
                    <li>
                        <a href=n.link.clone()>{t.feed.describe_notification(&n)}</a>
                        " "<time class="hint">{format_datetime(lang, n.created_at_ms)}</time>
                    </li>
                }).collect_view()}
            </ul>
            <p><a href="/notifications">{t.dashboard_all_notifications}</a></p>
        </section>
    }
}

#[component]
fn SectionNews(posts: Vec<crate::model::feed::PostView>, slug: String) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <section class="home-block" aria-labelledby="nouveau-section">
            <h2 id="nouveau-section">{t.dashboard_news_title}</h2>
            {posts.is_empty().then(|| view! { <p class="hint">{t.dashboard_no_news}</p> })}
            <ul class="compact-list news">
                {posts.into_iter().map(|p| view! {
                    <li>
                        <p class="hint">
                            <crate::components::feed::AuthorLink author=p.author.clone() />
                            " · "<time>{format_datetime(lang, p.created_at_ms)}</time>
                        </p>
                        <crate::components::feed::MessageBody html=p.html.as_str().to_string() deleted=p.author.is_none() class="post-body excerpt" />
                        <a href=format!("/publications/{}", p.id)>{t.dashboard_read_more}</a>
                    </li>
                }).collect_view()}
            </ul>
            <p><a href=format!("/sections/{slug}/fil")>{t.dashboard_news_link}</a></p>
        </section>
    }
}
