// Branching: which questions are shown for a set of answers -- section and question show_if with
// any_of, none_of and scale min/max, conditions on unanswered or hidden questions, and progress updates.
#include <doctest/doctest.h>

#include <string>

#include "core/scoring.h"
#include "core/session.h"
#include "helpers.h"

using namespace cr;
using crt::AnswerSet;

namespace {

std::string shown(const Quiz& quiz, const AnswerSet& a) { return crt::visible_ids(quiz, visible_questions(quiz, a.answers)); }

}  // namespace

TEST_CASE("branching: a condition on an unanswered question is false, for none_of too") {
    const Quiz quiz = crt::load_fixture("branching.json");
    CHECK(shown(quiz, AnswerSet(quiz)) == "role level end");
}

TEST_CASE("branching: any_of and none_of follow the chosen option") {
    const Quiz quiz = crt::load_fixture("branching.json");
    CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"a"})) == "role level end");
    CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"b"})) == "role only-b not-a level end");
}

TEST_CASE("branching: a section condition shows or hides every question in the section") {
    const Quiz quiz = crt::load_fixture("branching.json");
    CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"c"})) == "role not-a level extra-q end");
    SUBCASE("question conditions still apply inside a shown section") {
        CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"c"}).pick("extra-q", {"true"})) ==
              "role not-a level extra-q extra-r end");
        CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"c"}).pick("extra-q", {"false"})) ==
              "role not-a level extra-q end");
    }
    SUBCASE("a hidden section hides its questions even when they were answered") {
        CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"b"}).pick("extra-q", {"true"})) ==
              "role only-b not-a level end");
    }
    SUBCASE("mini: the knowledge section appears only after 'true' on check") {
        const Quiz mini = crt::load_fixture("mini.json");
        CHECK(shown(mini, AnswerSet(mini)) == "built work alone check");
        CHECK(shown(mini, AnswerSet(mini).pick("check", {"false"})) == "built work alone check");
        CHECK(shown(mini, AnswerSet(mini).pick("check", {"true"})) ==
              "built work alone check print mutable none-falsy");
    }
}

TEST_CASE("branching: scale conditions use inclusive min and max bounds") {
    const Quiz quiz = crt::load_fixture("branching.json");
    const auto at = [&](double v) { return shown(quiz, AnswerSet(quiz).value("level", v)); };
    CHECK(at(0) == "role level low end");
    CHECK(at(3) == "role level low end");
    CHECK(at(3.5) == "role level end");
    CHECK(at(4) == "role level mid end");
    CHECK(at(6) == "role level mid end");
    CHECK(at(6.5) == "role level end");
    CHECK(at(7) == "role level high end");
    CHECK(at(10) == "role level high end");
}

TEST_CASE("branching: a condition on a hidden question is false even when it was answered") {
    const Quiz quiz = crt::load_fixture("branching.json");
    CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"b"}).pick("only-b", {"true"})) ==
          "role only-b not-a level after-b end");
    // role changes to a: only-b hides, and after-b, which depends on it, hides with it.
    CHECK(shown(quiz, AnswerSet(quiz).pick("role", {"a"}).pick("only-b", {"true"})) == "role level end");
}

TEST_CASE("branching: changing an early answer in a session hides later questions and updates progress") {
    const Quiz quiz = crt::load_fixture("branching.json");
    Session s(quiz, 1u);
    REQUIRE(s.start());
    CHECK(s.total() == 4);  // role unanswered: "not-a" (none_of a) is likely shown, "only-b" (any_of b) is not
    REQUIRE(s.select(crt::option(quiz, "role", "b")));
    CHECK(s.total() == 5);
    REQUIRE(s.next());
    CHECK(s.current() == crt::question(quiz, "only-b"));
    CHECK(s.position() == 2);
    REQUIRE(s.select(crt::option(quiz, "only-b", "true")));
    CHECK(s.total() == 6);
    CHECK(crt::ids_of(quiz, s.shown_questions()) == "role only-b not-a level after-b end");

    REQUIRE(s.back());
    CHECK(s.current() == crt::question(quiz, "role"));
    REQUIRE(s.select(crt::option(quiz, "role", "a")));
    CHECK(s.total() == 3);
    CHECK(crt::ids_of(quiz, s.shown_questions()) == "role level end");
    REQUIRE(s.next());
    CHECK(s.current() == crt::question(quiz, "level"));
    CHECK(s.position() == 2);
    // The hidden answer is kept (so switching back restores it) but no longer shown.
    CHECK(s.answer(crt::question(quiz, "only-b")).given);

    REQUIRE(s.back());
    REQUIRE(s.select(crt::option(quiz, "role", "b")));
    CHECK(s.total() == 6);
}
