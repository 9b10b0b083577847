//! `/desabonnement/{token}`: the unsubscribe link of an annonce mail. Opening it changes nothing
//! (mail scanners open links): one button stops annonce mails; the mail client's one-click POST
//! (RFC 8058) does the same without the page.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::announcements::get_unsubscribe_link::get_unsubscribe_link;
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::announcements::UnsubscribeLink;

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let t = use_texts().announcements;
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let link = Resource::new_blocking(token, get_unsubscribe_link);
    view! {
        <Title text=t.unsubscribe_title />
        <Meta name="robots" content="noindex" />
        <Meta name="referrer" content="no-referrer" />
        <Loaded resource=link then=move |link| {
            let done = query.read_untracked().get("fait").is_some();
            view! {
                <section class="page narrow">
                    <h1>{t.unsubscribe_title}</h1>
                    {match link {
                        UnsubscribeLink::Valid { already } if already || done => {
                            view! { <p class="alert alert-success" role="status">{t.unsubscribed}</p> }.into_any()
                        }
                        UnsubscribeLink::Valid { .. } => view! {
                            <p>{t.unsubscribe_question}</p>
                            <form method="post" action=format!("/desabonnement/{}", token()) class="stack">
                                <button type="submit" class="button primary">{t.unsubscribe_button}</button>
                            </form>
                        }.into_any(),
                        UnsubscribeLink::Unknown => view! { <p class="alert alert-warning" role="alert">{t.unsubscribe_unknown}</p> }.into_any(),
                    }}
                </section>
            }
        } />
    }
}
