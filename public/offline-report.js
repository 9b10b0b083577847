// Comptes-rendus without network. A compte-rendu form (form[data-offline-report]) is sent with
// fetch; when the network is missing it is kept on the phone (localStorage) and shown as "en
// attente d'envoi", then sent as soon as the connection returns — on the `online` event or at the
// next page load. The form's hidden idempotency key ("cle") makes a second delivery harmless.
// Without JavaScript the form is a plain POST. Kept out of the page so the CSP needs no inline
// script; plain ES5-level code, no dependency.
(function () {
  "use strict";
  var STORE = "coopol-comptes-rendus-en-attente";
  // Keys already sent from this phone: a form kept by the service worker for the field still
  // carries the key it was drawn with, and a second compte-rendu written from it must not be
  // taken for a replay of the first.
  var USED = "coopol-cles-utilisees";

  function usedKeys() {
    try {
      return JSON.parse(localStorage.getItem(USED) || "[]");
    } catch (e) {
      return [];
    }
  }

  function markUsed(key) {
    try {
      localStorage.setItem(USED, JSON.stringify(usedKeys().concat([key]).slice(-50)));
    } catch (e) {
      /* storage full or disabled */
    }
  }

  function freshKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function pending() {
    try {
      return JSON.parse(localStorage.getItem(STORE) || "[]");
    } catch (e) {
      return [];
    }
  }

  function keep(list) {
    try {
      if (list.length) localStorage.setItem(STORE, JSON.stringify(list));
      else localStorage.removeItem(STORE);
    } catch (e) {
      /* storage full or disabled: nothing more we can do */
    }
  }

  function tell(form, which) {
    var box = document.getElementById("report-status");
    if (!box || !form) return;
    box.textContent = form.getAttribute(which === "pending" ? "data-pending" : "data-sent") || "";
    box.className = "report-status alert " + (which === "pending" ? "alert-warning" : "alert-success");
    box.setAttribute("data-state", which);
    box.hidden = false;
    if (box.scrollIntoView) box.scrollIntoView({ block: "nearest" });
  }

  function reportForm() {
    return document.querySelector("form[data-offline-report]");
  }

  // Resolves to the Response, or rejects when the network is missing.
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: new URLSearchParams(body),
      credentials: "same-origin",
      redirect: "follow",
    });
  }

  // Sends what waits, oldest first; stops at the first network failure.
  var flushing = false;
  function flush() {
    if (flushing) return;
    var list = pending();
    if (!list.length) return;
    flushing = true;
    var item = list[0];
    post(item.url, item.body).then(
      function () {
        // Sent, or refused by the server (then resending would not help): either way it is done.
        keep(pending().filter(function (other) { return other.key !== item.key; }));
        var form = reportForm();
        if (form && form.getAttribute("action") === item.url) tell(form, "sent");
        flushing = false;
        flush();
      },
      function () {
        flushing = false;
      }
    );
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.matches || !form.matches("form[data-offline-report]")) return;
    event.preventDefault();
    var body = [];
    new FormData(form).forEach(function (value, name) {
      body.push([name, String(value)]);
    });
    var url = form.getAttribute("action");
    var key = (form.querySelector("input[name=cle]") || {}).value || freshKey();
    markUsed(key);
    var queue = function () {
      var list = pending().filter(function (other) { return other.key !== key; });
      list.push({ url: url, body: body, key: key, at: Date.now() });
      keep(list);
      tell(form, "pending");
    };
    if (navigator.onLine === false) {
      queue();
      return;
    }
    post(url, body).then(function (response) {
      if (response.ok && response.redirected) {
        window.location.assign(response.url);
      } else {
        // Refused (a field to fix…): the plain submission shows the server's messages, with
        // what was typed. The key was not used up, so this is no double count.
        HTMLFormElement.prototype.submit.call(form);
      }
    }, queue);
  });

  window.addEventListener("online", flush);
  window.addEventListener("load", function () {
    var form = reportForm();
    if (form) {
      var keyField = form.querySelector("input[name=cle]");
      if (keyField && usedKeys().indexOf(keyField.value) !== -1) keyField.value = freshKey();
      var url = form.getAttribute("action");
      if (pending().some(function (item) { return item.url === url; })) tell(form, "pending");
    }
    if (navigator.onLine !== false) flush();
  });
})();
