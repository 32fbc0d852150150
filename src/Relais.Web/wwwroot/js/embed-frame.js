// Inside an embed: tells the embedding page (and only it) how tall the content is, so that
// embed.js there sizes the frame without a scroll bar.
(function () {
  "use strict";
  var parentOrigin = document.body.getAttribute("data-parent");
  if (!parentOrigin || window.parent === window) { return; }
  var last = 0;
  function send() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) { return; }
    last = height;
    window.parent.postMessage({ relais: "height", height: height }, parentOrigin);
  }
  if (window.ResizeObserver) { new ResizeObserver(send).observe(document.body); }
  window.addEventListener("load", send);
  send();
})();
