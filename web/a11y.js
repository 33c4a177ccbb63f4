// Crossroads text layer: renders the widget's scene (src/ui/scene.h) as transparent DOM text placed exactly over
// the drawn glyphs (as PDF.js does over its canvas), so any reader can select, copy and find what is drawn, and as
// real structure and controls for assistive technology. It keeps no wording of its own and styles only via CSSOM.
(function () {
  "use strict";
  var layer = document.getElementById("cr-a11y");
  var live = document.getElementById("cr-live");
  var status = document.getElementById("cr-status");
  var cr = window.crossroads;
  if (!layer || !cr) return;
  var measure = document.createElement("canvas").getContext("2d");
  var FONTS = {
    body: ["400", "Roboto, system-ui, sans-serif"], bold: ["700", "Roboto, system-ui, sans-serif"],
    title: ["700", "Roboto, system-ui, sans-serif"], small: ["400", "Roboto, system-ui, sans-serif"],
    mono: ["400", "'JetBrains Mono', ui-monospace, monospace"]
  };
  var shownKey = "", shownScreen = "", announced = "";
  var linkTarget = new URLSearchParams(location.search).get("links") === "top" ? "_top" : "_blank";
  var controls = {};  // hit id -> element
  var spans = [];     // [element, run] of the text layer, for moves without a rebuild
  var shapesBox = null, shapesKey = "";  // the scene's shapes, and what they were drawn from
  var paletteKey = "";  // the scene's palette last used

  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  // One run: its characters, at the drawn place and size, stretched to the drawn width.
  function place(s, run) {
    var f = FONTS[run.font] || FONTS.body;
    s.style.left = run.x + "px";
    s.style.top = run.y + "px";
    s.style.fontSize = run.size + "px";
    s.style.fontWeight = f[0];
    s.style.fontFamily = f[1];
    measure.font = f[0] + " " + run.size + "px " + f[1];
    var natural = measure.measureText(run.text).width;
    s.style.transform = natural > 0 ? "scaleX(" + (run.w / natural) + ")" : "";
  }
  function runSpan(run) {
    var s = el("span");
    s.className = "cr-run";
    s.dataset.font = run.font;  // the visible mode (.cr-html) colours each font as the canvas does
    s.textContent = run.text;
    place(s, run);
    spans.push([s, run]);
    return s;
  }
  // The item's runs into `into`; between lines a space (a line break in code, inside <pre>), so the text that is
  // copied, found and spoken reads as drawn; none before a run that goes on a word wrapping broke (run.joined).
  // A link's runs go into one real <a>, which opens as the page's links do: a new tab, or with ?links=top (an embed
  // whose editor chose it) the whole window.
  // Only an address the core's link check allows (http:, https:, mailto:) becomes an <a>; any other stays text,
  // whatever produced the run (issue 23: the core already drops them; this is the last of the layers).
  function linkable(href) { return /^(https?:\/\/|mailto:)./.test(href || "") ? href : ""; }
  function addRuns(into, item, lineBreak) {
    var link = null;
    item.runs.forEach(function (run, i) {
      var href = linkable(run.href);
      var parent = href ? (link && link.getAttribute("href") === href ? link : null) : into;
      if (i > 0 && !run.joined) (parent || into).appendChild(document.createTextNode(lineBreak ? "\n" : " "));
      if (href && !parent) {
        link = el("a", { href: href, target: linkTarget, rel: "noopener" });
        into.appendChild(link);
        parent = link;
      }
      if (!href) link = null;
      parent.appendChild(runSpan(run));
    });
    return into;
  }

  // A tone's custom property, as the design tokens name it: "accentHover" -> --cr-accent-hover.
  function toneProperty(tone) { return "--cr-" + tone.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); }); }

  // The colours the canvas draws in (the scene's palette: the theme with the editor's accent and the reader's
  // contrast) become the widget's custom properties, so the HTML is drawn in them too.
  function usePalette(scene) {
    var key = JSON.stringify(scene.palette || {});
    if (key === paletteKey) return;
    paletteKey = key;
    for (var tone in scene.palette) layer.parentNode.style.setProperty(toneProperty(tone), scene.palette[tone]);
  }

  // The scene's shapes (bars, list marks, rows' dots) as boxes in their tones' colours, in a box hidden from assistive
  // technology: what they mean is in the items' words and names. style.css shows them only in the visible mode
  // (.cr-html). A tone is a custom property the scene's palette sets, first of all.
  function drawShapes(scene) {
    usePalette(scene);
    var shapes = [];
    scene.items.forEach(function (item) { shapes = shapes.concat(item.shapes || []); });
    var key = JSON.stringify(shapes);
    if (key === shapesKey) return;
    shapesKey = key;
    shapesBox.textContent = "";
    shapes.forEach(function (shape) {
      var d = shapesBox.appendChild(el("div"));
      var tone = "var(" + toneProperty(shape.tone) + ")";
      d.style.left = shape.x + "px";
      d.style.top = shape.y + "px";
      d.style.width = shape.w + "px";
      d.style.height = shape.h + "px";
      d.style.borderRadius = shape.r + "px";
      if (shape.border) {
        d.style.borderStyle = "solid";
        d.style.borderWidth = shape.border + "px";
        d.style.borderColor = tone;
      } else {
        d.style.background = tone;
      }
    });
  }

  function placeControl(e, item) {
    e.style.left = item.x + "px";
    e.style.top = item.y + "px";
    e.style.width = item.w + "px";
    e.style.height = item.h + "px";
  }

  // Enter on an answer moves on, as the Next button would.
  function enterMovesOn(e) {
    e.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      var next = controls.next;
      if (next && !next.disabled) { ev.preventDefault(); cr.activate("next"); }
    });
  }

  function wire(e, item) {
    e.classList.add("cr-control");
    e.dataset.hit = item.id;
    e.addEventListener("focus", function () { cr.focusHit(item.id); });
    e.addEventListener("blur", function () { cr.focusHit(""); });
    controls[item.id] = e;
    placeControl(e, item);
    return e;
  }

  function control(item, group, groupItems, headingId) {
    if (item.role === "radio" || item.role === "checkbox") {
      var input = wire(el("input", { type: item.role, name: "cr-" + item.group, "aria-label": item.name }), item);
      input.checked = item.checked;
      input.addEventListener("click", function (ev) {
        ev.preventDefault();  // the widget owns the answer: reflect its state, not the browser's toggle
        cr.activate(item.id);
      });
      if (item.role === "radio") {
        input.addEventListener("keydown", function (ev) {
          if (["ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft"].indexOf(ev.key) < 0) return;
          ev.preventDefault();  // arrows move between answers and choose, as in a native radio group
          var i = groupItems.indexOf(item) + (ev.key === "ArrowDown" || ev.key === "ArrowRight" ? 1 : -1);
          var target = groupItems[(i + groupItems.length) % groupItems.length];
          cr.activate(target.id);
          controls[target.id].focus();
        });
      }
      enterMovesOn(input);
      group.appendChild(input);
      group.appendChild(hiddenText(item));
      return;
    }
    if (item.role === "slider") {
      var range = wire(el("input", { type: "range", min: item.min, max: item.max, step: item.step }), item);
      if (headingId) range.setAttribute("aria-labelledby", headingId); else range.setAttribute("aria-label", item.name);
      setSlider(range, item);
      range.addEventListener("input", function () { cr.setScale(Number(range.value)); });
      enterMovesOn(range);
      group.appendChild(range);
      group.appendChild(hiddenText(item));
      return;
    }
    var b = wire(el("button", { type: "button", "aria-label": item.name }), item);
    b.disabled = item.disabled;
    if (item.role === "disclosure") {
      b.setAttribute("aria-expanded", String(item.expanded));
      if (item.expanded) b.setAttribute("aria-controls", regionId(item.id));
    }
    b.addEventListener("click", function () { cr.activate(item.id); });
    group.appendChild(b);
    group.appendChild(hiddenText(item));
  }
  function setSlider(range, item) {
    range.value = item.value;
    range.setAttribute("aria-valuetext", item.value_text);
  }
  // Drawn words of a control, beside it (the control is positioned, its words are placed on the canvas's frame):
  // findable and selectable, not read twice, since the control carries the same words as its name.
  function hiddenText(item) {
    return addRuns(el("span", { "aria-hidden": "true" }), item, false);
  }
  function regionId(id) { return "cr-region-" + id.replace(/[^A-Za-z0-9_-]/g, "-"); }

  function build(scene) {
    layer.textContent = "";
    controls = {};
    spans = [];
    var root = document.createDocumentFragment();
    shapesBox = root.appendChild(el("div", { "class": "cr-shapes", "aria-hidden": "true" }));
    var parent = root, region = "", list = null, table = null, row = null, rowIndex = -1, group = null, groupName = "";
    var headingId = null, headingCount = 0;
    var items = scene.items;
    var names = {};
    items.forEach(function (item) { if (item.id) names[item.id] = item.name; });
    items.forEach(function (item) {
      // What an open disclosure reveals goes into its region, named like the disclosure.
      if ((item.region || "") !== region) {
        region = item.region || "";
        parent = region ? root.appendChild(el("div", { role: "region", id: regionId(region), "aria-label": names[region] || "" })) : root;
        list = table = group = null;
      }
      if (item.part !== "listitem") list = null;
      if (item.part !== "cell") table = null;
      if (!(item.part === "control" && (item.role === "radio" || item.role === "checkbox"))) group = null;
      var holder = parent;
      switch (item.part) {
        case "heading": {
          var h = addRuns(el("h" + Math.min(6, Math.max(1, item.level)), { tabindex: "-1" }), item, false);
          h.id = "cr-h" + (headingCount++);
          headingId = h.id;
          holder.appendChild(h);
          break;
        }
        case "listitem":
          if (!list) list = holder.appendChild(el("ul"));
          var li = list.appendChild(el("li"));
          if (item.name) li.appendChild(el("span", { role: "img", "aria-label": item.name }));  // a drawn mark, e.g. a tick
          addRuns(li, item, false);
          break;
        case "cell":
          if (!table || table.dataset.table !== item.table) {
            table = holder.appendChild(el("table"));
            table.dataset.table = item.table;
            rowIndex = -1;
          }
          if (item.row !== rowIndex) { row = table.appendChild(el("tr")); rowIndex = item.row; }
          row.appendChild(addRuns(el(item.row === 0 ? "th" : "td"), item, false));
          break;
        case "code": {
          var box = holder.appendChild(el("div", { role: "group", "aria-label": item.name }));
          box.appendChild(addRuns(el("pre"), item, true));
          break;
        }
        case "figure":
          holder.appendChild(addRuns(el("div", { role: "img", "aria-label": item.name }), item, false));
          break;
        case "note":
          holder.appendChild(addRuns(el("div", { role: "note" }), item, false));
          break;
        case "status":
          holder.appendChild(addRuns(el("p", { "aria-hidden": "true" }), item, false));  // spoken by #cr-status
          break;
        case "control":
          if ((item.role === "radio" || item.role === "checkbox") && (!group || groupName !== item.group)) {
            groupName = item.group;
            group = holder.appendChild(el("div", { role: item.role === "radio" ? "radiogroup" : "group" }));
            if (headingId) group.setAttribute("aria-labelledby", headingId);
          }
          control(item, group || holder, items.filter(function (x) { return x.group === item.group && x.role === item.role; }), headingId);
          break;
        default:
          holder.appendChild(addRuns(el("p"), item, false));
      }
    });
    layer.appendChild(root);
    shapesKey = "";
    drawShapes(scene);
  }

  // Same structure as shown: follow positions and states without touching the DOM's shape (focus stays put).
  function update(scene) {
    var i = 0;
    scene.items.forEach(function (item) {
      item.runs.forEach(function (run) { if (spans[i]) { place(spans[i][0], run); spans[i][1] = run; } i++; });
      var e = item.part === "control" && controls[item.id];
      if (!e) return;
      placeControl(e, item);
      if (e.type === "radio" || e.type === "checkbox") e.checked = item.checked;
      if (e.type === "range") setSlider(e, item);
      if (e.tagName === "BUTTON") {
        e.disabled = item.disabled;
        if (item.role === "disclosure") e.setAttribute("aria-expanded", String(item.expanded));
      }
    });
    drawShapes(scene);
  }

  function structureKey(scene) {
    return scene.screen + "|" + scene.items.map(function (it) {
      return it.part + ":" + (it.id || "") + ":" + (it.region || "") + ":" + (it.role === "disclosure" ? it.expanded : "") + ":" +
        it.runs.map(function (r) { return r.text; }).join("\u0001");
    }).join("\u0002");
  }

  function refresh() {
    if (!cr.ready) return;
    var scene = cr.scene();
    if (!scene) { layer.textContent = ""; return; }
    var key = structureKey(scene);
    if (key === shownKey) {
      update(scene);
    } else {
      var focusedHit = layer.contains(document.activeElement) && document.activeElement.dataset ? document.activeElement.dataset.hit : null;
      var hadFocus = layer.contains(document.activeElement);
      shownKey = key;
      build(scene);
      if (hadFocus) {
        if (scene.screen !== shownScreen || !focusedHit || !controls[focusedHit]) {
          var heading = layer.querySelector("h1, h2, h3");
          if (heading) heading.focus({ preventScroll: false });
        } else {
          controls[focusedHit].focus({ preventScroll: true });
        }
      }
    }
    shownScreen = scene.screen;
    var said = scene.items.filter(function (it) { return it.part === "status"; }).map(function (it) {
      return it.runs.map(function (r) { return r.text; }).join(" ");
    }).join(" ");
    if (status && status.textContent !== said) status.textContent = said;
    if (live && scene.announce !== announced) { announced = scene.announce; live.textContent = announced; }
  }

  cr.subscribe(refresh);
  refresh();  // the widget may have drawn its first screen before this script ran (the wasm is preloaded)
})();
