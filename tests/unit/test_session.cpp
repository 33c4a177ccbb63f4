// Session: the reader's commands (start, select, set_value, next, back, restart), when Next is allowed,
// progress, seeded option order, and restoring a saved state whose position is no longer shown.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/session.h"
#include "helpers.h"

using namespace cr;

namespace {

// Moves a session on `choices.json` from the start to question `id`, answering what is in the way.
void advance_to(Session& s, const std::string& id) {
    const Quiz& quiz = s.quiz();
    if (s.screen() == Screen::Start) REQUIRE(s.start());
    while (s.current() != crt::question(quiz, id)) {
        REQUIRE(s.screen() == Screen::Question);
        const Question& q = quiz.questions[s.current()];
        if (!s.can_advance()) {
            REQUIRE(q.kind != QuestionKind::Scale);
            for (int o = 0; !s.can_advance() && o < static_cast<int>(q.options.size()); ++o) s.select(o);
        }
        REQUIRE(s.next());
    }
}

}  // namespace

TEST_CASE("session: start, select, next through to the results, back and restart") {
    const Quiz quiz = crt::load_fixture("mini.json");
    Session s(quiz, 7u);
    CHECK(s.screen() == Screen::Start);
    CHECK(s.current() == -1);
    CHECK(s.position() == 0);
    CHECK_FALSE(s.select(0));
    CHECK_FALSE(s.next());
    CHECK_FALSE(s.back());

    REQUIRE(s.start());
    CHECK_FALSE(s.start());
    CHECK(s.screen() == Screen::Question);
    CHECK(s.current() == crt::question(quiz, "built"));

    CHECK(s.select(crt::option(quiz, "built", "one")));
    CHECK(s.select(crt::option(quiz, "built", "many")));  // single choice: the new pick replaces the old
    CHECK(s.answer(s.current()).options == std::vector<int>{2});
    REQUIRE(s.next());
    CHECK(s.current() == crt::question(quiz, "work"));
    REQUIRE(s.select(crt::option(quiz, "work", "none")));
    REQUIRE(s.next());
    CHECK(s.current() == crt::question(quiz, "alone"));  // field is hidden for work=none
    REQUIRE(s.set_value(5));
    REQUIRE(s.next());
    CHECK(s.current() == crt::question(quiz, "check"));
    REQUIRE(s.select(crt::option(quiz, "check", "false")));
    REQUIRE(s.next());
    CHECK(s.screen() == Screen::Results);
    CHECK(s.current() == -1);
    CHECK_FALSE(s.next());
    CHECK(s.result().totals == std::vector<double>{2, 5, 0});

    SUBCASE("back from the results lands on the last shown question") {
        REQUIRE(s.back());
        CHECK(s.screen() == Screen::Question);
        CHECK(s.current() == crt::question(quiz, "check"));
        REQUIRE(s.back());
        REQUIRE(s.back());
        CHECK(s.current() == crt::question(quiz, "work"));
        REQUIRE(s.back());
        REQUIRE(s.back());
        CHECK(s.screen() == Screen::Start);
        CHECK(s.current() == -1);
    }
    SUBCASE("back from the results after a branch opened lands on the branch's last question") {
        REQUIRE(s.back());
        REQUIRE(s.select(crt::option(quiz, "check", "true")));
        REQUIRE(s.next());
        CHECK(s.current() == crt::question(quiz, "print"));
        REQUIRE(s.select(crt::option(quiz, "print", "eight")));
        REQUIRE(s.next());
        REQUIRE(s.select(crt::option(quiz, "mutable", "list")));
        REQUIRE(s.next());
        REQUIRE(s.select(crt::option(quiz, "none-falsy", "true")));
        REQUIRE(s.next());
        REQUIRE(s.screen() == Screen::Results);
        REQUIRE(s.back());
        CHECK(s.current() == crt::question(quiz, "none-falsy"));
    }
    SUBCASE("restart clears every answer and keeps the seed") {
        s.restart();
        CHECK(s.screen() == Screen::Start);
        CHECK(s.current() == -1);
        CHECK(s.state().seed == 7u);
        for (size_t i = 0; i < quiz.questions.size(); ++i) CHECK_FALSE(s.answer(static_cast<int>(i)).given);
        REQUIRE(s.start());
        CHECK(s.current() == crt::question(quiz, "built"));
        CHECK_FALSE(s.can_advance());
    }
}

TEST_CASE("session: Next is refused until a required question is answered") {
    const Quiz quiz = crt::load_fixture("mini.json");
    Session s(quiz, 1u);
    REQUIRE(s.start());
    CHECK_FALSE(s.can_advance());
    CHECK_FALSE(s.next());
    CHECK(s.current() == crt::question(quiz, "built"));
    CHECK_FALSE(s.select(-1));
    CHECK_FALSE(s.select(3));
    CHECK_FALSE(s.set_value(2));  // not a scale
    CHECK_FALSE(s.can_advance());
    REQUIRE(s.select(0));
    CHECK(s.can_advance());
    CHECK(s.next());
}

TEST_CASE("session: an optional question may be skipped with Next") {
    const Quiz quiz = crt::load_fixture("mini.json");
    Session s(quiz, 1u);
    REQUIRE(s.start());
    REQUIRE(s.select(0));
    REQUIRE(s.next());
    REQUIRE(s.select(0));
    REQUIRE(s.next());
    REQUIRE(s.next());  // the scale, untouched
    REQUIRE(s.current() == crt::question(quiz, "check"));
    CHECK(s.can_advance());
    REQUIRE(s.next());
    CHECK(s.screen() == Screen::Results);
    CHECK_FALSE(s.answer(crt::question(quiz, "check")).given);

    SUBCASE("a skipped single-choice question stays unanswered") {
        const Quiz choices = crt::load_fixture("choices.json");
        Session c(choices, 1u);
        advance_to(c, "opt");
        CHECK(c.can_advance());
        REQUIRE(c.next());
        CHECK(c.current() == crt::question(choices, "shuf"));
        CHECK_FALSE(c.answer(crt::question(choices, "opt")).given);
    }
}

TEST_CASE("session: multiple choice toggles within min and max") {
    const Quiz quiz = crt::load_fixture("choices.json");
    Session s(quiz, 1u);
    SUBCASE("max 2 of 4: a third pick is refused until one is removed") {
        advance_to(s, "langs");
        const int langs = s.current();
        CHECK_FALSE(s.can_advance());
        REQUIRE(s.select(2));  // go
        REQUIRE(s.select(0));  // py
        CHECK(s.answer(langs).options == std::vector<int>{0, 2});  // kept sorted
        CHECK_FALSE(s.select(1));
        CHECK(s.answer(langs).options == std::vector<int>{0, 2});
        REQUIRE(s.select(0));  // toggle py off
        CHECK(s.answer(langs).options == std::vector<int>{2});
        REQUIRE(s.select(3));
        CHECK(s.answer(langs).options == std::vector<int>{2, 3});
        REQUIRE(s.select(2));
        REQUIRE(s.select(3));
        CHECK_FALSE(s.answer(langs).given);
        CHECK_FALSE(s.can_advance());
    }
    SUBCASE("max 1: another pick moves the choice") {
        advance_to(s, "one");
        const int one = s.current();
        REQUIRE(s.select(0));
        REQUIRE(s.select(2));
        CHECK(s.answer(one).options == std::vector<int>{2});
        REQUIRE(s.select(2));
        CHECK(s.answer(one).options.empty());
        CHECK_FALSE(s.answer(one).given);
    }
    SUBCASE("min 2: Next waits for the second pick") {
        advance_to(s, "two-plus");
        REQUIRE(s.select(1));
        CHECK(s.answer(s.current()).given);
        CHECK_FALSE(s.can_advance());
        CHECK_FALSE(s.next());
        REQUIRE(s.select(2));
        CHECK(s.can_advance());
    }
}

TEST_CASE("session: a scale value snaps to the step and is clamped to the scale") {
    const Quiz quiz = crt::load_fixture("choices.json");  // temp: -5..5, step 0.5, default 1
    Session s(quiz, 1u);
    advance_to(s, "temp");
    const int temp = s.current();
    CHECK_FALSE(s.select(0));
    const auto set = [&](double v) {
        REQUIRE(s.set_value(v));
        CHECK(s.answer(temp).given);
        return s.answer(temp).value;
    };
    CHECK(set(1.26) == 1.5);
    CHECK(set(1.24) == 1.0);
    CHECK(set(-4.76) == -5);
    CHECK(set(4.9) == 5);
    CHECK(set(100) == 5);
    CHECK(set(-100) == -5);
    CHECK(set(0) == 0);
}

TEST_CASE("session: Next on an untouched scale records its default") {
    const Quiz quiz = crt::load_fixture("choices.json");
    Session s(quiz, 1u);
    advance_to(s, "temp");
    const int temp = s.current();
    CHECK_FALSE(s.answer(temp).given);
    CHECK(s.can_advance());
    REQUIRE(s.next());
    CHECK(s.answer(temp).given);
    CHECK(s.answer(temp).value == 1);

    SUBCASE("mini: the default 3 lies between the weighted ranges, so it adds nothing") {
        const Quiz mini = crt::load_fixture("mini.json");
        Session m(mini, 1u);
        REQUIRE(m.start());
        REQUIRE(m.select(0));
        REQUIRE(m.next());
        REQUIRE(m.select(0));
        REQUIRE(m.next());
        REQUIRE(m.next());
        CHECK(m.answer(crt::question(mini, "alone")).value == 3);
        CHECK(m.result().totals == std::vector<double>{5, 0, 0});
    }
}

TEST_CASE("session: position and total count the shown questions only") {
    const Quiz quiz = crt::load_fixture("mini.json");
    Session s(quiz, 1u);
    CHECK(s.total() == 4);
    CHECK(s.position() == 0);
    REQUIRE(s.start());
    CHECK(s.position() == 1);
    REQUIRE(s.select(crt::option(quiz, "built", "one")));
    REQUIRE(s.next());
    CHECK(s.position() == 2);
    REQUIRE(s.select(crt::option(quiz, "work", "other")));
    CHECK(s.total() == 5);
    REQUIRE(s.next());
    CHECK(s.current() == crt::question(quiz, "field"));
    CHECK(s.position() == 3);
    REQUIRE(s.select(0));
    REQUIRE(s.next());
    REQUIRE(s.next());
    REQUIRE(s.select(crt::option(quiz, "check", "true")));
    CHECK(s.position() == 5);
    CHECK(s.total() == 8);
    REQUIRE(s.next());
    CHECK(s.position() == 6);
}

TEST_CASE("session: option_order is a seeded permutation when shuffling, identity otherwise") {
    const Quiz quiz = crt::load_fixture("choices.json");
    const int shuf = crt::question(quiz, "shuf");
    const int fixed = crt::question(quiz, "fixed");
    const std::vector<int> identity{0, 1, 2, 3, 4, 5};
    REQUIRE(quiz.questions[shuf].shuffle);
    REQUIRE_FALSE(quiz.questions[fixed].shuffle);

    std::set<std::vector<int>> orders;
    for (uint32_t seed = 1; seed <= 40; ++seed) {
        CAPTURE(seed);
        const std::vector<int> order = Session(quiz, seed).option_order(shuf);
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == identity);                                 // a permutation
        CHECK(Session(quiz, seed).option_order(shuf) == order);    // stable for the seed
        CHECK(Session(quiz, seed).option_order(fixed) == identity);
        orders.insert(order);
    }
    CHECK(orders.size() > 10);  // 40 seeds over 720 orders: many differ
    CHECK(orders.count(identity) <= 1);

    SUBCASE("the order survives answering and restarting") {
        Session s(quiz, 12345u);
        const auto before = s.option_order(shuf);
        advance_to(s, "shuf");
        REQUIRE(s.select(0));
        CHECK(s.option_order(shuf) == before);
        s.restart();
        CHECK(s.option_order(shuf) == before);
    }
    SUBCASE("shuffle_options turns shuffling on for every question without its own setting") {
        std::string text = crt::read_fixture("choices.json");
        const std::string key = "\"title\": \"Every kind of choice\",";
        text.replace(text.find(key), key.size(), key + " \"shuffle_options\": true,");
        const Quiz shuffled = crt::load_ok(text);
        CHECK(shuffled.questions[crt::question(shuffled, "fixed")].shuffle);
        CHECK(shuffled.questions[crt::question(shuffled, "langs")].shuffle);
    }
}

TEST_CASE("session: restoring a state whose current question is now hidden lands on a shown one") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SessionState state;
    state.screen = Screen::Question;
    state.seed = 99;
    state.current = crt::question(quiz, "field");
    state.answers = crt::AnswerSet(quiz).pick("built", {"one"}).pick("work", {"none"}).pick("field", {"people"}).answers;

    SUBCASE("the first shown question still unanswered") {
        const Session s(quiz, state);
        CHECK(s.screen() == Screen::Question);
        CHECK(s.current() == crt::question(quiz, "alone"));
        CHECK(s.state().seed == 99u);
        CHECK(s.answer(crt::question(quiz, "field")).given);  // kept, only hidden
    }
    SUBCASE("the last shown question when every shown one is answered") {
        state.answers = crt::AnswerSet(quiz).pick("built", {"one"}).pick("work", {"none"}).value("alone", 2)
                            .pick("check", {"false"}).answers;
        const Session s(quiz, state);
        CHECK(s.current() == crt::question(quiz, "check"));
    }
    SUBCASE("a shown current question is kept") {
        state.current = crt::question(quiz, "built");
        CHECK(Session(quiz, state).current() == crt::question(quiz, "built"));
    }
    SUBCASE("an out-of-range position and short answers are repaired") {
        state.current = 1000;
        state.answers.resize(2);
        const Session s(quiz, state);
        CHECK(s.state().answers.size() == quiz.questions.size());
        CHECK(s.current() == crt::question(quiz, "alone"));
    }
    SUBCASE("the results screen is left alone") {
        state.screen = Screen::Results;
        state.current = -1;
        const Session s(quiz, state);
        CHECK(s.screen() == Screen::Results);
    }
}

TEST_CASE("session: an optional multiple-choice question may be skipped, but a started answer needs its minimum") {
    std::string text = crt::read_fixture("choices.json");
    const std::string from = R"("id": "two-plus", "type": "multiple", "prompt": "Pick at least two", "min": 2,)";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), R"("id": "two-plus", "type": "multiple", "prompt": "Pick at least two", "min": 2, "required": false,)");
    const Quiz quiz = crt::load_ok(text);
    Session s(quiz, 1);
    REQUIRE(s.start());
    while (quiz.questions[s.current()].id != "two-plus") {
        const Question& q = quiz.questions[s.current()];
        if (q.kind != QuestionKind::Scale) s.select(0);
        REQUIRE(s.next());
    }
    CHECK(s.can_advance());  // untouched: skipping is fine
    REQUIRE(s.select(0));
    CHECK_FALSE(s.can_advance());  // one of at least two
    REQUIRE(s.select(1));
    CHECK(s.can_advance());
}

TEST_CASE("session: progress never runs backwards when an optional part opens") {
    const Quiz quiz = crt::load_ok(R"json({"format": 1, "id": "parts", "version": 1, "title": "T",
 "outcomes": [{"id": "a", "title": "A", "summary": "S"}, {"id": "b", "title": "B", "summary": "S"}],
 "sections": [
  {"id": "s1", "title": "One", "questions": [
    {"id": "q1", "type": "single", "prompt": "P1", "options": [{"id": "x", "label": "X", "weights": {"a": 1}}, {"id": "y", "label": "Y", "weights": {"b": 1}}]},
    {"id": "more", "type": "single", "prompt": "More?", "options": [{"id": "yes", "label": "Yes", "weights": {"a": 1}}, {"id": "no", "label": "No", "weights": {"b": 1}}]}]},
  {"id": "s2", "title": "Two", "show_if": {"question": "more", "any_of": ["yes"]}, "questions": [
    {"id": "q2", "type": "single", "prompt": "P2", "options": [{"id": "x", "label": "X", "weights": {"a": 1}}, {"id": "y", "label": "Y", "weights": {"b": 1}}]},
    {"id": "q3", "type": "single", "prompt": "P3", "options": [{"id": "x", "label": "X", "weights": {"a": 1}}, {"id": "y", "label": "Y", "weights": {"b": 1}}]},
    {"id": "q4", "type": "single", "prompt": "P4", "options": [{"id": "x", "label": "X", "weights": {"a": 1}}, {"id": "y", "label": "Y", "weights": {"b": 1}}]}]}]})json");
    Session s(quiz, 1);
    REQUIRE(s.start());
    auto at = [&]() {
        const Progress p = s.progress();
        return std::to_string(p.part) + "/" + std::to_string(p.parts) + " " + std::to_string(p.position) + "/" + std::to_string(p.total);
    };
    CHECK(at() == "1/1 1/2");
    REQUIRE(s.select(0));
    REQUIRE(s.next());
    CHECK(at() == "1/1 2/2");
    REQUIRE(s.select(0));  // yes: the second part opens; this question is still 2 of 2 in part 1
    CHECK(at() == "1/2 2/2");
    REQUIRE(s.next());
    CHECK(at() == "2/2 1/3");
    CHECK(s.position() == 3);  // counted over the whole quiz, as before
    CHECK(s.total() == 5);
}

TEST_CASE("session: an edited quiz keeps the reader's place and the answers whose ids still exist") {
    const Quiz before = crt::load_fixture("mini.json");
    Session s(before, 1);
    REQUIRE(s.start());
    REQUIRE(s.select(1));  // built = one
    REQUIRE(s.next());
    REQUIRE(s.select(1));  // work = other
    REQUIRE(s.next());     // on "field"
    std::string text = crt::read_fixture("mini.json");
    // The editor renames option "one" and rewords the prompt of "field".
    text.replace(text.find("\"id\": \"one\""), 11, "\"id\": \"uno\"");
    text.replace(text.find("Which field?"), 12, "Which field were you in?");
    const Quiz after = crt::load_ok(text);
    const SessionState carried = carry_over(before, s.state(), after);
    Session t(after, carried);
    CHECK(t.screen() == Screen::Question);
    CHECK(after.questions[t.current()].id == "field");
    CHECK(after.questions[t.current()].prompt == "Which field were you in?");
    CHECK_FALSE(t.answer(crt::question(after, "built")).given);  // its option is gone
    CHECK(t.answer(crt::question(after, "work")).options == std::vector<int>{1});
}
