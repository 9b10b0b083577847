//! `/sections/{slug}/annuaire`: a section's directory, a page at a time, searchable by name or
//! handle (a plain GET form); for its confirmed adhérents, its team and the scope above.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::territory::get_section_directory::get_section_directory;
use crate::components::lang::use_texts;
use crate::components::layout::encode_component;
use crate::components::loaded::Loaded;
use crate::components::territory::MemberList;
use crate::model::territory::SectionDirectory;

#[component]
pub fn SectionDirectoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || {
        let q = query.read();
        (params.read().get("slug").unwrap_or_default(), q.get("q").unwrap_or_default(), q.get("apres").and_then(|v| v.parse::<i64>().ok()))
    };
    let directory = Resource::new_blocking(request, |(slug, search, after)| get_section_directory(slug, search, after));
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=directory then=move |directory| view! { <Directory directory /> } />
    }
}

#[component]
fn Directory(directory: SectionDirectory) -> impl IntoView {
    let t = use_texts().territory;
    let d = directory;
    let page = format!("/sections/{}/annuaire", d.slug);
    let title = (t.directory_title)(&d.name);
    let empty = if d.search.is_empty() { t.directory_empty.to_string() } else { (t.directory_none_found)(&d.search) };
    let next = d.next.map(|after| {
        let search = if d.search.is_empty() { String::new() } else { format!("q={}&", encode_component(&d.search)) };
        format!("{page}?{search}apres={after}")
    });
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p><a href=format!("/sections/{}", d.slug)>{format!("← {}", d.name)}</a></p>
            <h1>{title}</h1>
            <p class="hint">{t.directory_hint}</p>
            <form method="get" action=page.clone() class="search-form" role="search">
                <label for="annuaire-q">{t.directory_search}</label>
                <div class="inline-fields">
                    <input id="annuaire-q" name="q" type="search" maxlength="60" value=d.search.clone() />
                    <button type="submit" class="button">{t.directory_search_submit}</button>
                </div>
            </form>
            {if d.members.is_empty() {
                view! { <p class="empty-state">{empty}</p> }.into_any()
            } else {
                view! { <MemberList members=d.members empty=t.directory_empty /> }.into_any()
            }}
            {next.map(|href| view! { <p><a class="button" href=href rel="next">{t.directory_next}</a></p> })}
        </section>
    }
}
