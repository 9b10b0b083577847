//! `/confidentialite`: the privacy notice, every figure and recipient read from the running
//! configuration (`services::privacy`). Public, plain HTML.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::get_privacy_notice::get_privacy_notice;
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::privacy::PrivacyNotice;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = use_texts().privacy;
    let notice = Resource::new_blocking(|| (), |()| get_privacy_notice());
    view! {
        <Title text=t.title />
        <section class="page narrow privacy">
            <h1>{t.title}</h1>
            <p class="lead">{t.intro}</p>
            <Loaded resource=notice then=move |notice| view! { <Notice notice /> } />
        </section>
    }
}

#[component]
fn Notice(notice: PrivacyNotice) -> impl IntoView {
    let t = use_texts().privacy;
    let months = notice.contact_months.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(", ");
    let labelled = |label: &'static str, value: Option<String>| value.map(|v| view! { <p><strong>{label}</strong> " — " {v}</p> });
    let controller = match notice.controller_name.clone() {
        Some(name) => view! {
            {labelled(t.controller_label, Some(name))}
            {labelled(t.address_label, notice.controller_address.clone())}
            {labelled(t.contact_label, notice.privacy_contact.clone())}
            {labelled(t.dpo_label, notice.dpo_contact.clone())}
        }
        .into_any(),
        None => view! {
            <p>{t.controller_unset}</p>
            {labelled(t.contact_label, notice.privacy_contact.clone())}
        }
        .into_any(),
    };
    view! {
        <section class="card" aria-labelledby="responsable">
            <h2 id="responsable">{t.controller_title}</h2>
            {controller}
        </section>
        <section class="card" aria-labelledby="collecte">
            <h2 id="collecte">{t.collected_title}</h2>
            <ul>
                <li>{t.collected_account}</li>
                <li>{t.collected_opinion}</li>
                <li>{t.collected_content}</li>
                <li>{t.collected_contacts}</li>
                <li>{t.collected_technical}</li>
            </ul>
            <p class="hint">{(t.consent_version)(&notice.consent_version)}</p>
        </section>
        <section class="card" aria-labelledby="destinataires">
            <h2 id="destinataires">{t.recipients_title}</h2>
            <p>{t.recipients_people}</p>
            <p>{notice.mail_relay.as_deref().map_or_else(|| t.recipients_no_mail.to_string(), t.recipients_mail)}</p>
            <p>{notice.map_tiles_origin.as_deref().map_or_else(|| t.recipients_no_tiles.to_string(), t.recipients_tiles)}</p>
        </section>
        <section class="card" aria-labelledby="duree">
            <h2 id="duree">{t.retention_title}</h2>
            <ul>
                <li>{(t.retention_people)(notice.retention_days, notice.retention_warning_days)}</li>
                <li>{(t.retention_erasure)(notice.erasure_delay_days)}</li>
                <li>{(t.retention_contacts)(&months)}</li>
                <li>{(t.retention_technical)(notice.session_days, notice.sent_mail_days, notice.export_days)}</li>
                <li>{(t.retention_links)(notice.address_link_hours, notice.reset_link_minutes)}</li>
                <li>{t.retention_history}</li>
            </ul>
        </section>
        <section class="card" aria-labelledby="droits">
            <h2 id="droits">{t.rights_title}</h2>
            <ul>
                <li>{t.rights_access} <a href="/compte#donnees">{t.my_account}</a></li>
                <li>{t.rights_rectify} <a href="/profil">{t.my_profile}</a> " · " <a href="/compte">{t.my_account}</a></li>
                <li>{t.rights_erase} <a href="/compte#suppression">{t.my_account}</a></li>
                <li>{t.rights_consent} <a href="/compte/consentements">{t.my_consents}</a></li>
            </ul>
            <p>{t.rights_other}</p>
        </section>
    }
}
