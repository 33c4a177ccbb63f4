// The built-in quiz's first screen drawn into the page at build time (scripts/first_screen.py): a tap on one of its
// buttons before the widget is ready is kept (not the plain page's ?start=question reload) and carried out once it is.
var pending = null;

export function keepEarlyTaps() {
  var first = document.getElementById("cr-first");
  if (!first) return;
  first.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-hit]");
    if (!button) return;
    e.preventDefault();
    pending = button.getAttribute("data-hit");
  });
  first.addEventListener("submit", function (e) { e.preventDefault(); });
}

// The widget is ready: the kept tap acts on the control of the same id, if the widget draws one.
export function carryOutEarlyTap() {
  if (pending) window.crossroads.activate(pending);
  pending = null;
}
