// Crossroads page loader and JS bridge: starts the wasm module, applies page options (?quiz, theme, accent, start,
// share links, campaign, links), exposes window.crossroads for hosts and tests, sends an embedding parent the
// reader's events and opens the widget's links, reports every start-up failure in words and registers the offline worker.
// Inside the studio (studio.html, ?studio=1) it is the live preview and the checker of the text its parent sends.
(function () {
  "use strict";
  // Start-up milestones as performance marks, read by bench/first-load.mjs (the wasm marks its own steps in between).
  function mark(name) { if (window.performance && performance.mark) performance.mark(name); }
  mark("cr:script");
  var PROTOCOL = 1;
  var root = document.getElementById("cr-root");
  var message = document.getElementById("cr-message");
  // The page's own words (src/core/catalogue.h) by language, written in by the build: those of the quiz shown (the page's
  // lang: the built-in quiz's, then that of the quiz loaded), else English.
  var pageWords = JSON.parse(document.getElementById("cr-texts").textContent);
  function words() { return pageWords[document.documentElement.lang.split("-")[0].toLowerCase()] || pageWords.en; }
  var listeners = [];
  var mod = null;
  var params = new URLSearchParams(location.search);
  var embedded = window.parent !== window;
  var hostOrigin = params.get("host") || "*";
  var fromDisk = location.protocol === "file:";
  // The studio's preview (web/studio.js): quiz text comes from the parent page; like a preview it stores nothing.
  var studio = embedded && params.get("studio") === "1";
  var preview = studio || params.get("preview") === "1";

  // Campaign fields for the host's analytics: ?campaign_source=newsletter&campaign_medium=email (embed.js passes its
  // data-campaign-* attributes so) go into every event as campaign: { source, medium }.
  var campaign = null;
  params.forEach(function (value, key) {
    var m = /^campaign_([a-z0-9_-]{1,40})$/.exec(key);
    if (m && value && value.length <= 200) (campaign = campaign || {})[m[1]] = value;
  });

  // ---- messages to the embedding page (only ever to window.parent) ----------------------------------
  function post(event, detail) {
    if (!embedded) return;
    detail = detail || {};
    if (campaign) detail.campaign = campaign;
    try {
      window.parent.postMessage({ type: "crossroads", v: PROTOCOL, id: params.get("id") || "", event: event, detail: detail }, hostOrigin);
    } catch (e) { /* a wrong host origin drops the message; nothing else to do */ }
  }

  // Replaces the widget with a message: a title, detail lines, and optionally one button.
  function showMessage(title, lines, action) {
    message.hidden = false;
    message.textContent = "";
    var h = document.createElement("h2");
    h.textContent = title;
    message.appendChild(h);
    if (lines && lines.length) {
      var ul = document.createElement("ul");
      lines.forEach(function (line) {
        var li = document.createElement("li");
        var code = document.createElement("code");
        code.textContent = line;
        li.appendChild(code);
        ul.appendChild(li);
      });
      message.appendChild(ul);
    }
    if (action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "cr-message-action";
      b.textContent = action.label;
      b.addEventListener("click", action.run);
      message.appendChild(b);
    }
    root.classList.add("cr-ready", "cr-failed");
    root.setAttribute("aria-busy", "false");
  }

  // A failure that stops the widget: shown at once and sent to the host page as crossroads:error.
  var failed = false;
  function fail(kind, title, lines, action) {
    if (failed) return;
    failed = true;
    showMessage(title, lines, action);
    post("error", { kind: kind, message: (lines || []).join("\n") });
  }
  function reloadAction() { return { label: words().PageReload, run: function () { location.reload(); } }; }

  // Asked of the widget's own canvas, with the attributes src/web/main.cpp creates its context with: the browser
  // then hands the wasm this same context instead of making a second one (a context costs hundreds of ms).
  function webgl2Available() {
    var attrs = { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: false };
    try { return !!document.getElementById("cr-canvas").getContext("webgl2", attrs); } catch (e) { return false; }
  }

  function state() { return mod ? JSON.parse(mod.UTF8ToString(mod._cr_state_json())) : null; }

  window.crossroads = {
    state: state,
    hits: function () { return mod ? JSON.parse(mod.UTF8ToString(mod._cr_hit_json())) : []; },
    scene: function () { return mod ? JSON.parse(mod.UTF8ToString(mod._cr_scene_json())) : null; },
    frames: function () { return mod ? mod._cr_frames() : 0; },
    // True when no frame is scheduled: everything asked for has been drawn (tests wait on this, not on a clock).
    idle: function () { return mod ? mod._cr_idle() === 1 : false; },
    subscribe: function (fn) {
      listeners.push(fn);
      return function () { listeners = listeners.filter(function (f) { return f !== fn; }); };
    },
    command: function (name) { if (mod) mod.ccall("cr_command", null, ["string"], [String(name)]); },
    // Used by the accessible layer (a11y.js): act on, focus, or set the value of a clickable item by id.
    activate: function (id) { if (mod) mod.ccall("cr_activate", null, ["string"], [String(id)]); },
    focusHit: function (id) { if (mod) mod.ccall("cr_focus_hit", null, ["string"], [String(id)]); },
    setScale: function (value) { if (mod) mod._cr_set_scale(Number(value)); },
    ready: false
  };

  // ---- events derived from state changes ------------------------------------------------------------
  var last = null;
  function notify() {
    var s = state();
    if (s && s.language) document.documentElement.lang = s.language;  // the widget's words are in the quiz's language
    listeners.forEach(function (fn) { try { fn(s); } catch (e) { console.warn(e); } });
    return s;
  }
  // The reader's run, for the timing fields: when they started (null before), the question on screen and when it was
  // shown, and whether the run is open (started, neither completed nor abandoned yet).
  var run = { at: null, shown: null, open: false };
  function since(t) { return t === null ? null : Math.round(performance.now() - t); }
  function onState() {  // called by the wasm after a frame that drew a new state
    if (!quizDrawn) { quizDrawn = true; maybeReady(); }
    var s = notify();
    if (!s || s.screen === "error") { last = s; return; }
    var before = last && last.quiz === s.quiz ? last : { screen: "start", answers: {} };
    if (before.screen === "start" && s.screen === "question") {
      run = { at: performance.now(), shown: null, open: true };
      post("started", { quiz: s.quiz, version: s.version });
    }
    Object.keys(s.answers).forEach(function (q) {
      if (JSON.stringify(s.answers[q]) === JSON.stringify(before.answers[q])) return;
      // Time on the question: only for the one the reader is answering (not for answers a resume brings back).
      var onScreen = run.shown && run.shown.question === q;
      post("answered", { quiz: s.quiz, question: q, options: s.answers[q], time_ms: onScreen ? since(run.shown.at) : null });
    });
    if (s.screen === "question" && (before.screen !== "question" || before.question !== s.question)) {
      run.shown = { quiz: s.quiz, question: s.question, position: s.position, total: s.total, at: performance.now() };
      post("question", { quiz: s.quiz, question: s.question, position: s.position, total: s.total, section: s.section,
                         elapsed_ms: since(run.at) });
    }
    if (before.screen !== "results" && s.screen === "results" && s.result) {
      run.open = false;
      post("completed", { quiz: s.quiz, outcome: s.result.outcome, outcome_title: s.result.outcome_title || null,
                          totals: s.result.totals, elapsed_ms: since(run.at),
                          knowledge: s.result.knowledge ? { percent: s.result.knowledge.percent, band: s.result.knowledge.band } : null });
    }
    last = s;
  }

  // The reader leaves mid-quiz: this page is hidden or unloaded before the results, once per run. When the host page
  // itself goes away its message handlers may not run any more; embed.js then sends the event from the host's side.
  function leaving() {
    var at = run.shown;
    if (!run.open || !at) return;
    run.open = false;
    post("abandoned", { quiz: at.quiz, question: at.question, position: at.position, total: at.total, elapsed_ms: since(run.at) });
  }
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") leaving(); });

  // A link the widget opens (src/web): an outcome's call to action ("cta", announced to the host first) or a link in
  // text ("link"). Absolute http(s) and mailto addresses only; in a new tab, or in the whole window with ?links=top.
  function openLink(url, kind, label, outcome) {
    var target;
    try { target = new URL(String(url)); } catch (e) { return; }
    if (["http:", "https:", "mailto:"].indexOf(target.protocol) < 0) return;
    if (kind === "cta") post("cta", { quiz: last && last.quiz, outcome: outcome, label: label, url: target.href });
    if (params.get("links") === "top") window.open(target.href, "_top");
    else window.open(target.href, "_blank", "noopener");
  }

  // ---- commands from the embedding page: only from the parent window, only well-formed --------------
  window.addEventListener("message", function (e) {
    if (!embedded || e.source !== window.parent) return;
    if (hostOrigin !== "*" && e.origin !== hostOrigin) return;
    var d = e.data;
    if (!d || typeof d !== "object" || d.type !== "crossroads" || d.v !== PROTOCOL || typeof d.command !== "string") return;
    if (d.command === "restart") window.crossroads.command("restart");
    else if (studio && (e.origin === location.origin || (fromDisk && e.origin === "null"))) studioCommand(d);  // from disk: opaque
  });

  // ---- the page reports its own height so the host can size the iframe ------------------------------
  var lastHeight = 0;
  function reportHeight() {
    // Not while loading: the host reserved the first screen's height (embed.js), the placeholder's is not it.
    if (!window.crossroads.ready && !failed) return;
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== lastHeight) { lastHeight = h; post("resized", { height: h }); }
  }
  if (embedded) {
    document.documentElement.classList.add("cr-embedded");
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.documentElement);
  }

  // ---- share links -----------------------------------------------------------------------------------
  // A share code arrives in this page's fragment (#s=...; embed.js forwards the one on the host post). It is
  // read once and dropped from the address bar, so a reload shows the reader's own progress again.
  function takeShareCode() {
    var m = /[#&]s=([A-Za-z0-9._~-]+)/.exec(location.hash || "");
    if (!m) return "";
    try { history.replaceState(history.state, "", location.href.split("#")[0]); } catch (e) { /* opaque origins */ }
    return m[1];
  }
  // Where a share link points: the blog post around an embed (given by embed.js, same origin as the host),
  // else this page. Null from disk, where there is no address a friend could open.
  function shareBase() {
    var page = params.get("page");
    if (embedded && page) {
      try {
        var u = new URL(page);
        if ((u.protocol === "https:" || u.protocol === "http:") && u.origin === hostOrigin) return u.href.split("#")[0] + "#crossroads=";
      } catch (e) { /* fall through to this page's address */ }
    }
    if (location.protocol !== "http:" && location.protocol !== "https:") return null;
    return location.href.split("#")[0] + "#s=";
  }

  // ---- quiz files: streamed up to the core's size limit, handed to the wasm through its heap -----------
  // Calls export `fn(data, size, name, name_size)` with `bytes` and the name `source` copied into the heap; -1 when
  // the heap has no room for them.
  function withBytes(fn, bytes, source) {
    var name = new TextEncoder().encode(source);
    var p = mod._malloc(bytes.length + 1), n = mod._malloc(name.length + 1);
    if (!p || !n) { mod._free(p); mod._free(n); return -1; }
    mod.HEAPU8.set(bytes, p);
    mod.HEAPU8.set(name, n);
    try { return fn(p, bytes.length, n, name.length); } finally { mod._free(p); mod._free(n); }
  }

  // Loads quiz bytes named `source`: "ok", or "invalid" with the error lines to show; `all` has the warnings too.
  function loadBytes(bytes, source) {
    var ok = withBytes(mod._cr_load_quiz, composed(bytes), source);
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

  // ---- font packs: the wasm asks for the files a quiz's letters need (src/web/fonts.cpp) ---------------
  // From the network (precached for offline use), or from the data the one-file quiz.html carries inline.
  var inlineFonts = null;
  function fontBytes(file) {
    var data = document.getElementById("cr-font-data");
    if (data) {
      inlineFonts = inlineFonts || JSON.parse(data.textContent);
      if (!inlineFonts[file]) return Promise.reject(new Error(file));
      var text = atob(inlineFonts[file]), bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return Promise.resolve(bytes);
    }
    return fetch(file).then(function (r) {
      if (!r.ok) throw new Error(file + ": HTTP " + r.status);
      return r.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  }
  function requestFont(pack, role, file) {
    fontBytes(file).then(function (bytes) {
      return started.then(function (m) {
        var p = m._malloc(bytes.length);
        if (!p) { m._cr_font_file_failed(pack, role); return; }
        m.HEAPU8.set(bytes, p);
        m._cr_font_file(pack, role, p, bytes.length);  // the wasm keeps and frees the bytes
      });
    }).catch(function (e) {
      console.warn("Crossroads: a font could not be loaded; some letters may not show.", e);
      started.then(function (m) { m._cr_font_file_failed(pack, role); });
    });
  }

  // ---- pictures: the wasm asks for each file beside the quiz (src/web/images.cpp) ---------------------------
  // Fetched (same origin only), decoded, scaled to at most twice the size it is drawn at, and handed over as RGBA.
  // One that cannot be had (from disk, offline before it was seen, missing) is reported, and its alt text shows.
  function requestPicture(index, base, src, width, height) {
    var url;
    try { url = new URL(src, new URL(base, location.href)); } catch (e) { url = null; }
    var failed = function () { started.then(function (m) { m._cr_picture_failed(index); }); };
    if (!url || url.origin !== location.origin || fromDisk || !window.createImageBitmap) { failed(); return; }
    fetch(url.href).then(function (r) {
      if (!r.ok) throw new Error(src + ": HTTP " + r.status);
      return r.blob();
    }).then(function (blob) { return createImageBitmap(blob); }).then(function (bitmap) {
      var scale = Math.min(1, 2 * width / bitmap.width, 2 * height / bitmap.height);
      var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
      var c = document.createElement("canvas");
      c.width = w;
      c.height = h;
      var g = c.getContext("2d");
      g.drawImage(bitmap, 0, 0, w, h);
      var pixels = g.getImageData(0, 0, w, h).data;
      return started.then(function (m) {
        var p = m._malloc(pixels.length);
        if (!p) throw new Error(src);
        m.HEAPU8.set(pixels, p);
        try { m._cr_picture(index, p, w, h); } finally { m._free(p); }
      });
    }).catch(function (e) {
      console.warn("Crossroads: a picture could not be shown; its description is shown instead.", e);
      failed();
    });
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
    quizSettled(kind);
  }

  // Fetches a quiz file and hands it to the wasm: "ok", or a failure kind with the lines to show. Edits are seen:
  // the browser revalidates its cached copy (and a preview never keeps one).
  function fetchQuiz(url) {
    var target;
    try { target = new URL(url, location.href); } catch (e) { target = null; }
    if (!target || target.origin !== location.origin || fromDisk) return Promise.resolve({ kind: "refused", lines: [words().PageSameSite + " " + url] });
    return fetch(target.href, { cache: preview ? "no-store" : "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error(words().PageServerAnswered.replace("{0}", r.status).replace("{1}", url));
      return readLimited(r, mod._cr_max_quiz_bytes());
    }).then(function (bytes) {
      return loadBytes(bytes, url);
    }).catch(function (e) {
      return { kind: "unavailable", lines: [String(e && e.message || e)] };
    });
  }

  function loadQuiz(url) {
    fetchQuiz(url).then(function (got) {
      if (preview) watchEdits(url);
      if (got.kind !== "ok") { quizFailed(got.kind, got.lines); return; }
      afterLoad();
      quizDrawn = false;  // the built-in quiz may be on the canvas: ready waits for a frame of this one
      quizSettled(null);
    });
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
  function showReloaded(got) {
    if (got.kind === "ok") {
      message.hidden = true;
      root.classList.remove("cr-failed");
      notify();
    } else {
      showMessage(words().CannotLoad, got.lines);
    }
  }

  // The studio's protocol (docs/embedding.md, "The studio"): from the parent page, and only from one on this site,
  // { command: "load", seq, name, text } loads the text as quiz file `name` in place; the answer is the event
  // "loaded" { seq, ok, diagnostics: every line of the core's check, warnings too, summary: the core's words for their
  // count ("2 problems: ...", "" for none) }.
  // { command: "test", seq, name, text } runs the reader profiles in the text against the quiz loaded last; the
  // answer is "tested" { seq, result: { ok, error, failed, profiles: [{ name, expect, pass, problems }] } }.
  function studioCommand(d) {
    if ((d.command !== "load" && d.command !== "test") || typeof d.text !== "string" || typeof d.name !== "string" ||
        !/^[^\/\\:]{1,200}$/.test(d.name) || typeof d.seq !== "number" || !mod) return;
    var bytes = new TextEncoder().encode(d.text);
    if (d.command === "test") {
      var at = withBytes(mod._cr_test_profiles, bytes, d.name);
      post("tested", { seq: d.seq, result: at > 0 ? JSON.parse(mod.UTF8ToString(at)) : { ok: false, error: words().PageNoMemory, failed: 0, profiles: [] } });
      return;
    }
    var got = loadBytes(bytes, d.name);
    showReloaded(got);
    var summary = got.all.length ? mod.UTF8ToString(mod._cr_problem_count(got.all.length)) : "";
    post("loaded", { seq: d.seq, ok: got.kind === "ok", diagnostics: got.all, summary: summary });
  }

  // ---- page options: theme, accent, start ------------------------------------------------------------
  var theme = params.get("theme") || "auto";
  var scheme = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function applyTheme() {
    var dark = theme === "dark" || (theme === "auto" && scheme && scheme.matches);
    document.documentElement.dataset.theme = dark ? "dark" : "light";
    if (mod) mod._cr_set_theme(dark ? 1 : 0);
  }
  if (scheme && scheme.addEventListener) scheme.addEventListener("change", function () { if (theme === "auto") applyTheme(); });

  // The reader's contrast and motion settings, followed live: forced colours (the canvas then draws with the
  // system colours, read through CSS system colour names), more contrast, reduced motion.
  function media(q) { return window.matchMedia ? window.matchMedia(q) : { matches: false }; }
  var forced = media("(forced-colors: active)"), more = media("(prefers-contrast: more)"), still = media("(prefers-reduced-motion: reduce)");
  function systemColour(name) {
    var probe = document.createElement("span");
    probe.style.color = name;
    document.body.appendChild(probe);
    var m = /(\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color) || [0, 0, 0, 0];
    document.body.removeChild(probe);
    return (Number(m[1]) << 16) | (Number(m[2]) << 8) | Number(m[3]);
  }
  function applyContrast() {
    if (!mod) return;
    mod._cr_set_contrast(forced.matches ? 2 : more.matches ? 1 : 0, systemColour("Canvas"), systemColour("CanvasText"),
                         systemColour("Highlight"), systemColour("HighlightText"), systemColour("GrayText"));
  }
  [forced, more].forEach(function (m) { if (m.addEventListener) m.addEventListener("change", applyContrast); });
  if (still.addEventListener) still.addEventListener("change", function () { if (mod) mod._cr_set_reduced_motion(still.matches ? 1 : 0); });

  function afterLoad() {
    if (params.get("start") === "question") window.crossroads.command("start");
  }

  // Ready once the first frame is drawn AND the requested quiz (?quiz=) has loaded or failed, so the
  // built-in quiz is never shown, clicked or announced in its place.
  // Ready once a frame is drawn and the quiz asked for (?quiz=) has loaded and been drawn: until then the canvas may
  // show the built-in quiz standing in, whose height the host must not hear.
  var firstFrame = false, quizPending = !!params.get("quiz"), quizDrawn = true, loadError = null;
  function quizSettled(error) { quizPending = false; loadError = error; maybeReady(); }
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

  if (!webgl2Available()) {
    fail("webgl2", words().PageNeedsWebgl2, [words().PageWebgl2Help]);
    return;
  }

  // The drawing surface can be taken away by the browser (GPU reset, too many pages). The widget keeps every
  // answer; this says so and offers a reload if the browser does not give the surface back.
  var lostNote = document.getElementById("cr-lost");
  function contextLost(lost) {
    lostNote.querySelector("p").textContent = words().PageSurfaceLost;  // in the language of the quiz shown
    lostNote.querySelector("button").textContent = words().PageReload;
    lostNote.hidden = !lost;
    root.classList.toggle("cr-lost", lost);
  }
  lostNote.querySelector("button").addEventListener("click", function () { location.reload(); });

  // The module can fail before it runs: its script missing, the wasm missing, truncated or refused by the
  // page's Content-Security-Policy. Each is signalled (an error event, a rejected promise, an abort).
  if (typeof createCrossroads !== "function") {
    fail("script", words().PageCannotStart, [words().PageScriptMissing], reloadAction());
    return;
  }
  var options = {
    "onfirstframe": function () {
      firstFrame = true;
      maybeReady();
    },
    "onstate": onState,
    "onresize": reportHeight,
    "onlayout": notify,
    "oncontextlost": contextLost,
    "onfatal": function (text) { fail("webgl2", words().PageCannotStart, [text]); },
    "onAbort": function (what) { fail("wasm", words().PageCannotStart, [words().PageWasmFailed + " " + String(what || "")], reloadAction()); },
    // A quiz's "related" link: `path` is relative to the quiz file's address `base`; the page reopens with it
    // as ?quiz=, written relative to this page when it lies below it.
    "onopenquiz": function (base, path) {
      var target = new URL(path, new URL(base, location.href));
      var here = new URL(".", location.href).pathname;
      var u = new URL(location.href);
      u.hash = "";
      u.searchParams.set("quiz", target.pathname.indexOf(here) === 0 ? target.pathname.slice(here.length) : target.pathname);
      location.href = u.href;
    },
    "requestFont": requestFont,
    "requestPicture": requestPicture,
    "openLink": openLink,
    "quizRequested": !!params.get("quiz"),
    "shareCode": takeShareCode(),
    "shareBase": shareBase,
    "embedded": embedded,
    "preview": preview
  };
  var started;
  try { started = createCrossroads(options); } catch (e) { started = Promise.reject(e); }
  started.then(function (m) {
    mod = m;
    mark("cr:module");
    if (fromDisk) m._cr_set_links(0);
    var accent = /^#?([0-9a-fA-F]{6})$/.exec(params.get("accent") || "");
    if (accent) m._cr_set_accent(parseInt(accent[1], 16));
    applyContrast();
    applyTheme();
    last = state();
    var quizUrl = params.get("quiz");
    if (quizUrl) loadQuiz(quizUrl); else afterLoad();
  }, function (e) {
    fail("wasm", words().PageCannotStart, [words().PageWasmFailed + " " + String(e && e.message || e)], reloadAction());
  });

  // ---- offline: the service worker precaches this deployment (not from disk, not in a preview: see watchEdits) ------
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
})();
