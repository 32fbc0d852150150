// Follows a contest's boards from the server's event stream: each event carries the whole board,
// which replaces the lists. Without JavaScript, or without EventSource, a reload shows the same.
(function () {
  "use strict";
  var root = document.querySelector("[data-contest-live]");
  if (!root || !window.EventSource) { return; }
  var locale = root.getAttribute("data-locale") || undefined;
  var donorsText = root.getAttribute("data-donors-text") || "{0}";
  var shown = -1;
  var source = null;

  function line(entry, board) {
    var format = new Intl.NumberFormat(locale, {
      style: "currency", currency: board.currency,
      minimumFractionDigits: entry.amount % Math.pow(10, board.digits) === 0 ? 0 : board.digits
    });
    var li = document.createElement("li");
    li.setAttribute("data-entry", entry.id);
    var name = document.createElement("span");
    name.className = "name";
    name.textContent = entry.name;
    var amount = document.createElement("span");
    amount.className = "amount";
    amount.textContent = format.format(entry.amount / Math.pow(10, board.digits));
    var count = document.createElement("span");
    count.className = "count";
    count.textContent = donorsText.replace("{0}", new Intl.NumberFormat(locale).format(entry.donors));
    li.append(name, " ", amount, " ", count);
    return li;
  }

  function onBoard(event) {
    var board;
    try { board = JSON.parse(event.data); } catch (e) { return; }
    if (typeof board.version !== "number" || board.version <= shown) { return; }
    shown = board.version;
    ["byAmount", "byDonors", "bonus"].forEach(function (key) {
      var list = root.querySelector("[data-board='" + key + "']");
      if (!list || !board[key]) { return; }
      list.replaceChildren.apply(list, board[key].map(function (entry) { return line(entry, board); }));
    });
    var state = root.querySelector("[data-board-state]");
    var finalText = document.getElementById("contest-final-text");
    if (board.final && state && finalText) {
      var strong = document.createElement("strong");
      strong.textContent = finalText.textContent;
      state.replaceChildren(strong);
      close();
    }
  }

  // A hidden or left page gives its connection back: browsers allow only a few per server.
  function open() {
    if (source) { return; }
    source = new EventSource(root.getAttribute("data-contest-live"));
    source.onmessage = onBoard;
  }
  function close() {
    if (source) { source.close(); source = null; }
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { close(); } else { open(); }
  });
  window.addEventListener("pagehide", close);
  open();
})();
