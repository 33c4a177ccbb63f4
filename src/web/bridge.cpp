// Crossroads web edge: dispatch(), which applies a command to the reader's state and carries out its effects
// (storage, clipboard, links, fonts and pictures, the host page's events), and the functions the page's
// JavaScript calls (state and scene as JSON, loading a quiz, commands, theme).
#include <emscripten.h>
#include <malloc.h>

#include <chrono>
#include <string>
#include <variant>

#include "core/catalogue.h"
#include "core/json_doc.h"
#include "core/protocol.h"
#include "page.h"
#include "platform.h"

namespace web {

namespace {

uint32_t fresh_seed() {
    return static_cast<uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count() & 0x7FFFFFFF) | 1u;
}

template <class... F> struct Visit : F... { using F::operator()...; };
template <class... F> Visit(F...) -> Visit<F...>;

void perform(const app::Effect& effect) {
    std::visit(Visit{
        [](const app::Store& e) {
            if (storage_set(e.key, e.value) && !e.then_remove.empty()) storage_set(e.then_remove, "");
        },
        [](const app::ReadProgress& e) {
            dispatch(app::StoredProgress{storage_get(e.key), storage_get(e.legacy_key)});
            if (auto code = take_share_code()) dispatch(app::ShareCode{*code});
        },
        [](const app::ShareCodeTaken&) { share_code_taken(); },
        [](const app::CopyText& e) { js_copy_text(e.text.c_str()); },
        [](const app::OpenQuiz& e) { js_open_quiz(e.base.c_str(), e.path.c_str()); },
        [](const app::OpenLink& e) { js_open_link(e.url.c_str(), e.kind.c_str(), e.label.c_str(), e.outcome.c_str()); },
        [](const app::FetchAssets&) {
            request_fonts();
            request_pictures();
        },
        [](const app::PrintPage&) { js_print(); },
        [](const app::HostEvent& e) {
            js_host_event(e.name.c_str(), e.detail.dump(-1, ' ', false, cr::Json::error_handler_t::replace).c_str());
        },
    }, effect);
}

}  // namespace

void dispatch(const app::Command& command) {
    App& a = app();
    const int before = a.state.revision;
    for (const app::Effect& e : app::apply(a.state, command, emscripten_get_now())) perform(e);
    if (a.state.revision != before) request_frames(3);
}

void load_quiz(const std::string& text, const std::string& source) { dispatch(app::LoadQuiz{text, source, fresh_seed()}); }

}  // namespace web

extern "C" {

// Frames drawn so far (window.crossroads.frames, for tests).
EMSCRIPTEN_KEEPALIVE int cr_frames() { return web::app().frames; }

// 1 when no frame is scheduled: the widget has drawn everything it was asked to and costs nothing until new input.
EMSCRIPTEN_KEEPALIVE int cr_idle() { return web::app().scheduler.scheduled ? 0 : 1; }

// Bytes of the malloc heap in use (emmalloc's mallinfo().uordblks), for bench/first-load.mjs's memory figure.
EMSCRIPTEN_KEEPALIVE int cr_heap_in_use() { return static_cast<int>(mallinfo().uordblks); }

// {"screen":"question","question":"built","position":2,"total":9,"answers":{...},"result":{...}|null,"errors":[...]}
EMSCRIPTEN_KEEPALIVE const char* cr_state_json() {
    web::app().out = app::page_state(web::app().state, web::app().frames);
    return web::app().out.c_str();
}

// The scene of the last frame (see ui/scene.h): what the page's text layer and accessibility tree show.
EMSCRIPTEN_KEEPALIVE const char* cr_scene_json() {
    web::app().out = ui::scene_json(web::app().view.scene);
    return web::app().out.c_str();
}

// Loads a quiz file's bytes (`size` of them at `data`, in the heap: a file may be megabytes, far more than the
// stack holds) named `source` (`source_size` bytes) for messages. Returns 1 when the quiz loaded, 0 when it has
// errors (listed in the state's "errors").
EMSCRIPTEN_KEEPALIVE int cr_load_quiz(const char* data, int size, const char* source, int source_size) {
    web::load_quiz(std::string(data, static_cast<size_t>(size)), std::string(source, static_cast<size_t>(source_size)));
    return web::app().state.loaded ? 1 : 0;
}

// The largest quiz file the core accepts, in bytes: the page stops downloading past it.
EMSCRIPTEN_KEEPALIVE int cr_max_quiz_bytes() { return static_cast<int>(cr::kMaxDocumentBytes); }

// The page's commands: "start" (?start=question, the host's crossroads:start) and "restart" (crossroads:restart).
EMSCRIPTEN_KEEPALIVE void cr_command(const char* name) {
    const std::string command = name;
    if (command == "restart") web::dispatch(app::Restart{});
    else if (command == "start") web::dispatch(app::Start{});
}

// The browser refused to put `text` (a js_copy_text's) on the clipboard: the confirmation is taken back.
EMSCRIPTEN_KEEPALIVE void cr_copy_failed(const char* text) { web::dispatch(app::CopyFailed{text}); }

// The page was hidden or unloaded (the reader left): the host page hears "abandoned" when a run was open.
EMSCRIPTEN_KEEPALIVE void cr_page_hidden() { web::dispatch(app::PageHidden{}); }

// The page's accessible control for hit `id` was activated (Enter, Space, a screen reader's click).
EMSCRIPTEN_KEEPALIVE void cr_activate(const char* id) {
    web::app().view.activations.push_back(id);
    web::request_frames(3);
}

// The page's accessible control for hit `id` has keyboard focus ("" when none): draw the focus ring there.
EMSCRIPTEN_KEEPALIVE void cr_focus_hit(const char* id) {
    web::app().view.dom_focus = id;
    web::request_frames(2);
}

// A value from the accessible scale control (an <input type="range">).
EMSCRIPTEN_KEEPALIVE void cr_set_scale(double value) { web::dispatch(app::SetValue{value}); }

// The page's colour scheme: 1 dark, 0 light (?theme=, else the system's, followed live).
EMSCRIPTEN_KEEPALIVE void cr_set_theme(int dark) { web::set_theme(dark != 0); }

// The reader's contrast setting (0 normal, 1 more, 2 forced colours) and, for forced colours, the system colours
// Canvas, CanvasText, Highlight, HighlightText and GrayText as 0xRRGGBB.
EMSCRIPTEN_KEEPALIVE void cr_set_contrast(int contrast, int canvas, int canvas_text, int highlight, int highlight_text, int gray_text) {
    ui::Theme& t = web::app().view.theme;
    t.contrast = contrast == 2 ? ui::Contrast::Forced : contrast == 1 ? ui::Contrast::More : ui::Contrast::Normal;
    t.system = {static_cast<unsigned>(canvas), static_cast<unsigned>(canvas_text), static_cast<unsigned>(highlight),
                static_cast<unsigned>(highlight_text), static_cast<unsigned>(gray_text)};
    web::set_theme(t.dark);
}

// The reader's motion setting changed (prefers-reduced-motion): 1 to reduce.
EMSCRIPTEN_KEEPALIVE void cr_set_reduced_motion(int reduce) {
    web::app().view.reduced_motion = reduce != 0;
    web::request_frames(2);
}

// The host's accent colour (?accent=) as 0xRRGGBB.
EMSCRIPTEN_KEEPALIVE void cr_set_accent(int rgb) {
    web::app().view.theme.accent = static_cast<unsigned>(rgb);
    web::set_theme(web::app().view.theme.dark);
}

// The page says whether links to other quizzes (a quiz's "related" link) can work, e.g. not from file://.
EMSCRIPTEN_KEEPALIVE void cr_set_links(int enabled) {
    app::Environment env = web::app().state.env;
    env.can_link = enabled != 0;
    web::dispatch(app::Configure{env});
}

}  // extern "C"
