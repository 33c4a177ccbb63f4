// What this page was opened with: its URL options (?quiz, ?embed's host and id, ?studio, ?preview, campaign fields),
// where it runs (in an iframe, from disk), its own elements and words, and the start-up milestones it marks.
// Every other module of the page (web/app.js bundles them) reads these; none changes them.

// Start-up milestones as performance marks, read by bench/first-load.mjs (the wasm marks its own steps in between).
export function mark(name) { if (window.performance && performance.mark) performance.mark(name); }
mark("cr:script");  // this module is the first code of the page's script to run

export var root = document.getElementById("cr-root");
export var message = document.getElementById("cr-message");
// The page's own words (src/core/catalogue.h) by language, written in by the build: those of the quiz shown (the page's
// lang: the built-in quiz's, then that of the quiz loaded), else English.
var pageWords = JSON.parse(document.getElementById("cr-texts").textContent);
export function words() { return pageWords[document.documentElement.lang.split("-")[0].toLowerCase()] || pageWords.en; }
export var params = new URLSearchParams(location.search);
export var embedded = window.parent !== window;
export var hostOrigin = params.get("host") || "*";
export var fromDisk = location.protocol === "file:";
// The studio's preview (web/studio.js): quiz text comes from the parent page; like a preview it stores nothing.
export var studio = embedded && params.get("studio") === "1";
export var preview = studio || params.get("preview") === "1";

// Campaign fields for the host's analytics: ?campaign_source=newsletter&campaign_medium=email (embed.js passes its
// data-campaign-* attributes so) go into every event as campaign: { source, medium }.
export var campaign = null;
params.forEach(function (value, key) {
  var m = /^campaign_([a-z0-9_-]{1,40})$/.exec(key);
  if (m && value && value.length <= 200) (campaign = campaign || {})[m[1]] = value;
});
