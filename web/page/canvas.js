// The widget's drawing surface: the canvas while the wasm has a WebGL 2 context, else the scene as visible HTML.
// Without WebGL 2, or while the browser has taken the context away (Module.oncontextlost), the wasm still lays out
// every frame and records its scene; the text layer (web/a11y.js) then shows it, styled (.cr-html in style.css),
// and its controls take the reader's clicks, taps and keys. The answers live in the wasm: nothing moves on a switch.
import { root } from "./options.js";

export function contextLost(lost) {
  root.classList.toggle("cr-html", lost);
}
