//! `/boite-a-outils`: the documents of the reader's section, federation and the national level
//! that they may read, newest first; a search by title or tag (a GET form), a category filter,
//! tags as links; "Ajouter un document" for the teams.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::documents::get_toolbox::get_toolbox;
use crate::components::lang::use_texts;
use crate::components::loaded::Loaded;
use crate::model::documents::{DocumentCategory, DocumentLine, ToolboxPage};
use crate::pages::toolbox::{file_facts, query_value, Tags, Validity};

#[component]
pub fn ToolboxListPage() -> impl IntoView {
    let query = use_query_map();
    let request = move || {
        let q = query.read();
        (q.get("q"), q.get("etiquette"), q.get("categorie"), q.get("avant"))
    };
    let page = Resource::new_blocking(request, |(q, tag, category, before)| get_toolbox(q, tag, category, before));
    view! { <Loaded resource=page then=move |page| view! { <Toolbox page /> } /> }
}

/// The list's address with its search, for the next page and the tag links.
fn search_href(page: &ToolboxPage, before: Option<&str>) -> String {
    let mut params = Vec::new();
    if !page.query.is_empty() {
        params.push(format!("q={}", query_value(&page.query)));
    }
    if !page.tag.is_empty() {
        params.push(format!("etiquette={}", query_value(&page.tag)));
    }
    if let Some(c) = page.category {
        params.push(format!("categorie={}", c.as_str()));
    }
    if let Some(b) = before {
        params.push(format!("avant={b}"));
    }
    if params.is_empty() {
        "/boite-a-outils".into()
    } else {
        format!("/boite-a-outils?{}", params.join("&"))
    }
}

#[component]
fn Toolbox(page: ToolboxPage) -> impl IntoView {
    let t = use_texts().documents;
    let searching = !page.query.is_empty() || !page.tag.is_empty() || page.category.is_some();
    let older = page.next.as_deref().map(|cursor| search_href(&page, Some(cursor)));
    let chosen = page.category;
    view! {
        <Title text=t.page_title />
        <section class="page narrow toolbox">
            <h1>{t.page_title}</h1>
            <p class="hint">{if page.signed_in { t.intro } else { t.visitor_intro }}</p>
            {page.may_add.then(|| view! { <p><a class="button primary" href="/boite-a-outils/nouveau">{t.add}</a></p> })}
            <form method="get" action="/boite-a-outils" class="toolbox-search" role="search">
                <div class="field">
                    <label for="champ-q">{t.search_label}</label>
                    <input id="champ-q" type="search" name="q" value=page.query.clone() maxlength="100" />
                </div>
                <div class="field">
                    <label for="champ-categorie">{t.category_label}</label>
                    <select id="champ-categorie" name="categorie">
                        <option value="" selected=chosen.is_none()>{t.category_all}</option>
                        {DocumentCategory::ALL.iter().copied().map(|c| view! {
                            <option value=c.as_str() selected=chosen == Some(c)>{(t.category)(c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                {(!page.tag.is_empty()).then(|| view! { <input type="hidden" name="etiquette" value=page.tag.clone() /> })}
                <button type="submit" class="button">{t.search_button}</button>
            </form>
            {(!page.tag.is_empty()).then(|| view! {
                <p>{(t.tag_filter)(&page.tag)} " · " <a href="/boite-a-outils">{t.clear_filter}</a></p>
            })}
            {if page.documents.is_empty() {
                view! { <p class="hint">{if searching { t.empty_search } else { t.empty }}</p> }.into_any()
            } else {
                view! {
                    <ol class="documents">
                        {page.documents.into_iter().map(|line| view! { <DocumentItem line /> }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {older.map(|href| view! { <p><a class="button" href=href rel="next">{t.older}</a></p> })}
        </section>
    }
}

#[component]
fn DocumentItem(line: DocumentLine) -> impl IntoView {
    let t = use_texts().documents;
    let facts = file_facts(&line.current);
    view! {
        <li class="card document">
            <p class="hint">{(t.category)(line.category)} " · " {(t.scope)(&line.scope)} " · " {(t.audience_short)(line.audience)}</p>
            <h2><a href=format!("/boite-a-outils/{}", line.id)>{line.title.clone()}</a></h2>
            <Validity line=line.clone() />
            <Tags tags=line.tags.clone() />
            <p class="document-download">
                <a class="button" href=line.current.href.clone() download="">{t.download}</a>
                " "
                <span class="hint">{facts} " · " {(t.downloads)(line.download_count)}</span>
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use crate::pages::toolbox::query_value;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(query_value("marché & co"), "march%C3%A9%20%26%20co");
    }
}
