// Unit tests for advice on a result: "what would change your result" is minimal (checked against brute force
// over every answer to the changeable questions), the plan ticks what is done, and `tipped` notes appear only
// when that answer settled the result.
#include <algorithm>
#include <string>
#include <vector>

#include "core/advice.h"
#include "core/report.h"
#include "helpers.h"

namespace {

// Every answer a question may hold in the brute force: each option, or each scale value; plus `current`.
std::vector<cr::Answer> all_answers(const cr::Question& q, const cr::Answer& current) {
    std::vector<cr::Answer> out{current};
    auto add = [&](cr::Answer a) {
        a.given = true;
        const bool same = a.given == current.given && a.options == current.options && a.value == current.value;
        if (!same) out.push_back(a);
    };
    if (q.kind == cr::QuestionKind::Scale) {
        for (double v = q.scale.min; v <= q.scale.max; v += q.scale.step) add(cr::Answer{true, {}, v});
    } else {
        for (int o = 0; o < static_cast<int>(q.options.size()); ++o) add(cr::Answer{true, {o}, 0});
    }
    return out;
}

// The fewest changed answers (among `changeable`) that give each outcome, by trying every combination.
std::vector<int> brute_force(const cr::Quiz& quiz, const cr::Answers& start, const std::vector<int>& changeable) {
    std::vector<int> best(quiz.outcomes.size(), 1000);
    std::vector<std::vector<cr::Answer>> lists;
    for (int q : changeable) lists.push_back(all_answers(quiz.questions[q], start[q]));
    std::vector<size_t> pick(lists.size(), 0);
    while (true) {
        cr::Answers a = start;
        int changed = 0;
        for (size_t k = 0; k < lists.size(); ++k) {
            a[changeable[k]] = lists[k][pick[k]];
            changed += pick[k] > 0 ? 1 : 0;
        }
        const int got = cr::score(quiz, a).decision.chosen;
        best[got] = std::min(best[got], changed);
        size_t k = 0;
        while (k < pick.size() && ++pick[k] == lists[k].size()) pick[k++] = 0;
        if (k == pick.size()) break;
    }
    return best;
}

}  // namespace

TEST_CASE("what would change: as few changes as brute force finds, for every starting answer set") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    std::vector<int> changeable;
    for (int i = 0; i < static_cast<int>(quiz.questions.size()); ++i)
        if (quiz.questions[i].changeable) changeable.push_back(i);
    REQUIRE(changeable.size() == 4);
    int starts = 0, found = 0;
    for (const char* built : {"none", "one", "several", "many"})
        for (const char* explain : {"yes", "no"})
            for (const char* money : {"need", "fine"})
                for (const char* past : {"student", "worked"})
                    for (double alone : {0.0, 5.0, 9.0})
                        for (const char* band : {"skip", "low", "high"}) {
                            crt::AnswerSet set(quiz);
                            set.pick("built", {built}).pick("money", {money}).pick("past", {past}).value("alone", alone);
                            if (std::string(built) != "none") set.pick("explain", {explain});
                            set.pick("check", {std::string(band) == "skip" ? "no" : "yes"});
                            if (std::string(band) != "skip")
                                set.pick("k1", {"true"}).pick("k2", {std::string(band) == "high" ? "false" : "true"});
                            const cr::Answers& start = set.answers;
                            const int now = cr::score(quiz, start).decision.chosen;
                            const std::vector<int> best = brute_force(quiz, start, changeable);
                            for (const cr::ChangePath& path : cr::what_would_change(quiz, start)) {
                                INFO("start " << built << " " << explain << " " << money << " " << past << " " << alone
                                              << " " << band << " -> " << quiz.outcomes[path.outcome].id);
                                CHECK(path.outcome != now);
                                const int expected = best[path.outcome] <= cr::kMaxChanges ? best[path.outcome] : -1;
                                CHECK((path.found ? static_cast<int>(path.changes.size()) : -1) == expected);
                                if (!path.found) continue;
                                ++found;
                                cr::Answers changed = start;
                                for (const auto& c : path.changes) changed[c.question] = c.answer;
                                CHECK(cr::score(quiz, changed).decision.chosen == path.outcome);
                            }
                            ++starts;
                        }
    CHECK(starts == 288);
    CHECK(found > 100);  // the check compares real paths, not only "none found"
}

TEST_CASE("what would change: plain words from the content, and 'no small change' when there is none") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    const auto a = crt::AnswerSet(quiz).pick("built", {"one"}).pick("explain", {"yes"}).pick("money", {"need"})
                       .pick("past", {"worked"}).value("alone", 10).pick("check", {"no"}).answers;
    const auto paths = cr::what_would_change(quiz, a);
    REQUIRE(paths.size() == 2);
    CHECK(cr::change_text(quiz, paths[0]).source ==
          "If you answered \"Several things\" to \"What have you built?\", the result would be \"Take a job\".");
    CHECK(cr::change_text(quiz, paths[1]).source == "No small change to your answers would make \"Try both\" the result.");
    const auto b = crt::AnswerSet(quiz).pick("built", {"none"}).pick("money", {"fine"}).pick("past", {"student"})
                       .value("alone", 0).pick("check", {"no"}).answers;
    const auto two = cr::what_would_change(quiz, b);
    CHECK(cr::change_text(quiz, two[0]).source ==
          "If you answered \"Many things\" to \"What have you built?\", and 7 on the scale to \"Working alone feels\", "
          "the result would be \"Take a job\".");
}

TEST_CASE("what would change: a budget of scorings bounds the search") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    const auto a = crt::AnswerSet(quiz).pick("built", {"none"}).pick("money", {"fine"}).pick("past", {"student"})
                       .value("alone", 0).pick("check", {"no"}).answers;
    for (const auto& path : cr::what_would_change(quiz, a, 1)) CHECK_FALSE(path.found);
}

TEST_CASE("next steps: the chosen outcome's plan, steps shown by show_if, what the reader has done ticked") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    const auto a = crt::AnswerSet(quiz).pick("built", {"one"}).pick("explain", {"no"}).pick("money", {"fine"})
                       .pick("past", {"student"}).value("alone", 0).pick("check", {"no"}).answers;
    const cr::Result r = cr::score(quiz, a);
    const auto plan = cr::next_steps(quiz, a, r);
    REQUIRE(plan.size() == 2);
    CHECK(plan[0].done);
    CHECK_FALSE(plan[1].done);
    const std::string text = cr::result_text(quiz, a, r);
    CHECK(text.find("Your next steps:\n[x] Finish one thing you built.\n[ ] Ask good questions.\n") != std::string::npos);    // A step with show_if is listed only when it holds.
    crt::AnswerSet needs(quiz);
    needs.answers = a;
    needs.pick("money", {"need"});
    const auto longer = cr::next_steps(quiz, needs.answers, cr::score(quiz, needs.answers));
    REQUIRE(longer.size() == 3);
    CHECK(longer[2].text == "Look for paid places.");
}

TEST_CASE("tipped: the note appears only when that answer settled the result") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
    // job 2 + 2 + 1 (need) = 5 against learn 1 + 2 = 3; without "need", 4 against 3 is a tie, so "both".
    const auto tipped = crt::AnswerSet(quiz).pick("built", {"several"}).pick("explain", {"yes"}).pick("money", {"need"})
                            .pick("past", {"student"}).value("alone", 0).pick("check", {"no"}).answers;
    const cr::Result r = cr::score(quiz, tipped);
    CHECK(r.decision.chosen == crt::outcome(quiz, "job"));
    CHECK(cr::tipped_notes(quiz, tipped, r) == std::vector<std::string>{"Your need for a salary settled it."});
    const auto clear = crt::AnswerSet(quiz).pick("built", {"many"}).pick("explain", {"yes"}).pick("money", {"need"})
                           .pick("past", {"worked"}).value("alone", 10).pick("check", {"no"}).answers;
    CHECK(cr::tipped_notes(quiz, clear, cr::score(quiz, clear)).empty());
}
