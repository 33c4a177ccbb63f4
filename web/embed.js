// Crossroads embed snippet: <script src=".../embed.js" data-quiz="content/x.json" async></script> puts an
// auto-sized iframe of the widget where it stands and re-dispatches its events as "crossroads:*" DOM events.
(function () {
  "use strict";
  var PROTOCOL = 1;
  var script = document.currentScript;
  if (!script) { console.warn("Crossroads: embed.js must be loaded with a plain <script src> tag"); return; }
  var base = new URL(".", script.src);
  var registry = window.__crossroadsEmbeds = window.__crossroadsEmbeds || { count: 0, frames: {}, shared: takeShared() };
  var id = "cr" + (++registry.count);

  // A result shared from a widget on this post comes back as #crossroads=<code>. It is read once for every
  // widget on the page (each opens only a code for its own quiz) and dropped from the address bar.
  function takeShared() {
    var m = /[#&]crossroads=([A-Za-z0-9._~-]+)/.exec(location.hash || "");
    if (!m) return "";
    try { history.replaceState(history.state, "", location.href.split("#")[0]); } catch (e) { /* keep the page working */ }
    return m[1];
  }

  function option(name, allowed, test) {
    var value = script.getAttribute("data-" + name);
    if (value === null || value === "") return null;
    if ((allowed && allowed.indexOf(value) < 0) || (test && !test(value))) {
      console.warn("Crossroads: ignoring data-" + name + '="' + value + '"' + (allowed ? "; use " + allowed.join(", ") : ""));
      return null;
    }
    return value;
  }
  var quiz = option("quiz", null, function (v) { return /^[\w./-]+\.json$/.test(v) && v.indexOf("..") < 0; });
  var theme = option("theme", ["light", "dark", "auto"]);
  var accent = option("accent", null, function (v) { return /^#[0-9a-fA-F]{6}$/.test(v); });
  var start = option("start", ["intro", "question"]);

  // The height of the quiz's first screen at each width from 300 to 1300 CSS px in steps of 4, measured when the
  // site was built (scripts/assemble.py), so the post below does not move when the widget appears.
  var HEIGHTS = {{first-screen-heights}};
  function firstHeight(width) {
    var table = HEIGHTS[quiz ? quiz.split("/").pop() : ""];
    if (!table || !table.length) return 460;
    var i = Math.floor((Math.min(1300, Math.max(300, width)) - 300) / 4);
    return table[Math.min(i, table.length - 1)];
  }

  var src = new URL("index.html", base);
  src.searchParams.set("embed", "1");
  src.searchParams.set("id", id);
  src.searchParams.set("host", location.origin);
  src.searchParams.set("page", location.href.split("#")[0]);  // share links lead friends to this post
  if (quiz) src.searchParams.set("quiz", quiz);
  if (theme) src.searchParams.set("theme", theme);
  if (accent) src.searchParams.set("accent", accent);
  if (start) src.searchParams.set("start", start);
  if (registry.shared) src.hash = "s=" + registry.shared;

  var frame = document.createElement("iframe");
  frame.src = src.href;
  // Named for screen readers by data-title, else by the quiz's own title once it is ready (until then, its file).
  var title = script.getAttribute("data-title");
  frame.title = title || quiz || "crossroads";
  frame.setAttribute("allow", "clipboard-write");
  frame.setAttribute("loading", "lazy");
  frame.style.cssText = "display:block;width:100%;border:0;overflow:hidden;color-scheme:normal";
  frame.className = "crossroads-embed";
  script.parentNode.insertBefore(frame, script.nextSibling);
  frame.style.height = firstHeight(frame.clientWidth) + "px";
  registry.frames[id] = frame;

  frame.crossroadsRestart = function () {
    frame.contentWindow.postMessage({ type: "crossroads", v: PROTOCOL, command: "restart" }, base.origin);
  };

  window.addEventListener("message", function (e) {
    if (e.source !== frame.contentWindow || e.origin !== base.origin) return;
    var d = e.data;
    if (!d || d.type !== "crossroads" || d.v !== PROTOCOL || typeof d.event !== "string") return;
    if (d.event === "resized" && d.detail && d.detail.height > 0) frame.style.height = Math.ceil(d.detail.height) + "px";
    if (d.event === "ready" && !title && d.detail && typeof d.detail.title === "string" && d.detail.title) {
      frame.title = d.detail.title;
      if (typeof d.detail.language === "string") frame.lang = d.detail.language;  // the title is in the quiz's language
    }
    frame.dispatchEvent(new CustomEvent("crossroads:" + d.event, { bubbles: true, detail: d.detail || {} }));
  });
})();
