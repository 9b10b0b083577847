// Maps and the phone's position for the field actions. Kept out of the page so the CSP needs no
// inline script; plain ES5-level code. Everything here is an extra: without it, /actions is a
// list with a postal-code filter and the action form takes typed coordinates.
//
// - button[data-geolocate] (the /actions filters): asks for the position, puts it (rounded to
//   ~10 m) in the form's lat/lng fields and sends the form.
// - button[data-geolocate-fill] (the action form): puts the position in the lat/lng fields.
// - div[data-map="actions"]: a Leaflet map with a marker per action card of the page
//   (article.action-card[data-lat][data-lng]).
// - div[data-map="picker"]: a map in a form; a tap or a dragged marker sets its lat/lng fields.
//   The commune typed in the form moves the map there (its reference point, asked from
//   /api/commune-point: no outside geocoder), with the marker on it until the person taps the
//   meeting point.
//
// Leaflet (public/vendor/leaflet/, vendored from npm by scripts/vendor-leaflet.sh) is loaded only
// when a map is on the page. Tiles come from data-tiles (a Leaflet URL template); none when it is
// empty. The page is rendered by the server and hydrated by leptos, and client-side navigation
// replaces parts of it: a MutationObserver sets up what appears.
(function () {
  "use strict";
  var LEAFLET = "/vendor/leaflet/";
  var FRANCE = [46.6, 2.4];
  var leafletWaiting = null;

  function loadLeaflet(done) {
    if (window.L && window.L.map) return done();
    if (leafletWaiting) return leafletWaiting.push(done);
    leafletWaiting = [done];
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = LEAFLET + "leaflet.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = LEAFLET + "leaflet.js";
    script.onload = function () {
      var waiting = leafletWaiting;
      leafletWaiting = null;
      waiting.forEach(function (f) { f(); });
    };
    document.head.appendChild(script);
  }

  function field(form, name) {
    return form ? form.querySelector('input[name="' + name + '"]') : null;
  }

  function number(input) {
    if (!input || !input.value) return null;
    var v = parseFloat(input.value.replace(",", "."));
    return isFinite(v) ? v : null;
  }

  function status(button, text) {
    var box = button.parentNode && button.parentNode.querySelector("[data-geolocate-status]");
    if (box) box.textContent = text || "";
  }

  // Calls back with (lat, lng), or shows why there is no position.
  function locate(button, then) {
    if (!navigator.geolocation) return status(button, button.getAttribute("data-unavailable"));
    status(button, button.getAttribute("data-locating"));
    navigator.geolocation.getCurrentPosition(
      function (p) { then(p.coords.latitude, p.coords.longitude); },
      function (e) {
        status(button, button.getAttribute(e && e.code === 1 ? "data-refused" : "data-unavailable"));
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
    );
  }

  function setUpSearchButton(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var form = button.form;
      locate(button, function (lat, lng) {
        field(form, "lat").value = lat.toFixed(4);
        field(form, "lng").value = lng.toFixed(4);
        var near = field(form, "pres");
        if (near) near.value = ""; // a typed postal code would win over the position
        form.submit();
      });
    });
  }

  function setUpFillButton(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var form = button.form;
      locate(button, function (lat, lng) {
        form.coopolChosen = true;
        setPoint(form, lat, lng, true);
        status(button, button.getAttribute("data-taken"));
      });
    });
  }

  // Writes a point in a form's fields and moves its picker's marker (zoomed in when asked).
  function setPoint(form, lat, lng, zoom) {
    field(form, "lat").value = lat.toFixed(5);
    field(form, "lng").value = lng.toFixed(5);
    if (form.coopolPlace) form.coopolPlace(lat, lng, zoom);
  }

  function baseMap(box) {
    box.parentNode.querySelector("[data-map-fallback]").hidden = true;
    var map = window.L.map(box, { scrollWheelZoom: false });
    var tiles = box.getAttribute("data-tiles");
    map.attributionControl.setPrefix(false);
    if (tiles) {
      window.L.tileLayer(tiles, { maxZoom: 19 }).addTo(map);
      var credit = document.createElement("a");
      credit.href = box.getAttribute("data-attribution-url") || "#";
      credit.textContent = box.getAttribute("data-attribution") || "";
      map.attributionControl.addAttribution(credit.outerHTML);
    }
    return map;
  }

  function popup(card) {
    var box = document.createElement("div");
    var link = card.querySelector("h2 a");
    var when = card.querySelector(".action-when");
    var a = document.createElement("a");
    a.href = link ? link.getAttribute("href") : "#";
    a.textContent = link ? link.textContent : "";
    var strong = document.createElement("strong");
    strong.appendChild(a);
    box.appendChild(strong);
    if (when) {
      var p = document.createElement("p");
      p.textContent = when.textContent;
      box.appendChild(p);
    }
    return box;
  }

  function setUpActionsMap(box) {
    var map = baseMap(box);
    var seen = {};
    var points = [];
    var cards = document.querySelectorAll("article.action-card[data-lat]");
    Array.prototype.forEach.call(cards, function (card) {
      var lat = parseFloat(card.getAttribute("data-lat")), lng = parseFloat(card.getAttribute("data-lng"));
      if (!isFinite(lat) || !isFinite(lng) || seen[card.id]) return;
      seen[card.id] = true;
      var title = card.querySelector("h2 a");
      window.L.marker([lat, lng], { title: title ? title.textContent : "", alt: title ? title.textContent : "" })
        .bindPopup(popup(card))
        .addTo(map);
      points.push([lat, lng]);
    });
    if (points.length) map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
    else map.setView(FRANCE, 5);
    box.setAttribute("data-markers", String(points.length));
  }

  function setUpPicker(box) {
    var map = baseMap(box);
    var form = box.closest("form");
    var la = field(form, "lat"), ln = field(form, "lng");
    var marker = null;
    function place(lat, lng, zoom) {
      if (marker) marker.setLatLng([lat, lng]);
      else {
        marker = window.L.marker([lat, lng], { draggable: true, autoPan: true }).addTo(map);
        marker.on("dragend", function () {
          form.coopolChosen = true;
          var p = marker.getLatLng();
          setPoint(form, p.lat, p.lng, false);
        });
      }
      // Not animated: a tap during a pan would land somewhere else than where the finger is.
      if (zoom) map.setView([lat, lng], Math.max(map.getZoom() || 0, 15), { animate: false });
    }
    var lat = number(la), lng = number(ln);
    if (lat !== null && lng !== null) place(lat, lng, true);
    else map.setView(FRANCE, 5);
    form.coopolPlace = place;
    map.on("click", function (e) { setPoint(form, e.latlng.lat, e.latlng.lng, false); });
    // Typed coordinates: the marker follows.
    form.addEventListener("change", function (e) {
      if (e.target !== la && e.target !== ln) return;
      var lat = number(la), lng = number(ln);
      if (lat !== null && lng !== null) place(lat, lng, true);
    });
    // The commune: the map goes there; the marker too while no point was chosen by hand.
    var commune = field(form, "commune");
    form.coopolChosen = lat !== null && lng !== null;
    map.on("click", function () { form.coopolChosen = true; });
    if (commune) {
      var lookUp = function () {
        var scope = form.querySelector('[name="scope"]');
        var body = new URLSearchParams({ scope: scope ? scope.value : "", commune: commune.value });
        fetch("/api/commune-point", { method: "POST", credentials: "same-origin", body: body })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (point) {
            if (!point) return;
            if (form.coopolChosen) map.setView([point.lat, point.lng], 14, { animate: false });
            else setPoint(form, point.lat, point.lng, true);
            box.setAttribute("data-commune", point.name);
          })
          .catch(function () {});
      };
      var timer = null;
      commune.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(lookUp, 400);
      });
      if (commune.value && !form.coopolChosen) lookUp();
    }
    box.setAttribute("data-ready", "");
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-geolocate]"), function (b) {
      if (b.coopolReady) return;
      b.coopolReady = true;
      setUpSearchButton(b);
    });
    Array.prototype.forEach.call(document.querySelectorAll("button[data-geolocate-fill]"), function (b) {
      if (b.coopolReady) return;
      b.coopolReady = true;
      setUpFillButton(b);
    });
    var maps = Array.prototype.filter.call(document.querySelectorAll("div[data-map]"), function (m) {
      return !m.coopolReady;
    });
    if (!maps.length) return;
    maps.forEach(function (m) { m.coopolReady = true; });
    loadLeaflet(function () {
      maps.forEach(function (m) {
        if (!m.isConnected) return;
        if (m.getAttribute("data-map") === "picker") setUpPicker(m);
        else setUpActionsMap(m);
      });
    });
  }

  var scheduled = false;
  function later() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(function () { scheduled = false; setUp(); }, 30);
  }

  function start() {
    setUp();
    new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
