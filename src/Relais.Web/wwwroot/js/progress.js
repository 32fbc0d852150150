// Refreshes a send's figures while it runs; without JavaScript the page shows them as of its loading.
(function () {
  "use strict";
  var root = document.getElementById("send-progress");
  if (!root) { return; }
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var running = ["Sending", "Scheduled"];
  var status = root.getAttribute("data-status");

  var bar = root.querySelector(".send-bar");
  if (bar) {
    bar.hidden = false;
    Array.prototype.forEach.call(bar.querySelectorAll("[data-bar]"), function (part) {
      part.style.width = part.getAttribute("data-percent") + "%";
    });
  }
  var done = root.querySelector("progress.send-done");
  if (bar && done) { done.hidden = true; }

  function set(field, value) {
    var cell = root.querySelector('[data-field="' + field + '"]');
    if (cell) { cell.textContent = format.format(value); }
  }

  function refresh() {
    fetch(root.getAttribute("data-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (figures) {
        if (!figures) { return; }
        ["recipients", "queued", "sent", "failed", "bounced", "skipped", "unsubscribed"].forEach(function (key) { set(key, figures[key]); });
        ["sent", "failed", "bounced", "skipped", "queued"].forEach(function (key) {
          var bar = root.querySelector('[data-bar="' + key + '"]');
          if (bar) { bar.style.width = (figures.recipients ? figures[key] * 100 / figures.recipients : 0) + "%"; }
        });
        if (done) {
          done.max = Math.max(1, figures.recipients);
          done.value = figures.recipients - figures.queued;
        }
        if (figures.status !== status) {
          // New buttons go with a new state: reload once it changes.
          window.location.reload();
          return;
        }
        schedule();
      })
      .catch(schedule);
  }

  function schedule() {
    if (running.indexOf(status) >= 0) { window.setTimeout(refresh, 2000); }
  }

  schedule();
})();
