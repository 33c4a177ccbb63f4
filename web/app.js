// Crossroads page loader and JS bridge: starts the wasm module, applies page options (?quiz, theme, accent,
// start), exposes window.crossroads for hosts and tests, talks to an embedding parent, registers the offline worker.
(function () {
  "use strict";
  var PROTOCOL = 1;
  var root = document.getElementById("cr-root");
  var message = document.getElementById("cr-message");
  var listeners = [];
  var mod = null;
  var params = new URLSearchParams(location.search);
  var embedded = window.parent !== window;
  var hostOrigin = params.get("host") || "*";
  var fromDisk = location.protocol === "file:";

  // ---- messages to the embedding page (only ever to window.parent) ----------------------------------
  function post(event, detail) {
    if (!embedded) return;
    try {
      window.parent.postMessage({ type: "crossroads", v: PROTOCOL, id: params.get("id") || "", event: event, detail: detail || {} }, hostOrigin);
    } catch (e) { /* a wrong host origin drops the message; nothing else to do */ }
  }

  function showMessage(title, lines) {
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
    root.classList.add("cr-ready", "cr-failed");
    root.setAttribute("aria-busy", "false");
  }

  function webgl2Available() {
    try { return !!document.createElement("canvas").getContext("webgl2"); } catch (e) { return false; }
  }

  function state() { return mod ? JSON.parse(mod.UTF8ToString(mod._cr_state_json())) : null; }

  window.crossroads = {
    state: state,
    hits: function () { return mod ? JSON.parse(mod.UTF8ToString(mod._cr_hit_json())) : []; },
    frames: function () { return mod ? mod._cr_frames() : 0; },
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
    listeners.forEach(function (fn) { try { fn(s); } catch (e) { console.warn(e); } });
    return s;
  }
  function onState() {
    var s = notify();
    if (!s || s.screen === "error") { last = s; return; }
    var before = last && last.quiz === s.quiz ? last : { screen: "start", answers: {} };
    if (before.screen === "start" && s.screen === "question") post("started", { quiz: s.quiz, version: s.version });
    Object.keys(s.answers).forEach(function (q) {
      if (JSON.stringify(s.answers[q]) !== JSON.stringify(before.answers[q])) post("answered", { quiz: s.quiz, question: q, options: s.answers[q] });
    });
    if (before.screen !== "results" && s.screen === "results" && s.result) {
      post("completed", { quiz: s.quiz, outcome: s.result.outcome, totals: s.result.totals,
                          knowledge: s.result.knowledge ? { percent: s.result.knowledge.percent, band: s.result.knowledge.band } : null });
    }
    last = s;
  }

  // ---- commands from the embedding page: only from the parent window, only well-formed --------------
  window.addEventListener("message", function (e) {
    if (!embedded || e.source !== window.parent) return;
    if (hostOrigin !== "*" && e.origin !== hostOrigin) return;
    var d = e.data;
    if (!d || typeof d !== "object" || d.type !== "crossroads" || d.v !== PROTOCOL || typeof d.command !== "string") return;
    if (d.command === "restart") window.crossroads.command("restart");
  });

  // ---- the page reports its own height so the host can size the iframe ------------------------------
  var lastHeight = 0;
  function reportHeight() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== lastHeight) { lastHeight = h; post("resized", { height: h }); }
  }
  if (embedded) {
    document.documentElement.classList.add("cr-embedded");
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.documentElement);
  }

  if (!webgl2Available()) {
    showMessage("This quiz needs WebGL 2", ["Your browser has WebGL 2 turned off or does not support it. Try an up-to-date Chrome, Firefox, Safari or Edge, or turn on hardware acceleration."]);
    post("ready", { error: "webgl2" });
    return;
  }

  function loadQuiz(url) {
    var target;
    try { target = new URL(url, location.href); } catch (e) { target = null; }
    if (!target || target.origin !== location.origin || fromDisk) {
      showMessage("This quiz could not be loaded", ["?quiz= must name a quiz file on this site: " + url]);
      quizSettled("refused");
      return;
    }
    fetch(target.href).then(function (r) {
      if (!r.ok) throw new Error("the server answered " + r.status + " for " + url);
      return r.text();
    }).then(function (text) {
      var ok = mod.ccall("cr_load_quiz", "number", ["string", "string"], [text, url]);
      if (!ok) {
        var s = state();
        showMessage("This quiz could not be loaded", s ? s.errors.filter(function (l) { return l.indexOf(": error: ") >= 0; }) : []);
        quizSettled("invalid");
      } else {
        afterLoad();
        quizSettled(null);
      }
    }).catch(function (e) {
      showMessage("This quiz could not be loaded", [String(e && e.message || e)]);
      quizSettled("unavailable");
    });
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

  function afterLoad() {
    if (params.get("start") === "question") window.crossroads.command("start");
  }

  // Ready once the first frame is drawn AND the requested quiz (?quiz=) has loaded or failed, so the
  // built-in quiz is never shown, clicked or announced in its place.
  var firstFrame = false, quizPending = !!params.get("quiz"), loadError = null;
  function quizSettled(error) { quizPending = false; loadError = error; maybeReady(); }
  function maybeReady() {
    if (!firstFrame || quizPending || window.crossroads.ready) return;
    root.classList.add("cr-ready");
    root.setAttribute("aria-busy", "false");
    window.crossroads.ready = true;
    notify();
    reportHeight();
    var s = state();
    post("ready", loadError ? { error: loadError } : { quiz: s && s.quiz, version: s && s.version });
  }

  createCrossroads({
    "onfirstframe": function () {
      firstFrame = true;
      maybeReady();
    },
    "onstate": onState,
    "onresize": reportHeight,
    "onlayout": notify,
    "onfatal": function (text) { showMessage("This quiz cannot start", [text]); },
    "onrequest": function (what) {
      if (what === "readiness") {
        var u = new URL(location.href);
        u.hash = "";
        u.searchParams.set("quiz", "content/python-readiness.json");
        location.href = u.href;
      }
    }
  }).then(function (m) {
    mod = m;
    if (fromDisk) m._cr_set_links(0);
    var accent = /^#?([0-9a-fA-F]{6})$/.exec(params.get("accent") || "");
    if (accent) m._cr_set_accent(parseInt(accent[1], 16));
    applyTheme();
    last = state();
    var quizUrl = params.get("quiz");
    if (quizUrl) loadQuiz(quizUrl); else afterLoad();
  });

  // ---- offline: the service worker precaches this deployment (not from disk) -------------------------
  if ("serviceWorker" in navigator && window.isSecureContext && !fromDisk) {
    navigator.serviceWorker.register("sw.js").catch(function (e) { console.warn("Offline use is not available:", e && e.message); });
  }
})();
