//! `/notifications`: the latest notifications, unread first in weight, mark one or all as read.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::feed::get_notifications::get_notifications;
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_datetime;
use crate::model::feed::NotificationsPage;

#[component]
pub fn NotificationsPageView() -> impl IntoView {
    let t = use_texts().feed;
    let page = Resource::new_blocking(|| (), |_| get_notifications());
    view! {
        <Title text=t.notifications_title />
        <Loaded resource=page then=move |page| view! { <Notifications page /> } />
    }
}

#[component]
fn Notifications(page: NotificationsPage) -> impl IntoView {
    let t = use_texts().feed;
    let lang = use_lang();
    view! {
        <section class="page">
            <h1>{t.notifications_title}</h1>
            <p class="hint">{(t.unread_badge)(page.unread)}</p>
            {(page.unread > 0).then(|| view! {
                <form method="post" action="/notifications/lues" class="inline-form">
                    <button type="submit" class="button">{t.mark_all_read}</button>
                </form>
            })}
            {page.items.is_empty().then(|| view! { <p class="empty-state">{t.no_notifications}</p> })}
            <ol class="notifications">
                {page.items.into_iter().map(|n| {
                    let text = t.describe_notification(&n);
                    view! {
                        <li class="card notification" class:unread=n.unread>
                            <a href=n.link.clone()>{text}</a>
                            <p class="hint"><time>{format_datetime(lang, n.created_at_ms)}</time></p>
                            {n.unread.then(|| view! {
                                <form method="post" action=format!("/notifications/{}/lue", n.id) class="inline-form">
                                    <button type="submit" class="link-button">{t.mark_read}</button>
                                </form>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
