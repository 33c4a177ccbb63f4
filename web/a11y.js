// Crossroads accessible layer: real HTML controls laid over the canvas, one per clickable item, kept in step
// with the widget's state. Keyboard and screen-reader users work through these; the canvas only draws them
// (including the focus ring). Mouse and touch still go straight to the canvas.
(function () {
  "use strict";
  var layer = document.getElementById("cr-a11y");
  var live = document.getElementById("cr-live");
  var cr = window.crossroads;
  if (!layer || !cr) return;
  var shownKey = "";
  var controls = {};  // hit id -> element

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function place(e, hit) {
    e.style.left = hit.x + "px";
    e.style.top = hit.y + "px";
    e.style.width = hit.w + "px";
    e.style.height = hit.h + "px";
  }

  function wire(e, hit) {
    e.classList.add("cr-control");
    e.dataset.hit = hit.id;
    e.addEventListener("focus", function () { cr.focusHit(hit.id); });
    e.addEventListener("blur", function () { cr.focusHit(""); });
    controls[hit.id] = e;
    place(e, hit);
    return e;
  }

  function button(hit, extra) {
    var b = wire(el("button", Object.assign({ type: "button" }, extra || {}), hit.label), hit);
    b.addEventListener("click", function () { cr.activate(hit.id); });
    return b;
  }

  // Enter on an answer moves on, as the Next button would.
  function enterMovesOn(e) {
    e.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      var next = controls.next;
      if (next && !next.disabled) { ev.preventDefault(); cr.activate("next"); }
    });
  }

  function questionScreen(s, hits, frag) {
    frag.appendChild(el("p", { "class": "cr-sr" }, "Question " + s.position + " of " + s.total + ". " + (s.section || "")));
    var heading = el("h2", { id: "cr-a11y-heading", tabindex: "-1", "class": "cr-sr" }, s.prompt);
    frag.appendChild(heading);
    if (s.code) frag.appendChild(el("pre", { "class": "cr-sr", "aria-label": "Code" }, s.code));
    var options = hits.filter(function (h) { return h.id.indexOf("option:") === 0; });
    if (options.length) {
      var multiple = s.kind === "multiple";
      var group = el("div", { role: multiple ? "group" : "radiogroup", "aria-labelledby": "cr-a11y-heading" });
      options.forEach(function (h) {
        var input = wire(el("input", { type: multiple ? "checkbox" : "radio", name: "cr-answer", "aria-label": h.label }), h);
        input.checked = h.selected;
        input.addEventListener("click", function (ev) {
          // The widget owns the answer: reflect its state, not the browser's toggle.
          ev.preventDefault();
          cr.activate(h.id);
        });
        input.addEventListener("keydown", function (ev) {
          if (multiple || ["ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft"].indexOf(ev.key) < 0) return;
          ev.preventDefault();  // arrows move between answers and choose, as in a native radio group
          var i = options.indexOf(h) + (ev.key === "ArrowDown" || ev.key === "ArrowRight" ? 1 : -1);
          var target = options[(i + options.length) % options.length];
          cr.activate(target.id);
          controls[target.id].focus();
        });
        enterMovesOn(input);
        group.appendChild(input);
      });
      frag.appendChild(group);
    }
    var scaleHit = hits.filter(function (h) { return h.id.indexOf("scale:") === 0; })[0];
    if (scaleHit && s.scale) {
      var sc = s.scale;
      var range = wire(el("input", { type: "range", min: sc.min, max: sc.max, step: sc.step, "aria-labelledby": "cr-a11y-heading" }), scaleHit);
      range.value = sc.value;
      range.setAttribute("aria-valuetext", sc.value + " (" + sc.min + " means " + sc.min_label + ", " + sc.max + " means " + sc.max_label + ")");
      range.addEventListener("input", function () { cr.setScale(Number(range.value)); });
      enterMovesOn(range);
      frag.appendChild(range);
    }
  }

  function resultsText(s, frag) {
    var r = s.result || {};
    var heading = el("h2", { id: "cr-a11y-heading", tabindex: "-1", "class": "cr-sr" },
                     r.outcome_title ? "Our suggestion for you: " + r.outcome_title : s.title);
    frag.appendChild(heading);
    if (r.outcome_summary) frag.appendChild(el("p", { "class": "cr-sr" }, r.outcome_summary));
    if (r.why) frag.appendChild(el("p", { "class": "cr-sr" }, "Why this result: " + r.why));
    if (r.reasons && r.reasons.length) {
      var ul = el("ul", { "class": "cr-sr" });
      r.reasons.forEach(function (x) { ul.appendChild(el("li", {}, x.text)); });
      frag.appendChild(ul);
    }
    if (r.knowledge) {
      frag.appendChild(el("p", { "class": "cr-sr" }, "Python readiness: " + (r.band_title || "") + ", " +
        Math.round(r.knowledge.percent) + " percent. " + (r.band_feedback || "")));
    }
  }

  function rebuild(s, hits) {
    var hadFocus = layer.contains(document.activeElement);
    layer.textContent = "";
    controls = {};
    var frag = document.createDocumentFragment();
    if (s.screen === "start") {
      frag.appendChild(el("h2", { id: "cr-a11y-heading", tabindex: "-1", "class": "cr-sr" }, s.title));
      if (s.intro) frag.appendChild(el("p", { "class": "cr-sr" }, s.intro));
      if (s.resume_offered) frag.appendChild(el("p", { "class": "cr-sr" }, "Welcome back. Continue where you left off?"));
    } else if (s.screen === "question") {
      questionScreen(s, hits, frag);
    } else if (s.screen === "results") {
      resultsText(s, frag);
    }
    hits.forEach(function (h) {
      if (controls[h.id] || h.id.indexOf("option:") === 0 || h.id.indexOf("scale:") === 0) return;
      var disclosure = h.id.indexOf("review:") === 0 || h.id.indexOf("faq:") === 0;
      var b = button(h, disclosure ? { "aria-expanded": String(h.selected) } : {});
      b.disabled = !h.enabled;
      frag.appendChild(b);
    });
    frag.appendChild(el("p", { id: "cr-a11y-status", "class": "cr-sr", role: "status" }, s.status || ""));
    layer.appendChild(frag);
    if (hadFocus) {
      var heading = document.getElementById("cr-a11y-heading");
      if (heading) heading.focus({ preventScroll: false });
    }
    if (s.screen === "results" && s.result && live) {
      live.textContent = s.result.outcome_title ? "Your result: " + s.result.outcome_title + ". " + (s.result.outcome_summary || "") : "";
    }
  }

  function refresh() {
    if (!cr.ready) return;
    var s = cr.state();
    if (!s || s.screen === "error") { layer.textContent = ""; return; }
    var hits = cr.hits();
    var key = [s.quiz, s.screen, s.question, s.resume_offered].concat(hits.map(function (h) { return h.id; })).join("|");
    if (key !== shownKey) {
      shownKey = key;
      rebuild(s, hits);
      return;
    }
    hits.forEach(function (h) {  // same items: follow their positions and states
      var e = controls[h.id];
      if (!e) return;
      place(e, h);
      if (e.type === "radio" || e.type === "checkbox") e.checked = h.selected;
      if (e.tagName === "BUTTON") {
        e.disabled = !h.enabled;
        if (e.hasAttribute("aria-expanded")) e.setAttribute("aria-expanded", String(h.selected));
      }
    });
    if (s.scale && controls["scale:" + s.question]) controls["scale:" + s.question].value = s.scale.value;
    var status = document.getElementById("cr-a11y-status");
    if (status && status.textContent !== (s.status || "")) status.textContent = s.status || "";
  }

  cr.subscribe(refresh);
})();
