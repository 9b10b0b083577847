//! The live parts of conversations. The server draws every message and every line of the list;
//! these islands only fetch the server's HTML again when the stream says a conversation moved
//! (`components::fetched`), send the answer box without leaving the page, and let Enter send.
//! Without JavaScript the pages are plain: links, and forms that post.

use leptos::prelude::*;

use crate::components::live::use_live;

/// `/messages`, first page: the list drawn again from the server when a message arrives.
#[island]
pub fn LiveConversations(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let refresh = Refresher::new(move || async move {
        crate::components::fetched::refresh_conversations(root).await;
    });
    if let Some(live) = use_live() {
        Effect::new(move |_| {
            if live.message.get().is_some() {
                refresh.run();
            }
        });
    }
    view! { <div class="live-conversations" node_ref=root>{children()}</div> }
}

/// A thread's newest page and its answer box. A message for this conversation (from the stream,
/// or just sent from here) brings the newer messages from the server, which also marks them read;
/// the "Messages" badge is then counted again (reading here is reading).
#[island]
pub fn LiveThread(conversation: i64, newest: i64, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let newest = StoredValue::new(newest);
    let sending = RwSignal::new(false);
    let refresh = Refresher::new(move || async move {
        if let Some(last) = crate::components::fetched::show_new_messages(conversation, root, newest.get_value()).await {
            newest.set_value(last);
        }
        recount_badge().await;
    });
    if let Some(live) = use_live() {
        Effect::new(move |_| {
            if live.message.get().is_some_and(|(_, moved)| moved == conversation) {
                refresh.run();
            }
        });
    }
    // The page was counted before it was read: count again once it is shown.
    Effect::new(move |_| leptos::task::spawn_local(recount_badge()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        use leptos::wasm_bindgen::JsCast;
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok()) else { return };
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        leptos::task::spawn_local(async move {
            if crate::components::fetched::post_form(&form).await {
                clear_text(&form);
                refresh.run();
            } else {
                // Refused, limited or offline: the plain post says what to fix, with the text kept.
                let _ = form.submit();
            }
            sending.set(false);
        });
    };
    // Enter sends (as in every messaging app); Shift+Enter, or a composition in progress (an
    // input method), writes on.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        use leptos::wasm_bindgen::JsCast;
        if ev.key() != "Enter" || ev.shift_key() || ev.is_composing() || ev.alt_key() {
            return;
        }
        let Some(area) = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlTextAreaElement>().ok()) else { return };
        let Some(form) = area.form() else { return };
        ev.prevent_default();
        if !area.value().trim().is_empty() {
            let _ = form.request_submit();
        }
    };
    view! {
        <div class="live-thread" node_ref=root on:submit=on_submit on:keydown=on_keydown aria-busy=move || sending.get().to_string()>
            {children()}
        </div>
    }
}

/// A refresh to run: a function that starts the future doing it.
pub(crate) type Task = std::sync::Arc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> + Send + Sync>;

/// Runs an async refresh, never two at once: a request while one runs makes it run once more
/// after (messages that came meanwhile are not missed, a burst costs two fetches).
#[derive(Clone, Copy)]
pub(crate) struct Refresher {
    running: StoredValue<bool>,
    again: StoredValue<bool>,
    task: StoredValue<Task>,
}

impl Refresher {
    pub(crate) fn new<F, Fut>(task: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + 'static,
    {
        let task: Task = std::sync::Arc::new(move || Box::pin(task()));
        Self { running: StoredValue::new(false), again: StoredValue::new(false), task: StoredValue::new(task) }
    }

    pub(crate) fn run(self) {
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        self.running.set_value(true);
        leptos::task::spawn_local(async move {
            loop {
                self.again.set_value(false);
                let task = self.task.get_value();
                task().await;
                if !self.again.get_value() {
                    break;
                }
            }
            self.running.set_value(false);
        });
    }
}

fn clear_text(form: &leptos::web_sys::HtmlFormElement) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(area) =
        form.query_selector("textarea").ok().flatten().and_then(|a| a.dyn_into::<leptos::web_sys::HtmlTextAreaElement>().ok())
    {
        area.set_value("");
        let _ = area.focus();
    }
}

/// Asks the server for the badge's count and shows it (`live.js` owns the badge).
async fn recount_badge() {
    if let Ok(count) = crate::api::messages::get_unread_conversations::get_unread_conversations().await {
        show_unread("messages", count);
    }
}

#[cfg(feature = "hydrate")]
fn show_unread(kind: &str, count: i64) {
    use wasm_bindgen::JsCast;
    let show = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"coopolLive".into()).ok())
        .and_then(|live| js_sys::Reflect::get(&live, &"showUnread".into()).ok());
    if let Some(show) = show.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) {
        let _ = show.call2(&wasm_bindgen::JsValue::NULL, &kind.into(), &(count as f64).into());
    }
}

#[cfg(not(feature = "hydrate"))]
fn show_unread(_kind: &str, _count: i64) {}
