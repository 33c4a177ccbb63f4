// Crossroads offline worker: precaches one deployment (content-hashed files listed by scripts/assemble.py)
// and serves it cache-first. A new deployment installs beside the old and takes over only when no page uses the old.
"use strict";
const VERSION = "{{version}}";
const CACHE = "crossroads-" + VERSION;
const ASSETS = {{assets}};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((key) => key.startsWith("crossroads-") && key !== CACHE).map((key) => caches.delete(key)))));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Pages are one shell whatever the query (?quiz=, ?embed=): match them without it.
  const options = request.mode === "navigate" ? { ignoreSearch: true } : {};
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, options).then((hit) => hit || fetch(request))));
});
