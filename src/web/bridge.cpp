// Crossroads web edge: the functions the page's JavaScript calls (state as JSON, clickable rectangles,
// loading another quiz, commands, theme) and the page actions the UI asks for (clipboard, the related quiz).
#include <emscripten.h>
#include <malloc.h>

#include <chrono>
#include <string>

#include "core/catalogue.h"
#include "core/report.h"
#include "core/json_doc.h"
#include "core/profiles.h"
#include "core/protocol.h"
#include "page.h"
#include "platform.h"

namespace web {

namespace {

uint32_t fresh_seed() {
    return static_cast<uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count() & 0x7FFFFFFF) | 1u;
}

std::string state_json(const App& a) {
    cr::PageInfo info;
    info.frames = a.frames;
    info.resume_offered = a.view.resume_offered;
    info.shared = a.view.shared;
    info.adopt_offered = a.view.adopt_offered;
    info.notice = a.view.notice;
    info.status = a.view.status;
    return cr::page_state_json(a.session(), a.errors, a.source, info);
}

std::string hits_json(const ui::View& v) {
    cr::Json list = cr::Json::array();
    for (const auto& h : v.hits) {
        list.push_back({{"id", h.id}, {"label", h.label}, {"x", h.min.x}, {"y", h.min.y}, {"w", h.max.x - h.min.x},
                        {"h", h.max.y - h.min.y}, {"selected", h.selected}, {"enabled", h.enabled}});
    }
    return list.dump(-1, ' ', false, cr::Json::error_handler_t::replace);
}

}  // namespace

bool load_quiz_text(const std::string& text, const std::string& source) {
    App& a = app();
    cr::LoadResult result = cr::load_quiz(text, a.preview);  // the walk for unreachable outcomes is the editor's
    // Previewing an edit of the same file: the reader's place and answers carry over to the new version (from the
    // last version that loaded, if the file had errors in between).
    std::unique_ptr<Loaded> before;
    if (a.preview && source == a.source) before = a.loaded ? std::move(a.loaded) : std::move(a.last_good);
    a.source = source;
    a.loaded.reset();
    a.errors = result.diagnostics;
    if (result.ok) a.loaded = std::make_unique<Loaded>(std::move(result.quiz), fresh_seed());
    // The widget's words follow the quiz shown; the error screen is in English.
    cr::set_catalogue(a.loaded ? cr::Catalogue(a.quiz().language, a.quiz().strings) : cr::Catalogue());
    restore_progress();
    if (a.loaded && before) a.loaded->session = cr::Session(a.loaded->quiz, cr::carry_over(before->quiz, before->session.state(), a.loaded->quiz));
    else if (before) a.last_good = std::move(before);
    request_fonts();
    request_pictures();
    ++a.view.revision;
    request_frames(3);
    return result.ok;
}

void handle_view_requests() {
    App& a = app();
    const ui::Request request = a.view.request;
    a.view.request = ui::Request::None;
    if (request == ui::Request::CopyResult && a.session()) {
        const cr::Result r = a.session()->result();
        js_copy_text(cr::result_text(a.quiz(), a.session()->state().answers, r).c_str());
        a.view.status = cr::tr(cr::Key::Copied);
        request_frames(2);
    } else if (request == ui::Request::CopyShareLink) {
        const std::string link = share_link();
        js_copy_text(link.c_str());
        a.view.status = cr::tr(cr::Key::ShareCopied);
        request_frames(2);
    } else if (request == ui::Request::OpenRelated && a.session()) {
        js_open_quiz(a.source == kBuiltInSource ? kBuiltInUrl : a.source.c_str(), a.quiz().related.quiz.c_str());
    } else if (request == ui::Request::OpenCta && a.session()) {
        const cr::Outcome& o = a.quiz().outcomes[a.session()->result().decision.chosen];
        js_open_link(o.cta.url.c_str(), "cta", o.cta.label.c_str(), o.id.c_str());
    } else if (request == ui::Request::Resume || request == ui::Request::DiscardResume) {
        answer_resume(request == ui::Request::Resume);
    } else if (request == ui::Request::AdoptShared || request == ui::Request::LeaveShared) {
        answer_shared(request == ui::Request::AdoptShared);
    }
}

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
    web::app().out = web::state_json(web::app());
    return web::app().out.c_str();
}

// [{"id":"next","label":"Next","x":..,"y":..,"w":..,"h":..,"selected":false,"enabled":true}, ...] in CSS px
EMSCRIPTEN_KEEPALIVE const char* cr_hit_json() {
    web::app().out = web::hits_json(web::app().view);
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
    web::app().provisional = false;
    return web::load_quiz_text(std::string(data, static_cast<size_t>(size)), std::string(source, static_cast<size_t>(source_size))) ? 1 : 0;
}

// The studio's profiles panel: runs the reader profiles in `size` bytes at `data` (a `crossroads test` file named
// `source`) against the quiz on screen; returns cr::profiles_json's {"ok", "error", "failed", "profiles": [...]}.
EMSCRIPTEN_KEEPALIVE const char* cr_test_profiles(const char* data, int size, const char* source, int source_size) {
    web::App& a = web::app();
    std::vector<cr::ProfileVerdict> verdicts;
    std::string error;
    if (!a.loaded) error = a.source + " has errors: fix them first";
    else if (!cr::run_profiles(a.quiz(), std::string_view(data, static_cast<size_t>(size)), verdicts, error))
        error = std::string(source, static_cast<size_t>(source_size)) + ": " + error;
    a.out = cr::profiles_json(verdicts, error);
    return a.out.c_str();
}

// The studio's status line for `count` problems found in the quiz it checks ("2 problems: see the marks in the
// margin."): the catalogue's plural forms, in English as the diagnostics it counts are.
EMSCRIPTEN_KEEPALIVE const char* cr_problem_count(int count) {
    web::app().out = cr::tr_count(cr::Catalogue(), cr::Key::ProblemCount, count);
    return web::app().out.c_str();
}

// The largest quiz file the core accepts, in bytes: the page stops downloading past it.
EMSCRIPTEN_KEEPALIVE int cr_max_quiz_bytes() { return static_cast<int>(cr::kMaxDocumentBytes); }

// A command from the page: "start" (?start=question) or "restart" (the host page's restart message).
EMSCRIPTEN_KEEPALIVE void cr_command(const char* name) {
    web::App& a = web::app();
    const std::string command = name;
    if (!a.session()) return;
    bool changed = false;
    if (command == "restart") {
        a.session()->restart();
        changed = true;
    } else if (command == "start") {
        changed = a.session()->start();
    }
    if (changed) ++a.view.revision;
    web::request_frames(3);
}

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
EMSCRIPTEN_KEEPALIVE void cr_set_scale(double value) {
    web::App& a = web::app();
    if (a.session() && a.session()->set_value(value)) ++a.view.revision;
    web::request_frames(3);
}

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
    web::app().view.can_link = enabled != 0;
    web::request_frames(2);
}

}  // extern "C"
