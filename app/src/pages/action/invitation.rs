//! An invitation to co-organize, on the action's page of the person invited.

use crate::components::lang::use_texts;
use crate::model::action::ActionView;
use leptos::prelude::*;

/// An invitation to co-organize, for the person invited: accept or decline.
#[component]
pub(super) fn Invitation(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    if !action.organizer_invitation {
        return ().into_any();
    }
    let id = action.summary.id;
    let by = action.organizers.iter().map(|o| o.display_name.clone()).collect::<Vec<_>>().join(", ");
    view! {
        <section class="card invitation" aria-labelledby="invitation-titre">
            <h2 id="invitation-titre">{t.invitation_title}</h2>
            <p>{(t.invitation_text)(&by)}</p>
            <form method="post" action=format!("/actions/{id}/organisation") class="button-row">
                <button type="submit" name="decision" value="accepter" class="button primary">{t.invitation_accept}</button>
                <button type="submit" name="decision" value="refuser" class="button subtle">{t.invitation_decline}</button>
            </form>
        </section>
    }
    .into_any()
}
