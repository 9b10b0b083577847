//! `/coopains`: my coopains, requests received and sent, suggestions, blocked people.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::feed::get_coopains::get_coopains;
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::feed::{CoopainsView, PersonCard};

#[component]
pub fn CoopainsPage() -> impl IntoView {
    let t = use_texts().feed;
    let view_data = Resource::new_blocking(|| (), |_| get_coopains());
    view! {
        <Title text=t.coopains_title />
        <Loaded resource=view_data then=move |data| view! { <Coopains data /> } />
    }
}

/// One person with the buttons that fit (each a form posting to /coopains/{handle}).
#[component]
fn Person(card: PersonCard, actions: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let t = use_texts().feed;
    let handle = card.author.handle.clone();
    view! {
        <li class="person">
            <a href=format!("/membres/{handle}")>{card.author.display_name.clone()}</a>
            {card.reason.map(|r| view! { " · " <span class="hint">{(t.suggestion_reason)(&r)}</span> })}
            <form method="post" action=format!("/coopains/{handle}") class="inline-form">
                <input type="hidden" name="retour" value="/coopains" />
                {actions.into_iter().map(|(action, label)| view! {
                    <button type="submit" name="action" value=action class="button">{label}</button>
                }).collect_view()}
            </form>
        </li>
    }
}

#[component]
fn Coopains(data: CoopainsView) -> impl IntoView {
    let t = use_texts().feed;
    let list = move |title: &'static str,
                     id: &'static str,
                     people: Vec<PersonCard>,
                     empty: &'static str,
                     actions: Vec<(&'static str, &'static str)>| {
        view! {
            <section class="card" aria-labelledby=id>
                <h2 id=id>{title}</h2>
                {people.is_empty().then(|| view! { <p class="hint">{empty}</p> })}
                <ul class="people">
                    {people.into_iter().map(|card| view! { <Person card actions=actions.clone() /> }).collect_view()}
                </ul>
            </section>
        }
    };
    view! {
        <section class="page">
            <h1>{t.coopains_title}</h1>
            <p class="lead">{t.coopains_intro}</p>
            {list(t.received, "received-title", data.received, t.nothing_here, vec![("accepter", t.accept), ("refuser", t.decline)])}
            {list(t.coopains_title, "coopains-title", data.coopains, t.no_coopains, vec![("retirer", t.remove_coopain)])}
            {list(t.suggestions, "suggestions-title", data.suggestions, t.nothing_here, vec![("demander", t.add_coopain)])}
            {list(t.sent, "sent-title", data.sent, t.nothing_here, vec![])}
            {list(t.blocked_people, "blocked-title", data.blocked, t.nothing_here, vec![("debloquer", t.unblock)])}
        </section>
    }
}
