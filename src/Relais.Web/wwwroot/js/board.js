// Follows the board of top relays without reloading: after new signatures (live.js's relais:count
// event), the page is fetched again and its list replaced. Without JavaScript, a reload shows the same.
(function () {
  "use strict";
  var list = document.getElementById("relay-board-list");
  if (!list || !window.fetch || !window.DOMParser) { return; }
  var timer = null;
  var busy = false;

  function refresh() {
    timer = null;
    if (busy) { schedule(); return; }
    busy = true;
    fetch(window.location.pathname, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("relay-board-list");
        if (fresh && fresh.innerHTML !== list.innerHTML) { list.innerHTML = fresh.innerHTML; }
      })
      .catch(function () { })
      .then(function () { busy = false; });
  }

  // The board is read again at most every few seconds on the server: a burst of signatures makes one fetch.
  function schedule() {
    if (!timer) { timer = window.setTimeout(refresh, 3500); }
  }
  document.addEventListener("relais:count", schedule);
})();
