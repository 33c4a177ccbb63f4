// Crossroads offline worker, addition to the Workbox worker (scripts/make-sw.mjs imports it): removes the caches
// of the hand-written worker that came before Workbox ("crossroads-" + 12 hex digits), once the new worker is active.
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return /^crossroads-[0-9a-f]{12}$/.test(k); }).map(function (k) { return caches.delete(k); }));
  }));
});
