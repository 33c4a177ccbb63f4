// The pre-checked form (src/core/form.h): every shipped and fixture quiz the loader accepts comes back from its form
// as the same Quiz, and a cut, damaged or other-version form, or one whose quiz names what is not there, is refused
// with a sentence, never misread.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/form.h"
#include "helpers.h"

namespace {

// Every quiz file of content/ and tests/fixtures/ (with its folders) the loader accepts.
std::vector<std::pair<std::string, cr::Quiz>> accepted_quizzes() {
    std::vector<std::pair<std::string, cr::Quiz>> out;
    for (const char* dir : {"/content", "/tests/fixtures"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(CR_SOURCE_DIR) + dir)) {
            if (entry.path().extension() != ".json" || entry.path().string().find("/schema/") != std::string::npos) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            cr::LoadResult result = cr::load_quiz(text.str());
            if (result.ok) out.emplace_back(entry.path().string(), std::move(result.quiz));
        }
    }
    return out;
}

cr::Quiz read_ok(const std::string& form) {
    cr::Quiz quiz;
    std::string error;
    INFO(error);
    REQUIRE_MESSAGE(cr::read_form(form, quiz, error), error);
    return quiz;
}

std::string refusal(const std::string& form) {
    cr::Quiz quiz;
    std::string error;
    CHECK_FALSE(cr::read_form(form, quiz, error));
    return error;
}

}  // namespace

TEST_CASE("form: every accepted quiz of content/ and tests/fixtures/ round-trips to an equal Quiz") {
    const auto quizzes = accepted_quizzes();
    REQUIRE(quizzes.size() >= 15);  // the shipped quiz and the fixtures: a wrong folder would test nothing
    for (const auto& [path, loaded] : quizzes) {
        INFO(path);
        const std::string form = cr::write_form(loaded);
        CHECK(cr::is_form(form));
        const cr::Quiz read = read_ok(form);
        CHECK(cr::write_form(read) == form);
        // A few fields of each kind, compared directly (the re-serialised form above covers every field).
        CHECK(read.id == loaded.id);
        CHECK(read.version == loaded.version);
        CHECK(read.characters == loaded.characters);
        CHECK(read.strings.size() == loaded.strings.size());
        REQUIRE(read.questions.size() == loaded.questions.size());
        for (size_t i = 0; i < read.questions.size(); ++i) {
            CHECK(read.questions[i].kind == loaded.questions[i].kind);
            CHECK(read.questions[i].prompt == loaded.questions[i].prompt);
            CHECK(read.questions[i].scale.step == loaded.questions[i].scale.step);
            CHECK(read.questions[i].options.size() == loaded.questions[i].options.size());
        }
        REQUIRE(read.rules.size() == loaded.rules.size());
        for (size_t i = 0; i < read.rules.size(); ++i) {
            CHECK(read.rules[i].source == loaded.rules[i].source);
            CHECK(read.rules[i].condition.parts.size() == loaded.rules[i].condition.parts.size());
        }
    }
}

TEST_CASE("form: the shipped quiz's result for the same answers is the same from its form") {
    const cr::Quiz loaded = crt::load_ok(crt::read_fixture("../../content/python-path.json"));
    const cr::Quiz read = read_ok(cr::write_form(loaded));
    // The first option of every single-choice question, every scale at its initial value.
    cr::Answers answers(loaded.questions.size());
    for (size_t i = 0; i < loaded.questions.size(); ++i) {
        const cr::Question& q = loaded.questions[i];
        if (q.kind == cr::QuestionKind::Scale) answers[i].value = q.scale.initial;
        else answers[i].options = {0};
        answers[i].given = true;
    }
    const cr::Result a = cr::score(loaded, answers), b = cr::score(read, answers);
    CHECK(a.decision.chosen == b.decision.chosen);
    CHECK(a.totals == b.totals);
    CHECK(a.band == b.band);
}

TEST_CASE("form: a cut, damaged or other-version form is refused with a sentence") {
    const std::string form = cr::write_form(crt::load_fixture("mini.json"));
    CHECK(refusal("{\"id\": \"x\"}").find("does not start with CRQF") != std::string::npos);
    CHECK(!cr::is_form("{\"id\": \"x\"}"));
    // Every cut: refused, never read past the end.
    for (size_t n = 0; n < form.size(); ++n) CHECK_MESSAGE(!refusal(form.substr(0, n)).empty(), "cut at " << n);
    CHECK(refusal(form.substr(0, form.size() - 1)).find("truncated") != std::string::npos);
    CHECK(refusal(form + "x").find("after its header") != std::string::npos);
    // Every byte flipped: refused (the header's fields, or the payload's checksum).
    for (size_t i = 0; i < form.size(); ++i) {
        std::string damaged = form;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
        CHECK_MESSAGE(!refusal(damaged).empty(), "flipped byte " << i);
    }
    std::string payload_damaged = form;
    payload_damaged[form.size() / 2] ^= 1;
    CHECK(refusal(payload_damaged).find("checksum") != std::string::npos);
    std::string other_version = form;
    other_version[4] = static_cast<char>(cr::kFormVersion + 1);
    CHECK(refusal(other_version).find("format version " + std::to_string(cr::kFormVersion + 1)) != std::string::npos);
}

TEST_CASE("form: a form that reads cleanly but breaks what load_quiz guarantees is refused with one sentence") {
    const cr::Quiz shipped = crt::load_ok(crt::read_fixture("../../content/python-path.json"));
    REQUIRE(shipped.sections.size() >= 2);
    REQUIRE(shipped.questions.size() >= 3);
    REQUIRE(!shipped.rules.empty());
    REQUIRE(shipped.bands.size() >= 2);
    const std::string outcomes = std::to_string(shipped.outcomes.size()), bands = std::to_string(shipped.bands.size());
    const size_t last = shipped.questions.size() - 1;
    const int single = [&] {
        for (size_t i = 0; i < shipped.questions.size(); ++i)
            if (shipped.questions[i].kind == cr::QuestionKind::Single) return static_cast<int>(i);
        return -1;
    }();
    REQUIRE(single >= 0);
    const std::string at_single = "its question " + std::to_string(single);
    auto answer = [](int question, std::vector<int> any_of) {
        cr::Condition c;
        c.present = true;
        c.question = question;
        c.any_of = std::move(any_of);
        return c;
    };
    const std::vector<std::pair<std::string, std::function<void(cr::Quiz&)>>> cases = {
        {"its question 0 names outcome 99 of " + outcomes, [](cr::Quiz& q) { q.questions[0].options[0].weights = {{99, 1}}; }},
        {"its question 0 holds a number that is not finite", [](cr::Quiz& q) { q.questions[0].options[0].weights = {{0, NAN}}; }},
        {at_single + " is a single question with 0 options", [&](cr::Quiz& q) { q.questions[single].options.clear(); }},
        {at_single + " lets a reader pick 5 to 1", [&](cr::Quiz& q) { q.questions[single].min_select = 5; }},
        {"its question 0 has a scale that is not min < max", [](cr::Quiz& q) { q.questions[0].scale.step = 0; }},
        {"its question 0 has a scale that is not min < max", [](cr::Quiz& q) { q.questions[0].scale.min = 11; }},
        {"its question 0 holds a number that is not finite", [](cr::Quiz& q) { q.questions[0].scale.max = INFINITY; }},
        {"its question 0 is shown by question 1, which does not come before it",
         [&](cr::Quiz& q) { q.questions[0].show_if = answer(1, {0}); }},
        {"its question 1 names option 7 of question 0's ", [&](cr::Quiz& q) { q.questions[1].show_if = answer(0, {7}); }},
        {"its question " + std::to_string(last) + " names section 0, not the section",
         [&](cr::Quiz& q) { q.questions[last].section = 0; }},
        {"its section 1 holds questions", [](cr::Quiz& q) { q.sections[1].first += 1; }},
        // fuzz_form: a form of no questions read cleanly, and its session's link did not decode.
        {"its quiz has no sections", [](cr::Quiz& q) { q.sections.clear(); q.questions.clear(); }},
        {"its section 0 holds questions 0 to 0", [](cr::Quiz& q) {
             q.questions.erase(q.questions.begin(), q.questions.begin() + q.sections[0].count);
             for (auto& s : q.sections) s.first -= q.sections[0].count;
             q.sections[0].first = 0;
             q.sections[0].count = 0; }},
        {"its section 0 is shown by question 0, which does not come before it",
         [&](cr::Quiz& q) { q.sections[0].show_if = answer(0, {0}); }},
        {"its rule 0 names outcome " + outcomes + " of " + outcomes,
         [](cr::Quiz& q) { q.rules[0].outcome = static_cast<int>(q.outcomes.size()); }},
        {"its rule 0 negates 0 conditions, not one", [](cr::Quiz& q) { q.rules[0].condition = {cr::Rule::Kind::Not}; }},
        {"its rule 0 names band 5 of " + bands, [](cr::Quiz& q) { q.rules[0].condition = {cr::Rule::Kind::Band, {}, {5}}; }},
        {"its rule 0 names question -1 of", [&](cr::Quiz& q) { q.rules[0].condition.parts = {{cr::Rule::Kind::Answer, answer(-1, {0})}}; }},
        {"its rule 0 counts 3 unmet requirements of outcome 0, which has",
         [](cr::Quiz& q) { q.rules[0].condition = {cr::Rule::Kind::Requirements, {}, {}, 0, 3}; }},
        {"its band 1 runs from", [](cr::Quiz& q) { q.bands[1].min += 1; }},
        {"its bands do not cover 0 to 100 percent", [](cr::Quiz& q) { q.bands.pop_back(); }},
        {"its tie rule names outcome 42 of " + outcomes, [](cr::Quiz& q) { q.tie = {true, {0, 1}, 0, cr::TieUnit::Points, 42}; }},
        {"its tie rule lists outcome 1 twice", [](cr::Quiz& q) { q.tie = {true, {0, 1, 1}, 0, cr::TieUnit::Points, 2}; }},
        {"its outcome 0 has a button to an address it may not link to",
         [](cr::Quiz& q) { q.outcomes[0].cta = {"Go", "javascript:alert(1)"}; }},
        {"its quiz has an id that is not one", [](cr::Quiz& q) { q.id = "a.b"; }},
        {"its quiz has a question id that is not an id or is given twice", [](cr::Quiz& q) { q.questions[1].id = q.questions[0].id; }},
        {at_single + " has an option id that is not an id or is given twice",
         [&](cr::Quiz& q) { q.questions[single].options[1].id = "B"; }},
        {"its quiz lists its characters out of order", [](cr::Quiz& q) { q.characters = U"\u00e9\u00e4"; }},
    };
    for (const auto& [says, damage] : cases) {
        cr::Quiz quiz = shipped;
        damage(quiz);
        const std::string error = refusal(cr::write_form(quiz));
        CHECK_MESSAGE(error.find(says) != std::string::npos, error << "\n  expected: " << says);
    }
    CHECK(refusal(cr::write_form([&] {
              cr::Quiz quiz = shipped;
              quiz.questions[0].options[0].weights = {{99, 1}};
              return quiz;
          }())) == "not a usable pre-checked quiz: its question 0 names outcome 99 of " + outcomes);
}
