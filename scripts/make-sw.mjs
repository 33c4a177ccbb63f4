// Writes dist/sw.js with Workbox (workbox-build's generateSW, runtime inlined: no CDN, strict-CSP safe).
// Every precached file carries a revision of its content, so a deploy that changes only one quiz file gives a new
// worker; quiz files opened later with ?quiz= are cached at run time and revalidated in the background.
// Usage: node scripts/make-sw.mjs DIST_DIR
import path from "node:path";
import { generateSW } from "workbox-build";

const dist = path.resolve(process.argv[2] || "dist");
const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  // What the page needs to run offline. quiz.html carries everything itself; embed.js runs on the host page; the
  // studio is an editor's, cached when an editor opens it (below), not downloaded by every reader.
  globPatterns: ["index.html", "*.{js,css,wasm,svg}", "content/*.json", "fonts/*.ttf"],
  globIgnores: ["sw.js", "sw-cleanup.js", "embed.js", "quiz.html", "demo/**", "studio.*"],
  swDest: path.join(dist, "sw.js"),
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  // Files named by their content hash (scripts/assemble.py) need no revision of their own.
  dontCacheBustURLsMatching: /\.[0-9a-f]{10}\.(js|css|wasm)$/,
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  // The page is one shell for every query (?quiz=, ?embed=, ?theme=).
  navigateFallback: "index.html",
  navigateFallbackAllowlist: [/\/(index\.html)?(\?.*)?$/],
  navigateFallbackDenylist: [/\/demo\//],
  cleanupOutdatedCaches: true,
  // A new deployment waits until no page uses the old one, so one page load never mixes two builds.
  skipWaiting: false,
  clientsClaim: true,
  importScripts: ["sw-cleanup.js"],
  runtimeCaching: [{
    urlPattern: /\/[^/?#]+\.json(\?[^#]*)?$/,
    handler: "StaleWhileRevalidate",
    options: { cacheName: "crossroads-quizzes", expiration: { maxEntries: 50 } },
  }, {
    // The studio, once opened, works offline too.
    urlPattern: /\/studio(\.[0-9a-f]{10})?\.(html|js|css)$/,
    handler: "StaleWhileRevalidate",
    options: { cacheName: "crossroads-studio" },
  }, {
    // A quiz's pictures, once seen, are there offline too.
    urlPattern: /\/[^/?#]+\.(png|jpe?g|webp|gif)(\?[^#]*)?$/i,
    handler: "StaleWhileRevalidate",
    options: { cacheName: "crossroads-pictures", expiration: { maxEntries: 200 } },
  }],
});
for (const w of warnings) console.warn("make-sw:", w);
console.log(`sw.js: ${count} files precached (${size} bytes)`);
