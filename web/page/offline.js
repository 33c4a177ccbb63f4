// Offline use: the service worker (sw.js, written by scripts/make-sw.mjs) precaches this deployment, so the quiz
// works without a network after one visit. Not from disk, and not in a preview (web/page/quiz.js, forgetOwnWorker).
import { fromDisk, preview, studio } from "./options.js";

export function registerWorker() {
  if ("serviceWorker" in navigator && window.isSecureContext && !fromDisk && (studio || !preview)) {
    // A worker whose precache cannot be completed (a file failed to download) is discarded by the browser:
    // the quiz still works online, and the next visit tries again.
    navigator.serviceWorker.register("sw.js").then(function (reg) {
      reg.addEventListener("updatefound", function () {
        var w = reg.installing;
        if (w) w.addEventListener("statechange", function () {
          if (w.state === "redundant") console.warn("Crossroads: offline use is not ready yet (a file could not be stored)");
        });
      });
    }).catch(function (e) { console.warn("Crossroads: offline use is not available:", e && e.message); });
  }
}
