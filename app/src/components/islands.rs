//! How a page gets its islands running: `/islands.js` (a static file: the CSP allows no inline
//! script but the nonce'd ones) hydrates every `<leptos-island>` of the page, and loads the
//! WebAssembly only when the page has one. A page with nothing to click but links and forms (a
//! visitor's, mostly) downloads no WebAssembly at all.
//!
//! This replaces leptos' `<HydrationScripts islands=true>`, which preloads and starts the
//! WebAssembly on every page whatever it holds.

use leptos::prelude::*;

/// The bundle's addresses for `/islands.js`. Not preloaded: a preload puts the WebAssembly in the
/// page's critical path (Lighthouse, mobile: LCP 2.3 s with it on a member's feed); the page is
/// usable server HTML until the islands wake up.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = bundle(&options);
    view! {
        <meta name="coopol-islands" content=js data-wasm=wasm />
        <script type="module" src="/islands.js"></script>
    }
}

/// The JavaScript and WebAssembly files cargo-leptos built, by their hashed names (read once).
#[cfg(feature = "ssr")]
fn bundle(options: &LeptosOptions) -> (String, String) {
    static NAMES: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            let mut js = options.output_name.to_string();
            let mut wasm = js.clone();
            if options.hash_files {
                // cargo-leptos writes `hash.txt` beside the binary: lines "js: …", "wasm: …".
                let hashes = std::env::current_exe()
                    .ok()
                    .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
                    .and_then(|path| std::fs::read_to_string(path).ok())
                    .unwrap_or_default();
                for (file, hash) in hashes.lines().filter_map(|line| line.split_once(':')) {
                    match file.trim() {
                        "js" => js = format!("{js}.{}", hash.trim()),
                        "wasm" => wasm = format!("{wasm}.{}", hash.trim()),
                        _ => {}
                    }
                }
            } else if option_env!("LEPTOS_OUTPUT_NAME").is_none() {
                wasm.push_str("_bg");
            }
            let pkg = &options.site_pkg_dir;
            (format!("/{pkg}/{js}.js"), format!("/{pkg}/{wasm}.wasm"))
        })
        .clone()
}

#[cfg(not(feature = "ssr"))]
fn bundle(_options: &LeptosOptions) -> (String, String) {
    (String::new(), String::new())
}
