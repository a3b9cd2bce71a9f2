// labkit serve: live refresh through Server-Sent Events. The pages work without it.
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || !main.dataset.live || !window.EventSource) { return; }
  function busy() {
    var active = document.activeElement;
    if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) { return true; }
    var fields = main.querySelectorAll("textarea, input[type=text], input:not([type])");
    for (var i = 0; i < fields.length; i++) { if (fields[i].value) { return true; } }
    return false;
  }
  function reload() {
    if (busy()) { return; }
    fetch(window.location.href, { credentials: "same-origin" }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (!html) { return; }
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
      if (fresh) { main.innerHTML = fresh.innerHTML; tick(); }
    });
  }
  function tick() {
    var timer = main.querySelector(".timer[data-ends]");
    if (!timer || !timer.dataset.ends) { return; }
    var left = Math.max(0, (Date.parse(timer.dataset.ends) - Date.now()) / 1000);
    var m = Math.floor(left / 60), s = Math.floor(left % 60);
    timer.querySelector(".clock").textContent = m + ":" + (s < 10 ? "0" : "") + s;
  }
  var first = true;
  new EventSource("/live").onmessage = function () {
    if (first) { first = false; return; }
    reload();
  };
  tick();
  setInterval(tick, 1000);
})();
