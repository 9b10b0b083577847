//! The answers on an action's page (je participe, peut-être, je ne peux pas), one form.

use crate::components::lang::use_texts;
use crate::model::action::{ActionStatus, ActionView, RsvpStatus};
use leptos::prelude::*;

/// The three answers, as one form with three submit buttons (works without JavaScript).
#[component]
pub(super) fn Answer(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    let id = action.summary.id;
    let mine = action.summary.my_rsvp;
    if action.is_past {
        return view! { <p class="hint">{t.past}</p> }.into_any();
    }
    if !action.may_rsvp {
        if action.summary.status == ActionStatus::Published && !action.signed_in {
            return view! { <p><a class="button primary" href="/connexion">{t.sign_in_to_join}</a></p> }.into_any();
        }
        return ().into_any();
    }
    let pressed = move |s: RsvpStatus| {
        if mine == Some(s) || (s == RsvpStatus::Going && mine == Some(RsvpStatus::Waiting)) {
            "true"
        } else {
            "false"
        }
    };
    // The buttons belong to the form through `form=`, so they can live in a bar that sticks to
    // the bottom of a phone's screen (above the navigation) until the card is reached: "Je
    // participe" is on the first screen of every action, and works without JavaScript.
    view! {
        <section class="card answer" aria-labelledby="reponse-titre">
            <h2 id="reponse-titre">{t.answer_title}</h2>
            {mine.map(|s| view! { <p class="answer-status" role="status">{(t.answered)(s)}</p> })}
            <form method="post" action=format!("/actions/{id}/participation") id="reponse-form">
                <div class="field checkbox">
                    <input type="checkbox" id="champ-partage" name="partage" value="oui" checked=action.my_share_contact />
                    <label for="champ-partage">{t.share_contact}</label>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="champ-prenom" name="prenom" value="oui" checked=action.my_show_first_name />
                    <label for="champ-prenom">{t.show_first_name}</label>
                </div>
            </form>
        </section>
        <div class="answer-bar" role="group" aria-labelledby="reponse-titre">
            <button type="submit" form="reponse-form" name="reponse" value="oui" class="button primary" aria-pressed=pressed(RsvpStatus::Going)>{t.answer_yes}</button>
            <button type="submit" form="reponse-form" name="reponse" value="peut-etre" class="button" aria-pressed=pressed(RsvpStatus::Maybe)>{t.answer_maybe}</button>
            <button type="submit" form="reponse-form" name="reponse" value="non" class="button subtle" aria-pressed=pressed(RsvpStatus::Declined)>{t.answer_no}</button>
        </div>
    }
    .into_any()
}
