//! Who comes, on an action's page, for those who may see it.

use crate::components::lang::use_texts;
use crate::model::action::{ActionView, RsvpStatus};
use leptos::prelude::*;

#[component]
pub(super) fn Participants(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    let unverified_label = use_texts().territory.unverified_address;
    if action.participants_total == 0 {
        return (action.summary.going > 0).then(|| view! { <p class="hint">{t.participants_hidden}</p> }).into_any();
    }
    // Organizers get every participant (a link to each profile); participants the first names
    // of those who allowed it, then how many others.
    let organizer_view = action.participants.iter().any(|p| p.handle.is_some());
    let shown = action.participants.len();
    let others = (!organizer_view && (shown as i64) < action.participants_total)
        .then(|| view! { <p class="hint participants-others">{(t.others_coming)(shown, action.participants_total)}</p> });
    view! {
        <section aria-labelledby="participants-titre">
            <h2 id="participants-titre">{t.participants}</h2>
            {(shown > 0).then(|| view! {
                <ul class="participants">
                    {action.participants.into_iter().map(|p| {
                        let status = (t.my_status)(p.status);
                        let status = if p.status == RsvpStatus::Going { String::new() } else { format!(" ({})", status.to_lowercase()) };
                        let name = match p.handle {
                            Some(handle) => view! { <a href=format!("/membres/{handle}")>{p.name}</a> }.into_any(),
                            None => view! { <span>{p.name}</span> }.into_any(),
                        };
                        view! {
                            <li>
                                {name}
                                {status}
                                {p.email.map(|e| view! { " · " <a href=format!("mailto:{e}")>{e.clone()}</a> })}
                                {p.unverified.then(|| view! { " " <span class="badge pending">{unverified_label}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {others}
        </section>
    }
    .into_any()
}
