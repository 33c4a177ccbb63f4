// crossroads-measure: the height of each quiz's first screen at a range of widths, drawn by the real UI code with
// the real fonts (natively, no renderer). scripts/assemble.py puts the table into embed.js, so an embed reserves
// the height its first screen will take and the post below it does not jump when the widget appears.
// Usage: crossroads-measure FONT_DIR [builtin:]QUIZ.json...   (FONT_DIR: the build's fonts/, cmake/fonts.cmake)
//   -> {"QUIZ.json": [height at 300 px, at 304 px, ... at 1300 px], "": [...]} in CSS px; the quiz marked builtin:
//   is the page's default quiz, listed under "". Links work in an embed, so a quiz's "related" link is drawn.
// With --scenes first, each quiz's first screen itself, for the page's first paint (scripts/first_screen.py):
//   -> {"QUIZ.json": {"layouts": [{"from": px, "to": px, "height": px, "scene": the scene (ui::scene_json) with x
//   from the column's left}]}}, one layout for each run of widths from 300 to 1300 px that draws alike (above
//   776 px the column no longer grows: one layout). Its colours are the design tokens' (web/style.css).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/loader.h"
#include "ui/headless.h"
#include "ui/scene.h"

namespace {

constexpr int kFirstWidth = 300, kStep = 4, kLastWidth = 1300;  // CSS px, as embed.js reads the table

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

// Lays out `model` at `width` CSS px (two frames: the second has the layout settled).
void lay_out(const app::ScreenModel& model, ui::View& v, int width) {
    for (int frame = 0; frame < 2; ++frame) ui::run_frame(model, v, static_cast<float>(width), 2000);
}

// A box (item or run) in whole CSS px, its x from the column's left: the page places the column itself, and half a
// pixel (ImGui rounds a centred column's odd half) is no difference a reader sees.
void to_column(nlohmann::json& box, float column_left) {
    box["x"] = box["x"].get<float>() - column_left;
    for (const char* key : {"x", "y", "w", "h"}) box[key] = static_cast<int>(std::floor(box[key].get<float>() + 0.5f));
}

// The first screen at every width, grouped into runs of widths that draw alike.
nlohmann::json scenes(const app::ScreenModel& model, ui::View& v) {
    nlohmann::json layouts = nlohmann::json::array();
    for (int width = kFirstWidth; width <= kLastWidth; ++width) {
        lay_out(model, v, width);
        nlohmann::json scene = nlohmann::json::parse(ui::scene_json(v.scene));
        for (auto& item : scene["items"]) {
            to_column(item, v.column_left);
            for (auto& run : item["runs"]) to_column(run, v.column_left);
        }
        const int height = static_cast<int>(std::ceil(v.content_height));
        if (!layouts.empty() && layouts.back()["scene"] == scene && layouts.back()["height"] == height) {
            layouts.back()["to"] = width;
        } else {
            layouts.push_back({{"from", width}, {"to", width}, {"height", height}, {"scene", scene}});
        }
    }
    return layouts;
}

}  // namespace

int main(int argc, char** argv) {
    const bool scene_mode = argc > 1 && std::string(argv[1]) == "--scenes";
    if (scene_mode) {
        --argc;
        ++argv;
    }
    if (argc < 3) {
        std::fprintf(stderr, "usage: crossroads-measure [--scenes] FONT_DIR [builtin:]QUIZ.json...\n");
        return 2;
    }
    ui::Headless headless(argv[1]);
    if (headless.packs().empty() || headless.packs()[0].regular.empty() || headless.packs()[0].bold.empty()) {
        std::fprintf(stderr, "crossroads-measure: %s has no base-regular.ttf and base-bold.ttf (the build's fonts/)\n", argv[1]);
        return 2;
    }
    ui::View v = headless.make_view();
    nlohmann::json out = nlohmann::json::object();
    for (int i = 2; i < argc; ++i) {
        std::string name = argv[i];
        const bool builtin = name.rfind("builtin:", 0) == 0;
        if (builtin) name = name.substr(8);
        cr::LoadResult loaded = cr::load_quiz(read(name));
        if (!loaded.ok) continue;  // a broken quiz shows its errors, whose height is its own
        headless.use_fonts(v.fonts, loaded.quiz.characters);
        const app::State state = app::showing(std::move(loaded.quiz), cr::SessionState{});  // links work in an embed
        const app::ScreenModel model = app::present(state);  // its first screen, in its words
        const std::string key = builtin ? std::string() : name.substr(name.find_last_of('/') + 1);
        if (scene_mode) {
            out[key] = {{"layouts", scenes(model, v)}};
            continue;
        }
        nlohmann::json heights = nlohmann::json::array();
        for (int width = kFirstWidth; width <= kLastWidth; width += kStep) {
            lay_out(model, v, width);
            heights.push_back(static_cast<int>(std::ceil(v.content_height)));
        }
        out[key] = heights;
    }
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
