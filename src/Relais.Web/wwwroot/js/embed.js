// Put on another site: <script src="https://RELAIS/js/embed.js" data-relais="https://RELAIS/embed/SLUG/form" async></script>
// Inserts the embed's frame after the script, tells Relais which site embeds it (the organization
// must allow that site), and sizes the frame from the height the framed page reports.
(function () {
  "use strict";
  var scripts = document.querySelectorAll("script[data-relais]");
  Array.prototype.forEach.call(scripts, function (script) {
    if (script.getAttribute("data-relais-ready")) { return; }
    script.setAttribute("data-relais-ready", "1");
    var src;
    try { src = new URL(script.getAttribute("data-relais"), script.src || window.location.href); } catch (e) { return; }
    if (src.protocol !== "https:" && src.protocol !== "http:") { return; }
    src.searchParams.set("parent", window.location.origin);

    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = script.getAttribute("data-title") || "Relais";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = (parseInt(script.getAttribute("data-height"), 10) || 640) + "px";
    script.parentNode.insertBefore(frame, script.nextSibling);

    window.addEventListener("message", function (event) {
      // Only the framed Relais page may size its frame.
      if (event.origin !== src.origin || event.source !== frame.contentWindow) { return; }
      var data = event.data;
      if (!data || data.relais !== "height" || typeof data.height !== "number") { return; }
      frame.style.height = Math.max(60, Math.min(Math.ceil(data.height), 6000)) + "px";
    });
  });
})();
