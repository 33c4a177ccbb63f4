// Crossroads page loader and JS bridge: starts the wasm module, loads ?quiz= content, and exposes
// window.crossroads (state, subscribe, clickable rectangles, frame count, commands) for hosts and tests.
(function () {
  "use strict";
  var root = document.getElementById("cr-root");
  var message = document.getElementById("cr-message");
  var listeners = [];
  var mod = null;

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
    root.classList.add("cr-ready");
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
    ready: false
  };

  if (!webgl2Available()) {
    showMessage("This quiz needs WebGL 2", ["Your browser has WebGL 2 turned off or does not support it. Try an up-to-date Chrome, Firefox, Safari or Edge, or turn on hardware acceleration."]);
    return;
  }

  var params = new URLSearchParams(location.search);
  var quizUrl = params.get("quiz");

  function loadQuiz(url) {
    var target;
    try { target = new URL(url, location.href); } catch (e) { target = null; }
    if (!target || target.origin !== location.origin) {
      showMessage("This quiz could not be loaded", ["?quiz= must name a file on this site: " + url]);
      return;
    }
    fetch(target.href).then(function (r) {
      if (!r.ok) throw new Error("the server answered " + r.status + " for " + url);
      return r.text();
    }).then(function (text) {
      var ok = mod.ccall("cr_load_quiz", "number", ["string", "string"], [text, url]);
      if (!ok) {
        var s = state();
        showMessage("This quiz could not be loaded", s ? s.errors : []);
      }
    }).catch(function (e) {
      showMessage("This quiz could not be loaded", [String(e && e.message || e)]);
    });
  }

  createCrossroads({
    "onfirstframe": function () {
      root.classList.add("cr-ready");
      root.setAttribute("aria-busy", "false");
      window.crossroads.ready = true;
    },
    "onstate": function () {
      var s = state();
      listeners.forEach(function (fn) { try { fn(s); } catch (e) { console.warn(e); } });
    },
    "onfatal": function (text) { showMessage("This quiz cannot start", [text]); },
    "onrequest": function (what) {
      if (what === "readiness") {
        var u = new URL(location.href);
        u.searchParams.set("quiz", "content/python-readiness.json");
        location.href = u.href;
      }
    }
  }).then(function (m) {
    mod = m;
    if (quizUrl) loadQuiz(quizUrl);
  });
})();
