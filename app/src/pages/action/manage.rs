//! The organizers' tools on an action's page: edit, cancel with a reason, approve a proposal.

use crate::components::form::{use_form_outcome, FormAlert, TextField};
use crate::components::lang::use_texts;
use crate::model::action::ActionView;
use leptos::prelude::*;

/// Organizers: edit, cancel with a reason; the team above: approve a proposal.
#[component]
pub(super) fn Manage(action: ActionView) -> impl IntoView {
    let t = use_texts().actions;
    let id = action.summary.id;
    let outcome = use_form_outcome();
    let approve = action.may_approve.then(|| {
        view! {
            <form method="post" action=format!("/actions/{id}/approuver")>
                <button type="submit" class="button primary">{t.approve}</button>
            </form>
        }
    });
    let manage = (action.may_manage && !action.is_past).then(|| {
        view! {
            <p><a class="button" href=format!("/actions/{id}/modifier")>{t.edit}</a></p>
            <details class="card">
                <summary>{t.cancel_title}</summary>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let outcome = outcome.await;
                        let error = outcome.as_ref().and_then(|o| o.error("reason"));
                        let value = outcome.as_ref().map(|o| o.value("reason")).unwrap_or_default();
                        view! {
                            <FormAlert outcome=outcome.clone() />
                            <form method="post" action=format!("/actions/{id}/annuler")>
                                <TextField name="reason" label=t.cancel_reason value error maxlength=300 />
                                <button type="submit" class="button danger">{t.cancel_submit}</button>
                            </form>
                        }
                    })}
                </Suspense>
            </details>
        }
    });
    view! { {approve} {manage} }
}
