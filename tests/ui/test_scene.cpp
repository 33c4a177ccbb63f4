// UI, headless: Dear ImGui with no renderer draws each screen of the fixtures and the shipped quiz, and the scene
// must describe exactly what was drawn: every glyph in ImGui's draw data belongs to a recorded text run (counted
// per frame), runs stay inside the column, controls carry their roles, names and states, Next waits for an answer.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/catalogue.h"
#include "core/report.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "app/app.h"
#include "app/screen.h"
#include "ui/headless.h"
#include "ui/widgets.h"
#include "unit/helpers.h"

namespace {

// One headless context for the whole file: the built-in font stands in for all five roles.
ui::Headless& context() {
    static ui::Headless c;
    return c;
}

ui::View make_view() {
    ui::View v = context().make_view();
    ImGui::GetStyle().AntiAliasedLinesUseTex = false;  // so only glyphs sample the font atlas
    return v;
}

// A new reader's state on `quiz`, its options shuffled by `seed`.
app::State fresh(const cr::Quiz& quiz, uint32_t seed) {
    cr::SessionState state;
    state.seed = seed;
    return app::showing(quiz, state);
}

// The glyphs in the draw data of the frame just run.
int drawn_glyphs() {
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    int glyph_vertices = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& vert : data->CmdLists[i]->VtxBuffer)
            if (vert.uv.x != white.x || vert.uv.y != white.y) ++glyph_vertices;
    return glyph_vertices / 4;
}

// One frame of `s`'s screen as tall as its content, as the platform sizes the canvas (ImGui culls what lies outside
// the display); returns the glyphs in the draw data.
int frame(const app::State& s, ui::View& v, double width = 800) {
    ui::run_frame(app::present(s), v, static_cast<float>(width));
    return drawn_glyphs();
}

// Glyphs the scene's runs account for: every character the font draws (not blanks).
int scene_glyphs(const ui::View& v) {
    int n = 0;
    ImFont* font = context().builtin_font();
    for (const auto& item : v.scene.items)
        for (const auto& run : item.runs) {
            const char* p = run.text.c_str();
            const char* e = p + run.text.size();
            while (p < e) {
                unsigned int c = 0;
                p += std::max(1, ImTextCharFromUtf8(&c, p, e));
                const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(c));
                if (g && g->Visible) ++n;
            }
        }
    return n;
}

const ui::SceneItem* control(const ui::View& v, const std::string& id) {
    for (const auto& item : v.scene.items)
        if (item.part == ui::Part::Control && item.id == id) return &item;
    return nullptr;
}

void check_runs_in_column(const ui::View& v) {
    for (const auto& item : v.scene.items)
        for (const auto& run : item.runs) {
            INFO("run '" << run.text << "' at x " << run.min.x << ".." << run.max.x);
            CHECK(run.min.x >= v.column_left - 0.5f);
            CHECK(run.max.x <= v.column_left + v.column_width + 0.5f);
        }
}

// Applies the commands of the last frame, as the platform does; true when the state changed.
bool apply_commands(app::State& s, ui::View& v) {
    const int before = s.revision;
    for (const app::Command& c : v.commands) app::apply(s, c);
    v.commands.clear();
    return s.revision != before;
}

// Draws until the state stops changing (commands applied), like the platform's frame loop. Returns the glyphs
// ImGui drew in the last frame.
int settle(app::State& s, ui::View& v, double width = 800) {
    int glyphs = frame(s, v, width);
    for (int i = 0; i < 4 && apply_commands(s, v); ++i) glyphs = frame(s, v, width);
    glyphs = frame(s, v, width);  // once more at the height the content asked for
    return glyphs;
}

cr::Quiz shipped_quiz() {
    std::ifstream in(std::string(CR_SOURCE_DIR) + "/content/python-path.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return crt::load_ok(text.str());
}

// The results screen for answers in the CLI's syntax.
app::State results_for(const cr::Quiz& quiz, const char* spec) {
    cr::Answers answers;
    std::string error;
    REQUIRE(cr::parse_answers(quiz, spec, answers, error));
    cr::SessionState state;
    state.answers = answers;
    state.screen = cr::Screen::Results;
    return app::showing(quiz, state);
}

// The glyphs ImGui drew (counted from its draw data) are exactly those of the scene's runs.
void check_glyphs(int drawn, const ui::View& v) {
    INFO("screen " << v.scene.screen);
    CHECK(drawn == scene_glyphs(v));
}

}  // namespace

TEST_CASE("scene: every glyph drawn is in a text run, on every screen of the mini quiz") {
    const cr::Quiz quiz = crt::load_fixture("mini.json");
    app::State s = fresh(quiz, 7);
    ui::View v = make_view();
    check_glyphs(settle(s, v), v);
    CHECK(v.scene.screen == "start");
    REQUIRE(!v.scene.items.empty());
    CHECK(v.scene.items[0].part == ui::Part::Heading);
    CHECK(v.scene.items[0].level == 1);
    CHECK(v.scene.items[0].runs[0].text == "Mini path quiz");
    const ui::SceneItem* start = control(v, "start");
    REQUIRE(start);
    CHECK(start->role == ui::Role::Button);
    CHECK(start->name == cr::tr(cr::Key::StartQuiz));

    v.activations.push_back("start");
    check_glyphs(settle(s, v), v);
    CHECK(v.scene.screen == "question:built");
    const ui::SceneItem* next = control(v, "next");
    REQUIRE(next);
    CHECK(next->disabled);
    const ui::SceneItem* one = control(v, "option:built:one");
    REQUIRE(one);
    CHECK(one->role == ui::Role::Radio);
    CHECK(one->group == "built");
    CHECK(one->name == "One project");
    CHECK_FALSE(one->checked);
    check_runs_in_column(v);

    v.activations.push_back("option:built:one");
    check_glyphs(settle(s, v), v);
    CHECK(control(v, "option:built:one")->checked);
    CHECK_FALSE(control(v, "next")->disabled);

    // Through to the results, answering each question with its first option (the scale keeps its default).
    for (int guard = 0; guard < 20 && s.session()->screen() == cr::Screen::Question; ++guard) {
        for (const auto& item : v.scene.items)
            if (item.part == ui::Part::Control && (item.role == ui::Role::Radio || item.role == ui::Role::Checkbox) && !item.checked) {
                v.activations.push_back(item.id);
                break;
            }
        settle(s, v);
        v.activations.push_back("next");
        check_glyphs(settle(s, v), v);
    }
    CHECK(v.scene.screen == "results");
    CHECK_FALSE(v.scene.announce.empty());
    check_runs_in_column(v);
}

TEST_CASE("scene: the shipped quiz's results with every row open, at 800 and 360 px") {
    const cr::Quiz quiz = shipped_quiz();
    app::State s = results_for(quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes");
    for (double width : {800.0, 360.0}) {
        ui::View v = make_view();
        settle(s, v, width);
        for (const auto& item : v.scene.items)
            if (item.role == ui::Role::Disclosure) v.open.insert(item.id);
        check_glyphs(settle(s, v, width), v);
        check_runs_in_column(v);
        int tables = 0, figures = 0, regions = 0, headings = 0;
        for (const auto& item : v.scene.items) {
            tables += item.part == ui::Part::Cell && item.level == 0 && item.column == 0;
            figures += item.part == ui::Part::Figure;
            regions += !item.region.empty();
            headings += item.part == ui::Part::Heading;
        }
        CHECK(tables >= 1);              // the comparison table
        CHECK(figures == static_cast<int>(quiz.outcomes.size()));  // one bar per outcome, each with a text equivalent
        CHECK(regions > 0);              // the open review and FAQ rows' contents
        CHECK(headings >= 4);
    }
}

TEST_CASE("scene: the results' bars, the salary check's ranges, the lists' marks and the rows' dots are shapes for the visible HTML") {
    // Points decide (the bars are drawn), and the chosen outcome (the internship, 2) is not the one with the most
    // (the junior job, 4, whose requirements are not met).
    const cr::Quiz quiz = shipped_quiz();
    app::State s = results_for(quiz, "background=self-taught,work-history=tech,portfolio=one,take-readiness=yes");
    const cr::Result& r = s.session()->result();
    REQUIRE(r.decision.rule < 0);
    REQUIRE(r.totals.size() == 3);
    REQUIRE(r.totals[r.decision.chosen] > 0);
    REQUIRE(r.totals[r.decision.chosen] < *std::max_element(r.totals.begin(), r.totals.end()));
    double top = 1;
    for (double t : r.totals) top = std::max(top, std::fabs(t));
    for (double width : {800.0, 360.0}) {
        ui::View v = make_view();
        settle(s, v, width);
        INFO("width " << width);
        size_t bar = 0, proportional = 0;
        int marks = 0, ranges = 0, asked = 0;
        for (const auto& item : v.scene.items) {
            if (item.part == ui::Part::Figure) {
                // A track as wide as the column, then a fill from its left edge: the chosen outcome's in the accent.
                REQUIRE(bar < quiz.outcomes.size());
                REQUIRE(item.shapes.size() == (r.totals[bar] > 0 ? 2u : 1u));
                const ui::Shape& track = item.shapes[0];
                CHECK(track.tone == ui::Tone::Track);
                CHECK(track.max.x - track.min.x == doctest::Approx(v.column_width));
                CHECK(track.max.y - track.min.y == doctest::Approx(10));
                if (item.shapes.size() == 2) {
                    const ui::Shape& fill = item.shapes[1];
                    CHECK(fill.tone == (static_cast<int>(bar) == r.decision.chosen ? ui::Tone::Accent : ui::Tone::Muted));
                    CHECK(fill.min.x == doctest::Approx(track.min.x));
                    CHECK(fill.min.y == doctest::Approx(track.min.y));
                    CHECK(fill.radius == doctest::Approx(5));
                    const float frac = static_cast<float>(r.totals[bar] / top);
                    if (frac * v.column_width >= 10) {  // a small total keeps a visible stub
                        CHECK((fill.max.x - fill.min.x) / (track.max.x - track.min.x) == doctest::Approx(frac));
                        ++proportional;
                    }
                }
                ++bar;
            } else if (item.part == ui::Part::ListItem) {
                // A dot, or the plan's box, to the left of the item's first word.
                REQUIRE_FALSE(item.shapes.empty());
                REQUIRE_FALSE(item.runs.empty());
                CHECK(item.shapes[0].max.x < item.runs[0].min.x);
                ++marks;
            } else if (item.part == ui::Part::Heading && item.shapes.size() == 2) {
                // A range of the salary check: its stretch in the accent, inside the track.
                CHECK(item.shapes[0].tone == ui::Tone::Track);
                CHECK(item.shapes[1].tone == ui::Tone::Accent);
                CHECK(item.shapes[1].min.x >= item.shapes[0].min.x);
                CHECK(item.shapes[1].max.x <= item.shapes[0].max.x + 0.01f);
                CHECK(item.shapes[1].max.x > item.shapes[1].min.x);
                ++ranges;
            } else if (item.role == ui::Role::Disclosure) {
                // A question readers ask: a row that opens, with its dot before the title in the accent.
                REQUIRE(item.shapes.size() == 1);
                REQUIRE_FALSE(item.runs.empty());
                const ui::Shape& dot = item.shapes[0];
                CHECK(dot.max.x - dot.min.x == doctest::Approx(10));
                CHECK(dot.radius == doctest::Approx(5));
                CHECK(dot.max.x < item.runs[0].min.x);
                CHECK(dot.tone == ui::Tone::Accent);  // the review's rows: the next test
                ++asked;
            } else {
                CHECK(item.shapes.empty());
            }
        }
        CHECK(asked == static_cast<int>(quiz.faq.size()));
        CHECK(bar == quiz.outcomes.size());
        CHECK(proportional >= 2);
        CHECK(marks >= 2);
        CHECK(ranges == static_cast<int>(quiz.ranges.items.size()));
        // In the JSON, a tone as the design tokens name it.
        CHECK(ui::scene_json(v.scene).find(R"("shapes":[{"h":10.0,"r":5.0,"tone":"track",)") != std::string::npos);
    }
}

TEST_CASE("scene: a reviewed answer's row has its verdict's dot, the good tone when right and the bad one when wrong") {
    // The readiness check's first two questions, the first answered right (a) and the second wrong (a, not b).
    const cr::Quiz quiz = shipped_quiz();
    app::State s = results_for(quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes,"
                                     "functions=a,data-structures=a");
    ui::View v = make_view();
    settle(s, v, 800);
    std::vector<ui::Tone> dots;
    for (const auto& item : v.scene.items) {
        if (item.id.rfind("review:", 0) != 0) continue;
        REQUIRE(item.shapes.size() == 1);
        REQUIRE_FALSE(item.runs.empty());
        CHECK(item.shapes[0].max.x < item.runs[0].min.x);
        dots.push_back(item.shapes[0].tone);
    }
    REQUIRE(dots.size() >= 2);  // (and the questions left unanswered)
    CHECK(dots[0] == ui::Tone::Good);
    CHECK(dots[1] == ui::Tone::Bad);
}

TEST_CASE("scene: code keeps its lines and indentation, and long words stay in the column") {
    const cr::Quiz words = crt::load_fixture("long-words.json");
    app::State s = fresh(words, 3);
    ui::View v = make_view();
    settle(s, v, 360);
    check_runs_in_column(v);
    check_glyphs(frame(s, v, 360), v);

    const cr::Quiz quiz = crt::load_ok(R"json({"format": 1, "id": "code", "version": 1, "title": "T",
 "sections": [{"id": "k", "title": "K", "kind": "knowledge", "questions": [{"id": "q", "type": "single",
   "prompt": "What does this print?", "code": "for i in range(2):\n    print(i)",
   "options": [{"id": "a", "label": "0 1"}, {"id": "b", "label": "1 2"}], "correct": "a",
   "explanation": "range(2) is 0 and 1."}]}],
 "bands": [{"id": "b", "min": 0, "max": 100, "title": "B", "feedback": "F"}]})json");
    app::State q = fresh(quiz, 1);
    app::apply(q, app::Start{});
    ui::View c = make_view();
    settle(q, c);
    const ui::SceneItem* code = nullptr;
    for (const auto& item : c.scene.items)
        if (item.part == ui::Part::Code) code = &item;
    REQUIRE(code);
    REQUIRE(code->runs.size() == 2);
    CHECK(code->runs[0].text == "for i in range(2):");
    CHECK(code->runs[1].text == "    print(i)");
    CHECK(code->name == cr::tr(cr::Key::CodeLabel));
}

TEST_CASE("scene: results show the plan as a checklist, what would change the result, and the tie rule between two") {
    // The shipped quiz's reader one junior requirement short: the Double Application by a rule, with a plan.
    const cr::Quiz quiz = shipped_quiz();
    app::State s = results_for(quiz, "background=self-taught,work-history=tech,portfolio=several-full-stack,explain-architecture=partly,"
                                      "syntax=advanced,solo-comfort=6,focus=deliver,finances=no,company-aim=any,take-readiness=no");
    REQUIRE(s.session()->result().decision.rule >= 0);
    ui::View v = make_view();
    check_glyphs(settle(s, v), v);
    check_runs_in_column(v);
    auto has_heading = [&](cr::Key key) {
        for (const auto& item : v.scene.items)
            if (item.part == ui::Part::Heading && !item.runs.empty() && item.runs[0].text == cr::tr(key)) return true;
        return false;
    };
    CHECK(has_heading(cr::Key::NextSteps));
    CHECK(has_heading(cr::Key::WhatWouldChange));
    // The plan's steps are marked by a box: filled in the accent when done, an outline when not.
    int done = 0, open = 0;
    for (const auto& item : v.scene.items) {
        if (item.part != ui::Part::ListItem || item.shapes.empty() || item.shapes[0].max.x - item.shapes[0].min.x != 16) continue;
        const bool ticked = item.name == cr::tr(cr::Key::StepDone);
        CHECK(item.shapes[0].tone == (ticked ? ui::Tone::Accent : ui::Tone::Muted));
        CHECK(item.shapes[0].border == (ticked ? 0.0f : 1.5f));
        (ticked ? done : open)++;
    }
    CHECK(done + open == static_cast<int>(app::present(s).plan.size()));
    CHECK(open > 0);
    // A rule's sentence decided, not points: no points chart that would show the result with 0 points.
    CHECK(std::none_of(v.scene.items.begin(), v.scene.items.end(), [](const ui::SceneItem& item) { return item.part == ui::Part::Figure; }));
    // At a phone's width too, every run stays in the column.
    check_glyphs(settle(s, v, 360), v);
    check_runs_in_column(v);

    // A quiz with a tie rule (tests/fixtures/mini.json): its bar says between which two, not "0".
    const cr::Quiz mini = crt::load_fixture("mini.json");
    app::State tied = results_for(mini, "built=many,work=none,alone=1,check=false");
    REQUIRE(tied.session()->result().decision.tie_fired);
    ui::View w = make_view();
    check_glyphs(settle(tied, w), w);
    bool between = false;
    for (const auto& item : w.scene.items)
        if (item.part == ui::Part::Figure && item.name.find(cr::tr(cr::Key::BetweenTwo, {"", ""}).substr(0, 7)) != std::string::npos) {
            between = true;
            // Its shapes: the track, and over it the bracket in the accent, taller than the track.
            REQUIRE(item.shapes.size() == 2);
            CHECK(item.shapes[1].tone == ui::Tone::Accent);
            CHECK(item.shapes[1].max.y - item.shapes[1].min.y > item.shapes[0].max.y - item.shapes[0].min.y);
        }
    CHECK(between);
}

namespace {

// Every text run of the scene, one per line.
std::string scene_text(const ui::View& v) {
    std::string out;
    for (const auto& item : v.scene.items)
        for (const auto& run : item.runs) out += run.text + "\n";
    return out;
}

bool has_heading(const ui::View& v, const std::string& text) {
    return std::any_of(v.scene.items.begin(), v.scene.items.end(), [&](const ui::SceneItem& item) {
        return item.part == ui::Part::Heading && !item.runs.empty() && item.runs[0].text == text;
    });
}

}  // namespace

TEST_CASE("scene: a quiz on another topic draws its own link, section intro, explanations, chart and knowledge heading") {
    const cr::Quiz quiz = crt::load_fixture("data-path.json");
    app::State s = fresh(quiz, 3);
    ui::View v = make_view();
    settle(s, v);
    s.env.can_link = false;
    settle(s, v);
    CHECK(control(v, "related") == nullptr);  // the page said links cannot work
    s.env.can_link = true;
    settle(s, v);
    const ui::SceneItem* related = control(v, "related");
    REQUIRE(related);
    CHECK(related->name == "Only check my data basics");

    v.activations.push_back("start");
    settle(s, v);
    CHECK(v.scene.screen == "question:enjoy");
    CHECK(scene_text(v).find("There are no wrong answers here") != std::string::npos);  // the section starts
    v.activations.push_back("option:enjoy:charts");
    settle(s, v);
    v.activations.push_back("next");
    check_glyphs(settle(s, v), v);
    CHECK(v.scene.screen == "question:statistics");
    CHECK(scene_text(v).find("There are no wrong answers here") == std::string::npos);  // not again within it
    CHECK(scene_text(v).find("Think of tests, distributions") != std::string::npos);    // the question's explanation

    app::State skipped = results_for(quiz, "enjoy=charts,statistics=2,queries=never,take-check=no");
    check_glyphs(settle(skipped, v), v);
    CHECK(has_heading(v, "Example ranges"));
    CHECK(scene_text(v).find("Explaining data to people who decide") != std::string::npos);  // under its reason
    REQUIRE(control(v, "related"));
    CHECK(control(v, "related")->name == "Check my data basics");
    std::string all = ui::scene_json(v.scene);
    std::transform(all.begin(), all.end(), all.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* word : {"python", "internship", "junior", "salary", "readiness"}) CHECK_MESSAGE(all.find(word) == std::string::npos, word);

    app::State checked = results_for(quiz, "enjoy=models,statistics=9,queries=often,take-check=yes,mean-median=true,correlation=related,join=left");
    check_glyphs(settle(checked, v), v);
    CHECK(has_heading(v, "Data basics check"));
    CHECK(control(v, "related") == nullptr);  // the reader took the check
}

TEST_CASE("scene: a link is drawn as runs that carry its address, and a call to action is a button on its result") {
    const cr::Quiz quiz = crt::load_ok(R"json({"format": 1, "id": "links", "version": 1, "title": "T",
 "outcomes": [{"id": "a", "title": "A", "summary": "Read [the next part of the post](https://example.org/post#next) now.",
   "cta": {"label": "Join the course", "url": "https://example.org/course"}}, {"id": "b", "title": "B", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [{"id": "q", "type": "single", "prompt": "P",
   "options": [{"id": "x", "label": "X", "weights": {"a": 1}}, {"id": "y", "label": "Y", "weights": {"b": 1}}]}]}]})json");
    app::State s = results_for(quiz, "q=x");
    ui::View v = make_view();
    settle(s, v, 360);  // narrow: the link wraps onto a second line
    check_glyphs(frame(s, v, 360), v);
    std::string linked;
    int linked_runs = 0;
    for (const auto& item : v.scene.items)
        for (const auto& run : item.runs)
            if (!run.href.empty()) {
                CHECK(run.href == "https://example.org/post#next");
                linked += (linked.empty() ? "" : " ") + run.text;
                ++linked_runs;
            }
    CHECK(linked == "the next part of the post");
    const ui::SceneItem* cta = control(v, "cta");
    REQUIRE(cta);
    CHECK(cta->name == "Join the course");
}

TEST_CASE("scene: halves of a link in titles, labels, prompts and a strings template never make a link (issue 23)") {
    // tests/fixtures/link-trap.json: outcome titles "[Alpha" and "](javascript:...)", option labels, prompts and
    // band titles likewise, correct answers "[first" and "](javascript:...)" joined in the review, and a strings
    // template that opens a "[" for the values to close. validate accepts it: each value alone is harmless.
    const cr::Quiz quiz = crt::load_fixture("link-trap.json");
    cr::set_catalogue(cr::Catalogue(quiz.language, quiz.strings));
    for (const char* answers : {"q=x,r=u,m=first+second", "q=y,r=w,m=third"}) {
        INFO(answers);
        app::State s = results_for(quiz, answers);
        ui::View v = make_view();
        settle(s, v);
        for (const auto& item : v.scene.items)
            if (item.role == ui::Role::Disclosure) v.open.insert(item.id);
        check_glyphs(settle(s, v), v);
        std::string text;
        for (const auto& item : v.scene.items)
            for (const auto& run : item.runs) {
                INFO("run '" << run.text << "' links to '" << run.href << "'");
                CHECK(run.href.empty());
                text += run.text + " ";
            }
        CHECK(text.find("javascript:void(document.title='pwned'))") != std::string::npos);  // shown as the text it is
        CHECK(text.find("[first, ](javascript") != std::string::npos);                        // the review's right answer
        CHECK(text.find("\\") == std::string::npos);                                             // no escape shows
    }
    cr::set_catalogue(cr::Catalogue());
}

TEST_CASE("scene: a pointer moving over the results re-scores nothing: the model is made once per change") {
    const cr::Quiz quiz = shipped_quiz();
    app::State s = results_for(quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes");
    ui::View v = make_view();
    app::ScreenModel cache;
    int presented = 0;
    auto draw = [&](float x, float y) {
        ImGui::GetIO().AddMousePosEvent(x, y);
        ui::run_frame(app::screen_model(s, cache, &presented), v, 800);
    };
    draw(10, 10);
    const unsigned long scored = cr::score_runs();
    for (int i = 0; i < 40; ++i) draw(100.0f + 15.0f * i, 50.0f + 40.0f * i);  // over headings, bars and buttons
    CHECK(presented == 1);
    CHECK(cr::score_runs() == scored);
    CHECK(v.commands.empty());
    // A change the reader makes is a new model, made once.
    app::apply(s, app::Back{});
    draw(10, 10);
    draw(20, 20);
    CHECK(presented == 2);
}

TEST_CASE("scene: a quiz file that cannot be used shows each error, located, every glyph in a run, at 800 and 360 px") {
    app::State s;
    app::apply(s, app::LoadQuiz{crt::read_fixture("broken.json"), "broken.json", 1});
    REQUIRE_FALSE(s.loaded);
    const std::vector<cr::Diagnostic>& diagnostics = s.errors;
    const app::ScreenModel model = app::present(s);
    for (float width : {800.0f, 360.0f}) {
        ui::View v = make_view();
        ui::run_frame(model, v, width);
        ui::run_frame(model, v, width);  // at the height the content asked for
        check_glyphs(drawn_glyphs(), v);
        check_runs_in_column(v);
        CHECK(v.scene.screen == "errors");
        REQUIRE(!v.scene.items.empty());
        CHECK(v.scene.items[0].part == ui::Part::Heading);
        CHECK(v.scene.items[0].runs[0].text == cr::tr(cr::Key::CannotLoad));
        std::string text;
        for (const auto& item : v.scene.items)
            for (const auto& run : item.runs) text += run.text + " ";
        for (const auto& d : diagnostics)
            if (d.severity == cr::Severity::Error) CHECK(text.find(std::to_string(d.line) + ":") != std::string::npos);
    }
}

TEST_CASE("scene: the scale is a slider with its range and value, and a press or a drag on its track sets it") {
    const cr::Quiz quiz = crt::load_fixture("mini.json");
    app::State s = fresh(quiz, 7);
    ui::View v = make_view();
    settle(s, v);
    v.activations.push_back("start");
    settle(s, v);
    for (int guard = 0; guard < 20 && !control(v, "scale:alone"); ++guard) {
        for (const auto& item : v.scene.items)
            if (item.part == ui::Part::Control && item.role == ui::Role::Radio && !item.checked) {
                v.activations.push_back(item.id);
                break;
            }
        settle(s, v);
        v.activations.push_back("next");
        settle(s, v);
    }
    const ui::SceneItem* slider = control(v, "scale:alone");
    REQUIRE(slider);
    CHECK(slider->role == ui::Role::Slider);
    CHECK(slider->name == "Working alone on production code feels...");
    CHECK(slider->min == 1);
    CHECK(slider->max == 5);
    CHECK(slider->step == 1);
    CHECK(slider->value == 3);
    CHECK(slider->value_text == "3 (1: Scary, 5: Fine)");
    REQUIRE(slider->runs.size() == 1);  // the value, drawn at the track's centre
    CHECK(slider->runs[0].text == "3");
    CHECK(std::fabs(slider->runs[0].min.x + slider->runs[0].max.x - slider->rect_min.x - slider->rect_max.x) < 1);
    CHECK(slider->rect_max.x - slider->rect_min.x == doctest::Approx(v.column_width));
    const ImVec2 a = slider->rect_min, b = slider->rect_max;
    const float y = (a.y + b.y) * 0.5f;
    // The pointer's moves and presses, one event a frame as the page delivers them; returns the value drawn after.
    auto pointer = [&](float x, int press = -1) {
        ImGui::GetIO().AddMousePosEvent(x, y);
        frame(s, v);
        if (press >= 0) ImGui::GetIO().AddMouseButtonEvent(0, press == 1);
        settle(s, v);
        return control(v, "scale:alone")->value;
    };
    // Where tests/browser/lib.mjs's sliderPoint presses for each value: the thumb (one step wide, at least 28 px,
    // 2 px inside the track) centred over it.
    const float track = b.x - a.x - 4, thumb = std::max(28.0f, track / 5);
    for (int value : {5, 1, 4, 2, 3}) {
        const float x = a.x + 2 + thumb / 2 + static_cast<float>(value - 1) / 4 * (track - thumb);
        CHECK(pointer(x, 1) == value);
        CHECK(pointer(x, 0) == value);
    }
    CHECK(pointer(a.x + 1, 1) == 1);        // held at the left end
    CHECK(pointer(b.x - 1) == 5);           // dragged to the right end
    CHECK(pointer(b.x + 30) == 5);          // and past it
    CHECK(pointer((a.x + b.x) * 0.5f) == 3);  // back to the middle, held
    CHECK(pointer((a.x + b.x) * 0.5f, 0) == 3);
    CHECK(pointer(b.x - 1) == 3);           // released: moving over it changes nothing
}

namespace {

// A reader's state on question `id` of `quiz`, nothing answered.
app::State asking(const cr::Quiz& quiz, const char* id) {
    cr::SessionState state;
    state.screen = cr::Screen::Question;
    state.current = quiz.question_index(id);
    REQUIRE(state.current >= 0);
    return app::showing(quiz, state);
}

// The scale `id` and its two end labels (the scene items after it): no two of their runs overlap, and what follows
// starts below them. Returns the labels' items.
std::pair<const ui::SceneItem*, const ui::SceneItem*> check_scale_labels(const ui::View& v, const std::string& id) {
    const auto& items = v.scene.items;
    size_t at = 0;
    while (at < items.size() && items[at].id != id) ++at;
    REQUIRE(at + 2 < items.size());
    const ui::SceneItem &min_label = items[at + 1], &max_label = items[at + 2];
    REQUIRE_FALSE(min_label.runs.empty());
    REQUIRE_FALSE(max_label.runs.empty());
    std::vector<ui::TextRun> runs;
    for (size_t i = at; i < at + 3; ++i) runs.insert(runs.end(), items[i].runs.begin(), items[i].runs.end());
    for (size_t i = 0; i < runs.size(); ++i)
        for (size_t j = i + 1; j < runs.size(); ++j) {
            INFO("'" << runs[i].text << "' and '" << runs[j].text << "'");
            const bool apart = runs[i].max.x <= runs[j].min.x || runs[j].max.x <= runs[i].min.x ||
                               runs[i].max.y <= runs[j].min.y || runs[j].max.y <= runs[i].min.y;
            CHECK(apart);
        }
    const float bottom = std::max(min_label.rect_max.y, max_label.rect_max.y);
    for (size_t i = at + 3; i < items.size(); ++i) CHECK(items[i].rect_min.y >= bottom);
    return {&min_label, &max_label};
}

}  // namespace

TEST_CASE("scene: the scale's end labels never overlap: on one line when they fit, else wrapped in halves of the column") {
    const cr::Quiz quiz = shipped_quiz();
    app::State s = asking(quiz, "solo-comfort");
    for (double width : {800.0, 360.0, 300.0}) {
        INFO("width " << width);
        ui::View v = make_view();
        check_glyphs(settle(s, v, width), v);
        REQUIRE(v.scene.screen == "question:solo-comfort");
        check_runs_in_column(v);
        const auto [min_label, max_label] = check_scale_labels(v, "scale:solo-comfort");
        // The min label from the column's left edge, the max label to its right one, both from the same line.
        CHECK(min_label->runs[0].min.x == doctest::Approx(v.column_left));
        CHECK(max_label->runs[0].min.y == doctest::Approx(min_label->runs[0].min.y));
        for (const auto& run : max_label->runs) CHECK(run.max.x == doctest::Approx(v.column_left + v.column_width));
        if (width >= 800) {
            CHECK(min_label->runs.size() == 1);  // as wide screens always showed them
            CHECK(max_label->runs.size() == 1);
        } else {
            CHECK(min_label->runs.size() > 1);  // each wrapped within (just under) half the column
            for (const auto& run : min_label->runs) CHECK(run.max.x < v.column_left + v.column_width * 0.5f);
            for (const auto& run : max_label->runs) CHECK(run.min.x > v.column_left + v.column_width * 0.5f);
        }
    }
}

TEST_CASE("scene: the scale's end labels stand one under the other when a word will not fit in half the column") {
    std::string text = crt::read_fixture("mini.json");
    const std::string label = R"("max_label": "Fine")";
    REQUIRE(text.find(label) != std::string::npos);
    text.replace(text.find(label), label.size(), R"("max_label": "Fine, like a Donaudampfschifffahrtskapitän")");
    const cr::Quiz quiz = crt::load_ok(text);
    app::State s = asking(quiz, "alone");
    ui::View v = make_view();
    check_glyphs(settle(s, v, 300), v);
    REQUIRE(v.scene.screen == "question:alone");
    check_runs_in_column(v);
    const auto [min_label, max_label] = check_scale_labels(v, "scale:alone");
    CHECK(min_label->runs.size() == 1);
    CHECK(min_label->runs[0].min.x == doctest::Approx(v.column_left));
    CHECK(max_label->runs[0].min.y >= min_label->runs[0].max.y);  // below it
    for (const auto& run : max_label->runs) CHECK(run.max.x == doctest::Approx(v.column_left + v.column_width));
}

TEST_CASE("scene: a markdown table's cells sit in equal columns, wrap inside them, and carry their table, row and column") {
    std::string text = crt::read_fixture("mini.json");
    const std::string prompt = R"("prompt": "What have you built?",)";
    REQUIRE(text.find(prompt) != std::string::npos);
    text.replace(text.find(prompt), prompt.size(), prompt + R"( "explanation": "| Path | Pay | Note |\n|---|---|---|\n| Internship | | )"
                 R"(a mentor close by, and a fixed-term contract to plan beyond |\n| Junior job | More | Donaudampfschifffahrtsgesellschaft |",)");
    const cr::Quiz quiz = crt::load_ok(text);
    for (double width : {800.0, 360.0}) {
        INFO("width " << width);
        app::State s = fresh(quiz, 7);
        ui::View v = make_view();
        settle(s, v, width);
        v.activations.push_back("start");
        check_glyphs(settle(s, v, width), v);
        check_runs_in_column(v);
        std::vector<const ui::SceneItem*> cells;
        for (const auto& item : v.scene.items)
            if (item.part == ui::Part::Cell) cells.push_back(&item);
        REQUIRE(cells.size() == 9);
        float row_y = cells[0]->rect_min.y;
        for (int r = 0; r < 3; ++r) {
            float row_bottom = row_y;
            for (int c = 0; c < 3; ++c) {
                const ui::SceneItem& cell = *cells[static_cast<size_t>(r * 3 + c)];
                INFO("row " << r << ", column " << c);
                CHECK(cell.level == r);
                CHECK(cell.column == c);
                CHECK(cell.table == cells[0]->table);
                // Columns of equal width (to a pixel), 16 px apart, across the reading column.
                const float pitch = (v.column_width + 16) / 3;
                const float x = v.column_left + static_cast<float>(c) * pitch;
                CHECK(std::fabs(cell.rect_min.x - x) <= 1);
                CHECK(cell.rect_min.y == row_y);
                for (const auto& run : cell.runs) {
                    CHECK(run.font == (r == 0 || c == 0 ? ui::FontRole::Bold : ui::FontRole::Body));
                    CHECK(run.max.x <= x + pitch - 16 + 1);  // wrapped (or broken) inside its column
                }
                row_bottom = std::max(row_bottom, cell.rect_max.y);
            }
            if (r < 2) row_y = cells[static_cast<size_t>(r * 3 + 3)]->rect_min.y;
            if (r < 2) CHECK(row_y == row_bottom + 12);  // 6 px below a row's tallest cell, 6 above the next one's text
        }
        CHECK(cells[4]->runs.empty());  // the empty cell is there, with nothing in it
        REQUIRE(cells[5]->runs.size() > 1);  // the long note wraps, its lines as far apart as a paragraph's (not set solid)
        CHECK(cells[5]->runs[1].min.y - cells[5]->runs[0].min.y == doctest::Approx(ui::body_line_height(v)));
        CHECK(cells[8]->runs.size() > (width < 400 ? 1u : 0u));  // the long word breaks on a phone
    }
}

// ImGui's own wrapping breaks after a comma or a dot, which cut the article's "$110,000" into "$110," and "000" in the
// comparison table on a phone. Lines now break only between words (or inside a word wider than the line).
TEST_CASE("scene: wrapped text breaks between words, never inside a figure like $110,000") {
    const cr::Quiz quiz = shipped_quiz();
    app::State s = results_for(quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes");
    for (double width = 300; width <= 560; width += 4) {  // every place the cell's lines could end
        INFO("width " << width);
        ui::View v = make_view();
        settle(s, v, width);
        int salary = 0;
        for (const auto& item : v.scene.items) {
            std::string cell;
            for (const auto& run : item.runs) cell += run.text + "\n";
            if (item.part != ui::Part::Cell || cell.find("$70,000") == std::string::npos) continue;
            ++salary;
            CHECK_MESSAGE(cell.find("$110,000") != std::string::npos, cell);
        }
        CHECK(salary == 1);
    }
}

// A question readers ask is answered indented under its row: a table there spans what is left of the column (it ran
// 12 px past the column's right edge, as wide as an unindented one).
TEST_CASE("scene: a table in an open question's answer stays inside the column") {
    cr::Quiz quiz = shipped_quiz();
    REQUIRE_FALSE(quiz.faq.empty());
    // The long word breaks inside its cell, so its first line fills the last column to the table's right edge.
    quiz.faq[0].answer = "| Path | Note |\n|---|---|\n| Internship | Donaudampfschifffahrtsgesellschaftskapitaensmuetzen |";
    app::State s = results_for(quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes");
    for (double width : {800.0, 360.0}) {
        INFO("width " << width);
        ui::View v = make_view();
        v.open.insert("faq:" + quiz.faq[0].id);
        settle(s, v, width);
        check_runs_in_column(v);
        float right = 0;
        int cells = 0;
        for (const auto& item : v.scene.items) {
            if (item.part != ui::Part::Cell || item.region != "faq:" + quiz.faq[0].id) continue;
            ++cells;
            CHECK(item.rect_min.x >= v.column_left + 12);  // indented with the answer
            for (const auto& run : item.runs) right = std::max(right, run.max.x);
        }
        CHECK(cells == 4);
        CHECK(right > v.column_left + v.column_width - 30);  // the broken word reaches the table's edge...
        CHECK(right <= v.column_left + v.column_width + 0.5f);  // ... which is the column's
    }
}

// A word wider than its line is broken inside; the text layer joins its pieces without a space (a share link shown
// to copy by hand was copied with spaces in it), and the lines between whole words with one.
TEST_CASE("scene: a run that goes on a word wrapping broke is marked joined, and only such a run") {
    cr::Quiz quiz = shipped_quiz();
    const std::string word = "Donaudampfschifffahrtsgesellschaftskapitaensmuetzen";
    quiz.faq[0].answer = "| Path | Note |\n|---|---|\n| Internship | " + word + " and a few more words after it |";
    app::State s = results_for(quiz, "background=student,work-history=none,portfolio=one,take-readiness=yes");
    ui::View v = make_view();
    v.open.insert("faq:" + quiz.faq[0].id);
    settle(s, v, 360);
    std::string read;  // the cell as the text layer joins it
    int joined = 0;
    for (const auto& item : v.scene.items) {
        if (item.part != ui::Part::Cell || item.region != "faq:" + quiz.faq[0].id || item.runs.front().text.rfind("Donau", 0) != 0) continue;
        for (size_t i = 0; i < item.runs.size(); ++i) {
            read += (i > 0 && !item.runs[i].joined ? " " : "") + item.runs[i].text;
            joined += item.runs[i].joined;
        }
    }
    CHECK(joined >= 1);
    CHECK(read == word + " and a few more words after it");
}

TEST_CASE("scene: the JSON the page reads names each part's keys, in alphabetical order, numbers as ImGui measured them") {
    ui::Scene scene;
    scene.screen = "results";
    scene.announce = "Result: A";
    ui::SceneItem heading;
    heading.part = ui::Part::Heading;
    heading.level = 2;
    heading.rect_min = ImVec2(16, 20);
    heading.rect_max = ImVec2(116.5f, 46);
    heading.runs.push_back({"Read \"this\"", ImVec2(16, 20), ImVec2(60.25f, 46), ui::FontRole::Title, 26, "https://example.org/a"});
    heading.shapes.push_back({ImVec2(16, 50), ImVec2(116.5f, 60), ui::Tone::Track, 5});
    heading.shapes.push_back({ImVec2(0, 20), ImVec2(6, 26), ui::Tone::AccentHover, 3, 1.5f});
    ui::SceneItem cell;
    cell.part = ui::Part::Cell;
    cell.level = 1;
    cell.column = 2;
    cell.table = "t1";
    cell.region = "faq:a";
    ui::SceneItem radio;
    radio.part = ui::Part::Control;
    radio.role = ui::Role::Radio;
    radio.id = "option:q:x";
    radio.name = "X";
    radio.group = "q";
    radio.checked = true;
    ui::SceneItem slider;
    slider.part = ui::Part::Control;
    slider.role = ui::Role::Slider;
    slider.id = "scale:s";
    slider.disabled = true;
    slider.min = 1;
    slider.max = 10;
    slider.step = 0.5;
    slider.value = 7.5;
    slider.value_text = "7.5 of 10";
    ui::SceneItem disclosure;
    disclosure.part = ui::Part::Control;
    disclosure.role = ui::Role::Disclosure;
    disclosure.id = "faq:a";
    scene.items = {heading, cell, radio, slider, disclosure};
    for (unsigned& colour : scene.palette) colour = 0x102030;
    scene.palette[static_cast<int>(ui::Tone::Accent)] = 0x0f766e;
    scene.palette[static_cast<int>(ui::Tone::Background)] = 0xffffff;
    CHECK(ui::scene_json(scene) ==
          R"({"announce":"Result: A","items":[)"
          R"({"h":26.0,"level":2,"part":"heading","runs":[{"font":"title","h":26.0,"href":"https://example.org/a","size":26.0,)"
          R"("text":"Read \"this\"","w":44.25,"x":16.0,"y":20.0}],)"
          R"("shapes":[{"h":10.0,"r":5.0,"tone":"track","w":100.5,"x":16.0,"y":50.0},)"
          R"({"border":1.5,"h":6.0,"r":3.0,"tone":"accentHover","w":6.0,"x":0.0,"y":20.0}],"w":100.5,"x":16.0,"y":20.0},)"
          R"({"column":2,"h":0.0,"part":"cell","region":"faq:a","row":1,"runs":[],"table":"t1","w":0.0,"x":0.0,"y":0.0},)"
          R"({"checked":true,"disabled":false,"group":"q","h":0.0,"id":"option:q:x","name":"X","part":"control","role":"radio",)"
          R"("runs":[],"w":0.0,"x":0.0,"y":0.0},)"
          R"({"disabled":true,"h":0.0,"id":"scale:s","max":10.0,"min":1.0,"part":"control","role":"slider","runs":[],)"
          R"("step":0.5,"value":7.5,"value_text":"7.5 of 10","w":0.0,"x":0.0,"y":0.0},)"
          R"({"disabled":false,"expanded":false,"h":0.0,"id":"faq:a","part":"control","role":"disclosure","runs":[],)"
          R"("w":0.0,"x":0.0,"y":0.0}],"palette":{"background":"#ffffff","text":"#102030","muted":"#102030","accent":"#0f766e",)"
          R"("accentHover":"#102030","accentStrong":"#102030","onAccent":"#102030","card":"#102030","cardHover":"#102030",)"
          R"("selected":"#102030","border":"#102030","track":"#102030","codeBg":"#102030","focus":"#102030",)"
          R"("disabled":"#102030","good":"#102030","bad":"#102030","onDisabled":"#102030"},"screen":"results"})");
}
