// Reachability: an outcome that no combination of answers can produce is an error in a small quiz (all
// combinations tried) and a warning in a large one (searched); the tie rule and declared order count.
#include <doctest/doctest.h>

#include <string>

#include "core/loader.h"
#include "helpers.h"

using namespace cr;
using crt::render;

namespace {

// Outcomes a, b and x; two required questions. `q1` and `q2` are the options arrays.
std::string small_quiz(const std::string& q1, const std::string& q2, const std::string& extra = "") {
    return R"json({"format": 1, "id": "r", "version": 1, "title": "R",
 "outcomes": [
  {"id": "a", "title": "A", "summary": "S"},
  {"id": "b", "title": "B", "summary": "S"},
  {"id": "x", "title": "X", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "q1", "type": "single", "prompt": "P", "options": )json" +
           q1 + R"json(},
  {"id": "q2", "type": "single", "prompt": "P", "options": )json" +
           q2 + "}]}]" + extra + "}";
}

const std::string kAB = R"([{"id": "a", "label": "A", "weights": {"a": 1}}, {"id": "b", "label": "B", "weights": {"b": 1}}])";

// `questions` single-choice questions of four options each; outcome x gets no weight anywhere.
std::string large_quiz(int questions, bool weigh_x) {
    std::string text = R"json({"format": 1, "id": "big", "version": 1, "title": "Big",
 "outcomes": [{"id": "a", "title": "A", "summary": "S"}, {"id": "b", "title": "B", "summary": "S"},
              {"id": "x", "title": "X", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [)json";
    for (int i = 0; i < questions; ++i) {
        text += i == 0 ? "\n" : ",\n";
        text += R"(  {"id": "q)" + std::to_string(i) + R"(", "type": "single", "prompt": "P", "options": [)" +
                R"({"id": "o1", "label": "1", "weights": {"a": 1}}, {"id": "o2", "label": "2", "weights": {"b": 1}}, )" +
                R"({"id": "o3", "label": "3", "weights": {"a": 1, "b": 1}}, )" +
                (weigh_x && i == questions - 1 ? R"({"id": "o4", "label": "4", "weights": {"x": 40}}]})"
                                               : R"({"id": "o4", "label": "4", "weights": {"a": 2, "b": 1}}]})");
    }
    return text + "]}]}";
}

}  // namespace

TEST_CASE("reachability: in a small quiz an outcome no answer can produce is an error") {
    SUBCASE("the outcome carries no weight at all") {
        const LoadResult r = load_quiz(small_quiz(kAB, kAB));
        CHECK_FALSE(r.ok);
        CHECK(render(r) ==
              "quiz.json:5:3: error: outcome \"x\": no combination of answers leads to outcome 'x'; give it more "
              "weight or adjust the tie rule\n");
    }
    SUBCASE("the outcome has weight but always comes second") {
        const std::string q2 =
            R"([{"id": "a", "label": "A", "weights": {"a": 3, "x": 2}}, {"id": "b", "label": "B", "weights": {"b": 3, "x": 2}}])";
        const LoadResult r = load_quiz(small_quiz(kAB, q2));
        CHECK_FALSE(r.ok);
        CHECK(render(r) ==
              "quiz.json:5:3: error: outcome \"x\": no combination of answers leads to outcome 'x'; give it more "
              "weight or adjust the tie rule\n");
    }
    SUBCASE("enough weight makes it reachable") {
        const std::string q2 =
            R"([{"id": "a", "label": "A", "weights": {"a": 3, "x": 2}}, {"id": "x", "label": "X", "weights": {"x": 3}}, )"
            R"({"id": "b", "label": "B", "weights": {"b": 5}}])";
        crt::load_ok(small_quiz(kAB, q2));
    }
    SUBCASE("not checked while the file has other errors") {
        const LoadResult r = load_quiz(small_quiz(kAB, kAB, R"(, "minutes": 0)"));
        CHECK(render(r) == "quiz.json:8:162: error: minutes: must be more than 0\n");
    }
}

TEST_CASE("reachability: an outcome reachable only through the tie rule counts as reachable") {
    SUBCASE("mini.json: 'double' has no weights but wins ties") {
        crt::load_fixture("mini.json");
    }
    SUBCASE("mini.json without its tie rule: 'double' becomes unreachable") {
        std::string text = crt::read_fixture("mini.json");
        const size_t start = text.find("  \"tie\":");
        REQUIRE(start != std::string::npos);
        text.erase(start, text.find('\n', start) + 1 - start);
        const LoadResult r = load_quiz(text);
        CHECK_FALSE(r.ok);
        CHECK(render(r, "mini.json") ==
              "mini.json:11:5: error: outcome \"double\": no combination of answers leads to outcome 'double'; give it more "
              "weight or adjust the tie rule\n");
    }
    SUBCASE("a tie winner in a small quiz") {
        crt::load_ok(small_quiz(kAB, kAB, R"(, "tie": {"between": ["a", "b"], "margin": 0, "winner": "x"})"));
    }
}

TEST_CASE("reachability: declared order makes a weightless first outcome reachable when all totals can be zero") {
    // x is declared first; an optional q2 and the 'none' options let every total stay at 0.
    const std::string text = R"json({"format": 1, "id": "r", "version": 1, "title": "R",
 "outcomes": [{"id": "x", "title": "X", "summary": "S"}, {"id": "a", "title": "A", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "q1", "type": "single", "prompt": "P", "required": false,
   "options": [{"id": "a", "label": "A", "weights": {"a": 1}}, {"id": "b", "label": "B", "weights": {"a": 2}}]}]}]})json";
    crt::load_ok(text);
    SUBCASE("a required question closes that door") {
        std::string required = text;
        required.erase(required.find(R"( "required": false,)"), std::string(R"( "required": false,)").size());
        CHECK(render(load_quiz(required)) ==
              "quiz.json:2:15: error: outcome \"x\": no combination of answers leads to outcome 'x'; give it more "
              "weight or adjust the tie rule\n");
    }
}

TEST_CASE("reachability: in a large quiz an unreachable outcome is a warning, not an error") {
    SUBCASE("20 questions of 4 options, x without weight") {
        const LoadResult r = load_quiz(large_quiz(20, false));
        CHECK(r.ok);
        CHECK(render(r) ==
              "quiz.json:3:15: warning: outcome \"x\": could not find answers that lead to outcome 'x' (the quiz is too "
              "large to try every combination); check its weights\n");
    }
    SUBCASE("20 questions of 4 options, x reachable through one strong option") {
        crt::load_ok(large_quiz(20, true));
    }
    SUBCASE("8 questions of 4 options is small enough for a proof") {
        const LoadResult r = load_quiz(large_quiz(8, false));
        CHECK_FALSE(r.ok);
        CHECK(render(r) ==
              "quiz.json:3:15: error: outcome \"x\": no combination of answers leads to outcome 'x'; give it more "
              "weight or adjust the tie rule\n");
    }
    SUBCASE("9 questions of 4 options is past the limit of 200,000 combinations") {
        const LoadResult r = load_quiz(large_quiz(9, false));
        CHECK(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::Warning);
    }
}

TEST_CASE("reachability: a multiple-choice question with more than 8 options makes the search approximate") {
    std::string options;
    for (int i = 0; i < 9; ++i)
        options += std::string(i ? ", " : "") + R"({"id": "o)" + std::to_string(i) + R"(", "label": "L", "weights": {")" +
                   (i % 2 ? "a" : "b") + R"(": 1}})";
    const std::string text = R"json({"format": 1, "id": "r", "version": 1, "title": "R",
 "outcomes": [{"id": "a", "title": "A", "summary": "S"}, {"id": "b", "title": "B", "summary": "S"},
  {"id": "x", "title": "X", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "q1", "type": "multiple", "prompt": "P", "options": [)json" +
                             options + "]}]}]}";
    const LoadResult r = load_quiz(text);
    CHECK(r.ok);
    CHECK(render(r) ==
          "quiz.json:3:3: warning: outcome \"x\": could not find answers that lead to outcome 'x' (the quiz is too "
          "large to try every combination); check its weights\n");
}
