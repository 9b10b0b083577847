// Runs Coopol's islands: the interactive parts of a server-rendered page (`#[island]` in the
// `app` crate, drawn as <leptos-island> elements). The WebAssembly is loaded only when the page
// has an island; a page of links and plain forms downloads none. When the page is ready (islands
// hydrated, or none to hydrate), <html> gets `data-hydrated` (the end-to-end tests wait for it).
// Adapted from leptos 0.8's island_script.js (a static file here: the CSP allows no inline script).

// A refused form post is answered with its page rendered at the post's own address (the form
// `/publications` re-renders `/fil` with what was typed). The server names the page it drew in
// <meta name="coopol-page">: the address bar takes it, so a reload shows the page instead of
// sending the form again.
function takeTheRenderedAddress() {
  const rendered = document.querySelector('meta[name="coopol-page"]')?.getAttribute("content");
  if (!rendered || !rendered.startsWith("/") || rendered.startsWith("//")) return;
  if (rendered !== location.pathname + location.search) history.replaceState(null, "", rendered);
}

// Walks the page in document order; an island's <leptos-children> (server HTML inside it) are
// attached to the island's reactive owner before the islands they contain are hydrated.
async function hydrateIslands(root, mod) {
  const childrenCallbacks = [];
  async function traverse(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = node.tagName.toLowerCase();
    if (tag === "leptos-island") {
      const hydrateIsland = mod[node.dataset.component];
      if (!hydrateIsland) {
        console.warn(`No WebAssembly function for the island ${node.dataset.component}.`);
      } else {
        const onChildren = childrenCallbacks[childrenCallbacks.length - 1];
        if (onChildren) onChildren();
        await hydrateIsland(node);
      }
    }
    if (tag === "leptos-children") childrenCallbacks.push(node.$$on_hydrate);
    for (const child of node.children) await traverse(child);
    if (tag === "leptos-children") childrenCallbacks.pop();
  }
  await traverse(root);
}

async function start() {
  takeTheRenderedAddress();
  const bundle = document.querySelector('meta[name="coopol-islands"]');
  if (bundle && document.querySelector("leptos-island")) {
    const mod = await import(bundle.getAttribute("content"));
    await mod.default({ module_or_path: bundle.dataset.wasm });
    mod.hydrate();
    // Islands that add the server's HTML to the page (an older page of a feed) wake the islands
    // inside it through this.
    window.coopolHydrate = (root) => hydrateIslands(root, mod);
    await hydrateIslands(document.body, mod);
  }
  document.documentElement.setAttribute("data-hydrated", "");
}

// After the page has loaded, when the main thread is idle: the page is server HTML that works
// without this (its forms are plain posts), so the WebAssembly never competes with its first
// paint, and its compilation and hydration do not block a tap on a link.
function whenIdle(run) {
  if ("requestIdleCallback" in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 0);
}
if (document.readyState === "complete") whenIdle(start);
else addEventListener("load", () => whenIdle(start), { once: true });
