// The live stream of a signed-in person's tab: one EventSource on /api/flux per page, in plain
// JavaScript so that a page whose only live parts are the badges (an action, a section) ships no
// WebAssembly at all. It keeps the notifications and messages badges up to date and hands every event to the page's
// islands as a `coopol-live` DOM event on `document` (detail: { type, data }); the events that
// came before the islands woke up wait in `window.coopolLive.events` for them to read.
//
// Pages are full navigations, so each page opens its own stream. The last event id the tab saw is
// kept in sessionStorage (one per tab) and the next page resumes from it (`?depuis=`, as
// Last-Event-ID would): nothing published between two pages is lost, nothing is shown twice.

const LAST_EVENT_KEY = "coopol-flux-dernier";
const KINDS = ["post", "counts", "notifications", "messages", "debat", "vote"];
const live = (window.coopolLive = { events: [], showUnread: (kind, count) => showUnread(kind, count) });

function signedIn() {
  return !!document.querySelector('meta[name="coopol-account"]')?.getAttribute("content");
}

function remember(event) {
  if (!event.lastEventId) return;
  try {
    sessionStorage.setItem(LAST_EVENT_KEY, event.lastEventId);
  } catch (_) {
    // Storage refused (private mode, quota): the next page starts from now.
  }
}

function lastSeen() {
  try {
    const id = sessionStorage.getItem(LAST_EVENT_KEY);
    return id && /^\d+$/.test(id) ? id : null;
  } catch (_) {
    return null;
  }
}

// A badge in the navigation ("notifications" or "messages"): its texts for any count come with
// the page (in its language).
function showUnread(kind, count) {
  for (const badge of document.querySelectorAll(`.unread-badge[data-badge="${kind}"][data-unread]`)) {
    badge.dataset.unread = String(count);
    badge.hidden = count === 0;
    const cap = Number(badge.dataset.cap);
    const shown = badge.querySelector("[aria-hidden]");
    const spoken = badge.querySelector(".visually-hidden");
    if (shown) shown.textContent = count >= cap ? `${cap - 1}+` : String(count);
    if (spoken) {
      const template = count >= cap ? badge.dataset.textCap : count > 1 ? badge.dataset.textMany : badge.dataset.textOne;
      spoken.textContent = (template || "").replace("{n}", String(count));
    }
  }
}

function deliver(type, data) {
  const event = { type, data };
  live.events.push(event);
  document.dispatchEvent(new CustomEvent("coopol-live", { detail: event }));
}

function connect() {
  const since = lastSeen();
  const query = new URLSearchParams();
  if (since) query.set("depuis", since);
  // The debate or vote this page shows (its meta), whose changes the stream then sends.
  const follow = document.querySelector('meta[name="coopol-suivre"]')?.getAttribute("content");
  if (follow && /^(debat|vote):\d+$/.test(follow)) query.set("suivre", follow);
  const source = new EventSource(query.size ? `/api/flux?${query}` : "/api/flux");
  // This tab is leaving (its own sign-out sent, a link followed): a reload on `fin` would race it.
  let leaving = false;
  addEventListener("beforeunload", () => (leaving = true));
  source.addEventListener("pret", remember);
  for (const type of KINDS) {
    source.addEventListener(type, (event) => {
      remember(event);
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (_) {
        return;
      }
      if ((type === "notifications" || type === "messages") && typeof data.unread === "number") showUnread(type, data.unread);
      deliver(type, data);
    });
  }
  // The session was closed (signed out everywhere, account suspended): stop (a reconnection would
  // only be refused) and reload, which shows the page signed out.
  source.addEventListener("fin", () => {
    source.close();
    try {
      sessionStorage.removeItem(LAST_EVENT_KEY);
    } catch (_) {}
    if (!leaving) location.reload();
  });
}

if (signedIn()) {
  if (document.readyState === "complete") connect();
  else addEventListener("load", connect, { once: true });
}
