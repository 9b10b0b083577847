// Coopol's service worker.
// - Navigations: network first; offline, the offline page (authenticated HTML is never cached).
// - /pkg/* (hashed by cargo-leptos), icons and /vendor/* (Leaflet): cache first. Bump VERSION
//   when a vendored file changes (its URL does not).
// - Never touched: server functions (/api/*), event streams, any non-GET request.
// - Signing out empties every cache.
const VERSION = "v2";
const STATIC_CACHE = "coopol-static-" + VERSION;
const PRECACHE = ["/offline.html", "/offline.css", "/icons/logo.svg", "/icons/icon-192.png", "/manifest.webmanifest"];
const SIGN_OUT_PATHS = ["/deconnexion", "/deconnexion-partout"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== STATIC_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

function clearAllCaches() {
  return caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k))));
}

function cacheFirst(request) {
  return caches.open(STATIC_CACHE).then((cache) =>
    cache.match(request).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok) cache.put(request, response.clone());
          return response;
        })
    )
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== "GET") {
    if (SIGN_OUT_PATHS.includes(url.pathname)) {
      event.waitUntil(clearAllCaches());
    }
    return; // let the browser handle it; nothing is cached
  }
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/events")) return;
  if ((request.headers.get("accept") || "").includes("text/event-stream")) return;

  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    return;
  }
  if (url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/icons/") || url.pathname.startsWith("/vendor/")) {
    event.respondWith(cacheFirst(request));
  }
});
