// Printing (the browser's Ctrl+P, or "Print or save as PDF" on the results through Module.onprint): the wasm lays the
// screen out at once with every review and FAQ row open (cr_print_layout), style.css's print rules show the text
// layer in reading order in ink colours without controls, under the quiz's title, the date and the page's address.
import { embedded, params } from "./options.js";
import { mod, state } from "./widget.js";

var head = document.getElementById("cr-print-head");
var printing = false;

// Where the quiz came from: the blog post around an embed (as embed.js names it), else this page, without the
// share fragment.
function address() {
  var page = embedded && params.get("page");
  return (page || location.href).split("#")[0];
}

function begin() {
  var s = state();
  if (printing || !s) return;
  printing = true;
  var date = new Date().toLocaleDateString(s.language || undefined, { year: "numeric", month: "long", day: "numeric" });
  head.textContent = "";
  [s.title, date, address()].forEach(function (line) {
    head.appendChild(document.createElement("p")).textContent = line;
  });
  mod._cr_print_layout(1);
}
function end() {
  if (!printing) return;
  printing = false;
  mod._cr_print_layout(0);
}

// Every way a page comes to print: the print events, and the print medium itself (which is all that a headless
// browser's "save as PDF" changes).
export function watchPrinting() {
  window.addEventListener("beforeprint", begin);
  window.addEventListener("afterprint", end);
  var medium = window.matchMedia ? window.matchMedia("print") : null;
  if (medium && medium.addEventListener) medium.addEventListener("change", function () { if (medium.matches) begin(); else end(); });
}

// "Print or save as PDF" (Module.onprint).
export function printPage() {
  begin();
  window.print();
}
