// The default quiz's first screen drawn into the page at build time (scripts/first_screen.py): shown in the widget's
// own fonts as soon as the page has them, and a tap on one of its buttons before the widget is ready (kept by the
// page's inline script in #cr-root's data-tap, not sent as the plain page's ?start=question) carried out once it is.
import { fontBytes } from "./files.js";
import { root } from "./options.js";

// The first paint uses the reader's Roboto or system font (web/style.css, .cr-first). The base pack's regular and
// bold, which the page fetches for the wasm anyway (preloaded; never twice), then draw it as the canvas will.
export function useWidgetFonts() {
  if (!document.getElementById("cr-first") || !window.FontFace || !document.fonts) return;
  [["fonts/base-regular.ttf", "400"], ["fonts/base-bold.ttf", "700"]].forEach(function (font) {
    fontBytes(font[0]).then(function (bytes) {
      var face = new FontFace("Crossroads", bytes, { weight: font[1] });
      return face.load().then(function () { document.fonts.add(face); });
    }).catch(function () { /* the reader's font stays; the page says so if the wasm cannot have the file */ });
  });
}

// The widget is ready: the kept tap acts on the control of the same id, if the widget draws one.
export function carryOutEarlyTap() {
  var tap = root.getAttribute("data-tap");
  root.removeAttribute("data-tap");
  if (tap) window.crossroads.activate(tap);
}
