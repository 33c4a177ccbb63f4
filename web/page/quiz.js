// The quiz asked for with ?quiz=, or the page's own: its pre-checked form (web/page/wasm.js), or the file fetched from
// this site, streamed up to the core's size limit, composed (NFC), and handed to the wasm through its heap; its
// problems replace the widget when it cannot be used. In ./build-wasm.sh preview the server says when the file is
// saved, and the quiz reloads in place.
import { fromDisk, mark, message, preview, root, words } from "./options.js";
import { post } from "./host.js";
import { showMessage } from "./messages.js";
import { quizUnavailable } from "./ready.js";
import { form, full } from "./wasm.js";
import { mod, notify, started, state } from "./widget.js";

// ---- quiz files: streamed up to the core's size limit, handed to the wasm through its heap -----------
// Calls export `fn(data, size, name, name_size)` with `bytes` and the name `source` copied into the heap; -1 when
// the heap has no room for them.
export function withBytes(fn, bytes, source) {
  var name = new TextEncoder().encode(source);
  var p = mod._malloc(bytes.length + 1), n = mod._malloc(name.length + 1);
  if (!p || !n) { mod._free(p); mod._free(n); return -1; }
  mod.HEAPU8.set(bytes, p);
  mod.HEAPU8.set(name, n);
  try { return fn(p, bytes.length, n, name.length); } finally { mod._free(p); mod._free(n); }
}

// Loads quiz bytes named `source`: "ok", or "invalid" with the error lines to show; `all` has the warnings too. A
// pre-checked form (`form`) is not text: it goes over as it is.
export function loadBytes(bytes, source, form) {
  var ok = withBytes(mod._cr_load_quiz, form ? bytes : composed(bytes), source);
  var s = ok >= 0 ? state() : null;
  var all = s ? s.errors : [words().PageNoMemory];
  if (ok === 1) return { kind: "ok", all: all };
  return { kind: "invalid", lines: all.filter(function (l) { return !s || l.indexOf(": error: ") >= 0; }), all: all };
}

// Text in Unicode's composed form (NFC), so an accent typed apart from its letter is drawn as one letter: the
// browser's own normalizer does it (the wasm has no Unicode tables). Bytes that are not UTF-8 pass unchanged:
// the core then says where the file is broken.
function composed(bytes) {
  var wide = false;
  for (var i = 0; i < bytes.length && !wide; i++) wide = bytes[i] >= 0x80;
  if (!wide || !String.prototype.normalize) return bytes;
  var text;
  try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (e) { return bytes; }
  var nfc = text.normalize("NFC");
  return nfc === text ? bytes : new TextEncoder().encode(nfc);
}

// Reads a response body, stopping one byte past `limit` (the core then refuses the file with its own
// message). Content-Length is only a hint: servers often report the compressed size.
function readLimited(response, limit) {
  if (!response.body || !response.body.getReader) {
    return response.arrayBuffer().then(function (b) { return new Uint8Array(b, 0, Math.min(b.byteLength, limit + 1)); });
  }
  var reader = response.body.getReader(), chunks = [], size = 0;
  function pump() {
    return reader.read().then(function (r) {
      if (!r.done) {
        chunks.push(r.value);
        size += r.value.length;
        if (size <= limit) return pump();
        reader.cancel().catch(function () {});
      }
      var out = new Uint8Array(Math.min(size, limit + 1)), at = 0;
      for (var i = 0; i < chunks.length && at < out.length; i++) {
        var part = chunks[i].subarray(0, out.length - at);
        out.set(part, at);
        at += part.length;
      }
      return out;
    });
  }
  return pump();
}

// The requested quiz cannot be used: its problems replace the widget, and the host hears why.
function quizFailed(kind, lines) {
  showMessage(words().CannotLoad, lines);
  post("error", { kind: kind, message: lines.join("\n") });
  quizUnavailable(kind);
}

// Fetches a quiz file and hands it to the wasm: "ok", or a failure kind with the lines to show. The request leaves at
// once, in parallel with the wasm's download and start; the body is read once the wasm is there to say its size
// limit. Edits are seen: the browser revalidates its cached copy (and a preview never keeps one).
function fetchQuiz(url) {
  var target;
  try { target = new URL(url, location.href); } catch (e) { target = null; }
  if (!target || target.origin !== location.origin || fromDisk) return Promise.resolve({ kind: "refused", lines: [words().PageSameSite + " " + url] });
  return fetch(target.href, { cache: preview ? "no-store" : "no-cache" }).then(function (r) {
    if (!r.ok) throw new Error(words().PageServerAnswered.replace("{0}", r.status).replace("{1}", url));
    return started.then(function (m) { return readLimited(r, m._cr_max_quiz_bytes()); });
  }).then(function (bytes) {
    return loadBytes(bytes, url);
  }).catch(function (e) {
    return { kind: "unavailable", lines: [String(e && e.message || e)] };
  });
}

// Loads the quiz at `url` (?quiz=), or the page's own with none (the shell names it, scripts/assemble.py): its form when
// the readers' wasm runs the page, else the file (in the one-file quiz.html, the data it carries inline). The wasm loads no quiz itself, and the page shows its placeholder
// until this one is drawn. Call it before the wasm has started, so both come in parallel; `afterLoad` runs once the
// quiz has loaded.
export function loadQuiz(url, afterLoad) {
  var file = url || root.getAttribute("data-quiz"), inline = !url && document.getElementById("cr-quiz-data"), got;
  if (form) {
    got = started.then(function () {
      return full ? fetchQuiz(file) : form.bytes.then(function (bytes) { return loadBytes(bytes, file, true); });
    });
  } else if (inline) {
    got = started.then(function () { return loadBytes(new TextEncoder().encode(inline.textContent), file); });
  } else {
    got = fetchQuiz(file);
  }
  started.then(function () { return got; }).then(function (got) {
    if (preview && url) watchEdits(url);
    if (got.kind !== "ok") { quizFailed(got.kind, got.lines); return; }
    mark("cr:quiz");  // the quiz is loaded and its saved progress read
    afterLoad();  // ready follows once the wasm has drawn it (web/page/ready.js)
  }, function () { /* the wasm did not start: web/app.js says so */ });
}

// ./build-wasm.sh preview: the server says when the file is saved; the quiz reloads in place, keeping the
// reader's question where it still exists, or shows the file's problems until the next save fixes them.
function watchEdits(url) {
  if (!window.EventSource) return;
  var events = new EventSource("preview/events");
  events.addEventListener("open", forgetOwnWorker, { once: true });
  events.addEventListener("change", function () { fetchQuiz(url).then(showReloaded); });
}
// A preview shows the file as saved: no worker of this page's folder (left by an earlier ./build-wasm.sh serve on the
// same port) may answer from an older copy. Only once the preview server has answered (an event stream opens only
// from it): ?preview=1 on a deployed site unregisters nothing, and other apps' workers on the origin are never touched.
function forgetOwnWorker() {
  if (!("serviceWorker" in navigator)) return;
  var scope = new URL(".", location.href).href;
  navigator.serviceWorker.getRegistration(scope).then(function (r) { if (r && r.scope === scope) return r.unregister(); })
    .catch(function () { /* nothing registered, or storage refused */ });
}
// Shows the quiz just loaded in place (and lets the subscribers know), or the problems of a text that did not load.
export function showReloaded(got) {
  if (got.kind === "ok") {
    message.hidden = true;
    root.classList.remove("cr-failed");
    notify();
  } else {
    showMessage(words().CannotLoad, got.lines);
  }
}
