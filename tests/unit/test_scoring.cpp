// Scoring: option and scale weights into outcome totals, hidden answers ignored, knowledge points with
// partial credit, percent and band (with band weights), contributions strongest first and top_reasons.
#include <doctest/doctest.h>

#include <string>

#include "core/scoring.h"
#include "helpers.h"

using namespace cr;
using crt::AnswerSet;

namespace {

// Outcome totals in declared order: internship, junior-job, double.
std::vector<double> totals(const Quiz& quiz, const Answers& answers) { return score(quiz, answers).totals; }

// A quiz whose lowest band carries weights, so "band counted or not" shows in the totals.
const char* kBandQuiz = R"json({"format": 1, "id": "bands", "version": 1, "title": "Bands",
 "outcomes": [{"id": "learn", "title": "Learn", "summary": "S"}, {"id": "work", "title": "Work", "summary": "S"}],
 "sections": [
  {"id": "o", "title": "O", "questions": [
   {"id": "pref", "type": "single", "prompt": "P", "required": false, "options": [
     {"id": "l", "label": "L", "weights": {"learn": 1}}, {"id": "w", "label": "W", "weights": {"work": 1}}]}]},
  {"id": "k", "title": "K", "kind": "knowledge", "questions": [
   {"id": "k1", "type": "true_false", "prompt": "P", "correct": true, "explanation": "E"},
   {"id": "k2", "type": "true_false", "prompt": "P", "correct": false, "explanation": "E"}]}],
 "bands": [
  {"id": "low", "title": "Low", "feedback": "F", "min": 0, "max": 50, "weights": {"learn": 3}},
  {"id": "high", "title": "High", "feedback": "F", "min": 50, "max": 100, "weights": {"work": 3}}]})json";

}  // namespace

TEST_CASE("scoring: option weights of the shown answers are summed per outcome") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SUBCASE("nothing answered") {
        CHECK(totals(quiz, AnswerSet(quiz).answers) == std::vector<double>{0, 0, 0});
    }
    SUBCASE("several answers add up") {
        const auto a = AnswerSet(quiz).pick("built", {"many"}).pick("work", {"other"}).pick("field", {"people"});
        CHECK(totals(quiz, a.answers) == std::vector<double>{0, 6, 0});
    }
    SUBCASE("one option weighs two outcomes") {
        const auto a = AnswerSet(quiz).pick("built", {"one"}).pick("work", {"none"});
        CHECK(totals(quiz, a.answers) == std::vector<double>{4, 1, 0});
    }
    SUBCASE("negative weights subtract") {
        const auto a = AnswerSet(quiz).pick("built", {"one"}).pick("work", {"other"}).pick("field", {"numbers"});
        CHECK(totals(quiz, a.answers) == std::vector<double>{1, 4, 0});
    }
    SUBCASE("options without weights and unanswered questions add nothing") {
        const auto a = AnswerSet(quiz).pick("built", {"nothing"}).pick("check", {"false"});
        CHECK(totals(quiz, a.answers) == std::vector<double>{3, 0, 0});
    }
}

TEST_CASE("scoring: a scale value adds the weights of the range it falls in, bounds inclusive") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const auto at = [&](double v) { return totals(quiz, AnswerSet(quiz).value("alone", v).answers); };
    CHECK(at(1) == std::vector<double>{2, 0, 0});
    CHECK(at(2) == std::vector<double>{2, 0, 0});
    CHECK(at(3) == std::vector<double>{0, 0, 0});  // the gap between the ranges
    CHECK(at(4) == std::vector<double>{0, 2, 0});
    CHECK(at(5) == std::vector<double>{0, 2, 0});
    CHECK(at(2.5) == std::vector<double>{0, 0, 0});
}

TEST_CASE("scoring: answers to hidden questions do not count") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SUBCASE("a question hidden by its condition") {
        // field is shown only for work=other; its stale answer must not move the totals.
        const auto shown = AnswerSet(quiz).pick("work", {"other"}).pick("field", {"numbers"});
        CHECK(totals(quiz, shown.answers) == std::vector<double>{-1, 3, 0});
        const auto hidden = AnswerSet(quiz).pick("work", {"none"}).pick("field", {"numbers"});
        CHECK(totals(quiz, hidden.answers) == std::vector<double>{2, 0, 0});
        CHECK(score(quiz, hidden.answers).contributions.size() == 1);
    }
    SUBCASE("a hidden knowledge section scores nothing and picks no band") {
        const auto a = AnswerSet(quiz).pick("check", {"false"}).pick("print", {"eight"}).pick("mutable", {"list", "dict"})
                           .pick("none-falsy", {"true"});
        const Result r = score(quiz, a.answers);
        CHECK_FALSE(r.has_knowledge);
        CHECK(r.knowledge_points == 0);
        CHECK(r.knowledge_max == 0);
        CHECK(r.band == -1);
        CHECK(r.review.empty());
        CHECK(r.totals == std::vector<double>{0, 0, 0});
    }
}

TEST_CASE("scoring: knowledge points per question type and partial-credit rule") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const auto points = [&](const std::string& id, std::initializer_list<std::string> picks) {
        const auto a = AnswerSet(quiz).pick(id, picks);
        return knowledge_points(quiz.questions[crt::question(quiz, id)], a.answers[crt::question(quiz, id)]);
    };
    SUBCASE("single") {
        CHECK(points("print", {"eight"}) == 1);
        CHECK(points("print", {"six"}) == 0);
    }
    SUBCASE("true_false") {
        CHECK(points("none-falsy", {"true"}) == 1);
        CHECK(points("none-falsy", {"false"}) == 0);
    }
    SUBCASE("multiple, proportional: points * max(0, right - wrong) / correct") {
        CHECK(points("mutable", {"list", "dict"}) == 2);
        CHECK(points("mutable", {"list"}) == 1);
        CHECK(points("mutable", {"dict"}) == 1);
        CHECK(points("mutable", {"list", "dict", "tuple"}) == 1);
        CHECK(points("mutable", {"list", "tuple"}) == 0);
        CHECK(points("mutable", {"tuple"}) == 0);
    }
    SUBCASE("multiple, none: full points only for exactly the correct set") {
        Question q = quiz.questions[crt::question(quiz, "mutable")];
        q.partial = Partial::None;
        const auto with = [&](std::initializer_list<std::string> picks) {
            return knowledge_points(q, AnswerSet(quiz).pick("mutable", picks).answers[crt::question(quiz, "mutable")]);
        };
        CHECK(with({"list", "dict"}) == 2);
        CHECK(with({"list"}) == 0);
        CHECK(with({"list", "dict", "tuple"}) == 0);
    }
    SUBCASE("unanswered and unscored questions earn nothing") {
        CHECK(knowledge_points(quiz.questions[crt::question(quiz, "print")], Answer{}) == 0);
        CHECK(points("built", {"many"}) == 0);
    }
}

TEST_CASE("scoring: knowledge percent, band and review over the shown knowledge questions") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const auto base = [&] { return AnswerSet(quiz).pick("built", {"many"}).pick("work", {"other"}).pick("check", {"true"}); };
    SUBCASE("one of three answered: unanswered questions still count toward the maximum") {
        const Result r = score(quiz, base().pick("print", {"eight"}).answers);
        CHECK(r.has_knowledge);
        CHECK(r.knowledge_points == 1);
        CHECK(r.knowledge_max == 4);
        CHECK(r.knowledge_percent == 25);
        CHECK(r.band == 0);
        REQUIRE(r.review.size() == 3);
        CHECK(r.review[0].question == crt::question(quiz, "print"));
        CHECK(r.review[0].answered);
        CHECK(r.review[0].correct);
        CHECK(r.review[0].points == 1);
        CHECK(r.review[0].max_points == 1);
        CHECK_FALSE(r.review[1].answered);
        CHECK_FALSE(r.review[1].correct);
        CHECK(r.review[1].max_points == 2);
    }
    SUBCASE("partial credit is not 'correct' in the review") {
        const Result r = score(quiz, base().pick("mutable", {"list"}).answers);
        REQUIRE(r.review.size() == 3);
        CHECK(r.review[1].answered);
        CHECK(r.review[1].points == 1);
        CHECK_FALSE(r.review[1].correct);
    }
    SUBCASE("exactly 50 percent lands in the upper band and adds its weights") {
        const Result r = score(quiz, base().pick("print", {"eight"}).pick("mutable", {"list"}).pick("none-falsy", {"false"}).answers);
        CHECK(r.knowledge_percent == 50);
        CHECK(r.band == 1);
        CHECK(r.totals == std::vector<double>{1, 5, 0});
        REQUIRE_FALSE(r.contributions.empty());
        CHECK(r.contributions.back().band == 1);
        CHECK(r.contributions.back().question == -1);
        CHECK(r.contributions.back().outcome == 0);
    }
    SUBCASE("exactly 100 percent lands in the last band") {
        const Result r = score(quiz, base().pick("print", {"eight"}).pick("mutable", {"list", "dict"}).pick("none-falsy", {"true"}).answers);
        CHECK(r.knowledge_percent == 100);
        CHECK(r.band == 2);
        CHECK(r.totals == std::vector<double>{0, 7, 0});
    }
    SUBCASE("zero percent lands in the first band") {
        const Result r = score(quiz, base().pick("print", {"six"}).answers);
        CHECK(r.has_knowledge);
        CHECK(r.knowledge_percent == 0);
        CHECK(r.band == 0);
    }
}

TEST_CASE("scoring: band_for uses min <= s < max, with 100 inside the last band") {
    const Quiz quiz = crt::load_fixture("mini.json");
    CHECK(band_for(quiz, 0) == 0);
    CHECK(band_for(quiz, 49.99) == 0);
    CHECK(band_for(quiz, 50) == 1);
    CHECK(band_for(quiz, 79.99) == 1);
    CHECK(band_for(quiz, 80) == 2);
    CHECK(band_for(quiz, 100) == 2);
    CHECK(band_for(quiz, 100.5) == -1);
    CHECK(band_for(quiz, -1) == -1);
}

TEST_CASE("scoring: a boundary reached through fractional points lands in the upper band") {
    // Fifteen questions of 0.1 points, twelve right: exactly 80 percent, computed as 79.99999999999999.
    std::string questions;
    for (int i = 0; i < 15; ++i)
        questions += std::string(i ? ", " : "") + R"({"id": "k)" + std::to_string(i) +
                     R"(", "type": "true_false", "prompt": "P", "correct": true, "points": 0.1, "explanation": "E"})";
    const Quiz quiz = crt::load_ok(R"json({"format": 1, "id": "tenths", "version": 1, "title": "T",
 "sections": [{"id": "k", "title": "K", "kind": "knowledge", "questions": [)json" + questions + R"json(]}],
 "bands": [{"id": "low", "title": "Low", "feedback": "F", "min": 0, "max": 80},
           {"id": "high", "title": "High", "feedback": "F", "min": 80, "max": 100}]})json");
    crt::AnswerSet a(quiz);
    for (int i = 0; i < 15; ++i) a.pick("k" + std::to_string(i), {i < 12 ? "true" : "false"});
    const Result r = score(quiz, a.answers);
    CHECK(r.knowledge_percent == doctest::Approx(80));
    CHECK(r.knowledge_percent < 80);  // the case the band epsilon exists for
    CHECK(r.band == 1);
}

TEST_CASE("scoring: band weights feed the totals only when a knowledge question was answered") {
    const Quiz quiz = crt::load_ok(kBandQuiz);
    SUBCASE("no knowledge answer: no band, even though 0 percent would be the weighted low band") {
        const Result r = score(quiz, AnswerSet(quiz).pick("pref", {"w"}).answers);
        CHECK_FALSE(r.has_knowledge);
        CHECK(r.band == -1);
        CHECK(r.totals == std::vector<double>{0, 1});
        CHECK(r.decision.chosen == crt::outcome(quiz, "work"));
    }
    SUBCASE("one wrong answer: 0 percent, the low band's weights count") {
        const Result r = score(quiz, AnswerSet(quiz).pick("pref", {"w"}).pick("k1", {"false"}).answers);
        CHECK(r.has_knowledge);
        CHECK(r.knowledge_percent == 0);
        CHECK(r.band == 0);
        CHECK(r.totals == std::vector<double>{3, 1});
        CHECK(r.decision.chosen == crt::outcome(quiz, "learn"));
    }
    SUBCASE("one right answer of two: 50 percent, the high band's weights count") {
        const Result r = score(quiz, AnswerSet(quiz).pick("k1", {"true"}).answers);
        CHECK(r.knowledge_percent == 50);
        CHECK(r.band == 1);
        CHECK(r.totals == std::vector<double>{0, 3});
    }
}

TEST_CASE("scoring: contributions list every non-zero weight, strongest first, ties in reading order") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const auto a = AnswerSet(quiz).pick("built", {"one"}).pick("work", {"other"}).pick("field", {"numbers"}).value("alone", 5);
    const Result r = score(quiz, a.answers);
    const int built = crt::question(quiz, "built"), work = crt::question(quiz, "work"),
              field = crt::question(quiz, "field"), alone = crt::question(quiz, "alone");
    struct Expected {
        int question, option, outcome;
        double weight;
    };
    const std::vector<Expected> expected = {
        {built, 1, 0, 2}, {work, 1, 1, 2}, {alone, -1, 1, 2}, {built, 1, 1, 1}, {field, 1, 1, 1}, {field, 1, 0, -1}};
    REQUIRE(r.contributions.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(r.contributions[i].question == expected[i].question);
        CHECK(r.contributions[i].option == expected[i].option);
        CHECK(r.contributions[i].outcome == expected[i].outcome);
        CHECK(r.contributions[i].weight == expected[i].weight);
        CHECK(r.contributions[i].band == -1);
    }
    CHECK(r.totals == std::vector<double>{1, 6, 0});
    CHECK(r.decision.chosen == 1);
}

TEST_CASE("scoring: top_reasons keeps the contributions that explain the decision") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SUBCASE("plain win: only the chosen outcome's contributions, strongest first, up to the limit") {
        const auto a = AnswerSet(quiz).pick("built", {"one"}).pick("work", {"other"}).pick("field", {"numbers"}).value("alone", 5);
        const Result r = score(quiz, a.answers);
        REQUIRE(r.decision.chosen == 1);
        const auto reasons = top_reasons(r, 5);
        REQUIRE(reasons.size() == 4);
        for (const auto& c : reasons) CHECK(c.outcome == 1);
        CHECK(reasons[0].question == crt::question(quiz, "work"));
        CHECK(reasons[1].question == crt::question(quiz, "alone"));
        CHECK(reasons[3].question == crt::question(quiz, "field"));
        const auto two = top_reasons(r, 2);
        REQUIRE(two.size() == 2);
        CHECK(two[1].question == crt::question(quiz, "alone"));
        CHECK(top_reasons(r, 0).empty());
    }
    SUBCASE("tie rule fired: contributions of both tied outcomes count") {
        // internship 3 (built=nothing), junior-job 2 (work=other): within the margin of 1.
        const auto a = AnswerSet(quiz).pick("built", {"nothing"}).pick("work", {"other"}).pick("field", {"people"}).value("alone", 3);
        const Result r = score(quiz, a.answers);
        CHECK(r.totals == std::vector<double>{3, 3, 0});
        REQUIRE(r.decision.tie_fired);
        const auto reasons = top_reasons(r, 5);
        REQUIRE(reasons.size() == 3);
        CHECK(reasons[0].outcome == 0);
        CHECK(reasons[1].outcome == 1);
        CHECK(reasons[2].outcome == 1);
    }
}

TEST_CASE("scoring: score() decides with the tie rule") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const auto a = AnswerSet(quiz).pick("built", {"nothing"}).pick("work", {"other"});
    const Result r = score(quiz, a.answers);
    CHECK(r.totals == std::vector<double>{3, 2, 0});
    CHECK(r.decision.chosen == crt::outcome(quiz, "double"));
    CHECK(r.decision.tie_fired);
}
