// The widget's drawing surface: whether the browser gives this page's canvas a WebGL 2 context at all, and what the
// reader sees while the browser has taken the context away (Module.oncontextlost).
import { root, words } from "./options.js";

// Asked of the widget's own canvas, with the attributes src/web/main.cpp creates its context with: the browser
// then hands the wasm this same context instead of making a second one (a context costs hundreds of ms).
export function webgl2Available() {
  var attrs = { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: false };
  try { return !!document.getElementById("cr-canvas").getContext("webgl2", attrs); } catch (e) { return false; }
}

// The drawing surface can be taken away by the browser (GPU reset, too many pages). The widget keeps every
// answer; this says so and offers a reload if the browser does not give the surface back.
var lostNote = document.getElementById("cr-lost");
export function contextLost(lost) {
  lostNote.querySelector("p").textContent = words().PageSurfaceLost;  // in the language of the quiz shown
  lostNote.querySelector("button").textContent = words().PageReload;
  lostNote.hidden = !lost;
  root.classList.toggle("cr-lost", lost);
}
export function offerReloadWhenLost() {
  lostNote.querySelector("button").addEventListener("click", function () { location.reload(); });
}
