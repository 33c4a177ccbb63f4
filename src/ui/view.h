// Crossroads UI: draws the app layer's screen model with Dear ImGui and describes it as a scene. Reports what the
// reader did as app commands (the platform applies them between frames); keeps only view state (fonts, column,
// animation, the scene, open rows, parsed markdown). No browser calls here.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/app.h"
#include "app/screen.h"
#include "core/markdown.h"
#include "imgui.h"
#include "scene.h"
#include "theme.h"

namespace ui {

// The widget's type scale, in CSS px: one table for the wasm (src/web) and the native measuring tool.
struct FontSizes {
    static constexpr float body = 17.0f, title = 26.0f, small = 14.5f, mono = 15.0f;
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* title = nullptr;
    ImFont* small = nullptr;
    ImFont* mono = nullptr;
};

// The reader's contrast setting: normal, more (prefers-contrast: more), or forced colours, in which only the
// system colours are used (CSS system colour names; 0xRRGGBB each).
enum class Contrast { Normal, More, Forced };
struct SystemColors {
    unsigned canvas = 0xFFFFFF, canvas_text = 0x000000, highlight = 0x0000FF, highlight_text = 0xFFFFFF,
             gray_text = 0x808080;
};

// How the widget is coloured: the settings, and the palette apply_theme makes of them (0xRRGGBB per Tone).
struct Theme {
    bool dark = false;
    unsigned accent = 0;  // an editor's accent colour, 0 for the palette's own
    Contrast contrast = Contrast::Normal;
    SystemColors system;
    unsigned palette[static_cast<int>(Tone::Count)] = {};
};

// A quiz picture as the platform has it (web/images.cpp): its texture once loaded, or failed (its alt text is shown).
struct Picture {
    ImTextureID texture{};
    bool failed = false;
};

struct View {
    Fonts fonts;
    Theme theme;
    bool reduced_motion = false;
    double time = 0;             // seconds, set by the platform each frame
    double screen_since = 0;     // when the current screen/question appeared
    int shown_key = -1;          // screen/question the fade was started for (-1: start screen)
    bool animating = false;      // true while a transition runs (the platform keeps drawing)
    float content_height = 0;    // height the content needs, in CSS px (the platform sizes the canvas)
    float column_left = 0;       // the centred content column, in window coordinates (CSS px)
    float column_width = 400;
    Scene scene;                 // what this frame shows, for the page's text layer (its controls are the hits)
    std::string region;          // while drawing an open disclosure's content: its id
    std::vector<app::Command> commands;  // what the reader did this frame, oldest first
    std::set<std::string> open;  // expanded review and FAQ rows
    bool printing = false;       // the page prints: every row is drawn open (View::open stays as the reader left it)
    std::deque<std::string> activations;  // hit ids the page activated (keys, screen reader), oldest first
    int activations_taken = 0;            // how many of them widgets took during this frame
    std::string dom_focus;       // the hit whose page control has keyboard focus: it gets the focus ring
    std::map<std::string, Picture> pictures;  // by the image's src; absent while it loads
    std::unordered_map<std::string, std::vector<cr::Block>> parsed;  // markdown of the model shown, parsed once
    int parsed_revision = -1;                                        // the model revision `parsed` belongs to
};

// Fills view.theme.palette from its settings (scheme, accent, contrast) and styles ImGui to match.
void apply_theme(View& view);



// Draws one frame of `model` (app::present's screen) into the current ImGui frame; fills view.scene and
// view.commands. Computes nothing about the quiz: what it shows the model worked out once.
void draw(const app::ScreenModel& model, View& view);

}  // namespace ui
