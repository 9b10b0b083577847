// Registers Coopol's service worker (kept out of the page so the CSP needs no inline script),
// then tells it which compte-rendu forms to keep for the field: those of the signed-in person's
// actions of today and the last week, asked on the pages where a person looks at their actions
// before going out (the home, "Mes actions", an action).
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var PAGES = /^\/(mes-actions|actions\/\d+)?$/;

  function keepFieldForms() {
    // Only signed-in pages have the sign-out form; offline, the list cannot be asked.
    if (!PAGES.test(location.pathname) || !document.querySelector('form[action="/deconnexion"]') || navigator.onLine === false) return;
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
