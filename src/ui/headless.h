// Crossroads UI, headless: one Dear ImGui context with no renderer for the native tools and tests (the scene and
// font tests, crossroads-measure, the frame benchmark), with the widget's fonts or ImGui's built-in one, and
// run_frame, the one place they draw a frame as the page does. Native only (it reads font files; not in the wasm).
#pragma once

#include <string>
#include <vector>

#include "app/screen.h"
#include "ui/fonts.h"
#include "ui/view.h"

namespace ui {

// Every pack's files from `dir` (build/<tree>/fonts/<pack>-<role>.ttf, cmake/fonts.cmake). `store` keeps the bytes
// that the returned views point into (3 slots per pack); a missing file leaves its role empty.
std::vector<FontPack> read_font_packs(const std::string& dir, std::vector<std::string>& store);

// The current ImGui context from construction to destruction (one at a time, as ImGui has one current context).
class Headless {
public:
    // ImGui's built-in font stands in for all five roles (tests and benchmarks of layout, not of glyphs).
    Headless();
    // The widget's own fonts, read from `font_dir` (see read_font_packs); use_fonts builds them for a quiz.
    explicit Headless(const std::string& font_dir);
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // The packs read from the font directory (empty with the built-in font).
    const std::vector<FontPack>& packs() const { return packs_; }
    // The built-in font, or nullptr with the widget's fonts.
    ImFont* builtin_font() const { return builtin_; }

    // A view as the page starts one (reduced motion, so a frame shows a screen whole), themed, its fonts set: the
    // built-in font in every role, or the widget's fonts holding `used` (cr::Quiz::characters) at `density`.
    View make_view(const std::u32string& used = U"", float density = 1.0f);
    // Rebuilds the widget's fonts for `used` at `density` into `fonts` (ui::build_fonts with the packs).
    void use_fonts(Fonts& fonts, const std::u32string& used, float density = 1.0f);

private:
    std::vector<std::string> store_;
    std::vector<FontPack> packs_;
    ImFont* builtin_ = nullptr;
};

// One frame of `model` (ui::draw) into `view`, `width` CSS px wide and `height` tall, or, with height 0, as tall as
// its content was last frame (at least 900 px), as the page sizes its canvas; the view's clock moves 1/60 s. Fills
// view.scene, view.commands and view.content_height; ImGui's draw data holds what was drawn.
void run_frame(const app::ScreenModel& model, View& view, float width, float height = 0);

}  // namespace ui
