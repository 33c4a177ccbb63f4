// Unit tests for outcome requirements: they keep an outcome from being chosen (also by the tie rule), say what
// is missing in the editor's words, treat a skipped knowledge part as no band, and are validated with line:column.
#include <string>

#include "core/advice.h"
#include "core/loader.h"
#include "core/report.h"
#include "helpers.h"

namespace {

// Replaces the first `from` in the fixture text, so each case starts from one valid quiz.
std::string fixture_with(const std::string& from, const std::string& to) {
    std::string text = crt::read_fixture("requires.json");
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture has no '" << from << "'");
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("requirements: an outcome whose requirement fails is not chosen, even with the most points") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    const auto a = crt::AnswerSet(quiz).pick("built", {"one"}).pick("explain", {"yes"}).pick("money", {"need"})
                       .pick("past", {"worked"}).value("alone", 10).pick("check", {"no"}).answers;
    const cr::Result r = cr::score(quiz, a);
    CHECK(r.totals[crt::outcome(quiz, "job")] == 6);
    CHECK(r.decision.chosen == crt::outcome(quiz, "learn"));
    CHECK(r.decision.blocked == crt::outcome(quiz, "job"));
    const auto missing = cr::missing_requirements(quiz, r, crt::outcome(quiz, "job"));
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == "A job asks for several things built; you are not there yet.");
    CHECK(cr::decision_text(quiz, r).source ==
          "Take a job has the most points (6), but it is not open to you yet: A job asks for several things built; "
          "you are not there yet. So the suggestion is Learn first (1).");
}

TEST_CASE("requirements: any/all: several things built and explained, or many things built") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    const int job = crt::outcome(quiz, "job");
    auto unmet = [&](const crt::AnswerSet& set) { return cr::score(quiz, set.answers).unmet[job].size(); };
    crt::AnswerSet base(quiz);
    base.pick("money", {"need"}).pick("past", {"worked"}).value("alone", 10).pick("check", {"no"});
    CHECK(unmet(crt::AnswerSet(base).pick("built", {"several"}).pick("explain", {"yes"})) == 0);
    CHECK(unmet(crt::AnswerSet(base).pick("built", {"several"}).pick("explain", {"no"})) == 1);
    CHECK(unmet(crt::AnswerSet(base).pick("built", {"many"}).pick("explain", {"no"})) == 0);
    CHECK(unmet(crt::AnswerSet(base).pick("built", {"none"})) == 2);
}

TEST_CASE("requirements: the tie rule neither picks a closed winner nor ties with a closed outcome") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    // learn 2 against job 3, within the margin of 1, but job is closed: no tie, learn is the result.
    const auto closed = crt::AnswerSet(quiz).pick("built", {"one"}).pick("explain", {"yes"}).pick("money", {"fine"})
                            .pick("past", {"worked"}).value("alone", 5).pick("check", {"no"}).answers;
    const cr::Result r1 = cr::score(quiz, closed);
    CHECK(r1.totals[crt::outcome(quiz, "learn")] == 2);
    CHECK(r1.totals[crt::outcome(quiz, "job")] == 3);
    CHECK_FALSE(r1.decision.tie_fired);
    CHECK(r1.decision.chosen == crt::outcome(quiz, "learn"));
    // Level and both open, but the winner requires "not the low band": with the low band it cannot win.
    const auto low = crt::AnswerSet(quiz).pick("built", {"several"}).pick("explain", {"yes"}).pick("money", {"fine"})
                         .pick("past", {"student"}).value("alone", 0).pick("check", {"yes"}).pick("k1", {"false"})
                         .pick("k2", {"true"}).answers;
    const cr::Result r2 = cr::score(quiz, low);
    CHECK(r2.band == 0);
    CHECK(r2.totals[crt::outcome(quiz, "learn")] == 4);
    CHECK(r2.totals[crt::outcome(quiz, "job")] == 4);
    CHECK_FALSE(r2.decision.tie_fired);
    CHECK(r2.decision.chosen == crt::outcome(quiz, "learn"));
}

TEST_CASE("requirements: a band condition is false when the knowledge part was skipped") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    const auto skipped = crt::AnswerSet(quiz).pick("built", {"several"}).pick("explain", {"yes"}).pick("money", {"fine"})
                             .pick("past", {"student"}).value("alone", 0).pick("check", {"no"}).answers;
    const cr::Result r = cr::score(quiz, skipped);
    CHECK(r.band == -1);
    // "not low" holds: its band leaf is false without a band.
    CHECK(r.unmet[crt::outcome(quiz, "both")].empty());
    const cr::Rule high{cr::Rule::Kind::Band, {}, {1}, {}};
    CHECK_FALSE(cr::rule_met(quiz, skipped, cr::visible_questions(quiz, skipped), r.band, high));
    CHECK(cr::rule_met(quiz, skipped, cr::visible_questions(quiz, skipped), 1, high));
}

TEST_CASE("requirements: validate names unknown questions, options and bands with line and column") {
    const auto unknown = cr::load_quiz(fixture_with(R"("question": "explain", "any_of": ["yes"])", R"("question": "explian", "any_of": ["yes"])"));
    CHECK(crt::render(unknown) ==
          "quiz.json:17:37: error: outcome \"job\" \xE2\x80\xBA requires[1].condition.any[0].question: unknown question "
          "'explian' (did you mean 'explain'?)\n");
    const auto option = cr::load_quiz(fixture_with(R"(["several", "many"])", R"(["several", "lots"])"));
    CHECK(crt::render(option) ==
          "quiz.json:15:69: error: outcome \"job\" \xE2\x80\xBA requires[0].condition.any_of[1]: question 'built' has "
          "no option 'lots'\n");
    const auto band = cr::load_quiz(fixture_with(R"("band": ["low"])", R"("band": ["lo"])"));
    CHECK(crt::render(band) ==
          "quiz.json:22:44: error: outcome \"both\" \xE2\x80\xBA requires[0].condition.not.band[0]: unknown band 'lo' "
          "(did you mean 'low'?)\n");
}

TEST_CASE("requirements: validate refuses a requirement no answers meet, two forms in one condition, all outcomes closed") {
    const auto never = cr::load_quiz(fixture_with(R"({ "question": "built", "any_of": ["several", "many"] })",
                                                  R"({ "all": [ { "question": "built", "any_of": ["none"] }, { "question": "explain", "any_of": ["yes"] } ] })"));
    CHECK(crt::render(never) ==
          "quiz.json:13:5: error: outcome \"job\": no combination of answers leads to outcome 'job'; give it more "
          "weight or adjust the tie rule\n"
          "quiz.json:15:9: error: outcome \"job\" \xE2\x80\xBA requires[0]: no combination of answers meets this "
          "requirement, so outcome 'job' can never be the result\n"
          "quiz.json:20:5: error: outcome \"both\": no combination of answers leads to outcome 'both'; give it more "
          "weight or adjust the tie rule\n");
    const auto two = cr::load_quiz(fixture_with(R"({ "not": { "band": ["low"] } })", R"({ "not": { "band": ["low"] }, "question": "built" })"));
    CHECK(crt::render(two) ==
          "quiz.json:22:26: error: outcome \"both\" \xE2\x80\xBA requires[0].condition.not: a condition takes one form: "
          "\"question\", \"band\", \"all\", \"any\" or \"not\"; nest them to combine\n");
    const auto closed = cr::load_quiz(fixture_with(R"("summary": "Start where you can learn.",)",
                                                   R"("summary": "Start where you can learn.", "requires": [ { "condition": { "question": "past", "any_of": ["student"] }, "missing": "Only students." } ],)"));
    CHECK(crt::render(closed).find("every outcome has \"requires\"") != std::string::npos);
}
