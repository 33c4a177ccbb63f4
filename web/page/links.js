// Links the widget opens (wasm -> page, through the Module options): an outcome's call to action or a link in text
// (openLink), and a quiz's "related" quiz, which reopens this page with it as ?quiz= (openQuiz).
import { params } from "./options.js";
import { post } from "./host.js";
import { last } from "./events.js";

// A link the widget opens (src/web): an outcome's call to action ("cta", announced to the host first) or a link in
// text ("link"). Absolute http(s) and mailto addresses only; in a new tab, or in the whole window with ?links=top.
export function openLink(url, kind, label, outcome) {
  var target;
  try { target = new URL(String(url)); } catch (e) { return; }
  if (["http:", "https:", "mailto:"].indexOf(target.protocol) < 0) return;
  if (kind === "cta") post("cta", { quiz: last && last.quiz, outcome: outcome, label: label, url: target.href });
  if (params.get("links") === "top") window.open(target.href, "_top");
  else window.open(target.href, "_blank", "noopener");
}

// A quiz's "related" link: `path` is relative to the quiz file's address `base`; the page reopens with it
// as ?quiz=, written relative to this page when it lies below it.
export function openQuiz(base, path) {
  var target = new URL(path, new URL(base, location.href));
  var here = new URL(".", location.href).pathname;
  var u = new URL(location.href);
  u.hash = "";
  u.searchParams.set("quiz", target.pathname.indexOf(here) === 0 ? target.pathname.slice(here.length) : target.pathname);
  location.href = u.href;
}
