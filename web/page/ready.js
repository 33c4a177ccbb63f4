// When the widget counts as ready (a frame drawn, and the quiz asked for loaded or failed, and drawn), what then
// happens (the placeholder or the first screen goes, a tap on the first screen kept till now is carried out, the host
// hears crossroads:ready), and the page's height reported to the host after.
// Until then the page shows its placeholder: the wasm draws nothing before it has the quiz asked for.
import { carryOutEarlyTap } from "./first-screen.js";
import { embedded, mark, root } from "./options.js";
import { post } from "./host.js";
import { failed } from "./messages.js";
import { notify, state } from "./widget.js";

// ---- the page reports its own height so the host can size the iframe ------------------------------
var lastHeight = 0;
export function reportHeight() {
  // Not while loading: the host reserved the first screen's height (embed.js), the placeholder's is not it.
  if (!window.crossroads.ready && !failed) return;
  var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (h !== lastHeight) { lastHeight = h; post("resized", { height: h }); }
}
export function watchHeight() {
  if (embedded) {
    document.documentElement.classList.add("cr-embedded");
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.documentElement);
  }
}

// Ready once the wasm has drawn a quiz or its errors (a state whose screen is not "loading"), or a first frame when
// the quiz asked for (?quiz=) cannot be had at all.
var firstFrame = false, drawn = null, loadError = null;
// The quiz asked for cannot be had (refused, missing, too large): the page says why instead.
export function quizUnavailable(error) { loadError = error; maybeReady(); }
// The wasm drew its first frame (Module.onfirstframe).
export function firstFrameDrawn() { firstFrame = true; maybeReady(); }
// The wasm drew a new state (Module.onstate).
export function stateDrawn(s) { drawn = s; maybeReady(); }
function maybeReady() {
  if (!firstFrame || window.crossroads.ready || (!loadError && (!drawn || drawn.screen === "loading"))) return;
  root.classList.add("cr-ready");
  root.setAttribute("aria-busy", "false");
  window.crossroads.ready = true;
  mark("cr:first-frame");
  carryOutEarlyTap();
  notify();
  reportHeight();
  var s = state();
  post("ready", loadError ? { error: loadError } : { quiz: s && s.quiz, version: s && s.version, title: s && s.title, language: s && s.language });
}
