//! The live stream as the islands see it. `public/live.js` (plain JavaScript, on every page of a
//! signed-in person) opens the tab's one `EventSource` on `/api/flux`, keeps the notifications
//! badge up to date and hands every event to the page as a `coopol-live` DOM event; the events
//! that arrived before the WebAssembly woke up wait in `window.coopolLive.events`. Islands are
//! separate roots: they share this module's state, not a context. Without JavaScript nothing here
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

/// What the stream told this page so far, as signals any island can read.
#[derive(Clone)]
pub struct Live {
    /// Every new publication since the page was opened (islands pick theirs).
    pub new_posts: ArcRwSignal<Vec<NewPost>>,
    /// The latest publication whose counts changed, with a sequence number so repeats register.
    pub changed: ArcRwSignal<Option<(u64, i64)>>,
    /// How many publications this page's composer sent (the feed then shows its first page).
    pub published: ArcRwSignal<u64>,
    /// The latest conversation with a new message for this person, with a sequence number.
    pub message: ArcRwSignal<Option<(u64, i64)>>,
    /// The debate this page follows moved (its id, with a sequence number).
    pub debate: ArcRwSignal<Option<(u64, i64)>>,
    /// A ballot was cast in the vote this page follows (its id, with a sequence number).
    pub vote: ArcRwSignal<Option<(u64, i64)>>,
}

/// The page's live state, fed by `public/live.js`; `None` on the server and for visitors.
#[cfg(feature = "hydrate")]
pub fn use_live() -> Option<Live> {
    thread_local! {
        static LIVE: std::cell::OnceCell<Option<Live>> = const { std::cell::OnceCell::new() };
    }
    LIVE.with(|cell| {
        cell.get_or_init(|| {
            signed_in().then(|| {
                let live = Live {
                    new_posts: ArcRwSignal::new(Vec::new()),
                    changed: ArcRwSignal::new(None),
                    published: ArcRwSignal::new(0),
                    message: ArcRwSignal::new(None),
                    debate: ArcRwSignal::new(None),
                    vote: ArcRwSignal::new(None),
                };
                listen(live.clone());
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

/// One event of the stream as `live.js` hands it on.
#[cfg(feature = "hydrate")]
#[derive(Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "lowercase")]
enum StreamEvent {
    Post(NewPost),
    Counts {
        post: i64,
    },
    Messages {
        conversation: i64,
    },
    Debat {
        debate: i64,
    },
    Vote {
        vote: i64,
    },
    #[serde(other)]
    Other,
}

/// Takes the events that came before this island woke up, then every new one.
#[cfg(feature = "hydrate")]
fn listen(live: Live) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let sequence = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let apply = move |value: wasm_bindgen::JsValue| {
        let Ok(json) = js_sys::JSON::stringify(&value) else { return };
        let Some(json) = json.as_string() else { return };
        match serde_json::from_str::<StreamEvent>(&json) {
            Ok(StreamEvent::Post(post)) => live.new_posts.update(|list| list.push(post)),
            Ok(StreamEvent::Counts { post }) => {
                sequence.set(sequence.get() + 1);
                live.changed.set(Some((sequence.get(), post)));
            }
            Ok(StreamEvent::Messages { conversation }) => {
                sequence.set(sequence.get() + 1);
                live.message.set(Some((sequence.get(), conversation)));
            }
            Ok(StreamEvent::Debat { debate }) => {
                sequence.set(sequence.get() + 1);
                live.debate.set(Some((sequence.get(), debate)));
            }
            Ok(StreamEvent::Vote { vote }) => {
                sequence.set(sequence.get() + 1);
                live.vote.set(Some((sequence.get(), vote)));
            }
            Ok(StreamEvent::Other) | Err(_) => {}
        }
    };
    let backlog = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"coopolLive".into()).ok())
        .and_then(|l| js_sys::Reflect::get(&l, &"events".into()).ok())
        .filter(js_sys::Array::is_array)
        .map(|events| js_sys::Array::from(&events));
    if let Some(events) = backlog {
        events.iter().for_each(&apply);
    }
    let on_event = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| apply(e.detail()));
    let _ = document().add_event_listener_with_callback("coopol-live", on_event.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_event.forget();
}
