//! Feed pieces: the composer, a publication card with its reactions, and a feed that grows
//! (older pages appended in place, "N nouvelles publications" from the live stream). The
//! interactive parts are islands (`PostFooter`, `GrowingFeed`); the rest is server HTML.

use leptos::prelude::*;

use crate::api::feed::{get_post_counts::get_post_counts, react_to_post::react_to_post};
use crate::components::fetched::show_feed_page;
use crate::components::form::{use_form_outcome, FieldErrorText, FormAlert, TextArea};
use crate::components::lang::{use_feed_texts, use_lang, use_texts};
use crate::components::live::use_live;
use crate::components::media::{Avatar, PhotoFields, PhotoSlots, PostPictures, UploadBar};
use crate::i18n::format_datetime;
use crate::model::commands::post::MAX_PICTURES;
use crate::model::feed::{AudienceChoice, Author, FeedKey, FeedPage, PostPlace, PostView, ReactionCount, ReactionKind, MAX_POST_CHARS};

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
                    let (chosen, body) = (value("audience_group"), value("body"));
                    let (body_error, audience_error) = (error("body"), error("audience"));
                    let photos = PhotoSlots::new(MAX_PICTURES, value, error);
                    // Folded until tapped (a phone's first screen is for the feed), open again
                    // when a refused publication comes back with what was typed.
                    let open = outcome.is_some();
                    view! {
                        <ComposerCard open>
                            <FormAlert outcome />
                            <form method="post" action="/publications" enctype="multipart/form-data">
                                <input type="hidden" name="form" value="publier" />
                                <input type="hidden" name="retour" value=back />
                                <TextArea name="body" label=t.composer_label value=body error=body_error hint=t.composer_hint maxlength=MAX_POST_CHARS rows=4 />
                                <PhotoFields slots=photos />
                                <div class="field">
                                    <label for="champ-audience">{t.audience_label}</label>
                                    <AudienceSelect audiences chosen />
                                    <FieldErrorText name="audience".to_string() error=audience_error />
                                </div>
                                <button type="submit" class="button primary">{t.publish}</button>
                            </form>
                        </ComposerCard>
                    }
                })
            }}
        </Suspense>
    }
}

/// The folded composer. With JavaScript a publication is sent without leaving the page: the form
/// goes as it is, the same POST as without JavaScript; when the server took it (it answers with
/// the feed it redirects to) the text is cleared, the composer folded and the feed shows its first
/// page again; when it refused, the form is sent the plain way, whose answer says what to fix, in
/// French, with what was typed (nothing was written).
#[island]
fn ComposerCard(open: bool, children: Children) -> impl IntoView {
    let t = use_feed_texts();
    let details = NodeRef::<leptos::html::Details>::new();
    let sending = RwSignal::new(false);
    let uploaded = RwSignal::new(None::<f64>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        use crate::components::fetched::{holds_file_over, post_form, post_form_with_progress};
        use leptos::wasm_bindgen::JsCast;
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok()) else { return };
        if holds_file_over(&form, crate::model::media::MAX_PICTURE_BYTES as f64) {
            // Sent the plain way at once: the answer says what to fix (uploaded once, not twice).
            return;
        }
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        leptos::task::spawn_local(async move {
            let with_files = holds_file_over(&form, 0.0);
            let taken = if with_files {
                uploaded.set(Some(0.0));
                post_form_with_progress(&form, move |share| uploaded.set(Some(share))).await.is_some()
            } else {
                post_form(&form).await
            };
            uploaded.set(None);
            if taken {
                form.reset();
                if let Some(details) = details.get_untracked() {
                    details.set_open(false);
                }
                if let Some(live) = use_live() {
                    live.published.update(|n| *n += 1);
                }
            } else {
                let _ = form.submit();
            }
            sending.set(false);
        });
    };
    view! {
        <details class="card composer" open=open node_ref=details on:submit=on_submit aria-busy=move || sending.get().to_string()>
            <summary id="composer-title">{t.composer_open}</summary>
            {children()}
            {move || uploaded.get().map(|share| view! { <UploadBar share label=t.sending_progress id="envoi-photos" /> })}
        </details>
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
fn Reactions(id: i64, reactions: RwSignal<Vec<ReactionCount>>, enabled: bool, back: String) -> impl IntoView {
    let t = use_feed_texts();
    let lang = use_lang();
    let busy = RwSignal::new(false);
    let form = NodeRef::<leptos::html::Form>::new();
    view! {
        <form method="post" action=format!("/publications/{id}/reactions") class="reactions" aria-label=t.reactions_label node_ref=form>
            <input type="hidden" name="retour" value=back />
            {ReactionKind::ALL
                .iter().copied()
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
                            <span class="count">{move || (tally().0 > 0).then(|| crate::i18n::format_number(lang, tally().0))}</span>
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

/// What a card's footer starts from: its counts and whether the viewer may react.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FooterState {
    pub id: i64,
    pub reactions: Vec<ReactionCount>,
    pub comment_count: i64,
    pub can_react: bool,
    pub back: String,
}

impl FooterState {
    fn of(post: &PostView, back: String) -> Self {
        Self { id: post.id, reactions: post.reactions.clone(), comment_count: post.comment_count, can_react: post.abilities.react, back }
    }
}

/// A card's reactions and comment count, kept fresh in place: reacting needs no reload, and the
/// live stream says when someone else reacted or commented (the counts are then fetched, the
/// server re-checking that the viewer may still see the publication).
#[component]
fn PostFooterBody(state: FooterState) -> impl IntoView {
    let t = use_feed_texts();
    let FooterState { id, reactions, comment_count, can_react, back } = state;
    let reactions = RwSignal::new(reactions);
    let comments = RwSignal::new(comment_count);
    if let Some(live) = use_live() {
        Effect::new(move |_| {
            if live.changed.get().is_some_and(|(_, changed)| changed == id) {
                leptos::task::spawn_local(async move {
                    if let Ok(counts) = get_post_counts(vec![id]).await {
                        if let Some(c) = counts.into_iter().find(|c| c.id == id) {
                            comments.set(c.comment_count);
                            reactions.set(c.reactions);
                        }
                    }
                });
            }
        });
    }
    view! {
        <Reactions id reactions enabled=can_react back />
        <a class="comments-link" href=format!("/publications/{id}#commentaires")>{move || (t.comments)(comments.get())}</a>
    }
}

/// The footer of a card the server rendered: an island of its own. A card whose reactions the
/// viewer cannot use (a visitor's) is rendered plain and ships no code.
#[island]
fn PostFooter(state: FooterState) -> impl IntoView {
    view! { <PostFooterBody state /> }
}

/// The author's name, linking to their profile; "Compte supprimé" when the account was erased.
#[component]
pub fn AuthorLink(author: Option<Author>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let t = use_feed_texts();
    match author {
        Some(a) => view! { <a class=class href=format!("/membres/{}", a.handle)>{a.display_name}</a> }.into_any(),
        None => view! { <span class=format!("{class} deleted")>{t.deleted_author}</span> }.into_any(),
    }
}

/// The sanitized text of a publication or comment, or "Message supprimé".
#[component]
pub fn MessageBody(html: String, deleted: bool, class: &'static str) -> impl IntoView {
    let t = use_feed_texts();
    if deleted {
        view! { <p class=format!("{class} deleted hint")>{t.deleted_message}</p> }.into_any()
    } else {
        view! { <div class=class inner_html=html></div> }.into_any()
    }
}

/// A publication as shown in feeds and on its own page (always drawn by the server).
#[component]
pub fn PostCard(post: PostView, back: String) -> impl IntoView {
    let t = use_feed_texts();
    let lang = use_lang();
    let permalink = format!("/publications/{}", post.id);
    let place = place_link(&post.place);
    let footer = FooterState::of(&post, back);
    let footer = if !footer.can_react {
        view! { <PostFooterBody state=footer /> }.into_any()
    } else {
        view! { <PostFooter state=footer /> }.into_any()
    };
    view! {
        <article class="card post" id=format!("publication-{}", post.id) data-post=post.id>
            <header class="post-header">
                // Decorative: the author's name follows.
                {post.author_avatar.clone().map(|picture| view! { <Avatar picture alt=String::new() size=40 /> })}
                <AuthorLink author=post.author.clone() class="author" />
                {place.map(|(href, name)| view! { " · " <a href=href class="place">{name}</a> })}
                <p class="hint">
                    <a href=permalink><time>{format_datetime(lang, post.created_at_ms)}</time></a>
                    " · " {(t.audience)(post.audience)}
                    {post.edited.then(|| view! { " · " <em>{t.edited}</em> })}
                </p>
            </header>
            {post.hidden_reason.clone().map(|reason| view! { <p class="alert alert-warning">{(t.hidden_notice)(&reason)}</p> })}
            <MessageBody html=post.html.as_str().to_string() deleted=post.author.is_none() class="post-body" />
            <PostPictures pictures=post.pictures.clone() default_alt=(t.photo_default_alt)(&post.author.as_ref().map(|a| a.display_name.clone()).unwrap_or_default()) />
            <footer class="post-footer">{footer}</footer>
        </article>
    }
}

/// A feed as the server draws it: the first page's cards (plain HTML, each footer an island),
/// inside the island that makes the feed grow.
#[component]
pub fn FeedView(page: FeedPage) -> impl IntoView {
    let back = page.key.path();
    let first_ids: Vec<i64> = page.posts.iter().map(|p| p.id).collect();
    let posts = page.posts;
    view! {
        <GrowingFeed key=page.key first_ids next_before=page.next_before>
            {(!posts.is_empty()).then(|| view! {
                <ol class="feed">
                    {posts.into_iter().map(|post| view! { <li><PostCard post back=back.clone() /></li> }).collect_view()}
                </ol>
            })}
        </GrowingFeed>
    }
}

/// What makes a feed grow in the browser: older pages appended in place (a plain "publications
/// plus anciennes" link otherwise), and the live "N nouvelles publications", which shows the first
/// page again. The first page is the server's HTML (`children`); the others are the server's HTML
/// too, fetched as the link would open them (`components::fetched`): this island draws no card.
#[island]
fn GrowingFeed(key: FeedKey, first_ids: Vec<i64>, next_before: Option<i64>, children: Children) -> impl IntoView {
    let t = use_feed_texts();
    let path = key.path();
    // The publications on the page, to count only the new ones.
    let shown = StoredValue::new(first_ids);
    let empty = RwSignal::new(shown.with_value(Vec::is_empty));
    let next = RwSignal::new(next_before);
    let loading = RwSignal::new(false);
    let seen_live = RwSignal::new(0usize);
    let first_page = NodeRef::<leptos::html::Div>::new();
    let older_pages = NodeRef::<leptos::html::Ol>::new();
    let live = use_live();
    let live_for_composer = live.clone();

    // Hydration must draw what the server drew: the stream's events that came before the
    // WebAssembly (they wait in `live.js`'s backlog) are counted once the island is awake, or
    // the "N nouvelles publications" line would be an element the server's HTML lacks (a panic).
    let awake = RwSignal::new(false);
    Effect::new(move |_| awake.set(true));
    // New publications for this feed, counted since the page was shown.
    let fresh = {
        let live = live.clone();
        Memo::new(move |_| {
            let Some(live) = live.as_ref().filter(|_| awake.get()) else { return 0 };
            let shown = |id: i64| shown.with_value(|ids| ids.contains(&id));
            live.new_posts.with(|list| list.iter().skip(seen_live.get()).filter(|p| p.shows_in(&key) && !shown(p.post)).count())
        })
    };
    let show_fresh = {
        let path = path.clone();
        move |_: ()| {
            let path = path.clone();
            let live = live.clone();
            leptos::task::spawn_local(async move {
                let Some(page) = show_feed_page(&path, first_page, older_pages, true).await else { return };
                shown.set_value(page.ids);
                empty.set(shown.with_value(Vec::is_empty));
                next.set(page.next_before);
                if let Some(live) = live {
                    seen_live.set(live.new_posts.with_untracked(Vec::len));
                }
            });
        }
    };
    // Older pages: appended in place; the link stays a plain link without JavaScript.
    let fetch_older = {
        let path = path.clone();
        move || {
            let Some(before) = next.get_untracked() else {
                return;
            };
            if loading.get_untracked() {
                return;
            }
            loading.set(true);
            let address = format!("{path}?avant={before}");
            leptos::task::spawn_local(async move {
                if let Some(page) = show_feed_page(&address, first_page, older_pages, false).await {
                    shown.update_value(|ids| ids.extend(&page.ids));
                    next.set(page.next_before);
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
    // This page's composer published: the first page again, with the new publication on top.
    if let Some(published) = live_for_composer.map(|live| live.published) {
        let show_fresh = show_fresh.clone();
        Effect::new(move |sent_before: Option<u64>| {
            let sent = published.get();
            if sent_before.is_some_and(|before| before != sent) {
                show_fresh(());
            }
            sent
        });
    }
    let older_link = NodeRef::<leptos::html::A>::new();
    infinite_scroll(older_link, fetch_older);
    view! {
        {move || (fresh.get() > 0).then(|| view! {
            <p class="new-posts" role="status"><button type="button" class="button" on:click={
                let show_fresh = show_fresh.clone();
                move |_| show_fresh(())
            }>{(t.new_posts)(fresh.get())}</button></p>
        })}
        {move || empty.get().then(|| view! { <p class="empty-state">{t.empty}</p> })}
        <div class="first-page" node_ref=first_page>{children()}</div>
        <ol class="feed" node_ref=older_pages></ol>
        {move || match next.get() {
            Some(before) => view! {
                <p class="older"><a class="button" node_ref=older_link href=format!("{path}?avant={before}") on:click=load_older.clone() aria-busy=move || loading.get().to_string()>{t.older}</a></p>
            }.into_any(),
            None => view! { <p class="hint end-of-feed">{(!empty.get()).then_some(t.end_of_feed)}</p> }.into_any(),
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
