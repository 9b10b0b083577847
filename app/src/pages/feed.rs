//! The feed pages: home `/fil`, section, federation, member and hashtag feeds. Each reads its
//! page (`?avant=` is the keyset cursor) and shows the composer where the viewer may publish.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::feed::get_feed::get_feed;
use crate::components::feed::{Composer, FeedView};
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::feed::{FeedKey, FeedPage};

#[component]
fn Feed(key: Signal<FeedKey>) -> impl IntoView {
    let query = use_query_map();
    let before = move || query.read().get("avant").and_then(|v| v.parse::<i64>().ok());
    let page = Resource::new_blocking(move || (key.get(), before()), |(key, before)| get_feed(key, before));
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=page then=move |page| view! { <FeedBody page titled=true /> } />
    }
}

/// A page of a feed: its title (when it is a page of its own), the composer, the publications.
/// The group page shows its feed with the group's data (one suspended read, not a nested one).
#[component]
pub fn FeedBody(page: FeedPage, titled: bool) -> impl IntoView {
    let back = page.key.path();
    let title = page.title.clone();
    let audiences = page.audiences.clone();
    let home = matches!(page.key, FeedKey::Home);
    let t = use_texts().feed;
    view! {
        <section class="page feed-page">
            {titled.then(|| view! { <Title text=title.clone() /> <h1>{title.clone()}</h1> })}
            // On phones the bottom bar has no room for these two: the home feed links them.
            {home
                .then(|| {
                    view! {
                        <p class="feed-shortcuts">
                            <a href="/groupes">{t.nav_groups}</a>
                            " · "
                            <a href="/coopains">{t.nav_coopains}</a>
                        </p>
                    }
                })}
            {(!audiences.is_empty()).then(|| view! { <Composer audiences back /> })}
            <FeedView page />
        </section>
    }
}

fn param(name: &'static str) -> impl Fn() -> String + Copy {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

#[component]
pub fn HomeFeedPage() -> impl IntoView {
    view! { <Feed key=Signal::derive(|| FeedKey::Home) /> }
}

#[component]
pub fn SectionFeedPage() -> impl IntoView {
    let slug = param("slug");
    view! { <Feed key=Signal::derive(move || FeedKey::Section(slug())) /> }
}

#[component]
pub fn FederationFeedPage() -> impl IntoView {
    let code = param("code");
    view! { <Feed key=Signal::derive(move || FeedKey::Federation(code())) /> }
}

#[component]
pub fn MemberFeedPage() -> impl IntoView {
    let handle = param("handle");
    view! { <Feed key=Signal::derive(move || FeedKey::Member(handle())) /> }
}

#[component]
pub fn TagFeedPage() -> impl IntoView {
    let tag = param("tag");
    view! { <Feed key=Signal::derive(move || FeedKey::Tag(tag())) /> }
}
