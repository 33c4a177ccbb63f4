// Crossroads offline worker, the part Workbox's options cannot say (scripts/make-sw.mjs imports it first): which
// requests are this deployment's own, so that deployed at a site's root the worker leaves the site's other pages alone.
// Also removes the caches of the hand-written worker that came before Workbox ("crossroads-" + 12 hex digits).
(function () {
  "use strict";
  var scope = self.registration.scope;  // the folder the deployment was uploaded to, e.g. https://site/ or https://site/quiz/
  var LIMIT = 16 * 1024 * 1024;         // the widget refuses a quiz over 16 MB (the core's limit): none is kept either

  // The path of a same-origin address below the scope, relative to it ("index.html", "content/a.json"); null otherwise.
  function inScope(url) {
    var href = typeof url === "string" ? url : url.href;
    return href.indexOf(scope) === 0 ? href.slice(scope.length).split(/[?#]/)[0] : null;
  }
  // The page shell: index.html (or the folder itself) with any query. Nothing else in scope is the widget's page.
  function isShell(url) {
    var rest = inScope(url);
    return rest === "" || rest === "index.html";
  }
  // A request the widget's own page made (a ?quiz= file, a picture beside it): another page of the site, even below
  // this scope, fetches its own files for itself, and those never go through this worker's caches. (The referrer is
  // the page's address: the browser's default policy sends it to the same origin.)
  function fromShell(request) {
    return !!request.referrer && isShell(request.referrer);
  }

  self.crossroads = {
    // Quiz files the page opens with ?quiz=: same site, below the scope, fetched by the page.
    quiz: function (o) { return fromShell(o.request) && /\.json$/.test(inScope(o.url) || ""); },
    // The full wasm and its script (web/page/wasm.js adds them when the page needs them), directly in the scope.
    full: function (o) { return /^crossroads-full\.[0-9a-f]{10}\.(js|wasm)$/.test(inScope(o.url) || ""); },
    // A quiz's pictures, seen once.
    picture: function (o) { return fromShell(o.request) && /\.(png|jpe?g|webp|gif)$/i.test(inScope(o.url) || ""); },
    // The studio's page and its bundles (studio.html, studio.<hash>.js, studio.<hash>.css), directly in the scope.
    studio: function (o) { return /^studio(\.[0-9a-f]{10})?\.(html|js|css)$/.test(inScope(o.url) || ""); },
    // For a Workbox plugin's cacheWillUpdate: a response is kept only when it is a whole 200 within the limit (its body
    // is counted as it is read: Content-Length is often the compressed size, or missing).
    bounded: function (o) {
      var response = o.response;
      if (!response || response.status !== 200) return null;
      if (!response.body) return response;
      var reader = response.clone().body.getReader(), size = 0;
      return (function pump() {
        return reader.read().then(function (r) {
          if (r.done) return response;
          size += r.value.length;
          if (size <= LIMIT) return pump();
          reader.cancel().catch(function () {});
          return null;
        });
      })();
    },
    // For a Workbox plugin's fetchDidSucceed: a file the server says is gone (404, 410) is dropped from `cacheName`, so
    // that a quiz can be withdrawn.
    withdrawn: function (cacheName, o) {
      if (o.response.status !== 404 && o.response.status !== 410) return o.response;
      return caches.open(cacheName).then(function (c) { return c.delete(o.request); }).then(function () { return o.response; });
    },
  };

  // A navigation is this worker's only to the shell or the studio. Workbox's navigation route (registered after this
  // listener) matches by the end of the path alone, so /blog/ would get the quiz: any other navigation stops here and
  // goes to the network as if there were no worker.
  self.addEventListener("fetch", function (event) {
    var o = { request: event.request, url: new URL(event.request.url) };
    if (o.request.mode === "navigate" && !isShell(o.url) && !self.crossroads.studio(o)) event.stopImmediatePropagation();
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return /^crossroads-[0-9a-f]{12}$/.test(k); }).map(function (k) { return caches.delete(k); }));
    }));
  });
})();
