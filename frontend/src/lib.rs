//! The browser entry point: hydrates the server-rendered page.

use leptos::prelude::{document, window};

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    take_the_rendered_address();
    leptos::mount::hydrate_body(app::App);
    // Hydration is synchronous: once here, every event handler is attached. The end-to-end tests
    // (and anyone curious) wait for this mark instead of guessing from the network.
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}

/// A refused form post is answered with its page rendered at the post's own address (the form
/// `/publications` re-renders `/fil` with what was typed): the router must hydrate the page that
/// was rendered, not the one the address bar names, or hydration fails. The server writes the
/// page's address in `<meta name="coopol-page">`; the address bar takes it before hydrating (a
/// reload then shows the page, instead of posting the form again).
fn take_the_rendered_address() {
    let rendered = document()
        .query_selector("meta[name=coopol-page]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|path| path.starts_with('/') && !path.starts_with("//"));
    let Some(rendered) = rendered else { return };
    let location = window().location();
    let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if rendered != here {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&rendered));
        }
    }
}
