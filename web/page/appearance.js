// How the widget looks, from the page's options and the reader's settings: the theme (?theme=, else the system's
// colour scheme), the editor's accent (?accent=), forced colours and more contrast (with the system colours), and
// reduced motion, all followed live and handed to the wasm (cr_set_theme, cr_set_accent, cr_set_contrast, ...).
import { params } from "./options.js";
import { mod } from "./widget.js";

// ---- page options: theme -----------------------------------------------------------------------------
var theme = params.get("theme") || "auto";
var scheme = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
export function applyTheme() {
  var dark = theme === "dark" || (theme === "auto" && scheme && scheme.matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  if (mod) mod._cr_set_theme(dark ? 1 : 0);
}

// ---- page options: accent -----------------------------------------------------------------------------
// ?accent=RRGGBB (with or without "#"), handed to the wasm. The page's first screen takes it from the page's inline
// script (web/index.html) before this runs; once the wasm runs, the scene's palette (web/a11y.js) gives the widget
// every colour as the canvas draws it, the accent's shades included.
var accent = /^#?([0-9a-fA-F]{6})$/.exec(params.get("accent") || "");
export function applyAccent() {
  if (accent && mod) mod._cr_set_accent(parseInt(accent[1], 16));
}

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
export function applyContrast() {
  if (!mod) return;
  mod._cr_set_contrast(forced.matches ? 2 : more.matches ? 1 : 0, systemColour("Canvas"), systemColour("CanvasText"),
                       systemColour("Highlight"), systemColour("HighlightText"), systemColour("GrayText"));
}

// Follows changes of the reader's settings from now on.
export function followAppearance() {
  if (scheme && scheme.addEventListener) scheme.addEventListener("change", function () { if (theme === "auto") applyTheme(); });
  [forced, more].forEach(function (m) { if (m.addEventListener) m.addEventListener("change", applyContrast); });
  if (still.addEventListener) still.addEventListener("change", function () { if (mod) mod._cr_set_reduced_motion(still.matches ? 1 : 0); });
}
