//! `/annonces/{id}`: an annonce, for its recipients (with "ne plus recevoir les annonces par
//! e-mail") and for its scope's team (with how many it reached).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::announcements::get_announcement::get_announcement;
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::format_datetime;
use crate::model::announcements::{AnnouncementView, TeamScope};

#[component]
pub fn AnnouncementPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let announcement = Resource::new_blocking(id, get_announcement);
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=announcement then=move |a| view! { <Announcement a /> } />
    }
}

#[component]
fn Announcement(a: AnnouncementView) -> impl IntoView {
    let t = use_texts().announcements;
    let lang = use_lang();
    let from = match &a.scope {
        TeamScope::Section(_) => (t.from_section)(&a.scope_name),
        TeamScope::Federation(_) => (t.from_federation)(&a.scope_name),
    };
    let back = format!("/annonces/{}", a.id);
    view! {
        <Title text=a.subject.clone() />
        <article class="page narrow announcement">
            <p><a href=a.scope.home()>{from}</a></p>
            <h1>{a.subject.clone()}</h1>
            <p class="hint">
                <time>{format_datetime(lang, a.created_at_ms)}</time>
                {a.author.map(|author| view! { " · " <a href=format!("/membres/{}", author.handle)>{(t.by)(&author.display_name)}</a> })}
            </p>
            <div class="post-body" inner_html=a.html.as_str().to_string()></div>
            {a.delivery.map(|(n, mail)| view! {
                <p class="hint">{(t.delivery)(n, mail)}" "<a href=a.scope.page()>{t.history_title}</a></p>
            })}
            {a.by_mail.then(|| view! {
                <form method="post" action="/compte/annonces" class="stack card">
                    <p class="hint">{t.stop_mail_hint}</p>
                    <input type="hidden" name="annonces" value="non" />
                    <input type="hidden" name="retour" value=back />
                    <button type="submit" class="button">{t.stop_mail}</button>
                </form>
            })}
        </article>
    }
}
