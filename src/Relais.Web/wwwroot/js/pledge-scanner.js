// Reception desk: where the browser can read QR codes (BarcodeDetector), a button opens the camera
// and goes to the scanned pledge. Without it, the phone's own camera app opens the QR link, and the
// search box takes a typed code.
(function () {
  "use strict";
  var button = document.getElementById("scan");
  var video = document.getElementById("scan-video");
  if (!button || !video || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var stop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); video.hidden = true; };
      var look = function () {
        detector.detect(video).then(function (codes) {
          var found = codes.length > 0 ? codes[0].rawValue : null;
          var match = found && found.match(/\/admin\/pledges\/([A-Za-z0-9_-]{22})$/);
          if (match) {
            stop();
            window.location.assign("/admin/pledges/" + match[1]);
          } else {
            window.requestAnimationFrame(look);
          }
        }).catch(function () { window.requestAnimationFrame(look); });
      };
      look();
    }).catch(function () { button.hidden = true; });
  });
})();
