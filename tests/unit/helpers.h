// Shared helpers for the unit tests: fixture files, loading quiz text that must be valid, diagnostics
// rendered exactly as editors see them, and answers built from question and option ids.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/loader.h"
#include "core/model.h"
#include "core/scoring.h"

namespace crt {

inline std::string fixture_path(std::string_view name) {
    return std::string(CR_SOURCE_DIR) + "/tests/fixtures/" + std::string(name);
}

// The bytes of tests/fixtures/<name>; fails the test when the file cannot be read.
inline std::string read_fixture(std::string_view name) {
    const std::string path = fixture_path(name);
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open fixture " << path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Every diagnostic as format_diagnostic prints it ("quiz.json:3:5: error: path: message"), one per line.
inline std::string render(const std::vector<cr::Diagnostic>& diagnostics, std::string_view file = "quiz.json") {
    std::string out;
    for (const auto& d : diagnostics) out += cr::format_diagnostic(d, file) + "\n";
    return out;
}

inline std::string render(const cr::LoadResult& result, std::string_view file = "quiz.json") {
    return render(result.diagnostics, file);
}

// Loads quiz text that must be free of errors and warnings; the test stops (showing them) otherwise.
inline cr::Quiz load_ok(std::string_view text) {
    cr::LoadResult result = cr::load_quiz(text);
    INFO("diagnostics:\n" << render(result));
    REQUIRE(result.ok);
    REQUIRE(result.diagnostics.empty());
    return std::move(result.quiz);
}

inline cr::Quiz load_fixture(std::string_view name) { return load_ok(read_fixture(name)); }

// Indices by id; the test stops when an id does not exist (a typo in a test, not a product bug).
inline int question(const cr::Quiz& quiz, const std::string& id) {
    const int index = quiz.question_index(id);
    REQUIRE_MESSAGE(index >= 0, "no question '" << id << "'");
    return index;
}

inline int option(const cr::Quiz& quiz, const std::string& question_id, const std::string& option_id) {
    const int index = cr::option_index(quiz.questions[question(quiz, question_id)], option_id);
    REQUIRE_MESSAGE(index >= 0, "question '" << question_id << "' has no option '" << option_id << "'");
    return index;
}

inline int outcome(const cr::Quiz& quiz, const std::string& id) {
    const int index = quiz.outcome_index(id);
    REQUIRE_MESSAGE(index >= 0, "no outcome '" << id << "'");
    return index;
}

// Answers by id, independent of report.cpp's parser:
//   const cr::Answers a = crt::AnswerSet(quiz).pick("built", {"many"}).value("alone", 5).answers;
struct AnswerSet {
    explicit AnswerSet(const cr::Quiz& q) : quiz(&q), answers(q.questions.size()) {}

    AnswerSet& pick(const std::string& question_id, std::initializer_list<std::string> option_ids) {
        cr::Answer& a = answers[question(*quiz, question_id)];
        a = cr::Answer{};
        a.given = true;
        for (const auto& id : option_ids) a.options.push_back(option(*quiz, question_id, id));
        return *this;
    }

    AnswerSet& value(const std::string& question_id, double v) {
        cr::Answer& a = answers[question(*quiz, question_id)];
        a = cr::Answer{};
        a.given = true;
        a.value = v;
        return *this;
    }

    const cr::Quiz* quiz;
    cr::Answers answers;
};

// The ids of the questions marked visible, joined with spaces ("built work alone check").
inline std::string visible_ids(const cr::Quiz& quiz, const std::vector<bool>& visible) {
    std::string out;
    for (size_t i = 0; i < visible.size(); ++i)
        if (visible[i]) out += (out.empty() ? "" : " ") + quiz.questions[i].id;
    return out;
}

inline std::string ids_of(const cr::Quiz& quiz, const std::vector<int>& questions) {
    std::string out;
    for (int i : questions) out += (out.empty() ? "" : " ") + quiz.questions[i].id;
    return out;
}

}  // namespace crt
