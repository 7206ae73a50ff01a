/* The offline copy's service worker. It is registered only when a reader presses "keep this
   guide on my phone" (assets: offline.js), once per language, with that language's folder
   as its scope; the page fills the cache itself. Pages: the network first (so a reader
   online always gets the current text, and the copy is refreshed as they read), the saved
   copy when the network fails or is too slow. Other files: the saved copy first. When the
   reader removes the copy, the page deletes the cache and unregisters this worker. */
"use strict";

var CACHE = "parapluie-offline:" + new URL(self.registration.scope).pathname;
var NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function fromNetwork(request, cache) {
  return fetch(request).then(function (response) {
    if (response.ok && new URL(request.url).origin === self.location.origin) {
      cache.put(request, response.clone());
    }
    return response;
  });
}

function page(request, cache) {
  var network = fromNetwork(request, cache);
  var slow = new Promise(function (resolve) {
    setTimeout(resolve, NETWORK_TIMEOUT_MS);
  }).then(function () {
    return cache.match(request, { ignoreSearch: true });
  });
  return Promise.race([network.catch(function () { return null; }), slow.then(function (saved) { return saved || network; })])
    .then(function (response) {
      return response || cache.match(request, { ignoreSearch: true }).then(function (saved) {
        return saved || network;
      });
    });
}

function file(request, cache) {
  return cache.match(request).then(function (saved) {
    return saved || fromNetwork(request, cache);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.has(CACHE).then(function (saved) {
      if (!saved) {
        return fetch(request);
      }
      return caches.open(CACHE).then(function (cache) {
        return request.mode === "navigate" ? page(request, cache) : file(request, cache);
      });
    })
  );
});
