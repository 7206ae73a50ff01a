/* "Keep this guide on my phone": only when the reader asks, and after showing how much it
   will download, store this language's pages and files in the browser's cache and register
   the service worker (sw.js) that opens them without a network. The reader can update the
   copy (the same steps again: pages read online are also refreshed as they are read) or
   remove it at any time. Nothing is downloaded or registered before the button is pressed.
   After saving, the page links the web app manifest, so the guide can be added to the home
   screen under the discreet name the language registry sets.
   This script is loaded by the shared script's part (offline-loader.js) on the first press,
   which it hands over (the box's data-pressed), or at once when a copy is already kept. */
(function () {
  "use strict";
  var box = document.querySelector(".parapluie-offline");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) {
    return;
  }
  var scope = new URL(box.getAttribute("data-scope"), document.baseURI).href;
  var cacheName = "parapluie-offline:" + new URL(scope).pathname;
  var state = box.querySelector(".parapluie-offline__state");
  var steps = box.querySelectorAll("[data-step]");
  var files = null;
  var hasCopy = false;
  var lang = document.documentElement.lang || "fr";

  function text(name, values) {
    var template = box.getAttribute("data-text-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      template = template.replace("{" + key + "}", values[key]);
    });
    return template;
  }

  function show(step, message) {
    for (var i = 0; i < steps.length; i++) {
      steps[i].hidden = steps[i].getAttribute("data-step") !== step;
    }
    state.textContent = message || "";
  }

  function kilobytes(bytes) {
    var value = Math.max(1, Math.round(bytes / 1000));
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: "kilobyte" }).format(value);
    } catch (error) {
      return value + " kB";
    }
  }

  function linkManifest() {
    if (document.querySelector("link[rel=manifest]")) {
      return;
    }
    var link = document.createElement("link");
    link.rel = "manifest";
    link.href = new URL(box.getAttribute("data-manifest"), document.baseURI).href;
    document.head.appendChild(link);
  }

  // Where the reader returns after cancelling or a failure: the saved state if a copy exists.
  function rest(message) {
    show(hasCopy ? "saved" : "ask", message);
  }

  function ask() {
    show("busy", text("checking"));
    fetch(new URL(box.getAttribute("data-list"), document.baseURI).href, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (list) {
        files = list.files.map(function (file) { return new URL(file, scope).href; });
        show("confirm", text("size", { size: kilobytes(list.bytes), count: String(files.length) }));
      })
      .catch(function () { rest(text("failed")); });
  }

  function save() {
    var done = 0;
    show("busy", text("progress", { done: "0", count: String(files.length) }));
    navigator.serviceWorker.register(box.getAttribute("data-worker"), { scope: scope })
      .then(function () { return caches.open(cacheName); })
      .then(function (cache) {
        return files.reduce(function (previous, file) {
          return previous.then(function () {
            return cache.add(new Request(file, { cache: "no-cache" })).then(function () {
              done += 1;
              state.textContent = text("progress", { done: String(done), count: String(files.length) });
            });
          });
        }, Promise.resolve());
      })
      .then(function () {
        hasCopy = true;
        linkManifest();
        show("saved", text("saved"));
      })
      .catch(function () {
        // A failed first save leaves nothing behind; a failed update keeps the copy (each file
        // is either the old one or the new one).
        (hasCopy ? Promise.resolve() : caches.delete(cacheName)).then(function () { rest(text("failed")); });
      });
  }

  function remove() {
    caches.delete(cacheName)
      .then(function () { return navigator.serviceWorker.getRegistration(scope); })
      .then(function (registration) { return registration && registration.unregister(); })
      .then(function () {
        hasCopy = false;
        var link = document.querySelector("link[rel=manifest]");
        if (link) {
          link.remove();
        }
        show("ask", text("removed"));
      });
  }

  function act(name) {
    ({ ask: ask, update: ask, save: save, cancel: function () { rest(); }, remove: remove })[name]();
  }

  box.addEventListener("click", function (event) {
    var action = event.target.closest("[data-action]");
    if (action) {
      act(action.getAttribute("data-action"));
    }
  });

  caches.has(cacheName).then(function (saved) {
    hasCopy = saved;
    if (saved) {
      linkManifest();
    }
    rest(saved ? text("saved") : "");
    box.hidden = false;
    // The press that loaded this script, if one did: the reader pressed once.
    var pressed = box.getAttribute("data-pressed");
    box.removeAttribute("data-pressed");
    if (pressed) {
      act(pressed);
    }
  });
})();
