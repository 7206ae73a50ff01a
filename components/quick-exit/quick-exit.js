/* Quick exit: blank the page at once, then leave with location.replace() so this page
   leaves the Back history. Shift pressed three times (each within 5 s of the last; Shift
   used together with another key does not count) does the same. Coming back (pageshow)
   shows the page again. The links work without this script. Nothing is stored. */
(function () {
  "use strict";
  var WINDOW_MS = 5000;
  var links = document.querySelectorAll("[data-quick-exit]");
  if (!links.length) {
    return;
  }
  var destination = links[0].href;
  var status = document.querySelector(".parapluie-exit__status");

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("parapluie-exiting");
    // The tools (their page scripts, and listen.js) drop the reader's photo and stop speech when they hear this.
    document.dispatchEvent(new Event("parapluie:exit"));
    announce(status ? status.getAttribute("data-leaving") : "");
    window.location.replace(destination);
  }

  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", leave);
  }

  var presses = 0;
  var lastPress = 0;
  var otherKeyWithShift = false;

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        otherKeyWithShift = false;
      }
      return;
    }
    otherKeyWithShift = event.shiftKey;
    presses = 0;
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    if (otherKeyWithShift) {
      otherKeyWithShift = false;
      presses = 0;
      return;
    }
    var now = Date.now();
    presses = now - lastPress <= WINDOW_MS ? presses + 1 : 1;
    lastPress = now;
    if (presses >= 3) {
      presses = 0;
      leave();
    } else if (status) {
      announce(status.getAttribute("data-progress-" + presses).replace("{count}", String(presses)));
    }
  }, true);

  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("parapluie-exiting");
    presses = 0;
    announce("");
  });
})();
