//! The live stream of this tab: one `EventSource` on `/api/flux` per page, opened by the first
//! island that asks for it when a person is signed in, and shared by every island of the page
//! (islands are separate roots: they share this module's state, not a context). Without
//! JavaScript nothing here runs and pages simply show what the server rendered.
//!
//! Pages are full navigations, so each page opens its own stream. The last event id a tab saw is
//! kept in `sessionStorage` (one per tab) and the next page resumes from it (`?depuis=`, as
//! `Last-Event-ID` would), so no event between two pages is lost; what the new page already
//! shows is not shown twice (new publications are matched by id, counts are fetched afresh).

use leptos::prelude::*;
use serde::Deserialize;

/// A new publication the viewer may see, and where it shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewPost {
    pub post: i64,
    pub home: bool,
    pub section: Option<String>,
    pub federation: Option<String>,
    pub group: Option<String>,
    pub author: String,
    pub tags: Vec<String>,
}

impl NewPost {
    /// Does this publication belong in the feed `key`?
    pub fn shows_in(&self, key: &crate::model::feed::FeedKey) -> bool {
        use crate::model::feed::FeedKey;
        match key {
            FeedKey::Home => self.home,
            FeedKey::Section(slug) => self.section.as_deref() == Some(slug.as_str()),
            FeedKey::Federation(code) => self.federation.as_deref() == Some(code.as_str()),
            FeedKey::Group(slug) => self.group.as_deref() == Some(slug.as_str()),
            FeedKey::Member(handle) => self.author == *handle,
            FeedKey::Tag(tag) => self.tags.iter().any(|t| t == tag),
        }
    }
}

/// What the stream told this page so far, as signals any island can read.
#[derive(Clone)]
pub struct Live {
    /// The latest unread notification count pushed by the server.
    pub unread: ArcRwSignal<Option<i64>>,
    /// Every new publication since the page was opened (islands pick theirs).
    pub new_posts: ArcRwSignal<Vec<NewPost>>,
    /// The latest publication whose counts changed, with a sequence number so repeats register.
    pub changed: ArcRwSignal<Option<(u64, i64)>>,
}

/// Where this tab keeps the id of the last event it received.
#[cfg(feature = "hydrate")]
const LAST_EVENT_KEY: &str = "coopol-flux-dernier";

/// The page's live state, its stream opened on first use; `None` on the server and for visitors.
#[cfg(feature = "hydrate")]
pub fn use_live() -> Option<Live> {
    thread_local! {
        static LIVE: std::cell::OnceCell<Option<Live>> = const { std::cell::OnceCell::new() };
    }
    LIVE.with(|cell| {
        cell.get_or_init(|| {
            signed_in().then(|| {
                let live =
                    Live { unread: ArcRwSignal::new(None), new_posts: ArcRwSignal::new(Vec::new()), changed: ArcRwSignal::new(None) };
                connect(live.clone());
                live
            })
        })
        .clone()
    })
}

#[cfg(not(feature = "hydrate"))]
pub fn use_live() -> Option<Live> {
    None
}

/// The shell names the signed-in account in `<meta name="coopol-account">` (empty for visitors).
#[cfg(feature = "hydrate")]
fn signed_in() -> bool {
    document()
        .query_selector("meta[name=coopol-account]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .is_some_and(|account| !account.is_empty())
}

#[cfg(feature = "hydrate")]
fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// Every message moves this tab's position (the first one, `pret`, gives it to a new tab).
#[cfg(feature = "hydrate")]
fn remember(e: &web_sys::MessageEvent) {
    let id = e.last_event_id();
    if !id.is_empty() {
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(LAST_EVENT_KEY, &id);
        }
    }
}

/// A listener for one kind of event: remembers the position, reads the JSON data, hands it on.
#[cfg(feature = "hydrate")]
fn listener<T: serde::de::DeserializeOwned + 'static>(
    mut deliver: impl FnMut(T) + 'static,
) -> wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)> {
    wasm_bindgen::closure::Closure::new(move |e: web_sys::MessageEvent| {
        remember(&e);
        if let Some(value) = e.data().as_string().and_then(|d| serde_json::from_str::<T>(&d).ok()) {
            deliver(value);
        }
    })
}

/// Opens the stream, resuming after the last event this tab saw on an earlier page.
#[cfg(feature = "hydrate")]
fn connect(live: Live) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{EventSource, MessageEvent};

    let since = session_storage()
        .and_then(|s| s.get_item(LAST_EVENT_KEY).ok().flatten())
        .filter(|id| id.bytes().all(|b| b.is_ascii_digit()) && !id.is_empty());
    let url = match since {
        Some(id) => format!("/api/flux?depuis={id}"),
        None => "/api/flux".to_string(),
    };
    let Ok(source) = EventSource::new(&url) else {
        return;
    };
    let on_ready = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| remember(&e));
    let on_post = {
        let new_posts = live.new_posts.clone();
        listener(move |post: NewPost| new_posts.update(|list| list.push(post)))
    };
    let on_counts = {
        #[derive(Deserialize)]
        struct Changed {
            post: i64,
        }
        let changed = live.changed.clone();
        let mut sequence = 0u64;
        listener(move |c: Changed| {
            sequence += 1;
            changed.set(Some((sequence, c.post)));
        })
    };
    let on_notifications = {
        #[derive(Deserialize)]
        struct Unread {
            unread: i64,
        }
        let unread = live.unread.clone();
        listener(move |n: Unread| unread.set(Some(n.unread)))
    };
    // The session was closed (signed out everywhere, account suspended): stop the stream
    // (a reconnection would only be refused) and reload, which shows the page signed out —
    // unless this tab is already leaving (its own sign-out form was sent: a reload then would
    // race the navigation it started).
    let leaving = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_leave = {
        let leaving = leaving.clone();
        Closure::<dyn FnMut()>::new(move || leaving.set(true))
    };
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    }
    let closing = source.clone();
    let on_end = Closure::<dyn FnMut(MessageEvent)>::new(move |_e: MessageEvent| {
        closing.close();
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(LAST_EVENT_KEY);
        }
        if leaving.get() {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    type Listener = Closure<dyn FnMut(MessageEvent)>;
    let listeners: [(&str, &Listener); 5] =
        [("pret", &on_ready), ("post", &on_post), ("counts", &on_counts), ("notifications", &on_notifications), ("fin", &on_end)];
    for (name, listener) in listeners {
        let _ = source.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    }
    // The stream lives as long as the page: the browser reconnects it (with Last-Event-ID).
    on_leave.forget();
    on_ready.forget();
    on_post.forget();
    on_counts.forget();
    on_notifications.forget();
    on_end.forget();
    std::mem::forget(source);
}
