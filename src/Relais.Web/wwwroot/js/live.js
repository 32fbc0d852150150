// Keeps thermometers ([data-live]) up to date from the server's event stream. Without JavaScript,
// or without EventSource, the page keeps the numbers it was rendered with.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined);

  Array.prototype.forEach.call(document.querySelectorAll("[data-live]"), function (root) {
    var shown = parseInt(root.getAttribute("data-count-value"), 10) || 0;
    var count = root.querySelector("[data-count]");
    var bar = root.querySelector("progress");
    var goalText = root.querySelector("[data-goal-text]");
    var source = null;

    function onCount(event) {
      var figures;
      try { figures = JSON.parse(event.data); } catch (e) { return; }
      if (typeof figures.count !== "number" || figures.count < shown) { return; }
      shown = figures.count;
      root.setAttribute("data-count-value", String(shown));
      if (count) { count.textContent = format.format(shown); }
      if (bar && typeof figures.goal === "number") {
        bar.max = figures.goal;
        bar.value = Math.min(shown, figures.goal);
      }
      if (goalText && typeof figures.goal === "number") {
        goalText.textContent = goalText.getAttribute("data-goal-text").replace("{0}", format.format(figures.goal));
      }
      document.dispatchEvent(new CustomEvent("relais:count", { detail: figures }));
    }

    // A hidden or left page gives its connection back: browsers allow only a few per server.
    function open() {
      if (source) { return; }
      source = new EventSource(root.getAttribute("data-live"));
      source.onmessage = onCount;
    }
    function close() {
      if (source) { source.close(); source = null; }
    }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { close(); } else { open(); }
    });
    window.addEventListener("pagehide", close);
    window.addEventListener("pageshow", function () { if (document.visibilityState !== "hidden") { open(); } });
    open();
  });
})();
