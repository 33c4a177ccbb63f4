// Benchmark: CPU time of one full ImGui frame (NewFrame, draw, Render; no renderer) of the results
// screen and of a question screen, natively, with the shipped default quiz. Prints microseconds. With a font
// directory (build/<tree>/fonts), also the font atlas the page builds before its first frame: time and texture size.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli/font_files.h"
#include "core/loader.h"
#include "core/report.h"
#include "imgui.h"
#include "ui/view.h"

namespace {

double frame_us(cr::Session& s, ui::View& v, int frames) {
    std::vector<double> t;
    for (int i = 0; i < frames; ++i) {
        const auto a = std::chrono::steady_clock::now();
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        v.time += 1.0 / 60.0;
        ImGui::NewFrame();
        ui::draw(s, v);
        ImGui::Render();
        t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

// The atlas of the page's first frame (the base pack only, the quiz's characters) at `density`: build time
// (median of 5, ms) and the texture the GPU receives, RGBA, beside the same with a power-of-two height.
void atlas(const std::vector<ui::FontPack>& all, const std::u32string& used, float density) {
    std::vector<ui::FontPack> packs(all.size());
    packs[0] = all[0];
    std::vector<double> t;
    int w = 0, h = 0;
    for (int i = 0; i < 5; ++i) {
        ui::Fonts fonts;
        const auto a = std::chrono::steady_clock::now();
        ui::build_fonts(fonts, packs, used, density);
        unsigned char* pixels;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    int pow2 = 1;
    while (pow2 < h) pow2 *= 2;
    std::printf("font atlas at density %.0f: built in %.1f ms (median of 5); texture %dx%d = %.2f MB RGBA "
                "(with a power-of-two height, %dx%d = %.2f MB)\n",
                density, t[t.size() / 2], w, h, w * h * 4 / 1048576.0, w, pow2, w * pow2 * 4 / 1048576.0);
}

}  // namespace

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "content/python-path.json";
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    cr::LoadResult loaded = cr::load_quiz(text.str());
    if (!loaded.ok) {
        std::fprintf(stderr, "%s does not load\n", path);
        return 1;
    }
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 900);
    ImFont* font = io.Fonts->AddFontDefault();
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::View v;
    v.fonts = {font, font, font, font, font};
    v.reduced_motion = true;
    ui::apply_theme(v);
    cr::Session s(loaded.quiz, 7);
    s.start();
    std::printf("question screen: %.1f us per frame (median of 200)\n", frame_us(s, v, 200));
    cr::Answers answers;
    std::string error;
    cr::parse_answers(loaded.quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes", answers, error);
    cr::SessionState state = s.state();
    state.answers = answers;
    state.screen = cr::Screen::Results;
    cr::Session done(loaded.quiz, state);
    std::printf("results screen: %.1f us per frame (median of 200)\n", frame_us(done, v, 200));
    if (argc > 2) {
        std::vector<std::string> store;
        const std::vector<ui::FontPack> packs = cli::read_font_packs(argv[2], store);
        for (float density : {1.0f, 2.0f}) atlas(packs, loaded.quiz.characters, density);
    }
    ImGui::DestroyContext();
    return 0;
}
