// Offline use: the service worker (sw.js, written by scripts/make-sw.mjs) precaches this deployment, so the quiz
// works without a network after one visit. Not from disk, and not in a preview (web/page/quiz.js, forgetOwnWorker).
import { fromDisk, preview, studio } from "./options.js";

// Registers the worker once the page has loaded: its precache downloads every file of the deployment at once, which
// would compete with those the widget is still loading (Workbox's "Expectations around service worker deployment").
export function registerWorker() {
  if (!("serviceWorker" in navigator && window.isSecureContext && !fromDisk && (studio || !preview))) return;
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

function register() {
  // A worker whose precache cannot be completed (a file failed to download) is discarded by the browser: the quiz
  // still works online, and the next visit tries again.
  navigator.serviceWorker.register("sw.js").then(function (reg) {
    reg.addEventListener("updatefound", function () {
      var w = reg.installing;
      if (w) w.addEventListener("statechange", function () {
        if (w.state === "redundant") console.warn("Crossroads: offline use is not ready yet (a file could not be stored)");
      });
    });
  }).catch(function (e) { console.warn("Crossroads: offline use is not available:", e && e.message); });
}
