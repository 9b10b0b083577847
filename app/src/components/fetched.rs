//! Islands that show more of the server's HTML (an older page of a feed, a publication's comments
//! again) fetch the very page a plain link would open and take the part they need. No card or
//! comment is ever deserialized or drawn by the WebAssembly, which stays small, and what is shown
//! is the server's HTML, escaped and sanitized there. The islands inside it (card footers) are
//! then woken up by `/islands.js`, as the page's own were.

use leptos::prelude::*;

/// Fetches one of Coopol's pages (with the person's cookie, as a link would) and parses it.
/// `None` when it cannot be had: no network, an error page. The caller then changes nothing.
#[cfg(feature = "hydrate")]
pub async fn fetch_page(path: &str) -> Option<web_sys::Document> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    web_sys::DomParser::new().ok()?.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()
}

/// Wakes the islands inside `root`, HTML added after the page's islands were hydrated
/// (`window.coopolHydrate`, set by `/islands.js` once the WebAssembly is running).
#[cfg(feature = "hydrate")]
pub fn hydrate_islands_in(root: &web_sys::Element) {
    use wasm_bindgen::JsCast;

    let hydrate = web_sys::window().and_then(|window| js_sys::Reflect::get(&window, &"coopolHydrate".into()).ok());
    if let Some(hydrate) = hydrate.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) {
        let _ = hydrate.call1(&wasm_bindgen::JsValue::NULL, root);
    }
}

/// The elements matching `selector` under `root`, in document order.
#[cfg(feature = "hydrate")]
pub fn select_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;

    let Ok(found) = root.query_selector_all(selector) else { return Vec::new() };
    (0..found.length()).filter_map(|i| found.item(i)).filter_map(|node| node.dyn_into::<web_sys::Element>().ok()).collect()
}

/// The number an element carries in the attribute `name` (`data-post="42"`).
#[cfg(feature = "hydrate")]
pub fn number_attribute(element: &web_sys::Element, name: &str) -> Option<i64> {
    element.get_attribute(name)?.parse().ok()
}

/// What a page of a feed brought: the publications it shows, where the next page starts.
pub struct FeedPageShown {
    pub ids: Vec<i64>,
    pub next_before: Option<i64>,
}

/// Fetches the feed page at `address` and shows its cards: after the older pages already shown,
/// or (`as_first`) in place of every card shown so far. Their footers are then woken up.
#[cfg(feature = "hydrate")]
pub async fn show_feed_page(
    address: &str,
    first_page: NodeRef<leptos::html::Div>,
    older_pages: NodeRef<leptos::html::Ol>,
    as_first: bool,
) -> Option<FeedPageShown> {
    let document = fetch_page(address).await?;
    // The cards are the children of the feed island's first page, as on the page itself.
    let fetched = document.query_selector("leptos-island .first-page").ok()??;
    let ids = select_all(&fetched, "article.post").iter().filter_map(|card| number_attribute(card, "data-post")).collect();
    // Its own "publications plus anciennes" link says where the next page starts.
    let next_before = document
        .query_selector("p.older a[href]")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"))
        .and_then(|href| href.split_once("avant=").and_then(|(_, id)| id.parse().ok()));
    let (first_page, older_pages) = (first_page.get_untracked()?, older_pages.get_untracked()?);
    if as_first {
        older_pages.set_inner_html("");
        first_page.set_inner_html("");
        if let Some(list) = fetched.query_selector("ol.feed").ok().flatten() {
            let _ = first_page.append_child(&list);
            hydrate_islands_in(&list);
        }
    } else {
        for card in select_all(&fetched, "ol.feed > li") {
            let _ = older_pages.append_child(&card);
            hydrate_islands_in(&card);
        }
    }
    Some(FeedPageShown { ids, next_before })
}

#[cfg(not(feature = "hydrate"))]
pub async fn show_feed_page(
    _address: &str,
    _first_page: NodeRef<leptos::html::Div>,
    _older_pages: NodeRef<leptos::html::Ol>,
    _as_first: bool,
) -> Option<FeedPageShown> {
    None
}

/// What the comments of a publication are now.
pub struct CommentsShown {
    pub count: i64,
}

/// Fetches the publication's page and shows its comments in place of those of `section`. A
/// comment whose reply form is open or holds text is kept as it is, so nothing typed is lost.
#[cfg(feature = "hydrate")]
pub async fn refresh_comments(post_id: i64, section: NodeRef<leptos::html::Section>) -> Option<CommentsShown> {
    let document = fetch_page(&format!("/publications/{post_id}")).await?;
    let fetched = document.query_selector("#commentaires ol.comments").ok()??;
    let count = number_attribute(&fetched, "data-count")?;
    let list = section.get_untracked()?.query_selector("ol.comments").ok()??;
    let comments: Vec<web_sys::Element> = select_all(&fetched, "li.comment")
        .into_iter()
        .map(|comment| {
            let kept = list.query_selector(&format!("#{}", comment.id())).ok().flatten().filter(being_written);
            kept.unwrap_or(comment)
        })
        .collect();
    list.set_inner_html("");
    for comment in comments {
        let _ = list.append_child(&comment);
    }
    Some(CommentsShown { count })
}

#[cfg(not(feature = "hydrate"))]
pub async fn refresh_comments(_post_id: i64, _section: NodeRef<leptos::html::Section>) -> Option<CommentsShown> {
    None
}

/// Sends `form` as the browser would without JavaScript (a urlencoded POST to its action, with
/// the person's cookie) and says whether the server took it: it then answers with a redirection
/// to the page to show (`303 See Other`, followed here). A refusal (the page again with what to
/// fix, 422), a limit (429), no network, or a session that ended (a redirection too, but to the
/// sign-in page): `false`, nothing was written, and the caller keeps what was typed.
#[cfg(feature = "hydrate")]
pub async fn post_form(form: &leptos::web_sys::HtmlFormElement) -> bool {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let sent = async {
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let window = web_sys::window()?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init)).await.ok()?.dyn_into().ok()?;
        let signed_out = web_sys::Url::new(&response.url()).is_ok_and(|url| url.pathname() == "/connexion");
        Some(response.ok() && response.redirected() && !signed_out)
    };
    sent.await.unwrap_or(false)
}

#[cfg(not(feature = "hydrate"))]
pub async fn post_form(_form: &leptos::web_sys::HtmlFormElement) -> bool {
    false
}

/// The same for a form that carries files (`multipart/form-data`), reporting the share sent so
/// far (0.0 to 1.0) to `progress` as the upload goes — `fetch` cannot tell that, an
/// `XMLHttpRequest` can. When the server took it, the address of the page it redirected to.
#[cfg(feature = "hydrate")]
pub async fn post_form_with_progress(form: &leptos::web_sys::HtmlFormElement, progress: impl Fn(f64) + 'static) -> Option<String> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let sent = async {
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let request = web_sys::XmlHttpRequest::new().ok()?;
        request.open("POST", &form.action()).ok()?;
        let on_progress = Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                progress(ev.loaded() / ev.total());
            }
        });
        request.upload().ok()?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        // Settles when the request ends, however it ends (answer, network error, abort).
        let ended = js_sys::Promise::new(&mut |resolve, _reject| {
            request.set_onloadend(Some(&resolve));
        });
        request.send_with_opt_form_data(Some(&data)).ok()?;
        let _ = JsFuture::from(ended).await;
        drop(on_progress);
        let status = request.status().ok()?;
        let landed = request.response_url();
        let signed_out = web_sys::Url::new(&landed).is_ok_and(|url| url.pathname() == "/connexion");
        ((200..300).contains(&status) && !signed_out).then_some(landed)
    };
    sent.await
}

#[cfg(not(feature = "hydrate"))]
pub async fn post_form_with_progress(_form: &leptos::web_sys::HtmlFormElement, _progress: impl Fn(f64) + 'static) -> Option<String> {
    None
}

/// Whether one of `form`'s file fields holds a file larger than `max_bytes` (the server would
/// refuse it: better send the form the plain way at once, whose answer says why, than upload it twice).
#[cfg(feature = "hydrate")]
pub fn holds_file_over(form: &leptos::web_sys::HtmlFormElement, max_bytes: f64) -> bool {
    use wasm_bindgen::JsCast;
    select_all(form, "input[type=file]")
        .into_iter()
        .filter_map(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .any(|input| input.files().is_some_and(|files| (0..files.length()).filter_map(|i| files.get(i)).any(|f| f.size() > max_bytes)))
}

#[cfg(not(feature = "hydrate"))]
pub fn holds_file_over(_form: &leptos::web_sys::HtmlFormElement, _max_bytes: f64) -> bool {
    false
}

/// Fetches a conversation's newest page (which marks it read) and appends the messages newer
/// than `newest` to the thread shown in `root`. Answers the newest id now shown.
#[cfg(feature = "hydrate")]
pub async fn show_new_messages(conversation: i64, root: NodeRef<leptos::html::Div>, newest: i64) -> Option<i64> {
    let document = fetch_page(&format!("/messages/{conversation}")).await?;
    let fetched = document.query_selector(".live-thread ol.messages").ok()??;
    let list = root.get_untracked()?.query_selector("ol.messages").ok()??;
    let mut last = newest;
    let mut appended = None;
    for item in select_all(&fetched, "li[data-message]") {
        match number_attribute(&item, "data-message") {
            Some(id) if id > last => {
                let _ = list.append_child(&item);
                last = id;
                appended = Some(item);
            }
            _ => {}
        }
    }
    if let Some(item) = appended {
        item.scroll_into_view_with_bool(false);
    }
    Some(last)
}

#[cfg(not(feature = "hydrate"))]
pub async fn show_new_messages(_conversation: i64, _root: NodeRef<leptos::html::Div>, _newest: i64) -> Option<i64> {
    None
}

/// Draws the first page of `/messages` again in `root`, as the server draws it now.
#[cfg(feature = "hydrate")]
pub async fn refresh_conversations(root: NodeRef<leptos::html::Div>) {
    let Some(document) = fetch_page("/messages").await else { return };
    let Some(fetched) = document.query_selector(".live-conversations").ok().flatten() else { return };
    if let Some(root) = root.get_untracked() {
        root.set_inner_html(&fetched.inner_html());
    }
}

#[cfg(not(feature = "hydrate"))]
pub async fn refresh_conversations(_root: NodeRef<leptos::html::Div>) {}

/// Whether someone is writing in `item` here (a reply box open, text typed): a refresh keeps it.
#[cfg(feature = "hydrate")]
fn being_written(item: &web_sys::Element) -> bool {
    use wasm_bindgen::JsCast;

    item.query_selector("details[open]").ok().flatten().is_some()
        || select_all(item, "textarea")
            .into_iter()
            .filter_map(|area| area.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .any(|area| !area.value().is_empty())
}

/// Fetches `path` (this page's own address when `None`) and shows, inside `root`, its parts
/// marked `data-live-text` (their text) and `data-live-list` (their children), found by `id`. A
/// child with `data-item` that someone is using here (a reply box open, text typed, the focus
/// in it) is kept as it is, so nothing typed is lost.
#[cfg(feature = "hydrate")]
pub async fn refresh_marked(root: NodeRef<leptos::html::Div>, path: Option<String>) -> Option<()> {
    let path = match path {
        Some(path) => path,
        None => {
            let location = web_sys::window()?.location();
            format!("{}{}", location.pathname().ok()?, location.search().ok()?)
        }
    };
    let document = fetch_page(&path).await?;
    let root = root.get_untracked()?;
    let focused = web_sys::window()?.document()?.active_element();
    let in_use = |item: &web_sys::Element| being_written(item) || focused.as_ref().is_some_and(|f| item.contains(Some(f)));
    for here in select_all(&root, "[data-live-text]") {
        if let Some(there) = document.get_element_by_id(&here.id()) {
            here.set_text_content(there.text_content().as_deref());
        }
    }
    for here in select_all(&root, "[data-live-list]") {
        let Some(there) = document.get_element_by_id(&here.id()) else { continue };
        let children: Vec<web_sys::Element> = (0..there.child_element_count())
            .filter_map(|_| there.first_element_child().inspect(|c| c.remove()))
            .map(|item| {
                let key = item.get_attribute("data-item");
                let kept =
                    key.and_then(|key| here.query_selector(&format!("[data-item=\"{key}\"]")).ok().flatten()).filter(|mine| in_use(mine));
                kept.unwrap_or(item)
            })
            .collect();
        here.set_inner_html("");
        for child in children {
            let _ = here.append_child(&child);
        }
    }
    Some(())
}

#[cfg(not(feature = "hydrate"))]
pub async fn refresh_marked(_root: NodeRef<leptos::html::Div>, _path: Option<String>) -> Option<()> {
    None
}
