//! Feed pieces: the composer, a publication card with its reactions, and a feed that grows
//! (older pages appended in place, "N nouvelles publications" from the live stream).

use leptos::prelude::*;

use crate::api::feed::{get_feed::get_feed, get_post_counts::get_post_counts, react_to_post::react_to_post};
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea};
use crate::components::lang::{use_lang, use_texts};
use crate::components::live::use_live;
use crate::i18n::format_datetime;
use crate::model::feed::{AudienceChoice, FeedPage, PostPlace, PostView, ReactionKind, MAX_POST_CHARS};

/// The "Publier" form; what was typed comes back after a refused submission.
#[component]
pub fn Composer(audiences: Vec<AudienceChoice>, back: String) -> impl IntoView {
    let t = use_texts().feed;
    let outcome = use_form_outcome();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let audiences = audiences.clone();
                let back = back.clone();
                Suspend::new(async move {
                    let outcome = outcome.await.filter(|o| o.value("form") == "publier");
                    let value = |name: &str| outcome.as_ref().map(|o| o.value(name)).unwrap_or_default();
                    let error = |name: &str| outcome.as_ref().and_then(|o| o.errors.get(name).cloned());
                    let chosen = value("audience_group");
                    // Folded until tapped (a phone's first screen is for the feed), open again
                    // when a refused publication comes back with what was typed.
                    let open = outcome.is_some();
                    view! {
                        <details class="card composer" open=open>
                            <summary id="composer-title">{t.composer_open}</summary>
                            <FormAlert outcome=outcome.clone() />
                            <form method="post" action="/publications">
                                <input type="hidden" name="form" value="publier" />
                                <input type="hidden" name="retour" value=back />
                                <TextArea name="body" label=t.composer_label value=value("body") error=error("body") hint=t.composer_hint maxlength=MAX_POST_CHARS rows=4 />
                                <div class="field">
                                    <label for="champ-audience">{t.audience_label}</label>
                                    <AudienceSelect audiences chosen />
                                    <FieldErrorText name="audience".to_string() error=error("audience") />
                                </div>
                                <button type="submit" class="button primary">{t.publish}</button>
                            </form>
                        </details>
                    }
                })
            }}
        </Suspense>
    }
}

/// One select for audience and group: the value "group|slug" carries both; a hidden pair of
/// fields is not possible without JavaScript, so the server reads `audience` and `group` from
/// the option's value split by the form handler.
#[component]
fn AudienceSelect(audiences: Vec<AudienceChoice>, chosen: String) -> impl IntoView {
    view! {
        <select id="champ-audience" name="audience_group">
            {audiences
                .into_iter()
                .map(|a| {
                    let value = format!("{}|{}", a.audience.as_str(), a.group_slug.unwrap_or_default());
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{a.label}</option> }
                })
                .collect_view()}
        </select>
    }
}

fn place_link(place: &PostPlace) -> Option<(String, String)> {
    match place {
        PostPlace::Section { slug, name } => Some((format!("/sections/{slug}/fil"), name.clone())),
        PostPlace::Federation { code, name } => Some((format!("/federations/{code}/fil"), name.clone())),
        PostPlace::Group { slug, name } => Some((format!("/groupes/{slug}"), name.clone())),
        PostPlace::Nowhere => None,
    }
}

/// The reaction buttons: one form, one submit button per kind, each with its name written out.
/// Without JavaScript the form posts and the page comes back at the publication; with it, the
/// reaction is given in place (a refusal falls back to the form post, which explains it).
#[component]
pub fn Reactions(post: PostView, back: String) -> impl IntoView {
    let t = use_texts().feed;
    let enabled = post.abilities.react;
    let id = post.id;
    let reactions = RwSignal::new(post.reactions);
    let busy = RwSignal::new(false);
    let form = NodeRef::<leptos::html::Form>::new();
    view! {
        <form method="post" action=format!("/publications/{id}/reactions") class="reactions" aria-label=t.reactions_label node_ref=form>
            <input type="hidden" name="retour" value=back />
            {ReactionKind::ALL
                .into_iter()
                .map(|kind| {
                    let tally = move || reactions.with(|rs| rs.iter().find(|r| r.kind == kind).map(|r| (r.count, r.mine)).unwrap_or((0, false)));
                    let react = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        if busy.get_untracked() {
                            return;
                        }
                        busy.set(true);
                        let button = event_target::<leptos::web_sys::HtmlButtonElement>(&ev);
                        leptos::task::spawn_local(async move {
                            match react_to_post(id, kind.as_str().to_string()).await {
                                Ok(counts) => reactions.set(counts.reactions),
                                Err(_) => submit_plainly(form, &button),
                            }
                            busy.set(false);
                        });
                    };
                    view! {
                        <button
                            type="submit"
                            name="kind"
                            value=kind.as_str()
                            class="reaction"
                            aria-pressed=move || if tally().1 { "true" } else { "false" }
                            disabled=!enabled
                            on:click=react
                        >
                            <span aria-hidden="true">{kind.emoji()}</span>
                            <span class="reaction-name">{(t.reaction_name)(kind)}</span>
                            <span class="count">{move || (tally().0 > 0).then(|| crate::i18n::territory::format_count(tally().0))}</span>
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// Sends a form the way it would go without JavaScript (as if `submitter` was pressed): the
/// server's answer then says what went wrong, in French, with what was typed.
pub fn submit_plainly<B: AsRef<leptos::web_sys::HtmlElement>>(form: NodeRef<leptos::html::Form>, submitter: &B) {
    if let Some(form) = form.get_untracked() {
        let _ = form.request_submit_with_submitter(Some(submitter.as_ref()));
    }
}

/// A publication as shown in feeds and on its own page.
#[component]
pub fn PostCard(post: PostView, back: String) -> impl IntoView {
    let t = use_texts().feed;
    let lang = use_lang();
    let permalink = format!("/publications/{}", post.id);
    let place = place_link(&post.place);
    let comments = (t.comments)(post.comment_count);
    view! {
        <article class="card post" id=format!("publication-{}", post.id) data-post=post.id>
            <header class="post-header">
                <a class="author" href=format!("/membres/{}", post.author.handle)>{post.author.display_name.clone()}</a>
                {place.map(|(href, name)| view! { " · " <a href=href class="place">{name}</a> })}
                <p class="hint">
                    <a href=permalink.clone()><time>{format_datetime(lang, post.created_at_ms)}</time></a>
                    " · " {(t.audience)(post.audience)}
                    {post.edited.then(|| view! { " · " <em>{t.edited}</em> })}
                </p>
            </header>
            {post.hidden_reason.clone().map(|reason| view! { <p class="alert alert-warning">{(t.hidden_notice)(&reason)}</p> })}
            <div class="post-body" inner_html=post.html.as_str().to_string()></div>
            <footer class="post-footer">
                <Reactions post=post.clone() back=back />
                <a class="comments-link" href=format!("{permalink}#commentaires")>{comments}</a>
            </footer>
        </article>
    }
}

fn card_key(p: &PostView) -> String {
    let reactions: Vec<String> = p.reactions.iter().map(|r| format!("{}{}{}", r.kind.as_str(), r.count, r.mine)).collect();
    format!("{}-{}-{}", p.id, p.comment_count, reactions.join(","))
}

/// A feed: the first page from the server, older pages appended in place (with JavaScript), a
/// plain "publications plus anciennes" link otherwise, and the live "N nouvelles publications".
#[component]
pub fn FeedView(page: FeedPage) -> impl IntoView {
    let t = use_texts().feed;
    let path = page.key.path();
    let key = page.key.clone();
    let posts = RwSignal::new(page.posts);
    let next = RwSignal::new(page.next_before);
    let loading = RwSignal::new(false);
    let seen_live = RwSignal::new(0usize);
    let live = use_live();

    // New publications for this feed, counted since the page was shown.
    let fresh = {
        let key = key.clone();
        Memo::new(move |_| {
            let Some(live) = live else { return 0 };
            live.new_posts.with(|list| {
                list.iter()
                    .skip(seen_live.get())
                    .filter(|p| p.shows_in(&key) && !posts.with_untracked(|ps| ps.iter().any(|x| x.id == p.post)))
                    .count()
            })
        })
    };
    let show_fresh = {
        let key = key.clone();
        move |_| {
            let key = key.clone();
            leptos::task::spawn_local(async move {
                if let Ok(first) = get_feed(key, None).await {
                    posts.set(first.posts);
                    next.set(first.next_before);
                    if let Some(live) = live {
                        seen_live.set(live.new_posts.with_untracked(Vec::len));
                    }
                }
            });
        }
    };
    // Counts of a publication on screen changed: fetch them (the server re-checks visibility).
    Effect::new(move |_| {
        let Some(live) = live else { return };
        let Some((_, id)) = live.changed.get() else {
            return;
        };
        if !posts.with_untracked(|ps| ps.iter().any(|p| p.id == id)) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(counts) = get_post_counts(vec![id]).await {
                posts.update(|ps| {
                    for c in counts {
                        if let Some(p) = ps.iter_mut().find(|p| p.id == c.id) {
                            p.comment_count = c.comment_count;
                            p.reactions = c.reactions;
                        }
                    }
                });
            }
        });
    });
    // Older pages: appended in place; the link stays a plain link without JavaScript.
    let fetch_older = {
        let key = key.clone();
        move || {
            let Some(before) = next.get_untracked() else {
                return;
            };
            if loading.get_untracked() {
                return;
            }
            loading.set(true);
            let key = key.clone();
            leptos::task::spawn_local(async move {
                if let Ok(older) = get_feed(key, Some(before)).await {
                    posts.update(|ps| ps.extend(older.posts));
                    next.set(older.next_before);
                }
                loading.set(false);
            });
        }
    };
    let load_older = {
        let fetch_older = fetch_older.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            fetch_older();
        }
    };
    let older_link = NodeRef::<leptos::html::A>::new();
    infinite_scroll(older_link, fetch_older);
    let back = path.clone();
    view! {
        {move || (fresh.get() > 0).then(|| view! {
            <p class="new-posts" role="status"><button type="button" class="button" on:click=show_fresh.clone()>{(t.new_posts)(fresh.get())}</button></p>
        })}
        {move || posts.with(Vec::is_empty).then(|| view! { <p class="empty-state">{t.empty}</p> })}
        <ol class="feed">
            <For each=move || posts.get() key=card_key let:post>
                <li><PostCard post back=back.clone() /></li>
            </For>
        </ol>
        {move || match next.get() {
            Some(before) => view! {
                <p class="older"><a class="button" node_ref=older_link href=format!("{path}?avant={before}") on:click=load_older.clone() aria-busy=move || loading.get().to_string()>{t.older}</a></p>
            }.into_any(),
            None => view! { <p class="hint end-of-feed">{(!posts.with(Vec::is_empty)).then_some(t.end_of_feed)}</p> }.into_any(),
        }}
    }
}

/// Infinite scroll: when the "publications plus anciennes" link comes near the viewport, the next
/// page loads by itself (browser only; the link keeps working for keyboards and without JS).
#[cfg(feature = "hydrate")]
fn infinite_scroll(link: NodeRef<leptos::html::A>, fetch_older: impl Fn() + Clone + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

    Effect::new(move |previous: Option<Option<IntersectionObserver>>| {
        if let Some(Some(old)) = previous {
            old.disconnect();
        }
        let element = link.get()?;
        let fetch_older = fetch_older.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()).any(|e| e.is_intersecting());
            if near {
                fetch_older();
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin("400px 0px");
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
        // The observer outlives this closure's scope; it is disconnected when the link changes.
        callback.forget();
        observer.observe(&element);
        Some(observer)
    });
}

#[cfg(not(feature = "hydrate"))]
fn infinite_scroll(_link: NodeRef<leptos::html::A>, _fetch_older: impl Fn() + Clone + 'static) {}
