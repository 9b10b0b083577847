// The offline page reloads the page that was asked for as soon as the network is back: on the
// browser's "online" event, and — since some networks return without one — by asking the
// server every 3 seconds while the page is shown and the browser believes it is online.
(function () {
  "use strict";
  window.addEventListener("online", function () {
    window.location.reload();
  });
  window.setInterval(function () {
    if (navigator.onLine === false || document.visibilityState !== "visible") return;
    fetch("/healthz", { cache: "no-store" }).then(
      function (response) {
        if (response.ok) window.location.reload();
      },
      function () {}
    );
  }, 3000);
})();
