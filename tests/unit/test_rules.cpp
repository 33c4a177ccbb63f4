// Decision rules: the source's "if" sentences, tried in order before points (the first whose condition holds
// decides), the requirement leaf {"outcome", "unmet"} that only rules may use, their sentences in "Why this result"
// (with what an outcome counted as one short still lacks), explore's per-rule counts and --where filter, profiles
// that name the deciding rule, and validate's located errors for rules that are wrong, contradict or never decide.
#include <doctest/doctest.h>

#include "core/explore.h"
#include "core/profiles.h"
#include "core/report.h"
#include "helpers.h"

using namespace cr;
using crt::render;

namespace {

// Learn or work: "work" needs two things; the rules are on line 3, the rest follows.
std::string quiz_with(const std::string& rules, const std::string& work_requires = "") {
    return R"({"format": 1, "id": "r", "version": 1, "title": "T",
 "outcomes": [{"id": "learn", "title": "Learn", "summary": "L"}, {"id": "work", "title": "Work", "summary": "W")" +
           (work_requires.empty() ? std::string(R"(, "requires": [
   {"condition": {"question": "built", "any_of": ["many"]}, "missing": "Work asks for many things built."},
   {"condition": {"question": "explain", "any_of": ["yes"]}, "missing": "Work asks you to explain them."}]})")
                                  : work_requires) +
           R"(, {"id": "both", "title": "Both", "summary": "B"}],
 "rules": )" + rules + R"(,
 "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "built", "type": "single", "prompt": "Built?", "options": [
    {"id": "one", "label": "One", "weights": {"learn": 1}}, {"id": "many", "label": "Many", "weights": {"work": 3}}]},
  {"id": "explain", "type": "single", "prompt": "Explain?", "options": [
    {"id": "no", "label": "No", "weights": {"learn": 1}}, {"id": "yes", "label": "Yes", "weights": {"work": 3}}]},
  {"id": "alone", "type": "scale", "prompt": "Alone feels", "scale": {"min": 0, "max": 10, "min_label": "Scary",
   "max_label": "Fine", "default": 5}, "weights": [{"from": 6, "to": 10, "weights": {"work": 2}}]},
  {"id": "want", "type": "single", "prompt": "Want?", "options": [
    {"id": "learn", "label": "To learn"}, {"id": "ship", "label": "To ship", "weights": {"work": 1}}]}]}]})";
}

const std::string kRules = R"([
  {"id": "scared-learner", "condition": {"all": [{"question": "alone", "max": 3}, {"question": "want", "any_of": ["learn"]}]},
   "outcome": "learn", "reason": "Alone feels scary and you want to learn.", "source": "Learn if: scared and keen."},
  {"id": "ready", "condition": {"outcome": "work"}, "outcome": "work", "reason": "You meet the bar for work."},
  {"id": "one-short", "condition": {"outcome": "work", "unmet": 1}, "outcome": "both", "reason": "You are one step short: try both."}])";

Result scored(const Quiz& quiz, const char* spec) {
    Answers answers;
    std::string error;
    REQUIRE(parse_answers(quiz, spec, answers, error));
    return score(quiz, answers);
}

std::string decided(const Quiz& quiz, const char* spec) {
    const Result r = scored(quiz, spec);
    return quiz.outcomes[r.decision.chosen].id + (r.decision.rule >= 0 ? " by " + quiz.rules[r.decision.rule].id : " by points");
}

std::string errors_of(const std::string& rules, const std::string& work_requires = "") {
    const LoadResult r = load_quiz(quiz_with(rules, work_requires));
    CHECK_FALSE(r.ok);
    return render(r);
}

}  // namespace

TEST_CASE("rules: the first rule whose condition holds decides, before points and requirements") {
    const Quiz quiz = crt::load_ok(quiz_with(kRules));
    // Work leads on points (3 + 3 + 2) and meets its requirements, but the reader is scared and wants to learn.
    CHECK(decided(quiz, "built=many,explain=yes,alone=2,want=learn") == "learn by scared-learner");
    CHECK(decided(quiz, "built=many,explain=yes,alone=3,want=learn") == "learn by scared-learner");  // the bound holds
    CHECK(decided(quiz, "built=many,explain=yes,alone=4,want=learn") == "work by ready");
    CHECK(decided(quiz, "built=many,explain=yes,alone=2,want=ship") == "work by ready");
    // One requirement short goes where the rule says, not to the runner-up on points.
    CHECK(decided(quiz, "built=many,explain=no,alone=8,want=ship") == "both by one-short");
    CHECK(decided(quiz, "built=one,explain=yes,alone=8,want=ship") == "both by one-short");
    // Two short: no rule holds, points decide among the open outcomes (work is closed).
    CHECK(decided(quiz, "built=one,explain=no,alone=8,want=ship") == "learn by points");
}

TEST_CASE("rules: the reason is the rule's sentence, followed by what an outcome it counts as one short lacks") {
    const Quiz quiz = crt::load_ok(quiz_with(kRules));
    CHECK(decision_text(quiz, scored(quiz, "built=many,explain=yes,alone=2,want=learn")).source ==
          "Alone feels scary and you want to learn.");
    CHECK(decision_text(quiz, scored(quiz, "built=many,explain=no,alone=8,want=ship")).source ==
          "You are one step short: try both. Work asks you to explain them.");
    const Result r = scored(quiz, "built=many,explain=no,alone=8,want=ship");
    Answers a;
    std::string error;
    REQUIRE(parse_answers(quiz, "built=many,explain=no,alone=8,want=ship", a, error));
    CHECK(result_json(quiz, a, r).find("\"rule\": \"one-short\"") != std::string::npos);
}

TEST_CASE("rules: explore counts where each rule holds and decides, and --where picks part of the answer space") {
    const Quiz quiz = crt::load_ok(quiz_with(kRules));
    const Exploration all = explore(quiz);
    REQUIRE(all.rules.size() == 3);
    CHECK(all.rules[0].decided == doctest::Approx(all.rules[0].holds));  // first: never shadowed
    CHECK(all.rules[0].holds == doctest::Approx(4.0 / 11 / 2));          // alone 0..3 of 0..10, want=learn
    CHECK(all.rules[1].decided < all.rules[1].holds);                    // shadowed where the scared learner is ready
    Rule where;
    std::string error;
    REQUIRE(parse_where(quiz, "alone=0..3,want=learn", where, error));
    const Exploration scared = explore(quiz, 1000000, false, &where);
    CHECK(scared.outcomes[0].share == doctest::Approx(1));
    CHECK(scared.outcomes[1].share == 0);
    CHECK(scared.answer_sets == doctest::Approx(all.answer_sets * 4 / 11 / 2));
    CHECK_FALSE(parse_where(quiz, "alone=3..1", where, error));
    CHECK(error == "'alone=3..1': a scale takes a range, min..max");
    CHECK_FALSE(parse_where(quiz, "built=lots", where, error));
    CHECK(error == "question 'built' has no option 'lots'");
}

TEST_CASE("rules: a profile may name the rule that must decide") {
    const Quiz quiz = crt::load_ok(quiz_with(kRules));
    std::vector<ProfileVerdict> v;
    std::string error;
    REQUIRE(run_profiles(quiz, R"({"profiles": [
      {"name": "a", "answers": "built=many,explain=no,alone=8,want=ship", "expect": "both", "rule": "one-short"},
      {"name": "b", "answers": "built=many,explain=yes,alone=8,want=ship", "expect": "work", "rule": "scared-learner"}]})", v, error));
    REQUIRE(v.size() == 2);
    CHECK(v[0].problems == "");
    CHECK(v[1].problems == "expected rule scared-learner to decide, but rule ready did");
}

TEST_CASE("rules: validate walks the answers for a rule that never decides, shadowed or never met") {
    // "late" needs the reader ready for work, which "ready" before it always decides; "never" asks for two answers
    // to one single-choice question.
    CHECK(errors_of(R"([{"id": "ready", "condition": {"outcome": "work"}, "outcome": "work", "reason": "R"},
  {"id": "late", "condition": {"all": [{"outcome": "work"}, {"question": "want", "any_of": ["ship"]}]}, "outcome": "both", "reason": "R"},
  {"id": "never", "condition": {"all": [{"question": "want", "any_of": ["ship"]}, {"question": "want", "any_of": ["learn"]}]},
   "outcome": "both", "reason": "R"}])") ==
          "quiz.json:4:110: error: outcome \"both\": no combination of answers leads to outcome 'both'; give it more "
          "weight or adjust the tie rule\n"
          "quiz.json:6:3: error: rule \"late\": never decides: wherever its condition holds, a rule before it decides first\n"
          "quiz.json:7:3: error: rule \"never\": never decides: no combination of answers meets its condition\n");
}

TEST_CASE("rules: validate locates unknown ids, misplaced requirement leaves, contradictions and rules that never decide") {
    CHECK(errors_of(R"([{"id": "x", "condition": {"question": "buitl", "any_of": ["one"]}, "outcome": "lern", "reason": "R"}])") ==
          "quiz.json:5:38: error: rule \"x\" › condition.question: unknown question 'buitl' (did you mean 'built'?)\n"
          "quiz.json:5:79: error: rule \"x\" › outcome: unknown outcome 'lern' (did you mean 'learn'?)\n");
    CHECK(errors_of(R"([{"id": "x", "condition": {"outcome": "work", "unmet": 3}, "outcome": "both", "reason": "R"}])") ==
          "quiz.json:5:57: error: rule \"x\" › condition.unmet: can never hold: outcome 'work' has 2 requirements\n");
    CHECK(errors_of(R"([{"id": "x", "condition": {"question": "built", "any_of": ["one"]}, "outcome": "learn", "reason": "R"},
  {"id": "y", "condition": {"question": "built", "any_of": ["one"]}, "outcome": "work", "reason": "R"},
  {"id": "z", "condition": {"question": "built", "any_of": ["one"]}, "outcome": "learn", "reason": "R"},
  {"id": "x", "condition": {"question": "want", "any_of": ["ship"]}, "outcome": "work", "reason": "R"}])") ==
          "quiz.json:6:15: error: rule \"y\" › condition: contradicts rule 'x': the same condition leads there to another outcome\n"
          "quiz.json:7:15: error: rule \"z\" › condition: can never decide: rule 'x' before it has the same condition\n"
          "quiz.json:8:4: error: rule \"x\" › id: duplicate rule id 'x'\n");
    CHECK(errors_of(R"([{"id": "x", "condition": {"question": "want", "any_of": ["ship"]}, "outcome": "work", "reason": "R"}])",
                    R"(, "requires": [{"condition": {"outcome": "learn"}, "missing": "M"}]})") ==
          "quiz.json:2:142: error: outcome \"work\" › requires[0].condition.outcome: an outcome's requirements can be a "
          "condition only in \"rules\"\n");
}
