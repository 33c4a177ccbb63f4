// Crossroads web edge: the browser-facing pieces shared by main.cpp (loop, GL, fonts), input.cpp
// (emscripten/html5.h events) and bridge.cpp (functions the page's JavaScript calls).
#pragma once

#include <emscripten/html5.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/screen.h"
#include "ui/fonts.h"
#include "ui/view.h"

namespace web {

extern const char* const kCanvas;  // CSS selector of the widget's canvas

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

// The font packs (fonts.cpp), all fetched by the page: the base pack for every quiz, the others a quiz needs.
constexpr int kBasePack = 0;
struct Fonts {
    std::vector<ui::FontPack> packs;  // by pack index; views into `files`
    std::vector<std::string> files;   // fetched font files, at pack * 3 + role (regular, bold, mono)
    std::vector<bool> requested;      // asked of the page, at pack * 3 + role
    int pending = 0;                  // files asked for and not yet answered
    bool mono_pending = false;        // ... the base pack's mono among them (a start screen does not wait for it)
    std::u32string characters;        // what the atlas must hold (the quiz's characters)
    double dpr = 0;                   // the device pixel ratio the atlas was rasterised for
    bool dirty = true;                // the atlas must be rebuilt
};

// Everything the web edge keeps, in one place. The reader's state is the app layer's (app::State): only
// dispatch() changes it; the rest is the platform's own (GL, fonts, sizes, the frame scheduler).
struct App {
    app::State state;
    app::ScreenModel model;              // the screen of state.revision (app::screen_model)
    ui::View view;
    int frames = 0;                      // frames actually rendered
    int notified_revision = -1;
    double dpr = 1;
    int css_width = 0, css_height = 0;
    Scheduler scheduler;
    Gpu gpu;
    Touch touch;
    Fonts fonts;
    std::vector<std::string> picture_requests;  // images.cpp: the srcs asked of the page, by request index
    std::string out;                     // backing store for strings handed to JavaScript

    const app::Loaded* loaded() const { return state.loaded.get(); }
};

App& app();

// Ask for `count` more frames; frames run on requestAnimationFrame only while something changes.
void request_frames(int count);

// Fonts (fonts.cpp): the base pack at start-up; the packs the quiz on screen needs, asked of the page; and
// whether the atlas is ready at `dpr` (rebuilt here when the characters or the density changed).
void init_fonts();
void request_fonts();
bool fonts_ready(double dpr);
// Asks for the files due now: the base pack's mono for a quiz with code, once its first screen is drawn.
void request_due_fonts();
// True while a file the screen needs is on its way (asking first for the files due).
bool fonts_pending();

// Pictures (images.cpp): asks the page for every picture of the quiz on screen (dropping the last quiz's), and
// again after the GL context was lost.
void request_pictures();
void forget_picture_textures();

void install_input_handlers();

void set_theme(bool dark);

// Applies `command` to the reader's state and carries out its effects (storage, clipboard, links, assets, the
// host page's events); asks for frames when what the reader sees changed. The only way the state changes.
void dispatch(const app::Command& command);
// Loads a quiz file's text named `source` (app::LoadQuiz with a fresh shuffle seed).
void load_quiz(const std::string& text, const std::string& source);

// storage.cpp: the browser's storage and the page's address, for dispatch's effects. Storage that is blocked or
// full reads as empty and refuses writes (false).
std::optional<std::string> storage_get(const std::string& key);
bool storage_set(const std::string& key, const std::string& value);  // "" removes the key
std::optional<std::string> take_share_code();  // the share code in the page's address, if any (left there)
void share_code_taken();                       // the page may drop it from its address
std::string share_base();                      // "" when the page has no address a friend could open
bool embedded();

}  // namespace web
