//! The card of one action in a list (the /actions list, section and federation pages). Its
//! `data-lat`/`data-lng` are the map's markers.

use leptos::prelude::*;

use crate::components::lang::{use_lang, use_texts};
use crate::i18n::{format_day, format_time};
use crate::model::action::{ActionStatus, ActionSummary, RsvpStatus};

pub use super::action_calendar::ActionsCalendar;
pub use super::map::MapBox;

/// "samedi 28 novembre 2026, de 10 h 00 à 12 h 00"
pub fn when(lang: crate::i18n::Lang, starts_at_ms: i64, ends_at_ms: i64) -> String {
    let t = lang.texts().actions;
    (t.when)(&format_day(lang, starts_at_ms), &format_time(lang, starts_at_ms), &format_time(lang, ends_at_ms))
}

/// The kind's label beside a title, unless the title already says it (an action titled
/// "Collage d’affiches" is not labelled "Collage d’affiches" a second time).
pub fn kind_beside(kind_label: &str, title: &str) -> Option<String> {
    let folded = |s: &str| s.to_lowercase().replace('’', "'");
    (!folded(title).contains(&folded(kind_label))).then(|| kind_label.to_string())
}

#[component]
pub fn ActionCard(action: ActionSummary) -> impl IntoView {
    let lang = use_lang();
    let texts = use_texts();
    let t = texts.actions;
    let a = action;
    let mut meta: Vec<String> = kind_beside((t.kind)(a.kind), &a.title).into_iter().collect();
    meta.push(texts.territory.scope_name(&a.organizer));
    if let Some(d) = a.distance_m {
        meta.push((t.distance)(d));
    }
    let status = match a.status {
        ActionStatus::Cancelled => Some(t.cancelled.to_string()),
        ActionStatus::Proposed => Some(t.proposed.to_string()),
        ActionStatus::Published => a.my_rsvp.map(|s| (t.my_status)(s).to_string()),
    };
    let cancelled = a.status == ActionStatus::Cancelled;
    // "Je participe" in one tap from the list; the action's page then offers the rest.
    let answer = a.may_rsvp && !matches!(a.my_rsvp, Some(RsvpStatus::Going | RsvpStatus::Waiting));
    view! {
        <article
            class="card action-card"
            class:highlighted=a.highlighted
            class:suggested=a.suggested
            class:cancelled=cancelled
            id=format!("action-{}", a.id)
            data-lat=format!("{:.5}", a.lat)
            data-lng=format!("{:.5}", a.lng)
        >
            <p class="action-when">{when(lang, a.starts_at_ms, a.ends_at_ms)}</p>
            <h2 id=format!("action-{}-titre", a.id)><a href=format!("/actions/{}", a.id)>{a.title.clone()}</a></h2>
            <p class="hint">{meta.join(" · ")}</p>
            <p>{a.place_name.clone()}</p>
            <p class="action-places">{(t.places)(a.going, a.capacity)}</p>
            {(a.highlighted).then(|| view! { <p class="renfort">{(t.renfort)(a.reinforcements)}</p> })}
            {(a.suggested).then(|| view! { <p class="badge suggested-badge">{t.suggested_badge}</p> })}
            {status.map(|s| view! { <p class="badge">{s}</p> })}
            {answer.then(|| view! {
                <form method="post" action=format!("/actions/{}/participation", a.id) class="card-answer">
                    <button type="submit" name="reponse" value="oui" class="button primary small" aria-describedby=format!("action-{}-titre", a.id)>
                        {t.answer_yes}
                    </button>
                </form>
            })}
        </article>
    }
}

/// The next actions of a section or federation, on its page.
#[component]
pub fn ScopeActions(actions: Vec<ActionSummary>) -> impl IntoView {
    let t = use_texts().actions;
    view! {
        <section class="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{t.section_actions}</h2>
            {if actions.is_empty() {
                view! { <p class="hint">{t.section_no_actions}</p> }.into_any()
            } else {
                view! {
                    <ul class="action-list">
                        {actions.into_iter().map(|a| view! { <li><ActionCard action=a /></li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p><a href="/actions">{t.list_title}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::kind_beside;

    #[test]
    fn the_kind_is_not_repeated_when_the_title_says_it() {
        assert_eq!(kind_beside("Collage d’affiches", "Collage d'affiches"), None);
        assert_eq!(kind_beside("Tractage", "Tractage au marché de Wazemmes"), None);
        assert_eq!(kind_beside("Tractage", "Marché de Wazemmes"), Some("Tractage".to_string()));
    }
}
