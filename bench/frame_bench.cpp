// Benchmark: CPU time of one full ImGui frame (NewFrame, draw, Render; no renderer) of the results
// screen and of a question screen, natively, with the shipped default quiz, and of the largest screens the loader's
// size limits accept (core/loader.h), drawn as the page draws them: as tall as their content, every row open; beside
// it the time to make the results screen's model (app::present), which runs once per change, not per frame.
// Prints microseconds. With a font directory (build/<tree>/fonts), also the font atlas the page builds before its
// first frame: time and texture size.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/loader.h"
#include "core/report.h"
#include "app/screen.h"
#include "ui/headless.h"

namespace {

// The median of `frames` frames `width` wide; `height` 0: as tall as the content, as the page sizes its canvas.
double frame_us(const app::ScreenModel& m, ui::View& v, int frames, float width, float height = 0) {
    std::vector<double> t;
    for (int i = 0; i < frames; ++i) {
        const auto a = std::chrono::steady_clock::now();
        ui::run_frame(m, v, width, height);
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

// `text` with `insert` put before the first `before` after `after`.
std::string inserted(std::string text, const std::string& after, const std::string& before, const std::string& insert) {
    const size_t at = text.find(before, text.find(after));
    return at == std::string::npos ? text : text.insert(at, insert);
}

// Words of nine letters, `n` characters in all.
std::string words(size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += i % 10 == 9 ? ' ' : 'w';
    return out;
}

// The shipped quiz with FAQ entries added until its results screen holds as much text as the loader accepts: whole
// entries of kMaxTextChars, then one that fills up to the last character that still loads.
std::string largest_results(const std::string& quiz) {
    auto with = [&](size_t whole, size_t last) {
        std::string entries;
        for (size_t i = 0; i < whole; ++i)
            entries += "{\"id\": \"big-" + std::to_string(i) + "\", \"q\": \"Q\", \"a\": \"" + words(cr::kMaxTextChars) + "\"}, ";
        if (last) entries += "{\"id\": \"big-last\", \"q\": \"Q\", \"a\": \"" + words(last) + "\"}, ";
        return inserted(quiz, "\"faq\"", "{", entries);
    };
    size_t whole = 0;
    while (cr::load_quiz(with(whole + 1, 0), false).ok) ++whole;
    size_t low = 0, high = cr::kMaxTextChars;  // the last entry's length: `low` loads, `high` does not
    while (high - low > 1) (cr::load_quiz(with(whole, (low + high) / 2), false).ok ? low : high) = (low + high) / 2;
    return with(whole, low);
}

// Frames of the results screen of `text` (every row open) at `width`, and of its start screen.
void largest(const char* what, const std::string& text, ui::View& v, float width) {
    cr::LoadResult loaded = cr::load_quiz(text, false);
    if (!loaded.ok) {
        std::printf("%s: does not load\n", what);
        return;
    }
    size_t characters = 0;
    for (const auto& f : loaded.quiz.faq) characters += f.answer.size();
    cr::SessionState state;
    std::string error;
    cr::parse_answers(loaded.quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes", state.answers, error);
    state.screen = cr::Screen::Results;
    state.seed = 7;
    const app::State results = app::showing(loaded.quiz, state);
    const app::ScreenModel done = app::present(results);
    v.open.clear();
    frame_us(done, v, 2, width);
    for (const auto& item : v.scene.items)
        if (item.role == ui::Role::Disclosure) v.open.insert(item.id);
    frame_us(done, v, 2, width);
    std::printf("%s, results screen at %.0f px, every row open (%zu FAQ characters, %.0f px tall): %.1f us per frame "
                "(median of 50)\n", what, width, characters, v.content_height, frame_us(done, v, 50, width));
    cr::SessionState fresh;
    fresh.seed = 7;
    const app::State first = app::showing(std::move(loaded.quiz), fresh);
    const app::ScreenModel start = app::present(first);
    std::printf("%s, start screen at %.0f px: %.1f us per frame (median of 50)\n", what, width, frame_us(start, v, 50, width));
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
    ui::Headless headless;
    ui::View v = headless.make_view();
    cr::Session s(loaded.quiz, 7);
    s.start();
    std::printf("question screen: %.1f us per frame (median of 200)\n", frame_us(app::present(app::showing(loaded.quiz, s.state())), v, 200, 1280, 900));
    cr::Answers answers;
    std::string error;
    cr::parse_answers(loaded.quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes", answers, error);
    cr::SessionState state = s.state();
    state.answers = answers;
    state.screen = cr::Screen::Results;
    const app::State done = app::showing(loaded.quiz, state);
    std::vector<double> t;
    for (int i = 0; i < 20; ++i) {
        const auto a = std::chrono::steady_clock::now();
        const app::ScreenModel m = app::present(done);
        t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    std::printf("results screen: its model (result, reasons, what would change) made once per change in %.1f us "
                "(median of 20)\n", t[t.size() / 2]);
    std::printf("results screen: %.1f us per frame (median of 200)\n", frame_us(app::present(done), v, 200, 1280, 900));
    // The shared big-quiz case's shape (the intro padded with one run of x) at the longest word the loader accepts,
    // and the results screen at the most text it accepts.
    const std::string padded = inserted(text.str(), "\"intro\"", "\",", " " + std::string(cr::kMaxWordChars, 'x'));
    const std::string fullest = largest_results(text.str());
    for (float width : {360.0f, 1280.0f}) {
        largest("intro padded with the longest word", padded, v, width);
        largest("largest accepted results", fullest, v, width);
    }
    if (argc > 2) {
        std::vector<std::string> store;
        const std::vector<ui::FontPack> packs = ui::read_font_packs(argv[2], store);
        for (float density : {1.0f, 2.0f}) atlas(packs, loaded.quiz.characters, density);
    }
    return 0;
}
