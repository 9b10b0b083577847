//! The browser entry point. Pages are drawn by the server; only their islands (`#[island]` in
//! `app`) run here. `/islands.js` loads this module on pages that have islands, calls `hydrate`,
//! then each island's own function (exported by `app`, linked in below).

extern crate app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
