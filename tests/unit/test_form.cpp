// The pre-checked form (src/core/form.h): every shipped and fixture quiz the loader accepts comes back from its form
// as the same Quiz, and a cut, damaged or other-version form is refused with a sentence, never misread.
#include <doctest/doctest.h>

#include <filesystem>
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
