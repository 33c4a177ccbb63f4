// Files the wasm asks the page for (Module.requestFont, Module.requestPicture): font packs a quiz's letters need
// and a quiz's pictures, fetched (or, in the one-file quiz.html, read from the page) and handed over through the heap.
// The wasm waits for each answer: the file (cr_font_file, cr_picture) or word that it cannot be had (*_failed).
import { fail, reloadAction } from "./messages.js";
import { fromDisk, words } from "./options.js";
import { started } from "./widget.js";

// ---- font packs: the wasm asks for the files a quiz's letters need (src/web/fonts.cpp) ---------------
// From the network (precached for offline use; the base pack's regular and bold preloaded by index.html, which this
// same request picks up), or from the data the one-file quiz.html carries inline.
var inlineFonts = null;
export function fontBytes(file) {
  var data = document.getElementById("cr-font-data");
  if (data) {
    inlineFonts = inlineFonts || JSON.parse(data.textContent);
    if (!inlineFonts[file]) return Promise.reject(new Error(file));
    var text = atob(inlineFonts[file]), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return Promise.resolve(bytes);
  }
  fetched[file] = fetched[file] || fetch(file).then(function (r) {
    if (!r.ok) throw new Error(file + ": HTTP " + r.status);
    return r.arrayBuffer();
  }).then(function (b) { return new Uint8Array(b); });
  return fetched[file];
}
var fetched = {};  // file -> its bytes' promise: a file fetched early (preloaded, or for the first screen) is fetched once
export function requestFont(pack, role, file) {
  fontBytes(file).then(function (bytes) {
    return started.then(function (m) {
      var p = m._malloc(bytes.length);
      if (!p) { m._cr_font_file_failed(pack, role); return; }
      m.HEAPU8.set(bytes, p);
      m._cr_font_file(pack, role, p, bytes.length);  // the wasm keeps and frees the bytes
    });
  }).catch(function (e) {
    // Without the base pack's regular or bold the wasm has nothing to draw with (it waits): say so.
    if (pack === 0 && role < 2) fail("font", words().PageCannotStart, [words().PageFontsMissing], reloadAction());
    else console.warn("Crossroads: a font could not be loaded; some letters may not show.", e);
    started.then(function (m) { m._cr_font_file_failed(pack, role); });
  });
}

// ---- pictures: the wasm asks for each file beside the quiz (src/web/images.cpp) ---------------------------
// Fetched (same origin only), decoded, scaled to at most twice the size it is drawn at, and handed over as RGBA.
// One that cannot be had (from disk, offline before it was seen, missing) is reported, and its alt text shows.
export function requestPicture(index, base, src, width, height) {
  var url;
  try { url = new URL(src, new URL(base, location.href)); } catch (e) { url = null; }
  var failed = function () { started.then(function (m) { m._cr_picture_failed(index); }); };
  if (!url || url.origin !== location.origin || fromDisk || !window.createImageBitmap) { failed(); return; }
  fetch(url.href).then(function (r) {
    if (!r.ok) throw new Error(src + ": HTTP " + r.status);
    return r.blob();
  }).then(function (blob) { return createImageBitmap(blob); }).then(function (bitmap) {
    var scale = Math.min(1, 2 * width / bitmap.width, 2 * height / bitmap.height);
    var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
    var c = document.createElement("canvas");
    c.width = w;
    c.height = h;
    var g = c.getContext("2d");
    g.drawImage(bitmap, 0, 0, w, h);
    var pixels = g.getImageData(0, 0, w, h).data;
    return started.then(function (m) {
      var p = m._malloc(pixels.length);
      if (!p) throw new Error(src);
      m.HEAPU8.set(pixels, p);
      try { m._cr_picture(index, p, w, h); } finally { m._free(p); }
    });
  }).catch(function (e) {
    console.warn("Crossroads: a picture could not be shown; its description is shown instead.", e);
    failed();
  });
}
