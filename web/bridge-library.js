// Every JavaScript function the wasm imports, in one Emscripten JS library (linked with --js-library by
// cmake/web.cmake); src/web/page.h declares them for C++ and docs/contract.md lists the whole boundary. Most hand a
// call on to a hook web/app.js puts on the Module options; Closure compiles this file, so those stay Module["..."].
mergeInto(LibraryManager.library, {
  // ---- the loop and the canvas (src/web/main.cpp) ----------------------------------------------------------------
  js_set_canvas_height: function (css_height) {
    var c = document.getElementById("cr-canvas");
    if (c) c.style.height = css_height + "px";
    var h = Module["onresize"];
    if (h) h(css_height);
  },
  js_notify_state: function () {
    var h = Module["onstate"];
    if (h) h();
  },
  js_notify_layout: function () {
    var h = Module["onlayout"];
    if (h) h();
  },
  js_mark: function (name) {
    var p = globalThis["performance"], n = UTF8ToString(name);
    if (p && p["mark"] && !p["getEntriesByName"](n, "mark")["length"]) p["mark"](n);
  },
  js_first_frame: function () {
    var h = Module["onfirstframe"];
    if (h) h();
  },
  js_context_lost: function (lost) {
    var h = Module["oncontextlost"];
    if (h) h(!!lost);
  },
  js_preview: function () { return Module["preview"] ? 1 : 0; },
  js_prefers_dark: function () {
    var m = globalThis["matchMedia"];
    return m && m("(prefers-color-scheme: dark)")["matches"] ? 1 : 0;
  },
  js_prefers_reduced_motion: function () {
    var m = globalThis["matchMedia"];
    return m && m("(prefers-reduced-motion: reduce)")["matches"] ? 1 : 0;
  },

  // ---- page actions the UI asks for (src/web/bridge.cpp) ---------------------------------------------------------
  // Copies `text`; when the browser refuses both ways, the wasm hears so (cr_copy_failed) and takes back its "copied".
  js_copy_text: function (text) {
    var s = UTF8ToString(text);
    var fallback = function () {
      var t = document.createElement("textarea"), done = false;
      t.value = s;
      t.setAttribute("readonly", "");
      t.style.position = "fixed";
      t.style.opacity = "0";
      document.body.appendChild(t);
      t.select();
      try { done = document.execCommand("copy"); } catch (e) {}
      document.body.removeChild(t);
      if (!done) Module["ccall"]("cr_copy_failed", null, ["string"], [s]);
    };
    var c = navigator["clipboard"];
    if (c && c["writeText"]) c["writeText"](s)["catch"](fallback); else fallback();
  },
  js_print: function () {
    var h = Module["onprint"];
    if (h) h();
  },
  js_open_quiz: function (base, path) {
    var h = Module["onopenquiz"];
    if (h) h(UTF8ToString(base), UTF8ToString(path));
  },
  js_open_link: function (url, kind, label, outcome) {
    var h = Module["openLink"];
    if (h) h(UTF8ToString(url), UTF8ToString(kind), UTF8ToString(label), UTF8ToString(outcome));
  },
  js_host_event: function (name, detail) {
    var h = Module["onhostevent"];
    if (h) h(UTF8ToString(name), JSON.parse(UTF8ToString(detail)));
  },

  // ---- progress and share links (src/web/storage.cpp) ------------------------------------------------------------
  // Strings handed to the wasm are copies from malloc (allocateUTF8, or 0 for none): the wasm frees them.
  js_storage_get__deps: ["malloc"],
  js_storage_get: function (key) {
    try {
      var v = globalThis["localStorage"]["getItem"](UTF8ToString(key));
      return v === null ? 0 : allocateUTF8(v);
    } catch (e) { return 0; }
  },
  js_storage_set: function (key, value) {
    try {
      var s = globalThis["localStorage"];
      if (value) s["setItem"](UTF8ToString(key), UTF8ToString(value)); else s["removeItem"](UTF8ToString(key));
      return 1;
    } catch (e) { return 0; }
  },
  js_share_code__deps: ["malloc"],
  js_share_code: function () {
    var code = Module["shareCode"];
    return code ? allocateUTF8(code) : 0;
  },
  js_share_code_taken: function () { Module["shareCode"] = ""; },
  js_share_base__deps: ["malloc"],
  js_share_base: function () {
    var f = Module["shareBase"];
    var base = f ? f() : null;
    return base ? allocateUTF8(base) : 0;
  },
  js_embedded: function () { return Module["embedded"] ? 1 : 0; },

  // ---- files the page fetches for the wasm (src/web/fonts.cpp, src/web/images.cpp) ------------------------------
  js_request_font__deps: ["cr_font_file_failed"],
  js_request_font: function (pack, role, file) {
    if (Module["requestFont"]) Module["requestFont"](pack, role, UTF8ToString(file));
    else _cr_font_file_failed(pack, role);
  },
  js_request_picture__deps: ["cr_picture_failed"],
  js_request_picture: function (index, base, src, width, height) {
    if (Module["requestPicture"]) Module["requestPicture"](index, UTF8ToString(base), UTF8ToString(src), width, height);
    else _cr_picture_failed(index);
  }
});
