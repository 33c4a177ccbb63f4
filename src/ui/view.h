// Crossroads UI: draws a quiz session with Dear ImGui and describes it as a scene. Reads core state and reports
// the reader's intents (the platform applies them between frames); keeps only view state (fonts, column,
// animation, clickable rectangles, the scene). No browser calls here.
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/session.h"
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

// A clickable item as the reader sees it, in CSS pixels of the canvas (for tests and accessibility).
struct Hit {
    std::string id;     // "start", "option:<question>:<option>", "next", "back", "restart", "copy", ...
    std::string label;
    ImVec2 min, max;
    bool selected = false;
    bool enabled = true;
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

// What the reader did to the session this frame; applied by the platform after the frame (see apply_intents).
enum class Command { Start, Select, SetValue, Next, Back, Restart };
struct Intent {
    Command command;
    int option = -1;    // Select: option index of the current question
    double value = 0;   // SetValue
};

// What the page asked the widget to do, or what the widget asks of the page.
enum class Request { None, CopyResult, CopyShareLink, OpenRelated, OpenCta, Resume, DiscardResume, AdoptShared, LeaveShared };

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
    std::vector<Hit> hits;
    Scene scene;                 // what this frame shows, for the page's text layer
    std::string region;          // while drawing an open disclosure's content: its id
    std::vector<Intent> intents; // reported this frame, oldest first
    std::vector<std::string> changes;  // "what would change your result", for the answers of changes_revision
    int changes_revision = -1;
    Request request = Request::None;
    std::string status;          // short confirmation under the result buttons ("Copied")
    bool can_link = false;       // the page can open another quiz (the quiz's "related" link)
    bool can_share = false;      // the page has a URL a share link can point to
    bool resume_offered = false; // saved progress exists: the start screen offers to continue
    bool shared = false;         // showing answers from someone's share link: nothing is saved
    bool own_saved = false;      // ... while the reader has saved progress of their own
    bool adopt_offered = false;  // ... and the reader changed them: ask whether they become their own
    std::string notice;          // a message for the reader above the start screen (a link that failed)
    int revision = 0;            // bumped on every command that changed the session
    std::set<std::string> open;  // expanded review and FAQ rows
    std::deque<std::string> activations;  // hit ids the page activated (keys, screen reader), oldest first
    int activations_taken = 0;            // how many of them widgets took during this frame
    std::string dom_focus;       // the hit whose page control has keyboard focus: it gets the focus ring
    std::map<std::string, Picture> pictures;  // by the image's src; absent while it loads
};

// Fills view.theme.palette from its settings (scheme, accent, contrast) and styles ImGui to match.
void apply_theme(View& view);



// Draws one frame of the whole widget into the current ImGui frame; fills view.scene and view.intents.
void draw(const cr::Session& session, View& view);

// Applies the intents of the last frame to the session, in order, and clears them. Returns true when the
// session changed (the caller then draws again, so picture, scene and state describe the same screen).
bool apply_intents(cr::Session& session, View& view);

// Draws the loader's messages when a quiz file cannot be used (never a blank canvas).
void draw_errors(const std::vector<cr::Diagnostic>& errors, const std::string& source, View& view);

}  // namespace ui
