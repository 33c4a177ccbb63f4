// Deciding the outcome: the tie rule (points and percent margins, "between", outcomes outside it),
// highest total otherwise, declared order on equal totals, and decision_text for both paths.
#include <doctest/doctest.h>

#include <string>

#include "core/report.h"
#include "core/scoring.h"
#include "helpers.h"

using namespace cr;

namespace {

// Four outcomes a, b, c and w; `tie` is the JSON of the tie rule, or empty for none.
Quiz tie_quiz(const std::string& tie) {
    const std::string text =
        R"json({"format": 1, "id": "tie", "version": 1, "title": "Tie",
 "outcomes": [{"id": "a", "title": "A", "summary": "S"}, {"id": "b", "title": "B", "summary": "S"},
              {"id": "c", "title": "C", "summary": "S"}, {"id": "w", "title": "W", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [{"id": "q", "type": "single", "prompt": "P", "options": [
   {"id": "a", "label": "A", "weights": {"a": 30}}, {"id": "b", "label": "B", "weights": {"b": 30}},
   {"id": "c", "label": "C", "weights": {"c": 30}}, {"id": "ab", "label": "AB", "weights": {"a": 1, "b": 1}},
   {"id": "w", "label": "W", "weights": {"w": 30}}]}]}])json" +
        (tie.empty() ? std::string() : ",\n \"tie\": " + tie) + "}";
    return crt::load_ok(text);
}

Result result_for(const Quiz& quiz, const std::vector<double>& totals) {
    Result r;
    r.totals = totals;
    r.decision = decide(quiz, totals);
    return r;
}

}  // namespace

TEST_CASE("tie: the rule fires when the two watched outcomes are within the margin in points") {
    const Quiz quiz = crt::load_fixture("mini.json");  // internship vs junior-job, margin 1, winner double
    SUBCASE("exactly the margin apart") {
        const Decision d = decide(quiz, {3, 2, 0});
        CHECK(d.chosen == 2);
        CHECK(d.tie_fired);
        CHECK(d.tied_a == 0);
        CHECK(d.tied_b == 1);
    }
    SUBCASE("the higher one second: tied outcomes are still reported in declared order") {
        const Decision d = decide(quiz, {2, 3, 0});
        CHECK(d.chosen == 2);
        CHECK(d.tie_fired);
        CHECK(d.tied_a == 0);
        CHECK(d.tied_b == 1);
    }
    SUBCASE("level") {
        CHECK(decide(quiz, {4, 4, 0}).chosen == 2);
    }
    SUBCASE("just outside the margin") {
        const Decision d = decide(quiz, {3, 1.9, 0});
        CHECK(d.chosen == 0);
        CHECK_FALSE(d.tie_fired);
        CHECK(d.tied_a == -1);
        CHECK(d.tied_b == -1);
    }
    SUBCASE("far apart") {
        CHECK(decide(quiz, {0, 8, 0}).chosen == 1);
    }
}

TEST_CASE("tie: a percent margin is measured against the higher total") {
    const Quiz quiz = tie_quiz(R"({"between": ["a", "b"], "margin": 10, "unit": "percent", "winner": "w"})");
    REQUIRE(quiz.tie.unit == TieUnit::Percent);
    CHECK(decide(quiz, {10, 9, 0, 0}).chosen == 3);     // 1 apart, 10% of 10
    CHECK(decide(quiz, {10, 8.9, 0, 0}).chosen == 0);   // 1.1 apart
    CHECK(decide(quiz, {91, 100, 0, 0}).chosen == 3);   // 9 apart, 10% of 100 is 10
    CHECK(decide(quiz, {89, 100, 0, 0}).chosen == 1);   // 11 apart
    CHECK(decide(quiz, {-10, -10.5, -20, -20}).chosen == 3);  // 0.5 apart, 10% of |-10|
    SUBCASE("a points margin of 10 would accept 1.1 apart") {
        const Quiz points = tie_quiz(R"({"between": ["a", "b"], "margin": 10, "winner": "w"})");
        CHECK(decide(points, {10, 8.9, 0, 0}).chosen == 3);
    }
}

TEST_CASE("tie: without a rule the highest total wins and declared order breaks exact ties") {
    const Quiz quiz = tie_quiz("");
    CHECK_FALSE(quiz.tie.present);
    CHECK(decide(quiz, {2, 2, 1, 0}).chosen == 0);
    CHECK(decide(quiz, {1, 2, 2, 0}).chosen == 1);
    CHECK(decide(quiz, {0, 0, 0, 0}).chosen == 0);
    CHECK(decide(quiz, {1, 1, 1, 1.5}).chosen == 3);
    CHECK(decide(quiz, {-3, -2, -2, -5}).chosen == 1);
    CHECK_FALSE(decide(quiz, {2, 2, 1, 0}).tie_fired);
    SUBCASE("a rule that does not fire also falls back to declared order") {
        const Quiz ruled = tie_quiz(R"({"between": ["a", "b"], "margin": 1, "winner": "w"})");
        const Decision d = decide(ruled, {0, 5, 5, 0});
        CHECK(d.chosen == 1);
        CHECK_FALSE(d.tie_fired);
    }
}

TEST_CASE("tie: only an outcome outside \"between\" that scores higher than both tied ones blocks the rule") {
    const Quiz quiz = tie_quiz(R"({"between": ["a", "b"], "margin": 1, "winner": "w"})");
    SUBCASE("higher than both: it wins outright") {
        const Decision d = decide(quiz, {5, 4, 6, 0});
        CHECK(d.chosen == 2);
        CHECK_FALSE(d.tie_fired);
    }
    SUBCASE("higher than only one of the pair: the rule still fires (\"higher than both\" blocks)") {
        const Decision d = decide(quiz, {5, 4, 4.5, 0});
        CHECK(d.chosen == 3);
        CHECK(d.tie_fired);
        CHECK(d.tied_a == 0);
        CHECK(d.tied_b == 1);
    }
    SUBCASE("level with the higher of the pair: not higher, so the rule fires") {
        CHECK(decide(quiz, {5, 4, 5, 0}).tie_fired);
    }
    SUBCASE("lower than both: the rule fires") {
        const Decision d = decide(quiz, {5, 4, 3, 0});
        CHECK(d.chosen == 3);
        CHECK(d.tie_fired);
    }
    SUBCASE("the winner's own total never blocks it") {
        const Decision d = decide(quiz, {5, 4, 0, 9});
        CHECK(d.chosen == 3);
        CHECK(d.tie_fired);
    }
}

TEST_CASE("tie: without \"between\" the rule watches every outcome except the winner") {
    const Quiz quiz = tie_quiz(R"({"margin": 1, "winner": "w"})");
    CHECK(quiz.tie.between == std::vector<int>{0, 1, 2});
    const Decision d = decide(quiz, {5, 1, 4.5, 0});
    CHECK(d.chosen == 3);
    CHECK(d.tie_fired);
    CHECK(d.tied_a == 0);
    CHECK(d.tied_b == 2);
    CHECK_FALSE(decide(quiz, {5, 1, 3.5, 0}).tie_fired);
}

TEST_CASE("tie: decision_text explains the decision") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SUBCASE("the tie rule fired with a gap") {
        CHECK(decision_text(quiz, result_for(quiz, {3, 2, 0})).source ==
              "Internship (3) and Junior job (2) are only 1 apart, which is within the quiz's margin of 1 point, "
              "so the answer is: Apply for both.");
    }
    SUBCASE("the tie rule fired on equal totals") {
        CHECK(decision_text(quiz, result_for(quiz, {2.5, 2.5, 0})).source ==
              "Internship (2.5) and Junior job (2.5) are level, which is within the quiz's margin of 1 point, "
              "so the answer is: Apply for both.");
    }
    SUBCASE("a percent margin") {
        const Quiz percent = tie_quiz(R"({"between": ["a", "b"], "margin": 10, "unit": "percent", "winner": "w"})");
        CHECK(decision_text(percent, result_for(percent, {9.5, 10, 0, 0})).source ==
              "A (9.5) and B (10) are only 0.5 apart, which is within the quiz's margin of 10%, so the answer is: W.");
    }
    SUBCASE("highest total, naming the runner-up") {
        CHECK(decision_text(quiz, result_for(quiz, {1, 6, 0})).source == "Junior job scored highest with 6, ahead of Internship with 1.");
        CHECK(decision_text(quiz, result_for(quiz, {-1, -3, 2})).source ==
              "Apply for both scored highest with 2, ahead of Internship with -1.");
    }
    SUBCASE("no outcomes: no text") {
        CHECK(decision_text(quiz, Result{}).source == "");
    }
}
