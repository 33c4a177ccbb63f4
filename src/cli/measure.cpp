// crossroads-measure: the height of each quiz's first screen at a range of widths, drawn by the real UI code with
// the real fonts (natively, no renderer). scripts/assemble.py puts the table into embed.js, so an embed reserves
// the height its first screen will take and the post below it does not jump when the widget appears.
// Usage: crossroads-measure FONT_DIR [builtin:]QUIZ.json...   (FONT_DIR: the build's fonts/, cmake/fonts.cmake)
//   -> {"QUIZ.json": [height at 300 px, at 304 px, ... at 1300 px], "": [...]} in CSS px; the quiz marked builtin:
//   is the one compiled into the widget, listed under "". Links work in an embed, so a quiz's "related" link is drawn.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/loader.h"
#include "ui/headless.h"

namespace {

constexpr int kFirstWidth = 300, kStep = 4, kLastWidth = 1300;  // CSS px, as embed.js reads the table

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: crossroads-measure FONT_DIR [builtin:]QUIZ.json...\n");
        return 2;
    }
    ui::Headless headless(argv[1]);
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
        nlohmann::json heights = nlohmann::json::array();
        for (int width = kFirstWidth; width <= kLastWidth; width += kStep) {
            for (int frame = 0; frame < 2; ++frame)  // the second frame has the layout settled
                ui::run_frame(model, v, static_cast<float>(width), 2000);
            heights.push_back(static_cast<int>(std::ceil(v.content_height)));
        }
        out[builtin ? std::string() : name.substr(name.find_last_of('/') + 1)] = heights;
    }
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
