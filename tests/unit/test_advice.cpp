// Unit tests for advice on a result: "what would change your result" is minimal and prefers the missing requirement
// (checked against brute force over every answer to the changeable questions), never steps backwards, says steps,
// the plan ticks what is done, and `tipped` notes appear only when that answer settled the result.
#include <algorithm>
#include <string>
#include <vector>

#include "core/advice.h"
#include "core/report.h"
#include "helpers.h"

namespace {

// Whether `a` is a step forward from `from` on a "forward" question: a later option, or a higher value.
bool later(const cr::Question& q, const cr::Answer& from, const cr::Answer& a) {
    if (!from.given) return true;
    if (q.kind == cr::QuestionKind::Scale) return a.value > from.value;
    return a.options[0] > from.options[0];
}

// Every answer a question may hold in the brute force: each option, or each scale value (on a "forward" question
// only those after `current`); plus `current`, first.
std::vector<cr::Answer> all_answers(const cr::Question& q, const cr::Answer& current) {
    std::vector<cr::Answer> out{current};
    auto add = [&](cr::Answer a) {
        a.given = true;
        const bool same = a.given == current.given && a.options == current.options && a.value == current.value;
        if (!same && (!q.forward || later(q, current, a))) out.push_back(a);
    };
    if (q.kind == cr::QuestionKind::Scale) {
        for (double v = q.scale.min; v <= q.scale.max; v += q.scale.step) add(cr::Answer{true, {}, v});
    } else {
        for (int o = 0; o < static_cast<int>(q.options.size()); ++o) add(cr::Answer{true, {o}, 0});
    }
    return out;
}

void mark(const cr::Rule& rule, std::vector<bool>& marked) {
    if (rule.kind == cr::Rule::Kind::Answer) marked[rule.answer.question] = true;
    for (const cr::Rule& part : rule.parts) mark(part, marked);
}

// Per outcome: the questions its requirements name that hold for `start`.
std::vector<std::vector<bool>> held(const cr::Quiz& quiz, const cr::Answers& start) {
    const cr::Result r = cr::score(quiz, start);
    std::vector<std::vector<bool>> out(quiz.outcomes.size(), std::vector<bool>(quiz.questions.size(), false));
    for (size_t o = 0; o < quiz.outcomes.size(); ++o)
        for (int k = 0; k < static_cast<int>(quiz.outcomes[o].requirements.size()); ++k)
            if (std::find(r.unmet[o].begin(), r.unmet[o].end(), k) == r.unmet[o].end())
                mark(quiz.outcomes[o].requirements[k].rule, out[o]);
    return out;
}

// Per outcome, by trying every combination of answers to the `changeable` questions: the fewest changed answers
// that give it, and among those the fewest changes to questions of its requirements that already hold.
std::vector<std::pair<int, int>> brute_force(const cr::Quiz& quiz, const cr::Answers& start, const std::vector<int>& changeable) {
    const auto holds = held(quiz, start);
    std::vector<std::pair<int, int>> best(quiz.outcomes.size(), {1000, 1000});
    std::vector<std::vector<cr::Answer>> lists;
    for (int q : changeable) lists.push_back(all_answers(quiz.questions[q], start[q]));
    std::vector<size_t> pick(lists.size(), 0);
    while (true) {
        cr::Answers a = start;
        std::vector<std::pair<int, int>> key(quiz.outcomes.size(), {0, 0});
        for (size_t k = 0; k < lists.size(); ++k) {
            a[changeable[k]] = lists[k][pick[k]];
            for (size_t o = 0; o < quiz.outcomes.size(); ++o)
                if (pick[k] > 0) key[o] = {key[o].first + 1, key[o].second + (holds[o][changeable[k]] ? 1 : 0)};
        }
        const int got = cr::score(quiz, a).decision.chosen;
        best[got] = std::min(best[got], key[got]);
        size_t k = 0;
        while (k < pick.size() && ++pick[k] == lists[k].size()) pick[k++] = 0;
        if (k == pick.size()) break;
    }
    return best;
}

// Checks what_would_change against brute force for one starting answer set; returns the paths found.
int check_paths(const cr::Quiz& quiz, const cr::Answers& start) {
    std::vector<int> changeable;
    for (int i = 0; i < static_cast<int>(quiz.questions.size()); ++i)
        if (quiz.questions[i].changeable) changeable.push_back(i);
    const int now = cr::score(quiz, start).decision.chosen;
    const auto best = brute_force(quiz, start, changeable);
    const auto holds = held(quiz, start);
    int found = 0;
    for (const cr::ChangePath& path : cr::what_would_change(quiz, start)) {
        INFO("to " << quiz.outcomes[path.outcome].id);
        CHECK(path.outcome != now);
        const bool reachable = best[path.outcome].first <= cr::kMaxChanges;
        CHECK(path.found == reachable);
        if (!path.found || !reachable) continue;
        ++found;
        CHECK(static_cast<int>(path.changes.size()) == best[path.outcome].first);
        int on_held = 0;
        cr::Answers changed = start;
        for (const auto& c : path.changes) {
            const cr::Question& q = quiz.questions[c.question];
            CHECK(q.changeable);
            if (q.forward) CHECK(later(q, start[c.question], c.answer));  // never a step backwards
            on_held += holds[path.outcome][c.question] ? 1 : 0;
            changed[c.question] = c.answer;
        }
        CHECK(on_held == best[path.outcome].second);  // the missing requirement first
        CHECK(cr::score(quiz, changed).decision.chosen == path.outcome);
    }
    return found;
}

// An answer set for change.json, in its reading order; `explain` is left unanswered when nothing is built (hidden).
cr::Answers reader(const cr::Quiz& quiz, const std::string& built, const std::string& explain, const std::string& skill,
                   double alone, const std::string& want, const std::string& past) {
    crt::AnswerSet set(quiz);
    set.pick("built", {built}).pick("skill", {skill}).value("alone", alone).pick("want", {want}).pick("past", {past});
    if (built != "none") set.pick("explain", {explain});
    return set.answers;
}

// What would change the result of `answers`, after checking that the result is `now`.
std::vector<cr::ChangePath> paths_from(const cr::Quiz& quiz, const cr::Answers& answers, const std::string& now) {
    REQUIRE(cr::score(quiz, answers).decision.chosen == crt::outcome(quiz, now));
    return cr::what_would_change(quiz, answers);
}

}  // namespace

TEST_CASE("what would change: as few changes as brute force finds, for every starting answer set") {
    const cr::Quiz quiz = crt::load_fixture("requires.json");
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
                            INFO("start " << built << " " << explain << " " << money << " " << past << " " << alone
                                          << " " << band);
                            found += check_paths(quiz, set.answers);
                            ++starts;
                        }
    CHECK(starts == 288);
    CHECK(found > 100);  // the check compares real paths, not only "none found"
}

TEST_CASE("what would change: forward questions, at most two changes, the missing requirement first") {
    const cr::Quiz quiz = crt::load_fixture("change.json");
    REQUIRE(cr::kMaxChanges == 2);
    int starts = 0, found = 0;
    for (const char* built : {"none", "one", "several", "many"})
        for (const char* explain : {"no", "partly", "yes"})
            for (const char* skill : {"basic", "advanced"})
                for (double alone : {0.0, 5.0, 6.0, 9.0})
                    for (const char* want : {"learn", "ship"})
                        for (const char* past : {"student", "worked"}) {
                            if (std::string(built) == "none" && std::string(explain) != "no") continue;
                            INFO("start " << built << " " << explain << " " << skill << " " << alone << " " << want
                                          << " " << past);
                            found += check_paths(quiz, reader(quiz, built, explain, skill, alone, want, past));
                            ++starts;
                        }
    CHECK(starts == 320);
    CHECK(found > 100);
}

TEST_CASE("what would change: the missing requirement before one that already holds, then the shorter step") {
    const cr::Quiz quiz = crt::load_fixture("change.json");
    // Job is blocked only by "explain" (points 6 to 5). "Many things" would also meet it (through `any`), and comes
    // first in reading order, but "built" already meets its own requirement: the step to take is explaining.
    const auto paths = paths_from(quiz, reader(quiz, "several", "no", "advanced", 5, "ship", "worked"), "learn");
    REQUIRE(paths.size() == 1);
    REQUIRE(paths[0].changes.size() == 1);
    CHECK(paths[0].changes[0].question == crt::question(quiz, "explain"));
    CHECK(paths[0].changes[0].answer.options == std::vector<int>{crt::option(quiz, "explain", "yes")});
    CHECK(cr::change_text(quiz, paths[0]).source ==
          "If you could explain your \\*choices\\* with confidence, the result would be \"Take a job\".");
    // Requirements all hold, points lose 6 to 7: the scale's next class (4-5) is not enough, 6 is two classes on;
    // "To ship things" is one option on, so it is proposed although the scale comes first in reading order.
    const auto nearer = paths_from(quiz, reader(quiz, "several", "yes", "advanced", 0, "learn", "student"), "learn");
    CHECK(cr::change_text(quiz, nearer[0]).source ==
          "If you answered \"To ship things\" to \"What do you want most?\", the result would be \"Take a job\".");
}

TEST_CASE("what would change: never a step backwards, at most two changes, steps said when every change has one") {
    const cr::Quiz quiz = crt::load_fixture("change.json");
    // Ready for the job: the way back to "learn" would be backwards on every forward question.
    const auto back = paths_from(quiz, reader(quiz, "many", "yes", "advanced", 10, "ship", "worked"), "job");
    REQUIRE(back.size() == 1);
    CHECK_FALSE(back[0].found);
    // Two steps, both with words: said as steps, joined like a list.
    const auto two = paths_from(quiz, reader(quiz, "none", "", "basic", 9, "ship", "worked"), "learn");
    CHECK(cr::change_text(quiz, two[0]).source ==
          "If you could build many things, and learn the advanced parts, the result would be \"Take a job\".");
    // The same reader, wanting to learn and scared of working alone, is three changes away: none is proposed.
    const auto none = paths_from(quiz, reader(quiz, "none", "", "basic", 0, "learn", "worked"), "learn");
    CHECK_FALSE(none[0].found);
    CHECK(cr::change_text(quiz, none[0]).source == "No small change to your answers would make \"Take a job\" the result.");
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
