//! Pieces shared by the section and federation pages: officers, member lists, the journal, and
//! the role form.

use leptos::prelude::*;

use crate::components::form::{use_form_outcome, FormAlert, TextField};
use crate::components::lang::{use_lang, use_texts};
use crate::i18n::format_date;
use crate::model::territory::{AuditEntry, MemberEntry, Officer, Role};

#[component]
pub fn OfficerList(officers: Vec<Officer>, empty: &'static str) -> impl IntoView {
    let t = use_texts().territory;
    if officers.is_empty() {
        return view! { <p class="hint">{empty}</p> }.into_any();
    }
    view! {
        <ul class="people">
            {officers.into_iter().map(|o| view! {
                <li>
                    <a href=format!("/membres/{}", o.handle)>{o.display_name}</a>
                    <span class="hint">" — "{(t.role)(o.role)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// People of a section or federation. With `decide_back_to`, pending claims get confirm/refuse
/// buttons (plain POST forms) that come back to that page.
#[component]
pub fn MemberList(members: Vec<MemberEntry>, empty: &'static str, #[prop(default = None)] decide_back_to: Option<String>) -> impl IntoView {
    let t = use_texts().territory;
    let lang = use_lang();
    if members.is_empty() {
        return view! { <p class="hint">{empty}</p> }.into_any();
    }
    view! {
        <ul class="people">
            {members.into_iter().map(|m| {
                let pending = m.membership == "adherent" && m.membership_status == "pending";
                let kind = if m.membership == "adherent" && m.membership_status == "confirmed" { t.adherent } else if pending { t.pending_claim } else { t.sympathisant };
                let decide = decide_back_to.clone().filter(|_| pending).map(|back| {
                    let action = format!("/adhesions/{}", m.user_id);
                    view! {
                        <span class="inline-actions">
                            <form method="post" action=action.clone() class="inline-form">
                                <input type="hidden" name="retour" value=back.clone() />
                                <input type="hidden" name="decision" value="confirmer" />
                                <button type="submit" class="button small primary">{t.confirm_membership}</button>
                            </form>
                            <form method="post" action=action class="inline-form">
                                <input type="hidden" name="retour" value=back />
                                <input type="hidden" name="decision" value="refuser" />
                                <button type="submit" class="button small">{t.refuse_membership}</button>
                            </form>
                        </span>
                    }
                });
                view! {
                    <li class="person">
                        <a href=format!("/membres/{}", m.handle)>{m.display_name}</a>
                        <span class="badge" class:pending=pending>{kind}</span>
                        {m.unverified.then(|| view! { <span class="badge pending">{t.unverified_address}</span> })}
                        {m.commune.map(|c| view! { <span class="hint">" · "{c}</span> })}
                        <span class="hint">" · "{(t.joined_on)(&format_date(lang, m.joined_ms))}</span>
                        {m.status_line.map(|s| view! { <p class="status-line small">{s}</p> })}
                        {decide}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn AuditList(entries: Vec<AuditEntry>) -> impl IntoView {
    let t = use_texts().territory;
    let lang = use_lang();
    if entries.is_empty() {
        return view! { <p class="hint">{t.journal_empty}</p> }.into_any();
    }
    view! {
        <ol class="journal">
            {entries.into_iter().map(|e| view! {
                <li>
                    <time>{format_date(lang, e.at_ms)}</time>" "
                    {e.actor.map(|a| format!("@{a} ")).unwrap_or_else(|| "Coopol ".into())}
                    {(t.audit_action)(&e.action)}
                    {e.target.map(|h| format!(" @{h}"))}
                    {(!e.detail.is_empty()).then(|| format!(" ({})", e.detail))}
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// Name or remove someone in a role of this scope (POST `action`).
#[component]
pub fn TeamForm(action: String, roles: Vec<Role>) -> impl IntoView {
    let t = use_texts().territory;
    let outcome = use_form_outcome();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let action = action.clone();
                let roles = roles.clone();
                Suspend::new(async move {
                    let outcome = outcome.await.filter(|o| o.values.value("form") == "equipe");
                    let form = outcome.clone().unwrap_or_default();
                    view! {
                        <FormAlert outcome=outcome />
                        <form method="post" action=action class="stack" novalidate>
                            <input type="hidden" name="form" value="equipe" />
                            <p class="hint">{t.team_form_hint}</p>
                            <TextField name="handle" label=t.member_handle value=form.value("handle") error=form.error("handle") />
                            <div class="field">
                                <label for="champ-role">{t.role_label}</label>
                                <select id="champ-role" name="role">
                                    {roles.into_iter().map(|r| view! {
                                        <option value=r.as_str() selected=form.value("role") == r.as_str()>{(t.role)(r)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <p class="actions">
                                <button type="submit" name="action" value="nommer" class="button primary">{t.grant}</button>
                                <button type="submit" name="action" value="retirer" class="button">{t.revoke}</button>
                            </p>
                        </form>
                    }
                })
            }}
        </Suspense>
    }
}
