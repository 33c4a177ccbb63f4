// Crossroads web edge: the browser-facing pieces shared by main.cpp (loop, GL, fonts), input.cpp
// (emscripten/html5.h events) and bridge.cpp (functions the page's JavaScript calls).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/loader.h"
#include "core/session.h"
#include "ui/view.h"

namespace web {

extern const char* const kCanvas;  // CSS selector of the widget's canvas

struct App {
    cr::Quiz quiz;
    std::unique_ptr<cr::Session> session;
    std::vector<cr::Diagnostic> errors;  // shown instead of the quiz when content is invalid
    std::string source = "built-in";     // where the quiz came from, for error messages
    ui::View view;
    int frames = 0;                      // frames actually rendered
    int notified_revision = -1;
    double dpr = 1;
    int css_width = 0, css_height = 0;
    bool gl_ready = false;
    bool provisional = false;            // the built-in quiz stands in while the page fetches ?quiz=
};

App& app();

// Ask for `count` more frames; frames run on requestAnimationFrame only while something changes.
void request_frames(int count);

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


// Acts on what the UI asked for this frame (copy the result, open the readiness check).
void handle_view_requests();

}  // namespace web
