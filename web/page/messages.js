// What the page shows in the widget's place when it cannot show the widget: a title, detail lines and optionally
// one button; a failure that stops the widget is also sent to the host page as crossroads:error.
import { message, root, words } from "./options.js";
import { post } from "./host.js";

// Replaces the widget with a message: a title, detail lines, and optionally one button.
export function showMessage(title, lines, action) {
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
  if (action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "cr-message-action";
    b.textContent = action.label;
    b.addEventListener("click", action.run);
    message.appendChild(b);
  }
  root.classList.add("cr-ready", "cr-failed");
  root.setAttribute("aria-busy", "false");
}

// A failure that stops the widget: shown at once and sent to the host page as crossroads:error.
export var failed = false;
export function fail(kind, title, lines, action) {
  if (failed) return;
  failed = true;
  showMessage(title, lines, action);
  post("error", { kind: kind, message: (lines || []).join("\n") });
}
export function reloadAction() { return { label: words().PageReload, run: function () { location.reload(); } }; }
