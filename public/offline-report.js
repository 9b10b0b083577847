// Comptes-rendus without network. A compte-rendu form (form[data-offline-report]) is sent with
// XMLHttpRequest (multipart, with a progress bar while its photos go up); when the network is
// missing it is kept on the phone — its text in localStorage, its photos as Blobs in IndexedDB —
// and shown as "en attente d'envoi", then sent as soon as the connection returns (on the `online`
// event or at the next page load). The form's hidden idempotency key ("cle") makes a second
// delivery harmless. Without JavaScript the form is a plain multipart POST. Kept out of the page
// so the CSP needs no inline script; plain ES5-level code, no dependency.
//
// An item leaves the phone only when the server has kept it (it answers with the action's page,
// `?compte-rendu=ok`) or refused it for good (403, 404, 413, 422: then it is marked refused, and its
// form shows why with the text filled back in). Anything else — no network, a 5xx, a 429, the
// sign-in page after the session expired — keeps it for later. Each item belongs to the account
// that wrote it (<meta name="coopol-account">) and is only sent while that account is signed in;
// signing out with items waiting asks first (forms with data-sign-out).
(function () {
  "use strict";
  var STORE = "coopol-comptes-rendus-en-attente";
  // Keys already sent from this phone: a form kept by the service worker for the field still
  // carries the key it was drawn with, and a second compte-rendu written from it must not be
  // taken for a replay of the first.
  var USED = "coopol-cles-utilisees";
  // 413: photos too heavy all together — sending them again will not help.
  var REFUSED_FOR_GOOD = [403, 404, 413, 422];
  // The photos of waiting items: one record per item ("account:key" → [{name, blob, filename}]).
  var PHOTOS_DB = "coopol-hors-ligne";
  var PHOTOS = "photos-en-attente";

  function photosDb() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) return reject(new Error("no IndexedDB"));
      var opening = indexedDB.open(PHOTOS_DB, 1);
      opening.onupgradeneeded = function () { opening.result.createObjectStore(PHOTOS); };
      opening.onsuccess = function () { resolve(opening.result); };
      opening.onerror = function () { reject(opening.error); };
    });
  }

  // Runs `use(store)` in one transaction; resolves with the request's result once it committed.
  function photosTx(mode, use) {
    return photosDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(PHOTOS, mode);
        var request = use(tx.objectStore(PHOTOS));
        tx.oncomplete = function () { db.close(); resolve(request.result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function photoId(account, key) {
    return account + ":" + key;
  }

  function keepPhotos(account, key, files) {
    return photosTx("readwrite", function (store) { return store.put(files, photoId(account, key)); });
  }

  function photosOf(item) {
    if (!item.photos) return Promise.resolve([]);
    return photosTx("readonly", function (store) { return store.get(photoId(item.account, item.key)); }).then(function (files) {
      return files || [];
    });
  }

  function forgetPhotos(account, key) {
    return photosTx("readwrite", function (store) { return store.delete(photoId(account, key)); }).catch(function () {});
  }

  function account() {
    var meta = document.querySelector('meta[name="coopol-account"]');
    return (meta && meta.getAttribute("content")) || "";
  }

  function read(name) {
    try {
      return JSON.parse(localStorage.getItem(name) || "[]");
    } catch (e) {
      return [];
    }
  }

  function usedKeys() {
    return read(USED);
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

  // Every account's items (only the current account's are ever sent or shown).
  function everything() {
    return read(STORE);
  }

  function mine() {
    var me = account();
    return everything().filter(function (item) { return me && item.account === me; });
  }

  function keepAll(list) {
    try {
      if (list.length) localStorage.setItem(STORE, JSON.stringify(list));
      else localStorage.removeItem(STORE);
    } catch (e) {
      /* storage full or disabled: nothing more we can do */
    }
  }

  function update(key, change) {
    keepAll(everything().map(function (item) { return item.key === key && item.account === account() ? change(item) : item; }));
  }

  // The server kept it: its text and its photos leave the phone.
  function drop(key) {
    keepAll(everything().filter(function (item) { return !(item.key === key && item.account === account()); }));
    forgetPhotos(account(), key);
  }

  var MESSAGES = {
    pending: "data-pending",
    photosLost: "data-photos-lost",
    sent: "data-sent",
    refused: "data-refused",
    signin: "data-sign-in",
  };

  function tell(form, which) {
    var box = document.getElementById("report-status");
    if (!box || !form) return;
    box.textContent = form.getAttribute(MESSAGES[which]) || "";
    box.className = "report-status alert " + (which === "sent" ? "alert-success" : "alert-warning");
    box.setAttribute("data-state", which);
    box.hidden = false;
    if (box.scrollIntoView) box.scrollIntoView({ block: "nearest" });
  }

  function reportForm() {
    return document.querySelector("form[data-offline-report]");
  }

  // The multipart body of a text item and its photos.
  function formData(body, files) {
    var data = new FormData();
    body.forEach(function (pair) { data.append(pair[0], pair[1]); });
    files.forEach(function (f) { data.append(f.name, f.blob, f.filename); });
    return data;
  }

  // The progress bar under the form while it goes up (`share` from 0 to 1; null hides it).
  function progress(share) {
    var box = document.getElementById("report-upload");
    var bar = document.getElementById("report-progress");
    if (!box || !bar) return;
    box.hidden = share === null;
    if (share !== null) bar.value = Math.round(share * 100);
  }

  // Resolves to what the answer says (status, final address, whether it was redirected), or
  // rejects when the network is missing. XMLHttpRequest, not fetch: it tells the upload's progress.
  function post(url, data, showProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var target = new URL(url, window.location.href).href;
      xhr.open("POST", url);
      if (showProgress) {
        progress(0);
        xhr.upload.onprogress = function (e) { if (e.lengthComputable) progress(e.loaded / e.total); };
      }
      xhr.onload = function () {
        if (showProgress) progress(null);
        var landed = xhr.responseURL || target;
        resolve({ status: xhr.status, ok: xhr.status >= 200 && xhr.status < 300, url: landed, redirected: landed !== target });
      };
      xhr.onerror = xhr.onabort = xhr.ontimeout = function () {
        if (showProgress) progress(null);
        reject(new Error("network"));
      };
      xhr.send(data);
    });
  }

  // What the server's answer means for a queued item.
  function outcome(response) {
    var landed = response.redirected ? new URL(response.url) : null;
    if (response.ok && landed && landed.searchParams.get("compte-rendu") === "ok") return "kept";
    if (landed && landed.pathname === "/connexion") return "signin";
    if (REFUSED_FOR_GOOD.indexOf(response.status) !== -1) return "refused";
    return "later"; // 5xx, 429, anything unexpected: try again later
  }

  // Sends this account's waiting items, oldest first; stops at the first one that must wait.
  var flushing = false;
  function flush() {
    if (flushing || !account()) return;
    var list = mine().filter(function (item) { return !item.refused; });
    if (!list.length) return;
    flushing = true;
    var item = list[0];
    var form = reportForm();
    var here = form && form.getAttribute("action") === item.url;
    // Photos the phone could not read back go without them rather than never.
    var sent = photosOf(item)
      .catch(function () { return []; })
      .then(function (files) { return post(item.url, formData(item.body, files), here && files.length > 0); });
    sent.then(
      function (response) {
        flushing = false;
        var result = outcome(response);
        if (result === "kept") {
          drop(item.key);
          if (here) tell(form, "sent");
          flush();
        } else if (result === "refused") {
          update(item.key, function (it) { it.refused = response.status; return it; });
          if (here) restore(form, item);
          flush();
        } else if (result === "signin" && here) {
          tell(form, "signin");
        }
      },
      function () {
        flushing = false;
      }
    );
  }

  // Puts a refused item's text and photos back into its form, with the reason it came back.
  function restore(form, item) {
    item.body.forEach(function (pair) {
      var name = pair[0];
      if (name === "cle") return;
      var field = form.elements.namedItem(name);
      if (!field) return;
      if (field.type === "checkbox") field.checked = pair[1] === field.value;
      else if (field.length && !field.tagName) {
        Array.prototype.forEach.call(field, function (f) { if (f.value === pair[1]) f.checked = true; });
      } else field.value = pair[1];
    });
    photosOf(item).then(function (files) {
      files.forEach(function (f) {
        var input = form.elements.namedItem(f.name);
        if (!input || input.type !== "file" || typeof DataTransfer === "undefined") return;
        var chosen = new DataTransfer();
        chosen.items.add(new File([f.blob], f.filename, { type: f.blob.type }));
        input.files = chosen.files;
      });
    }, function () {});
    tell(form, "refused");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.matches) return;
    if (form.matches("form[data-sign-out]")) {
      var waiting = mine().length;
      if (!waiting) return;
      var question = (form.getAttribute("data-sign-out") || "").replace("{n}", String(waiting));
      if (!window.confirm(question)) {
        event.preventDefault();
        flush();
        return;
      }
      // Signing out anyway: this account's items leave the phone with the session.
      everything().forEach(function (item) { if (item.account === account()) forgetPhotos(item.account, item.key); });
      keepAll(everything().filter(function (item) { return item.account !== account(); }));
      return;
    }
    if (!form.matches("form[data-offline-report]")) return;
    event.preventDefault();
    var body = [];
    var files = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") body.push([name, value]);
      else if (value.size > 0) files.push({ name: name, blob: value, filename: value.name || "photo.jpg" });
    });
    var url = form.getAttribute("action");
    var key = (form.querySelector("input[name=cle]") || {}).value || freshKey();
    var me = account();
    markUsed(key);
    // A newer version of a refused compte-rendu replaces it.
    everything().forEach(function (other) {
      if (other.url === url && other.refused && other.account === me) forgetPhotos(me, other.key);
    });
    keepAll(everything().filter(function (other) { return !(other.url === url && other.refused && other.account === me); }));
    // Kept on the phone: the photos first, then the text that says they are there.
    var queue = function () {
      var kept = files.length ? keepPhotos(me, key, files).then(function () { return true; }, function () { return false; }) : Promise.resolve(false);
      return kept.then(function (photos) {
        var list = everything().filter(function (other) { return other.key !== key; });
        list.push({ url: url, body: body, key: key, at: Date.now(), account: me, photos: photos });
        keepAll(list);
        tell(form, files.length && !photos ? "photosLost" : "pending");
      });
    };
    if (navigator.onLine === false) {
      queue();
      return;
    }
    post(url, formData(body, files), files.length > 0).then(function (response) {
      var result = outcome(response);
      if (result === "kept") {
        window.location.assign(response.url);
      } else if (result === "refused" && response.status === 422) {
        // A field to fix…: the plain submission shows the server's messages, with what was
        // typed. The key was not used up, so this is no double count.
        HTMLFormElement.prototype.submit.call(form);
      } else if (result === "refused") {
        // Not allowed (any more): say so; the text stays in the form.
        tell(form, "refused");
      } else {
        // Server busy, or the session ended: kept on the phone until it can be sent.
        queue().then(function () {
          if (result === "signin") tell(form, "signin");
        });
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
      var here = mine().filter(function (item) { return item.url === url; });
      var refused = here.filter(function (item) { return item.refused; });
      if (refused.length) restore(form, refused[refused.length - 1]);
      else if (here.length) tell(form, "pending");
    }
    if (navigator.onLine !== false) flush();
  });
})();
