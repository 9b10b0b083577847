// Coopol's service worker.
// - Navigations: network first; offline, the offline page. The one kind of authenticated page it
//   keeps is the compte-rendu form of the person's actions of today and the last week (the list
//   comes from /api/formulaires-hors-ligne through register-sw.js), so a report can be written at
//   the market with no network; offline-report.js then queues it.
// - /pkg/* (hashed by cargo-leptos), icons and /vendor/* (Leaflet): cache first. Bump VERSION
//   when a vendored file changes (its URL does not).
// - Never touched: server functions (/api/*), event streams, any non-GET request.
// - Signing out empties every cache.
const VERSION = "v6";
const STATIC_CACHE = "coopol-static-" + VERSION;
// Not versioned: a worker update keeps the forms a person may need in the field.
const FORMS_CACHE = "coopol-formulaires";
// The page scripts (not hashed): fresh from the network, the kept copy offline — a form kept for
// the field needs offline-report.js to queue what is written there.
const SCRIPTS = ["/register-sw.js", "/islands.js", "/live.js", "/offline-report.js", "/field-map.js", "/offline.js"];
const PRECACHE = ["/offline.html", "/offline.css", "/icons/logo.svg", "/icons/icon-192.png", "/manifest.webmanifest"].concat(SCRIPTS);
const REPORT_FORM = /^\/actions\/\d+\/compte-rendu$/;
const SIGN_OUT_PATHS = ["/deconnexion", "/deconnexion-partout"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== STATIC_CACHE && k !== FORMS_CACHE).map((k) => caches.delete(k))))
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

function networkFirst(request) {
  return caches.open(STATIC_CACHE).then((cache) =>
    fetch(request).then(
      (response) => {
        if (response.ok) cache.put(request, response.clone());
        return response;
      },
      () => cache.match(request)
    )
  );
}

// Keeps exactly the forms listed (fetching the ones not kept yet), drops the others.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep-forms" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === "string" && REPORT_FORM.test(u));
  event.waitUntil(
    caches.open(FORMS_CACHE).then(async (cache) => {
      for (const request of await cache.keys()) {
        if (!urls.includes(new URL(request.url).pathname)) await cache.delete(request);
      }
      for (const url of urls) {
        if (await cache.match(url)) continue;
        try {
          const response = await fetch(url, { credentials: "same-origin" });
          if (response.ok && !response.redirected) await cache.put(url, response);
        } catch (e) {
          /* offline meanwhile: the next list will try again */
        }
      }
    })
  );
});

// A kept form: fresh from the network when there is one (and kept fresh), else the kept copy.
function fieldForm(request) {
  const path = new URL(request.url).pathname;
  return caches.open(FORMS_CACHE).then((cache) =>
    fetch(request).then(
      (response) =>
        cache.match(path).then((kept) => {
          if (kept && response.ok && !response.redirected) cache.put(path, response.clone());
          return response;
        }),
      () => cache.match(path).then((kept) => kept || caches.match("/offline.html"))
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
    if (REPORT_FORM.test(url.pathname)) {
      event.respondWith(fieldForm(request));
      return;
    }
    event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    return;
  }
  if (SCRIPTS.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
    return;
  }
  if (url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/icons/") || url.pathname.startsWith("/vendor/")) {
    event.respondWith(cacheFirst(request));
  }
});
