// Crossroads web edge: the browser-facing pieces shared by main.cpp (loop, GL, fonts), input.cpp
// (emscripten/html5.h events) and bridge.cpp (functions the page's JavaScript calls).
#pragma once

#include <emscripten/html5.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/loader.h"
#include "core/session.h"
#include "ui/fonts.h"
#include "ui/view.h"

namespace web {

extern const char* const kCanvas;  // CSS selector of the widget's canvas

// A loaded quiz and the reader's session on it, held together so the session never outlives its quiz.
struct Loaded {
    explicit Loaded(cr::Quiz q, uint32_t seed) : quiz(std::move(q)), session(quiz, seed) {}
    Loaded(const Loaded&) = delete;
    Loaded& operator=(const Loaded&) = delete;
    const cr::Quiz quiz;
    cr::Session session;
};

// The frame scheduler: frames run on requestAnimationFrame only while something changes.
struct Scheduler {
    bool scheduled = false;       // a requestAnimationFrame is pending
    int pending = 0;              // frames still wanted
    double last_frame_ms = 0;     // for ImGui's DeltaTime
    std::size_t last_layout = 0;  // fingerprint of the clickable items last reported to the page
};

// The WebGL2 context and what depends on it.
struct Gpu {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = 0;
    int max_pixels = 4096;  // largest canvas side the GPU draws into (GL_MAX_VIEWPORT_DIMS, at most 8192)
    bool ready = false;     // false while the context is lost
    int backing_width = 0, backing_height = 0;  // the canvas's drawing buffer in device pixels, as last set
};

// A finger on the canvas (input.cpp): where it went down, and whether it has become a scroll.
struct Touch {
    double last_ms = -1e9;  // when the last touch event came (mouse events just after it are emulated)
    float x = 0, y = 0;
    bool scrolling = false;
};

// Saved progress and share links (storage.cpp).
struct Progress {
    std::optional<cr::SessionState> resumable;  // the reader's own saved progress, offered or set aside
    std::optional<cr::SessionState> shared;     // the shared session as the link gave it
    bool saved_here = false;                    // this page has stored progress for the current quiz
};

// The font packs (fonts.cpp): pack 0 is in the wasm, the page fetches the others a quiz needs.
struct Fonts {
    std::vector<ui::FontPack> packs;  // by pack index; views into the wasm's data or into `files`
    std::vector<std::string> files;   // fetched font files, at pack * 3 + role (regular, bold, mono)
    std::vector<bool> requested;      // by pack index
    int pending = 0;                  // files asked for and not yet answered
    std::u32string characters;        // what the atlas must hold (the quiz's characters)
    double dpr = 0;                   // the device pixel ratio the atlas was rasterised for
    bool dirty = true;                // the atlas must be rebuilt
};

// The name the compiled-in quiz goes by in messages, and where the same file is shipped beside the page (the
// build names it: CR_DEFAULT_QUIZ in cmake/web.cmake), so its "related" link resolves like any quiz's.
constexpr const char* kBuiltInSource = "built-in quiz";
constexpr const char* kBuiltInUrl = CR_DEFAULT_QUIZ;

// Everything the web edge keeps, in one place.
struct App {
    std::unique_ptr<Loaded> loaded;      // null when the quiz file has errors
    std::vector<cr::Diagnostic> errors;  // shown instead of the quiz when content is invalid
    std::string source = "built-in";     // where the quiz came from, for error messages
    ui::View view;
    int frames = 0;                      // frames actually rendered
    int notified_revision = -1;
    double dpr = 1;
    int css_width = 0, css_height = 0;
    bool provisional = false;            // the built-in quiz stands in while the page fetches ?quiz=
    bool preview = false;                // ./build-wasm.sh preview: nothing stored, edits reload in place
    std::unique_ptr<Loaded> last_good;   // preview: the last version that loaded, while the file has errors
    Scheduler scheduler;
    Gpu gpu;
    Touch touch;
    Progress progress;
    Fonts fonts;
    std::vector<std::string> picture_requests;  // images.cpp: the srcs asked of the page, by request index
    std::string out;                     // backing store for strings handed to JavaScript

    cr::Session* session() { return loaded ? &loaded->session : nullptr; }
    const cr::Session* session() const { return loaded ? &loaded->session : nullptr; }
    const cr::Quiz& quiz() const { return loaded->quiz; }
};

App& app();

// Ask for `count` more frames; frames run on requestAnimationFrame only while something changes.
void request_frames(int count);

// Fonts (fonts.cpp): the base pack at start-up; the packs the quiz on screen needs, asked of the page; and
// whether the atlas is ready at `dpr` (rebuilt here when the characters or the density changed).
void init_fonts();
void request_fonts();
bool fonts_ready(double dpr);

// Pictures (images.cpp): asks the page for every picture of the quiz on screen (dropping the last quiz's), and
// again after the GL context was lost.
void request_pictures();
void forget_picture_textures();

// Replaces the quiz with `text`; on errors keeps them for the error screen. Returns true when loaded.
bool load_quiz_text(const std::string& text, const std::string& source);

void install_input_handlers();

void set_theme(bool dark);

// storage.cpp: resume and share.
void restore_progress();          // after a quiz loads: saved progress, then a share link from the URL
void save_progress();             // after every change
void answer_resume(bool resume);  // the reader's answer to "Continue where you left off?"
void answer_shared(bool adopt);   // leave a shared view: make its answers the reader's own, or go back to theirs
std::string share_link();         // this page's URL with the session in the fragment, or ""


// Acts on what the UI asked for this frame (copy the result, open the related quiz).
void handle_view_requests();

}  // namespace web
