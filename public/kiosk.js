// Counter tablet (kiosk links only): after a while without input the page goes back to a fresh,
// empty form; a page brought back by the back button is replaced at once, so the next person
// never sees the previous person's answers. Served from /public, so the CSP `script-src 'self'`
// allows it without any inline script.
(function () {
  var root = document.querySelector("[data-kiosk-reset]");
  if (!root) return;
  var url = root.getAttribute("data-kiosk-reset");
  var idle = Number(root.getAttribute("data-kiosk-idle")) || 60000;
  var timer = 0;
  function reset() {
    location.replace(url);
  }
  function arm() {
    clearTimeout(timer);
    timer = setTimeout(reset, idle);
  }
  ["pointerdown", "keydown", "input", "change", "touchstart", "scroll", "wheel"].forEach(function (type) {
    addEventListener(type, arm, { capture: true, passive: true });
  });
  addEventListener("pageshow", function (e) {
    if (e.persisted) reset();
  });
  arm();
})();
