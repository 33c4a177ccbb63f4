// The running widget as the page sees it: the Emscripten module once started, and window.crossroads, the API that
// hosts, tests and the text layer (web/a11y.js) use to read the widget's state and scene and to act on it.
// Every call into the wasm (its exports) is listed in docs/contract.md.

export var mod = null;      // the Emscripten module, once createCrossroads has resolved
export var started = null;  // createCrossroads's promise (web/app.js), for answers that may come before it resolves
export function setStarted(promise) { started = promise; }
export function setModule(m) { mod = m; }

var listeners = [];

export function state() { return mod ? JSON.parse(mod.UTF8ToString(mod._cr_state_json())) : null; }

window.crossroads = {
  state: state,
  // The scene's controls as clickable rectangles in canvas CSS px: {id, label, x, y, w, h, selected, enabled}.
  hits: function () {
    var scene = window.crossroads.scene();
    return (scene ? scene.items : []).filter(function (i) { return i.part === "control"; }).map(function (i) {
      return { id: i.id, label: i.name || "", x: i.x, y: i.y, w: i.w, h: i.h, selected: !!(i.checked || i.expanded), enabled: !i.disabled };
    });
  },
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

// Hands the widget's state to every subscriber (window.crossroads.subscribe) and returns it.
export function notify() {
  var s = state();
  if (s && s.language) document.documentElement.lang = s.language;  // the widget's words are in the quiz's language
  listeners.forEach(function (fn) { try { fn(s); } catch (e) { console.warn(e); } });
  return s;
}
