// Crossroads embed snippet: <script src=".../embed.js" data-quiz="content/x.json" async></script> puts an
// auto-sized iframe of the widget where it stands and re-dispatches its events as "crossroads:*" DOM events, adding
// crossroads:abandoned when the host page itself goes away mid-quiz (docs/embedding.md, "When a reader leaves mid-quiz").
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
  var links = option("links", ["tab", "top"]);

  // Campaign fields for the host's analytics: data-campaign-source="newsletter" ... go into every event's detail as
  // campaign: { source: "newsletter" } (the widget gets them as campaign_* parameters).
  var campaign = null;
  Array.prototype.forEach.call(script.attributes, function (a) {
    var m = /^data-campaign-(.*)$/.exec(a.name);
    if (!m) return;
    if (!/^[a-z0-9_-]{1,40}$/.test(m[1]) || !a.value || a.value.length > 200) {
      console.warn("Crossroads: ignoring " + a.name + '="' + a.value + '"; use a name of letters, digits, - or _ and a value of 1 to 200 characters');
      return;
    }
    (campaign = campaign || {})[m[1]] = a.value;
  });

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
  if (links) src.searchParams.set("links", links);
  Object.keys(campaign || {}).forEach(function (name) { src.searchParams.set("campaign_" + name, campaign[name]); });
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

  function emit(event, detail) {
    frame.dispatchEvent(new CustomEvent("crossroads:" + event, { bubbles: true, detail: detail }));
  }

  // The reader's run as the host sees it: open from "started" to "completed" or "abandoned", with the last question
  // shown and when it arrived. The widget reports leaving when its own page is hidden or unloaded, but when the host
  // page goes away (the reader closes the tab or follows a link) the widget's message may never be handled: so the
  // host's own pagehide/visibilitychange sends crossroads:abandoned too, and whichever comes first is the only one.
  var run = { open: false, shown: null, at: 0 };
  function abandoned(detail) {
    if (!run.open) return;
    run.open = false;
    emit("abandoned", detail);
  }
  function hostLeaving() {
    var q = run.shown;
    if (!q) return;
    var detail = { quiz: q.quiz, question: q.question, position: q.position, total: q.total,
                   elapsed_ms: q.elapsed_ms + Math.round(performance.now() - run.at) };
    if (campaign) detail.campaign = campaign;
    abandoned(detail);
  }
  window.addEventListener("pagehide", hostLeaving);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") hostLeaving(); });

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.origin !== base.origin || !d || d.type !== "crossroads" || d.v !== PROTOCOL || typeof d.event !== "string") return;
    // From this widget's window; or, for "abandoned" posted while the widget's page unloads (its iframe navigated),
    // from no window any more: the browser then gives no source, and the widget's id tells it apart.
    if (e.source !== frame.contentWindow && !(e.source === null && d.event === "abandoned" && d.id === id)) return;
    var detail = d.detail || {};
    if (d.event === "resized" && detail.height > 0) frame.style.height = Math.ceil(detail.height) + "px";
    if (d.event === "ready" && !title && typeof detail.title === "string" && detail.title) {
      frame.title = detail.title;
      if (typeof detail.language === "string") frame.lang = detail.language;  // the title is in the quiz's language
    }
    if (d.event === "started") run = { open: true, shown: null, at: 0 };
    if (d.event === "question") run = { open: run.open, shown: detail, at: performance.now() };
    if (d.event === "completed") run.open = false;
    if (d.event === "abandoned") abandoned(detail); else emit(d.event, detail);
  });
})();
