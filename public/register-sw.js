// Registers Coopol's service worker (kept out of the page so the CSP needs no inline script),
// then tells it which compte-rendu forms to keep for the field: those of the signed-in person's
// actions of today and the last week (asked at most every two minutes per tab).
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var ASKED_AT = "coopol-formulaires-demandes";

  function keepFieldForms() {
    // Only signed-in pages have the sign-out form; offline, the list cannot be asked.
    if (!document.querySelector('form[action="/deconnexion"]') || navigator.onLine === false) return;
    var last = Number(sessionStorage.getItem(ASKED_AT) || 0);
    if (Date.now() - last < 120000) return;
    sessionStorage.setItem(ASKED_AT, String(Date.now()));
    fetch("/api/formulaires-hors-ligne", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (urls) {
        if (!Array.isArray(urls)) return;
        return navigator.serviceWorker.ready.then(function (registration) {
          if (registration.active) registration.active.postMessage({ type: "keep-forms", urls: urls });
        });
      })
      .catch(function () {});
  }

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(keepFieldForms, function () {});
  });
})();
