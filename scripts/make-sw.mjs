// Writes dist/sw.js with Workbox (workbox-build's generateSW, runtime inlined: no CDN, strict-CSP safe).
// Every precached file carries a revision of its content, so a deploy that changes only one quiz file gives a new
// worker; quiz files opened later with ?quiz= are cached at run time, for when there is no network.
// Usage: node scripts/make-sw.mjs DIST_DIR
import path from "node:path";
import { generateSW } from "workbox-build";

const dist = path.resolve(process.argv[2] || "dist");
const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  // What the page needs to run offline. quiz.html carries everything itself; embed.js runs on the host page; the
  // studio is an editor's, cached when an editor opens it (below), not downloaded by every reader. The full wasm
  // (crossroads-full.*) runs only ?quiz= files the build did not pre-check, the studio and a preview: cached when a
  // page first uses it (below), so a reader of the shipped quizzes never downloads its 300 KB.
  globPatterns: ["index.html", "*.{js,css,wasm,svg}", "content/*.{json,crqf}", "fonts/*.ttf"],
  globIgnores: ["sw.js", "sw-scope.js", "embed.js", "quiz.html", "demo/**", "studio.*", "crossroads-full.*"],
  swDest: path.join(dist, "sw.js"),
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  // Files named by their content hash (scripts/assemble.py) need no revision of their own.
  dontCacheBustURLsMatching: /\.[0-9a-f]{10}\.(js|css|wasm)$/,
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  // The page is one shell for every query (?quiz=, ?embed=, ?theme=). Workbox matches navigations by the end of their
  // path only; web/sw-scope.js lets through only those to this deployment's shell and studio.
  navigateFallback: "index.html",
  navigateFallbackAllowlist: [/\/(index\.html)?(\?.*)?$/],
  cleanupOutdatedCaches: true,
  // A new deployment waits until no page uses the old one, so one page load never mixes two builds.
  skipWaiting: false,
  clientsClaim: true,
  importScripts: ["sw-scope.js"],
  // Every route is anchored to the deployment's own files by web/sw-scope.js (self.crossroads): below the worker's
  // scope, and for quizzes and pictures fetched by the widget's own page, so the site's other pages are left alone.
  // These functions and plugins are written into sw.js as source.
  runtimeCaching: [{
    // The full wasm and its script, named by their content: from the cache the page keeps them in once it used them
    // (web/page/wasm.js, which also drops an earlier deployment's), else from the network.
    urlPattern: (o) => self.crossroads.full(o),
    handler: "CacheFirst",
    options: { cacheName: "crossroads-full" },
  }, {
    // Quiz files opened with ?quiz=: from the network while there is one (a withdrawn file is dropped), else the copy.
    urlPattern: (o) => self.crossroads.quiz(o),
    handler: "NetworkFirst",
    options: {
      cacheName: "crossroads-quizzes",
      networkTimeoutSeconds: 5,
      expiration: { maxEntries: 50, maxAgeSeconds: 30 * 24 * 3600 },
      plugins: [{
        cacheWillUpdate: (o) => self.crossroads.bounded(o),
        fetchDidSucceed: (o) => self.crossroads.withdrawn("crossroads-quizzes", o),
      }],
    },
  }, {
    // The studio, once opened, works offline too; online it is always the deployment's current one.
    urlPattern: (o) => self.crossroads.studio(o),
    handler: "NetworkFirst",
    options: { cacheName: "crossroads-studio", plugins: [{ cacheWillUpdate: (o) => self.crossroads.bounded(o) }] },
  }, {
    // A quiz's pictures, once seen, are there offline too.
    urlPattern: (o) => self.crossroads.picture(o),
    handler: "StaleWhileRevalidate",
    options: {
      cacheName: "crossroads-pictures",
      expiration: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 },
      plugins: [{
        cacheWillUpdate: (o) => self.crossroads.bounded(o),
        fetchDidSucceed: (o) => self.crossroads.withdrawn("crossroads-pictures", o),
      }],
    },
  }],
});
for (const w of warnings) console.warn("make-sw:", w);
console.log(`sw.js: ${count} files precached (${size} bytes)`);
