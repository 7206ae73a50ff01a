/* "Keep this guide on my phone" stays unloaded until the reader asks for it: this part of the
   shared script shows the box when the browser can keep a copy, and the first press of its
   button loads the offline script (offline.js), which takes the press over. When a copy is
   already kept, the offline script loads at once (the reader chose it) and shows the box in
   its "update / remove" state. Before a press, on a phone without a copy, nothing is fetched,
   registered or stored. */
(function () {
  "use strict";
  var box = document.querySelector(".parapluie-offline");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) {
    return;
  }
  var script = document.currentScript;
  var base = script ? script.src : document.baseURI;
  var scope = new URL(box.getAttribute("data-scope"), document.baseURI).href;
  var state = box.querySelector(".parapluie-offline__state");
  var requested = false;

  // The offline script reads the press it is handed in data-pressed (the action's name).
  function load(pressed) {
    requested = true;
    if (pressed) {
      box.setAttribute("data-pressed", pressed);
    }
    var element = document.createElement("script");
    element.src = new URL("@@PARAPLUIE_OFFLINE_SCRIPT@@", base).href;
    element.onerror = function () {
      // No connection: the next press tries again.
      element.remove();
      box.removeAttribute("data-pressed");
      requested = false;
      state.textContent = box.getAttribute("data-text-failed") || "";
      box.hidden = false;
    };
    document.head.appendChild(element);
  }

  box.addEventListener("click", function (event) {
    var action = event.target.closest("[data-action]");
    if (!action || requested) {
      return;
    }
    state.textContent = box.getAttribute("data-text-checking") || "";
    load(action.getAttribute("data-action"));
  });

  caches.has("parapluie-offline:" + new URL(scope).pathname).then(function (saved) {
    if (saved) {
      load("");
    } else {
      box.hidden = false;
    }
  });
})();
