// Crossroads web edge: the functions the wasm imports from the page (wasm -> page), declared once. Their bodies are
// in web/bridge-library.js (an Emscripten JS library); docs/contract.md lists every call across the boundary.
// Strings passed in are the caller's; strings returned come from malloc (null for none) and the caller frees them.
#pragma once

extern "C" {

// ---- the loop and the canvas (main.cpp) ----
// wasm -> page: set the canvas's CSS height to fit the content, then call Module.onresize(css_height).
void js_set_canvas_height(int css_height);
// wasm -> page: a frame drew a new state (after a change of revision); Module.onstate() reads cr_state_json.
void js_notify_state();
// wasm -> page: the clickable items moved; Module.onlayout() lets the accessible layer follow them.
void js_notify_layout();
// wasm -> page: a start-up milestone as performance.mark(name) (bench/first-load.mjs); a name is marked once only.
void js_mark(const char* name);
// wasm -> page: the first frame is on the canvas; Module.onfirstframe().
void js_first_frame();
// wasm -> page: the wasm draws nothing (1: no WebGL 2 context, or it was lost) or draws again (0: restored);
// Module.oncontextlost(bool) shows the scene as HTML meanwhile.
void js_context_lost(int lost);
// wasm -> page: 1 in ./build-wasm.sh preview or the studio (Module.preview): nothing is stored, edits reload in place.
int js_preview();
// wasm -> page: 1 when the reader's system prefers a dark colour scheme.
int js_prefers_dark();
// wasm -> page: 1 when the reader's system asks for reduced motion.
int js_prefers_reduced_motion();

// ---- page actions the UI asks for (bridge.cpp) ----
// wasm -> page: "Print or save as PDF"; Module.onprint() opens the browser's print dialog.
void js_print();
// wasm -> page: copy `text` to the clipboard (a hidden textarea and execCommand when the Clipboard API refuses).
void js_copy_text(const char* text);
// wasm -> page: open quiz file `path`, relative to the current quiz's address `base` (Module.onopenquiz).
void js_open_quiz(const char* base, const char* path);
// wasm -> page: open `url` for the reader (Module.openLink); kind "cta" for an outcome's call to action, which the
// host page hears about first as crossroads:cta, "link" for a link in text.
void js_open_link(const char* url, const char* kind, const char* label, const char* outcome);
// wasm -> page: crossroads:<name> for the host page (Module.onhostevent), `detail` a JSON object; the page adds the
// campaign fields and posts it to the embedding page.
void js_host_event(const char* name, const char* detail);

// ---- progress and share links (storage.cpp) ----
// wasm -> page: localStorage's value for `key` (malloc'd), or null when there is none or storage is blocked.
char* js_storage_get(const char* key);
// wasm -> page: stores `value` under `key` (removes it when `value` is null); 1 when kept, 0 when blocked or full.
int js_storage_set(const char* key, const char* value);
// wasm -> page: the share code the page read from its URL (Module.shareCode, malloc'd), or null.
char* js_share_code();
// wasm -> page: the share code has been used; the page forgets it.
void js_share_code_taken();
// wasm -> page: where a share link points, the page's address plus a fragment for the code (Module.shareBase(),
// malloc'd; the host post inside an embed), or null when the page has no address a friend could open (file://).
char* js_share_base();
// wasm -> page: 1 inside an embed (Module.embedded): a share code for another quiz belongs to another widget.
int js_embedded();

// ---- files the page fetches (fonts.cpp, images.cpp) ----
// wasm -> page: fetch fonts/<pack>-<role>.ttf (Module.requestFont); the page answers with cr_font_file or
// cr_font_file_failed.
void js_request_font(int pack, int role, const char* file);
// wasm -> page: fetch picture `src`, relative to the quiz at `base`, for drawing at most `width` x `height` CSS px
// (Module.requestPicture); the page answers with cr_picture or cr_picture_failed.
void js_request_picture(int index, const char* base, const char* src, int width, int height);

}  // extern "C"
