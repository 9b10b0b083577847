//! The live stream of this tab: one `EventSource` on `/api/flux`, opened after hydration for a
//! signed-in person, fanned out to the page through signals. Without JavaScript nothing here
//! runs and pages simply show what the server rendered.

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

#[derive(Clone, Copy)]
pub struct Live {
    /// The latest unread notification count pushed by the server.
    pub unread: RwSignal<Option<i64>>,
    /// Every new publication since the page was opened (pages pick theirs).
    pub new_posts: RwSignal<Vec<NewPost>>,
    /// The latest publication whose counts changed, with a sequence number so repeats register.
    pub changed: RwSignal<Option<(u64, i64)>>,
}

pub fn provide_live() -> Live {
    let live = Live { unread: RwSignal::new(None), new_posts: RwSignal::new(Vec::new()), changed: RwSignal::new(None) };
    provide_context(live);
    live
}

pub fn use_live() -> Option<Live> {
    use_context::<Live>()
}

/// Opens the stream once the page knows a person is signed in (browser only).
#[cfg(feature = "hydrate")]
pub fn connect(live: Live) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{EventSource, MessageEvent};

    let Ok(source) = EventSource::new("/api/flux") else {
        return;
    };
    let on_post = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(post) = e.data().as_string().and_then(|d| serde_json::from_str::<NewPost>(&d).ok()) {
            live.new_posts.update(|list| list.push(post));
        }
    });
    let mut sequence = 0u64;
    let on_counts = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        #[derive(Deserialize)]
        struct Changed {
            post: i64,
        }
        if let Some(changed) = e.data().as_string().and_then(|d| serde_json::from_str::<Changed>(&d).ok()) {
            sequence += 1;
            live.changed.set(Some((sequence, changed.post)));
        }
    });
    let on_notifications = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        #[derive(Deserialize)]
        struct Unread {
            unread: i64,
        }
        if let Some(n) = e.data().as_string().and_then(|d| serde_json::from_str::<Unread>(&d).ok()) {
            live.unread.set(Some(n.unread));
        }
    });
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
    on_leave.forget();
    let closing = source.clone();
    let on_end = Closure::<dyn FnMut(MessageEvent)>::new(move |_e: MessageEvent| {
        closing.close();
        if leaving.get() {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = source.add_event_listener_with_callback("fin", on_end.as_ref().unchecked_ref());
    on_end.forget();
    let _ = source.add_event_listener_with_callback("post", on_post.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("counts", on_counts.as_ref().unchecked_ref());
    let _ = source.add_event_listener_with_callback("notifications", on_notifications.as_ref().unchecked_ref());
    // The stream lives as long as the tab: the browser reconnects it (with Last-Event-ID).
    on_post.forget();
    on_counts.forget();
    on_notifications.forget();
    std::mem::forget(source);
}

#[cfg(not(feature = "hydrate"))]
pub fn connect(_live: Live) {}
