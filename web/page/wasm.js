// Which wasm runs the page: the readers' (crossroads.js, no JSON loader) for a quiz the build pre-checked, handed its
// pre-checked form; the full one (crossroads-full.js, scripts/assemble.py names it) for any other ?quiz= file, the
// studio and a preview, and when the readers' wasm refuses the form (stale or damaged): the reader then sees the quiz.
import { fromDisk, params, preview, root } from "./options.js";

// The pre-checked quizzes the build wrote: quiz file (as ?quiz= or data-quiz names it) -> its form's file.
var forms = JSON.parse(root.getAttribute("data-forms") || "{}");

// The form of the quiz this page shows, {url, bytes} (bytes: a promise of its Uint8Array), or null: fetched at once, in
// parallel with the wasm. The url is the quiz file's. (The one-file quiz.html names no forms: it carries the full wasm,
// which the studio uses from disk.)
export var form = (function () {
  if (preview) return null;  // a preview and the studio read the file as it is saved or typed
  var url = params.get("quiz") || root.getAttribute("data-quiz"), file = null;
  try {
    var want = new URL(url, location.href).href;
    Object.keys(forms).forEach(function (q) { if (new URL(q, location.href).href === want) file = forms[q]; });
  } catch (e) { /* no usable address: the quiz loader says so */ }
  if (!file) return null;
  return { url: url, bytes: fetch(file).then(function (r) {
    if (!r.ok) throw new Error(String(r.status));
    return r.arrayBuffer();
  }).then(function (b) { return new Uint8Array(b); }) };
})();

// True once the full wasm runs the page (web/page/quiz.js then loads the quiz file itself, not its form).
export var full = !form;

// Adds the script at `src` to the page: a promise that it has run, rejected with an Error naming it when it cannot load.
export function addScript(src) {
  return new Promise(function (loaded, failed) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () { loaded(); };
    script.onerror = function () { failed(new Error(src)); };
    document.head.appendChild(script);
  });
}

// Starts the wasm with the Module `options`: a promise of the module, whose main() has run. The readers' wasm's script
// is added now, not before (the page preloads it, and evaluating it would delay the first paint); the promise is
// rejected with scriptMissing when it defines no createCrossroads.
export var scriptMissing = {};  // the reason only (app.js words it: PageScriptMissing)
export function startWasm(options) {
  if (full) return startFull(options);
  var script = typeof createCrossroads === "function" ? Promise.resolve() : addScript(root.getAttribute("data-script"));
  return script.catch(function () { /* the check below says so */ }).then(function () {
    if (typeof createCrossroads !== "function") throw scriptMissing;
    return startReaders(options);
  });
}

// The readers' wasm: it checks the form before its main() runs, so nothing is drawn or listened to by a module not kept.
function startReaders(options) {
  var readers = createCrossroads(Object.assign({}, options, { "noInitialRun": true }));
  return Promise.all([readers, form.bytes.catch(function (e) { return e; })]).then(function (got) {
    // Why the form cannot be used: "" when it can, the wasm's sentence, null without memory, or the fetch's Error.
    var m = got[0], bytes = got[1], why = bytes instanceof Uint8Array ? check(m, bytes) : bytes;
    if (why === "") {
      m.callMain([]);
      return m;
    }
    console.warn("crossroads: the pre-checked quiz " + form.url + " cannot be used (" + (why === null ? "no memory for it" : why) + "); the full wasm reads the quiz file");
    full = true;
    return startFull(options);
  });
}

// "" when the readers' wasm `m` reads the form `bytes`, else why not (null: no memory to read it in).
function check(m, bytes) {
  var p = m._malloc(bytes.length + 1);
  if (!p) return null;
  try {
    m.HEAPU8.set(bytes, p);
    return m.UTF8ToString(m._cr_check_form(p, bytes.length));
  } finally { m._free(p); }
}

// The full wasm's script, added once (it is not in the page: most readers never need it); a promise of its loading.
// A page that knows at once that it needs it (no form) asks for it and its wasm as this module runs, while the page
// paints, as the page's own preload does for the readers' wasm.
var fullScript = null;
function loadFull() {
  if (fullScript) return fullScript;
  if (typeof createCrossroadsFull === "function") return (fullScript = Promise.resolve());  // quiz.html carries it
  var wasm = document.createElement("link");
  wasm.rel = "preload";
  wasm.as = "fetch";
  wasm.crossOrigin = "anonymous";
  wasm.href = root.getAttribute("data-full-wasm");
  document.head.appendChild(wasm);
  var src = root.getAttribute("data-full");
  fullScript = addScript(src).then(function () { keep([src, wasm.href]); });
  return fullScript;
}
if (full) loadFull();

// The full wasm's module, from its script.
function startFull(options) {
  return loadFull().then(function () { return createCrossroadsFull(options); });
}

// The full wasm's files, once a page used them, go into the cache the offline worker answers them from
// (scripts/make-sw.mjs), in place of an earlier deployment's: a ?quiz= file or the studio then opens offline too,
// while the worker precaches only what the shipped quizzes need.
function keep(files) {
  if (fromDisk || !("serviceWorker" in navigator) || !("caches" in window)) return;
  var urls = files.map(function (f) { return new URL(f, location.href).href; });
  navigator.serviceWorker.ready.then(function () { return caches.open("crossroads-full"); }).then(function (cache) {
    return cache.keys().then(function (old) {
      return Promise.all(old.filter(function (r) { return urls.indexOf(r.url) < 0; }).map(function (r) { return cache.delete(r); }));
    }).then(function () { return cache.addAll(urls); });
  }).catch(function (e) { console.warn("Crossroads: the full wasm is not kept for offline use:", e && e.message); });
}
