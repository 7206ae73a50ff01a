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
  var src = new URL("@@PARAPLUIE_OFFLINE_SCRIPT@@", script ? script.src : document.baseURI).href;
  var state = box.querySelector(".parapluie-offline__state");
  var loading = null;

  function load() {
    loading = document.createElement("script");
    loading.src = src;
    loading.onerror = function () {
      // No connection: say so; the next press tries again.
      loading.remove();
      loading = null;
      delete box.dataset.pressed;
      state.textContent = box.dataset.textFailed;
      box.hidden = false;
    };
    document.head.appendChild(loading);
  }

  // The offline script takes the press over: it reads its action's name in data-pressed.
  box.addEventListener("click", function (event) {
    var action = event.target.closest("[data-action]");
    if (action && !loading) {
      box.dataset.pressed = action.dataset.action;
      state.textContent = box.dataset.textChecking;
      load();
    }
  });

  caches.has("parapluie-offline:" + new URL(box.dataset.scope, document.baseURI).pathname).then(function (saved) {
    if (saved) {
      load();
    } else {
      box.hidden = false;
    }
  });
})();
