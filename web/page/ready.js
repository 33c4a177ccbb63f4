// When the widget counts as ready (a frame drawn, and the quiz asked for loaded or failed, and drawn), what then
// happens (the placeholder goes, the host hears crossroads:ready), and the page's height reported to the host after.
// Until then the canvas may show the built-in quiz standing in, which no reader or host may take for the real one.
import { embedded, mark, params, root } from "./options.js";
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

// Ready once a frame is drawn and the quiz asked for (?quiz=) has loaded and been drawn: until then the canvas may
// show the built-in quiz standing in, whose height the host must not hear.
var firstFrame = false, quizPending = !!params.get("quiz"), quizDrawn = true, loadError = null;
export function quizSettled(error) { quizPending = false; loadError = error; maybeReady(); }
// The wasm drew its first frame (Module.onfirstframe).
export function firstFrameDrawn() { firstFrame = true; maybeReady(); }
// The wasm drew a new state (Module.onstate): the quiz asked for is on the canvas if it was loaded.
export function stateDrawn() { if (!quizDrawn) { quizDrawn = true; maybeReady(); } }
// The quiz asked for has just loaded: the built-in quiz may be on the canvas, so ready waits for a frame of this one.
export function awaitQuizFrame() { quizDrawn = false; }
function maybeReady() {
  if (!firstFrame || quizPending || !quizDrawn || window.crossroads.ready) return;
  root.classList.add("cr-ready");
  root.setAttribute("aria-busy", "false");
  window.crossroads.ready = true;
  mark("cr:first-frame");
  notify();
  reportHeight();
  var s = state();
  post("ready", loadError ? { error: loadError } : { quiz: s && s.quiz, version: s && s.version, title: s && s.title, language: s && s.language });
}
