// Loader, model level: every class of content error and warning, with its exact message, JSON path and
// line:column; all problems are reported in one pass and come out sorted by position.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/loader.h"
#include "helpers.h"

using namespace cr;
using crt::render;

namespace {

// A small valid quiz: two outcomes, a single-choice question, a scale with weight ranges and a
// true_false question shown only for one answer of q1. Line numbers are those in the comments.
const std::string kBase =
    R"json({"format": 1, "id": "t", "version": 1, "title": "T",
 "outcomes": [
  {"id": "a", "title": "A", "summary": "S"},
  {"id": "junior-job", "title": "B", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "q1", "type": "single", "prompt": "P", "options": [
    {"id": "x", "label": "X", "weights": {"a": 1}},
    {"id": "other", "label": "Y", "weights": {"junior-job": 1}}]},
  {"id": "q2", "type": "scale", "prompt": "P", "scale": {"min": 1, "max": 5, "min_label": "L", "max_label": "H"},
   "weights": [{"from": 1, "to": 2, "weights": {"a": 1}}, {"from": 4, "to": 5, "weights": {"junior-job": 1}}]},
  {"id": "q3", "type": "true_false", "prompt": "P", "show_if": {"question": "q1", "any_of": ["other"]},
   "options": [{"id": "true", "label": "Yes", "weights": {"a": 1}}, {"id": "false", "label": "No"}]}]}]})json";
// line 1: quiz keys            line 6: q1            line 9:  q2 (scale)     line 11: q3
// line 3-4: outcomes           line 7-8: q1 options  line 10: q2 weight rules line 12: q3 options

// A small valid knowledge-only quiz: a single and a multiple question, two bands.
const std::string kKnowledge =
    R"json({"format": 1, "id": "k", "version": 1, "title": "K",
 "sections": [{"id": "s", "title": "S", "kind": "knowledge", "questions": [
  {"id": "q1", "type": "single", "prompt": "P", "explanation": "E", "correct": "x", "options": [
    {"id": "x", "label": "X"},
    {"id": "y", "label": "Y"}]},
  {"id": "q2", "type": "multiple", "prompt": "P", "explanation": "E", "correct": ["x", "y"], "options": [
    {"id": "x", "label": "X"},
    {"id": "y", "label": "Y"},
    {"id": "z", "label": "Z"}]}]}],
 "bands": [
  {"id": "low", "title": "Low", "feedback": "F", "min": 0, "max": 50},
  {"id": "high", "title": "High", "feedback": "F", "min": 50, "max": 100}]})json";

// `text` with the one occurrence of `from` replaced by `to`.
std::string edit(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "snippet not found: " << from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "snippet not unique: " << from);
    return text.replace(at, from.size(), to);
}

size_t count(const LoadResult& r, Severity severity) {
    return static_cast<size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                             [&](const Diagnostic& d) { return d.severity == severity; }));
}

// The diagnostics of a load that must fail, rendered.
std::string errors_of(const std::string& text) {
    const LoadResult r = load_quiz(text);
    CHECK_FALSE(r.ok);
    return render(r);
}

}  // namespace

TEST_CASE("validation: the base texts used below are valid") {
    crt::load_ok(kBase);
    crt::load_ok(kKnowledge);
}

TEST_CASE("validation: a missing required key is reported at the object that lacks it") {
    SUBCASE("question prompt") {
        CHECK(errors_of(edit(kBase, R"("id": "q1", "type": "single", "prompt": "P", )", R"("id": "q1", "type": "single", )")) ==
              "quiz.json:6:3: error: question \"q1\" › prompt: missing required key 'prompt'\n");
    }
    SUBCASE("outcome summary") {
        CHECK(errors_of(edit(kBase, R"("title": "A", "summary": "S")", R"("title": "A")")) ==
              "quiz.json:3:3: error: outcome \"a\" › summary: missing required key 'summary'\n");
    }
    SUBCASE("top-level keys are reported at the document start") {
        CHECK(errors_of(edit(kBase, R"("format": 1, "id": "t", "version": 1, )", "")) ==
              "quiz.json:1:1: error: format: missing required key 'format'\n"
              "quiz.json:1:1: error: id: missing required key 'id'\n"
              "quiz.json:1:1: error: version: missing required key 'version'\n");
    }
    SUBCASE("scale labels") {
        CHECK(errors_of(edit(kBase, R"(, "max_label": "H")", "")) ==
              "quiz.json:9:48: error: question \"q2\" › scale.max_label: missing required key 'max_label'\n");
    }
}

TEST_CASE("validation: a value of the wrong type names the expected and the found type") {
    SUBCASE("number for a string") {
        CHECK(errors_of(edit(kBase, R"("title": "T")", R"("title": 5)")) ==
              "quiz.json:1:40: error: title: expected a string, found a number\n");
    }
    SUBCASE("string for a boolean") {
        CHECK(errors_of(edit(kBase, R"("prompt": "P", "options")", R"("prompt": "P", "required": "yes", "options")")) ==
              "quiz.json:6:49: error: question \"q1\" › required: expected true or false, found a string\n");
    }
    SUBCASE("object for an array") {
        CHECK(errors_of(edit(kBase, R"("any_of": ["other"])", R"("any_of": {"other": true})")) ==
              "quiz.json:11:83: error: question \"q3\" › show_if.any_of: expected an array, found an object\n");
    }
    SUBCASE("string for a number") {
        CHECK(errors_of(edit(kBase, R"("from": 4)", R"("from": "4")")) ==
              "quiz.json:10:60: error: question \"q2\" › weights[1].from: expected a number, found a string\n");
    }
    SUBCASE("a fraction for a whole number") {
        CHECK(errors_of(edit(kBase, R"("version": 1)", R"("version": 1.5)")) ==
              "quiz.json:1:26: error: version: expected a whole number\n");
    }
    SUBCASE("a weight that is not a number") {
        CHECK(errors_of(edit(kBase, R"("label": "X", "weights": {"a": 1}})", R"("label": "X", "weights": {"a": true}})")) ==
              "quiz.json:7:43: error: question \"q1\" › option \"x\" › weights.a: weight must be a number, "
              "found true/false\n");
    }
}

TEST_CASE("validation: unknown keys are errors with a did-you-mean when one is close") {
    std::string text = edit(kBase, R"("title": "T",)", R"("title": "T", "tittle": "T2",)");
    text = edit(text, R"("prompt": "P", "options": [)", R"("prompt": "P", "promt": "P", "options": [)");
    text = edit(text, R"("summary": "S"},)", R"("summary": "S", "colour": "red"},)");
    CHECK(errors_of(text) ==
          "quiz.json:1:54: error: tittle: unknown key 'tittle' (did you mean 'title'?)\n"
          "quiz.json:3:45: error: outcome \"a\" › colour: unknown key 'colour'\n"
          "quiz.json:6:49: error: question \"q1\" › promt: unknown key 'promt' (did you mean 'prompt'?)\n");
}

TEST_CASE("validation: ids must be lowercase letters, digits, '-' and '_', not starting with a separator") {
    const std::string rule =
        " is not a valid id: use lowercase letters, digits, '-' and '_', starting with a letter or digit, "
        "at most 64 characters\n";
    SUBCASE("uppercase quiz id") {
        CHECK(errors_of(edit(kBase, R"("id": "t")", R"("id": "T")")) == "quiz.json:1:15: error: id: 'T'" + rule);
    }
    SUBCASE("a space in a section id") {
        CHECK(errors_of(edit(kBase, R"("id": "s")", R"("id": "Sec 1")")) ==
              "quiz.json:5:16: error: section \"Sec 1\" › id: 'Sec 1'" + rule);
    }
    SUBCASE("an option id starting with '-'") {
        CHECK(errors_of(edit(kBase, R"("id": "x")", R"("id": "-x")")) ==
              "quiz.json:7:6: error: question \"q1\" › option \"-x\" › id: '-x'" + rule);
    }
    SUBCASE("65 characters is too long, 64 is fine") {
        const std::string id64(64, 'q');
        CHECK(load_quiz(edit(kBase, R"("id": "t")", "\"id\": \"" + id64 + "\"")).ok);
        CHECK(errors_of(edit(kBase, R"("id": "t")", "\"id\": \"" + id64 + "q\"")) ==
              "quiz.json:1:15: error: id: '" + id64 + "q'" + rule);
    }
    SUBCASE("an empty id") {
        CHECK(errors_of(edit(kBase, R"("id": "q2")", R"("id": " ")")) ==
              "quiz.json:9:4: error: section \"s\" › questions[1].id: must not be empty\n");
    }
}

TEST_CASE("validation: an element whose id is too long to be valid is placed by its index, not by that id") {
    const std::string long_id(65, 'q');
    CHECK(errors_of(edit(kBase, R"("id": "q2")", "\"id\": \"" + long_id + "\"")) ==
          "quiz.json:9:4: error: section \"s\" › questions[1].id: '" + long_id +
              "' is not a valid id: use lowercase letters, digits, '-' and '_', starting with a letter or digit, at most "
              "64 characters\n");
}

TEST_CASE("validation: duplicate ids are reported at the second occurrence") {
    SUBCASE("outcome") {
        const std::string text = edit(kBase, R"({"id": "junior-job", "title": "B", "summary": "S"}],)",
                                      R"({"id": "junior-job", "title": "B", "summary": "S"},
  {"id": "a", "title": "A again", "summary": "S"}],)");
        // The extra line shifts everything below it by one.
        CHECK(errors_of(text) == "quiz.json:5:4: error: outcome \"a\" › id: duplicate outcome id 'a'\n");
    }
    SUBCASE("section") {
        const std::string text = edit(kBase, R"("label": "No"}]}]}]})", R"("label": "No"}]}]},
 {"id": "s", "title": "S2", "questions": [{"id": "q4", "type": "true_false", "prompt": "P",
   "options": [{"id": "true", "weights": {"a": 1}}, {"id": "false"}]}]}]})");
        CHECK(errors_of(text) == "quiz.json:13:3: error: section \"s\" › id: duplicate section id 's'\n");
    }
    SUBCASE("question, across the quiz") {
        CHECK(errors_of(edit(kBase, R"("id": "q2")", R"("id": "q1")")) ==
              "quiz.json:9:4: error: question \"q1\" › id: duplicate question id 'q1'\n");
    }
    SUBCASE("option, within a question") {
        CHECK(errors_of(edit(kBase, R"("id": "x")", R"("id": "other")")) ==
              "quiz.json:8:6: error: question \"q1\" › option \"other\" › id: duplicate option id 'other'\n");
    }
    SUBCASE("the same option id in two questions is fine") {
        crt::load_ok(kKnowledge);  // both of its questions have options x, y
    }
}

TEST_CASE("validation: show_if must name an earlier question and its real options") {
    SUBCASE("unknown question, with did-you-mean") {
        CHECK(errors_of(edit(kBase, R"("question": "q1")", R"("question": "qq1")")) ==
              "quiz.json:11:65: error: question \"q3\" › show_if.question: unknown question 'qq1' "
              "(did you mean 'q1'?)\n");
    }
    SUBCASE("unknown question, nothing close") {
        CHECK(errors_of(edit(kBase, R"("question": "q1")", R"("question": "experience")")) ==
              "quiz.json:11:65: error: question \"q3\" › show_if.question: unknown question 'experience'\n");
    }
    SUBCASE("a question that comes later") {
        CHECK(errors_of(edit(kBase, R"({"id": "q2", "type")",
                             R"({"id": "q2", "show_if": {"question": "q3", "any_of": ["true"]}, "type")")) ==
              "quiz.json:9:28: error: question \"q2\" › show_if.question: refers to question 'q3', which "
              "comes later; a condition may only use answers given before it\n");
    }
    SUBCASE("the question itself") {
        CHECK(errors_of(edit(kBase, R"("question": "q1")", R"("question": "q3")")) ==
              "quiz.json:11:65: error: question \"q3\" › show_if.question: refers to its own question 'q3'; "
              "a condition may only use answers given before it\n");
    }
    SUBCASE("a section condition on one of its own questions") {
        CHECK(errors_of(edit(kBase, R"("title": "S", "questions")",
                             R"("title": "S", "show_if": {"question": "q1", "any_of": ["x"]}, "questions")")) ==
              "quiz.json:5:53: error: section \"s\" › show_if.question: refers to question 'q1' of this same section; "
              "a section's condition may only use answers from earlier sections\n");
    }
    SUBCASE("unknown option in any_of, with did-you-mean") {
        CHECK(errors_of(edit(kBase, R"(["other"])", R"(["othr"])")) ==
              "quiz.json:11:94: error: question \"q3\" › show_if.any_of[0]: question 'q1' has no option "
              "'othr' (did you mean 'other'?)\n");
    }
    SUBCASE("unknown option in none_of") {
        CHECK(errors_of(edit(kBase, R"("any_of": ["other"])", R"("none_of": ["x", "zzzzz"])")) ==
              "quiz.json:11:100: error: question \"q3\" › show_if.none_of[1]: question 'q1' has no option "
              "'zzzzz'\n");
    }
    SUBCASE("both any_of and none_of") {
        CHECK(errors_of(edit(kBase, R"("any_of": ["other"])", R"("any_of": ["other"], "none_of": ["x"])")) ==
              "quiz.json:11:104: error: question \"q3\" › show_if.none_of: use \"any_of\" or \"none_of\", not both\n");
    }
    SUBCASE("option ids on a scale question") {
        CHECK(errors_of(edit(kBase, R"("question": "q1", "any_of": ["other"])", R"("question": "q2", "any_of": ["1"])")) ==
              "quiz.json:11:53: error: question \"q3\" › show_if: question 'q2' is a scale; use \"min\" "
              "and/or \"max\" instead of option ids\n");
    }
    SUBCASE("a scale condition without bounds") {
        CHECK(errors_of(edit(kBase, R"("question": "q1", "any_of": ["other"])", R"("question": "q2")")) ==
              "quiz.json:11:53: error: question \"q3\" › show_if: give \"min\" and/or \"max\" for the scale "
              "question 'q2'\n");
    }
}

TEST_CASE("validation: weights must name declared outcomes") {
    SUBCASE("unknown outcome, with the did-you-mean of a prefix") {
        CHECK(errors_of(edit(kBase, R"("label": "Y", "weights": {"junior-job": 1}})", R"("label": "Y", "weights": {"junior": 1}})")) ==
              "quiz.json:8:47: error: question \"q1\" › option \"other\" › weights.junior: unknown outcome 'junior' "
              "(did you mean 'junior-job'?)\n");
    }
    SUBCASE("unknown outcome in a scale rule") {
        CHECK(errors_of(edit(kBase, R"({"from": 4, "to": 5, "weights": {"junior-job": 1}})",
                             R"({"from": 4, "to": 5, "weights": {"junoir-job": 1}})")) ==
              "quiz.json:10:92: error: question \"q2\" › weights[1].weights.junoir-job: unknown outcome "
              "'junoir-job' (did you mean 'junior-job'?)\n");
    }
    SUBCASE("weights without any declared outcomes") {
        const std::string text = R"json({"format": 1, "id": "t", "version": 1, "title": "T",
 "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "q1", "type": "single", "prompt": "P", "options": [
    {"id": "x", "label": "X", "weights": {"a": 1}},
    {"id": "y", "label": "Y", "weights": {"b": 1}}]}]}]})json";
        CHECK(errors_of(text) ==
              "quiz.json:4:31: error: question \"q1\" › option \"x\" › weights: weights are given but the quiz "
              "declares no \"outcomes\"\n");
    }
}

TEST_CASE("validation: knowledge questions need a valid correct answer") {
    SUBCASE("single without correct") {
        CHECK(errors_of(edit(kKnowledge, R"("correct": "x", )", "")) ==
              "quiz.json:3:3: error: question \"q1\" › correct: a knowledge question needs a correct answer: "
              "add \"correct\" with the id of the right option\n");
    }
    SUBCASE("multiple without correct") {
        CHECK(errors_of(edit(kKnowledge, R"("correct": ["x", "y"], )", "")) ==
              "quiz.json:6:3: error: question \"q2\" › correct: a knowledge question needs a correct answer: "
              "add \"correct\" with a list of the ids of the right options\n");
    }
    SUBCASE("true_false without correct: the advice is a boolean, not an option id") {
        const std::string tf = edit(kKnowledge, R"({"id": "q1", "type": "single", "prompt": "P", "explanation": "E", "correct": "x", "options": [
    {"id": "x", "label": "X"},
    {"id": "y", "label": "Y"}]})", R"({"id": "q1", "type": "true_false", "prompt": "P", "explanation": "E"})");
        CHECK(errors_of(tf) ==
              "quiz.json:3:3: error: question \"q1\" › correct: a knowledge question needs a correct answer: "
              "add \"correct\": true or \"correct\": false\n");
    }
    SUBCASE("single with a list of correct options") {
        CHECK(errors_of(edit(kKnowledge, R"("correct": "x")", R"("correct": ["x", "y"])")) ==
              "quiz.json:3:69: error: question \"q1\" › correct: expected the id of the right option, found an array\n");
    }
    SUBCASE("a correct id that is not an option") {
        CHECK(errors_of(edit(kKnowledge, R"("correct": ["x", "y"])", R"("correct": ["x", "yy"])")) ==
              "quiz.json:6:71: error: question \"q2\" › correct: unknown option 'yy' (did you mean 'y'?)\n");
    }
    SUBCASE("an empty list") {
        CHECK(errors_of(edit(kKnowledge, R"("correct": ["x", "y"])", R"("correct": [])")) ==
              "quiz.json:6:71: error: question \"q2\" › correct: lists no correct option\n");
    }
    SUBCASE("a missing explanation") {
        CHECK(errors_of(edit(kKnowledge, R"("prompt": "P", "explanation": "E", "correct": "x")",
                             R"("prompt": "P", "correct": "x")")) ==
              "quiz.json:3:3: error: question \"q1\" › explanation: missing required key 'explanation'\n");
    }
}

TEST_CASE("validation: score bands must cover 0 to 100 without gaps or overlaps") {
    SUBCASE("overlap") {
        CHECK(errors_of(edit(kKnowledge, R"("min": 0, "max": 50)", R"("min": 0, "max": 60)")) ==
              "quiz.json:12:3: error: band \"high\": band 'high' overlaps the band before it: it starts at 50 but the "
              "previous one runs to 60\n");
    }
    SUBCASE("gap between bands") {
        CHECK(errors_of(edit(kKnowledge, R"("min": 0, "max": 50)", R"("min": 0, "max": 40)")) ==
              "quiz.json:12:3: error: band \"high\": gap in the score bands: no band covers 40 to 50 percent\n");
    }
    SUBCASE("gap at the start") {
        CHECK(errors_of(edit(kKnowledge, R"("min": 0, "max": 50)", R"("min": 10, "max": 50)")) ==
              "quiz.json:11:3: error: band \"low\": gap in the score bands: no band covers 0 to 10 percent\n");
    }
    SUBCASE("gap at the end") {
        CHECK(errors_of(edit(kKnowledge, R"("max": 100)", R"("max": 90.5)")) ==
              "quiz.json:12:3: error: band \"high\": gap in the score bands: no band covers 90.5 to 100 percent\n");
    }
    SUBCASE("bands listed out of order are sorted, not reported") {
        const std::string text =
            edit(edit(kKnowledge, R"("id": "low", "title": "Low", "feedback": "F", "min": 0, "max": 50)",
                      R"("id": "high", "title": "High", "feedback": "F", "min": 50, "max": 100)"),
                 R"("id": "high", "title": "High", "feedback": "F", "min": 50, "max": 100}]})",
                 R"("id": "low", "title": "Low", "feedback": "F", "min": 0, "max": 50}]})");
        const Quiz quiz = crt::load_ok(text);
        REQUIRE(quiz.bands.size() == 2);
        CHECK(quiz.bands[0].id == "low");
        CHECK(quiz.bands[1].id == "high");
    }
    SUBCASE("a band outside 0..100") {
        CHECK(errors_of(edit(kKnowledge, R"("min": 50, "max": 100)", R"("min": 50, "max": 101)")) ==
              "quiz.json:11:3: error: band \"low\": gap in the score bands: no band covers 50 to 100 percent\n"
              "quiz.json:12:3: error: band \"high\": a band needs 0 <= min < max <= 100 (percent)\n");
    }
    SUBCASE("a knowledge section without bands") {
        const std::string text = edit(kKnowledge, kKnowledge.substr(kKnowledge.find("]}],\n \"bands\"")),
                                      "]}]}");
        CHECK(errors_of(text) ==
              "quiz.json:1:1: error: bands: knowledge sections need score \"bands\" covering 0 to 100 percent\n");
    }
}

TEST_CASE("validation: scale weight ranges must lie inside the scale and not overlap") {
    SUBCASE("outside the scale") {
        CHECK(errors_of(edit(kBase, R"({"from": 1, "to": 2,)", R"({"from": 0, "to": 2,)")) ==
              "quiz.json:10:16: error: question \"q2\" › weights[0]: range 0..2 lies outside the scale 1..5\n");
    }
    SUBCASE("past the top") {
        CHECK(errors_of(edit(kBase, R"("to": 5,)", R"("to": 5.5,)")) ==
              "quiz.json:10:59: error: question \"q2\" › weights[1]: range 4..5.5 lies outside the scale "
              "1..5\n");
    }
    SUBCASE("overlapping") {
        CHECK(errors_of(edit(kBase, R"({"from": 4,)", R"({"from": 2,)")) ==
              "quiz.json:10:59: error: question \"q2\" › weights[1]: range 2..5 overlaps range 1..2\n");
    }
    SUBCASE("reversed") {
        CHECK(errors_of(edit(kBase, R"({"from": 1, "to": 2,)", R"({"from": 2, "to": 1,)")) ==
              "quiz.json:10:28: error: question \"q2\" › weights[0].to: \"to\" must not be less than "
              "\"from\"\n");
    }
    SUBCASE("adjacent ranges and gaps between ranges are fine") {
        crt::load_ok(edit(kBase, R"({"from": 4,)", R"({"from": 3,)"));
    }
}

TEST_CASE("validation: the tie rule must name declared outcomes") {
    const std::string with_tie = edit(kBase, R"("label": "No"}]}]}]})", R"("label": "No"}]}]}],
 "tie": {"between": ["a", "junior-job"], "margin": 1, "winner": "both"}})");
    SUBCASE("unknown winner") {
        CHECK(errors_of(with_tie) == "quiz.json:13:55: error: tie.winner: unknown outcome 'both'\n");
    }
    SUBCASE("an outcome listed twice in between") {
        const std::string text = edit(edit(with_tie, R"(["a", "junior-job"])", R"(["junior-job", "junior-job"])"),
                                      R"("winner": "both")", R"("winner": "a")");
        CHECK(errors_of(text) == "quiz.json:13:36: error: tie.between[1]: outcome 'junior-job' is listed twice\n");
    }
    SUBCASE("unknown outcome in between, with did-you-mean") {
        const std::string text = edit(edit(with_tie, R"("junior-job"], "margin")", R"("junoir-job"], "margin")"),
                                      R"("winner": "both")", R"("winner": "a")");
        CHECK(errors_of(text) ==
              "quiz.json:13:22: error: tie.between[0]: the winner cannot also be one of the tied outcomes\n"
              "quiz.json:13:27: error: tie.between[1]: unknown outcome 'junoir-job' (did you mean 'junior-job'?)\n");
    }
}

TEST_CASE("validation: an unsupported format is refused") {
    CHECK(errors_of(edit(kBase, R"("format": 1)", R"("format": 2)")) ==
          "quiz.json:1:2: error: format: unsupported format 2; this version reads format 1\n");
}

TEST_CASE("validation: an unknown question type suggests the closest one") {
    CHECK(errors_of(edit(kBase, R"("type": "scale")", R"("type": "scael")")) ==
          "quiz.json:9:16: error: question \"q2\" › type: unknown question type 'scael'; use single, "
          "multiple, true_false or scale (did you mean 'scale'?)\n");
}

TEST_CASE("validation: a condition on a question whose type is unknown adds no second, misleading error") {
    CHECK(errors_of(edit(kBase, R"("type": "single")", R"("type": "singel")")) ==
          "quiz.json:6:16: error: question \"q1\" › type: unknown question type 'singel'; use single, "
          "multiple, true_false or scale (did you mean 'single'?)\n");
}

TEST_CASE("validation: every problem is reported in one load") {
    std::string text = edit(kBase, R"("id": "q1", "type": "single", "prompt": "P", )", R"("id": "q1", "type": "single", )");
    text = edit(text, R"("label": "Y", "weights": {"junior-job": 1}})", R"("label": "Y", "weights": {"junior": 1}})");
    text = edit(text, R"({"from": 1, "to": 2,)", R"({"from": 0, "to": 2,)");
    const LoadResult r = load_quiz(text);
    CHECK_FALSE(r.ok);
    CHECK(count(r, Severity::Error) == 3);
    CHECK(count(r, Severity::Warning) == 0);
    CHECK(render(r) ==
          "quiz.json:6:3: error: question \"q1\" › prompt: missing required key 'prompt'\n"
          "quiz.json:8:47: error: question \"q1\" › option \"other\" › weights.junior: unknown outcome 'junior' "
          "(did you mean 'junior-job'?)\n"
          "quiz.json:10:16: error: question \"q2\" › weights[0]: range 0..2 lies outside the scale 1..5\n");
}

TEST_CASE("validation: diagnostics are sorted by line and column, not by discovery") {
    // The tie rule is checked after the sections but written first.
    std::string text = edit(kBase, R"({"format": 1,)", R"({"tie": {"margin": 1, "winner": "both"}, "format": 1,)");
    text = edit(text, R"("id": "q1", "type": "single", "prompt": "P", )", R"("id": "q1", "type": "single", )");
    text = edit(text, R"("summary": "S"}],)", R"("summary": "S", "sumary": "S"}],)");
    text = edit(text, R"({"from": 1, "to": 2,)", R"({"from": 0, "to": 2,)");
    const LoadResult r = load_quiz(text);
    CHECK(render(r) ==
          "quiz.json:1:23: error: tie.winner: unknown outcome 'both'\n"
          "quiz.json:4:54: error: outcome \"junior-job\" › sumary: unknown key 'sumary' (did you mean 'summary'?)\n"
          "quiz.json:6:3: error: question \"q1\" › prompt: missing required key 'prompt'\n"
          "quiz.json:10:16: error: question \"q2\" › weights[0]: range 0..2 lies outside the scale 1..5\n");
    for (size_t i = 1; i < r.diagnostics.size(); ++i) {
        const Diagnostic& a = r.diagnostics[i - 1];
        const Diagnostic& b = r.diagnostics[i];
        CHECK((a.line < b.line || (a.line == b.line && a.column <= b.column)));
    }
}

TEST_CASE("validation: a weightless question that steers a branch is not reported as unused") {
    SUBCASE("no weights and no condition: warning") {
        const std::string text = edit(kBase, R"([{"id": "true", "label": "Yes", "weights": {"a": 1}}, )",
                                      R"([{"id": "true", "label": "Yes"}, )");
        const LoadResult r = load_quiz(text);
        CHECK(r.ok);
        CHECK(render(r) ==
              "quiz.json:11:3: warning: question \"q3\": question 'q3' carries no weights and no condition "
              "uses it, so it cannot change the result\n");
    }
    SUBCASE("no weights but a later scale condition uses it: no warning") {
        std::string text = edit(kBase, R"(   "weights": [{"from": 1, "to": 2, "weights": {"a": 1}}, {"from": 4, "to": 5, "weights": {"junior-job": 1}}]},)",
                                R"(   "explanation": "Steers q3."},)");
        text = edit(text, R"("question": "q1", "any_of": ["other"])", R"("question": "q2", "min": 3)");
        crt::load_ok(text);
    }
    SUBCASE("no weights but a later option condition uses it: no warning") {
        std::string text = edit(kBase, R"({"id": "x", "label": "X", "weights": {"a": 1}},)", R"({"id": "x", "label": "X"},)");
        text = edit(text, R"({"id": "other", "label": "Y", "weights": {"junior-job": 1}})", R"({"id": "other", "label": "Y"})");
        crt::load_ok(text);
    }
}

TEST_CASE("validation: did-you-mean stays quiet for short words with nothing close, and catches swapped letters") {
    CHECK(closest_match("zz", {"a", "b"}) == "");
    CHECK(closest_match("", {"a"}) == "");
    CHECK(closest_match("scael", {"single", "scale"}) == "scale");
    CHECK(closest_match("junior", {"internship", "junior-job"}) == "junior-job");
}

TEST_CASE("validation: a list over its size limit is one located error and is not read further") {
    // Each extra option repeats an id and names an unknown outcome: read one by one, they would add thousands of errors.
    std::string options;
    for (int i = 0; i < 20000; ++i) options += R"({"id": "x", "label": "X", "weights": {"nope": 1}}, )";
    SUBCASE("options of a single question") {
        CHECK(errors_of(edit(kBase, R"("options": [
    {"id": "x")", R"("options": [)" + options + R"(
    {"id": "x")")) ==
              "quiz.json:6:49: error: question \"q1\" › options: a question needs 2 to 12 options, found 20002\n");
    }
    SUBCASE("options of a true_false question") {
        CHECK(errors_of(edit(kBase, R"("options": [{"id": "true")", R"("options": [)" + options + R"({"id": "true")")) ==
              "quiz.json:12:4: error: question \"q3\" › options: a true_false question has exactly two options, "
              "with ids \"true\" and \"false\"\n");
    }
    SUBCASE("outcomes") {
        std::string outcomes;
        for (int i = 0; i < 101; ++i) outcomes += R"({"id": "a", "title": "A", "summary": "S"}, )";
        CHECK(errors_of(edit(kBase, R"("outcomes": [)", R"("outcomes": [)" + outcomes)) ==
              "quiz.json:2:2: error: outcomes: a quiz has at most 100 outcomes, found 103\n");
    }
}

TEST_CASE("validation: a code question needs its code") {
    SUBCASE("an empty code block") {
        CHECK(errors_of(edit(kBase, R"({"id": "q1", "type": "single", "prompt": "P",)",
                             R"({"id": "q1", "type": "single", "prompt": "P", "code": " ",)")) ==
              "quiz.json:6:49: error: question \"q1\" › code: must not be empty\n");
    }
    SUBCASE("a prompt that asks what code prints, with no code") {
        CHECK(errors_of(edit(kBase, R"({"id": "q1", "type": "single", "prompt": "P",)",
                             R"({"id": "q1", "type": "single", "prompt": "Loops. What does this print?",)")) ==
              "quiz.json:6:34: error: question \"q1\" › prompt: this is a code question (the prompt asks "
              "\"What does this print?\") but it has no \"code\"; add the snippet as \"code\"\n");
    }
    SUBCASE("a code language with no code") {
        CHECK(errors_of(edit(kBase, R"({"id": "q1", "type": "single", "prompt": "P",)",
                             R"({"id": "q1", "type": "single", "prompt": "P", "code_language": "python",)")) ==
              "quiz.json:6:49: error: question \"q1\" › code_language: \"code_language\" is given but there "
              "is no \"code\"; add the snippet as \"code\"\n");
    }
    SUBCASE("a code question with its code is fine") {
        crt::load_ok(edit(kBase, R"({"id": "q1", "type": "single", "prompt": "P",)",
                          R"j({"id": "q1", "type": "single", "prompt": "What does this print?", "code": "print(1)",)j"));
    }
}

TEST_CASE("validation: \"correct\" has one shape per question type") {
    const std::string tf = edit(kKnowledge, R"({"id": "q1", "type": "single", "prompt": "P", "explanation": "E", "correct": "x", "options": [
    {"id": "x", "label": "X"},
    {"id": "y", "label": "Y"}]},)", R"({"id": "q1", "type": "true_false", "prompt": "P", "explanation": "E", "correct": "false"},)");
    CHECK(errors_of(tf) ==
          "quiz.json:3:73: error: question \"q1\" › correct: expected true or false without quotes, found a string\n");
    CHECK(errors_of(edit(kKnowledge, R"("correct": ["x", "y"])", R"("correct": "x")")) ==
          "quiz.json:6:71: error: question \"q2\" › correct: expected a list of option ids (a list even for one id), "
          "found a string\n");
    CHECK(errors_of(edit(kKnowledge, R"("correct": ["x", "y"])", R"("correct": ["x", "x"])")) ==
          "quiz.json:6:71: error: question \"q2\" › correct: option 'x' is listed twice\n");
}

TEST_CASE("validation: a key of the format in a place where it does nothing is an error, like an unknown key") {
    SUBCASE("\"correct\" in an outcome section") {
        CHECK(errors_of(edit(kBase, R"("prompt": "P", "options": [)", R"("prompt": "P", "correct": "x", "options": [)")) ==
              "quiz.json:6:49: error: question \"q1\" › correct: \"correct\" belongs to questions in knowledge sections "
              "only (only they are scored)\n");
    }
    SUBCASE("\"min\" on a single-choice question") {
        CHECK(errors_of(edit(kBase, R"("prompt": "P", "options": [)", R"("prompt": "P", "min": 1, "options": [)")) ==
              "quiz.json:6:49: error: question \"q1\" › min: \"min\" belongs to multiple-choice questions only\n");
    }
    SUBCASE("option weights in a knowledge section") {
        CHECK(errors_of(edit(kKnowledge, R"({"id": "y", "label": "Y"}]},)", R"({"id": "y", "label": "Y", "weights": {}}]},)")) ==
              "quiz.json:5:31: error: question \"q1\" › option \"y\" › weights: weights do not belong in a knowledge "
              "section; use band weights instead\n");
    }
}

TEST_CASE("validation: present text must not be blank and present lists must not be empty") {
    CHECK(errors_of(edit(kBase, R"("title": "T",)", R"("title": "T", "intro": " ",)")) ==
          "quiz.json:1:54: error: intro: must not be empty\n");
    CHECK(errors_of(edit(kKnowledge, R"("bands": [
  {"id": "low", "title": "Low", "feedback": "F", "min": 0, "max": 50},
  {"id": "high", "title": "High", "feedback": "F", "min": 50, "max": 100}])", R"("bands": [])")) ==
          "quiz.json:10:2: error: bands: must not be empty\n");
}

TEST_CASE("validation: a condition error says the one thing that is wrong") {
    CHECK(errors_of(edit(kBase, R"("question": "q1", "any_of": ["other"])", R"("question": "q1")")) ==
          "quiz.json:11:53: error: question \"q3\" › show_if: missing \"any_of\": list the options of question 'q1' "
          "that show this\n");
}

TEST_CASE("validation: tests/schema/invalid holds a file for every class of problem") {
    // tests/schema/check_agreement.mjs runs each file through validate and the JSON Schema; a class without a
    // file there would go unchecked, so a new class needs its example before it can pass.
    const std::filesystem::path dir = std::filesystem::path(CR_SOURCE_DIR) / "tests" / "schema" / "invalid";
    for (const Check check : kAllChecks) {
        const std::string prefix = std::string(check_name(check)) + ".";
        bool found = false;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            found = found || entry.path().filename().string().rfind(prefix, 0) == 0;
        CHECK_MESSAGE(found, "no tests/schema/invalid/" << prefix << "*.json");
    }
}

namespace {

// kBase with `key: value` added at its end, on line 13.
std::string with_top_level(const std::string& key_and_value) {
    return kBase.substr(0, kBase.size() - 1) + ",\n " + key_and_value + "}";
}

}  // namespace

TEST_CASE("validation: a range chart's mistakes are located by item id") {
    const std::string chart = R"("ranges": {"title": "R", "period": "year", "assumption": "A", "items": [
  {"id": "intern", "label": "I", "low": "3000", "high": 5000, "period": "month"},
  {"id": "full", "label": "F", "low": 9, "high": 4},
  {"id": "odd", "label": "O", "low": -1, "high": 4, "period": "week"},
  {"id": "full", "label": "F", "low": 1, "high": 2, "unit": "USD"}]})";
    CHECK(errors_of(with_top_level(chart)) ==
          "quiz.json:14:34: error: ranges › item \"intern\" › low: expected a number, found a string\n"
          "quiz.json:15:42: error: ranges › item \"full\" › high: must not be below low (9)\n"
          "quiz.json:16:31: error: ranges › item \"odd\" › low: must be 0 or more\n"
          "quiz.json:16:53: error: ranges › item \"odd\" › period: unknown period 'week'; use \"year\" or \"month\"\n"
          "quiz.json:17:4: error: ranges › item \"full\" › id: duplicate range item id 'full'\n"
          "quiz.json:17:53: error: ranges › item \"full\" › unit: unknown key 'unit'\n");
}

TEST_CASE("validation: a range chart that compares months as years must say so, and needs a period to compare in") {
    CHECK(errors_of(with_top_level(R"("ranges": {"title": "R", "period": "year", "items": [{"id": "a", "label": "A", "low": 1, "high": 2, "period": "month"}]})")) ==
          "quiz.json:13:2: error: ranges: items given per month are compared per year (x 12): say so in \"assumption\"\n");
    CHECK(errors_of(with_top_level(R"("ranges": {"title": "R", "items": [{"id": "a", "label": "A", "low": 1, "high": 2, "period": "month"}]})")) ==
          "quiz.json:13:84: error: ranges › item \"a\" › period: an item's period needs a \"period\" for the whole chart to compare in\n");
    SUBCASE("a chart without currency or period is plain numbers") {
        const Quiz quiz = crt::load_ok(with_top_level(R"("ranges": {"title": "Hours", "items": [{"id": "a", "label": "A", "low": 1500, "high": 2500}]})"));
        CHECK(quiz.ranges.present);
        CHECK(quiz.ranges.items[0].period == Period::None);
    }
}

TEST_CASE("validation: a related link names a quiz file beside this one and has a label") {
    CHECK(errors_of(with_top_level(R"("related": {"quiz": "https://example.com/other.json", "label": "L"})")) ==
          "quiz.json:13:14: error: related.quiz: 'https://example.com/other.json' should be a quiz file beside this one, such as other-quiz.json\n");
    CHECK(errors_of(with_top_level(R"("related": {"quiz": "other.json"})")) ==
          "quiz.json:13:2: error: related.label: missing required key 'label'\n");
    const Quiz quiz = crt::load_ok(with_top_level(R"("related": {"quiz": "more/other.json", "label": "Only the check"})"));
    CHECK(quiz.related.results_label == "Only the check");
}

TEST_CASE("validation: standalone is for knowledge sections, with an id of its own") {
    CHECK(errors_of(edit(kBase, R"("title": "S", "questions")", R"("title": "S", "standalone": {"id": "s2", "title": "T"}, "questions")")) ==
          "quiz.json:5:41: error: section \"s\" › standalone: \"standalone\" is for knowledge sections only (it makes a quiz of their questions)\n");
    CHECK(errors_of(edit(kKnowledge, R"("kind": "knowledge", )", R"("kind": "knowledge", "standalone": {"id": "k", "title": "T", "outro": "O"}, )")) ==
          "quiz.json:2:77: error: section \"s\" › standalone.id: the standalone quiz needs an id of its own, not the quiz's 'k'\n"
          "quiz.json:2:102: error: section \"s\" › standalone.outro: unknown key 'outro'\n");
}

// A standalone section is also a quiz of its own (scripts/derive.py), which asks only its own questions. Before the
// rule moved into the core, validate accepted the first file below and the build then stopped on it.
TEST_CASE("validation: a standalone section's questions depend only on questions of the same section") {
    const std::string two_sections =
        edit(kKnowledge, "{\"id\": \"y\", \"label\": \"Y\"}]},\n  {\"id\": \"q2\", \"type\": \"multiple\", \"prompt\": \"P\",",
             "{\"id\": \"y\", \"label\": \"Y\"}]}]}, {\"id\": \"t\", \"title\": \"T\", \"kind\": \"knowledge\", "
             "\"standalone\": {\"id\": \"t2\", \"title\": \"T\"}, \"questions\": [\n  {\"id\": \"q2\", \"type\": "
             "\"multiple\", \"prompt\": \"P\", \"show_if\": {\"question\": \"q1\", \"any_of\": [\"x\"]},");
    CHECK(errors_of(two_sections) ==
          "quiz.json:6:63: error: question \"q2\" › show_if.question: refers to question 'q1' of section 's'; this "
          "section is also a quiz of its own (\"standalone\"), which asks only its questions, so its conditions may "
          "use only them\n");
    crt::load_ok(edit(two_sections, R"("standalone": {"id": "t2", "title": "T"}, )", ""));  // not standalone: allowed
    crt::load_ok(edit(edit(kKnowledge, R"("kind": "knowledge", )", R"("kind": "knowledge", "standalone": {"id": "k2", "title": "T"}, )"),
                      R"("id": "q2", "type": "multiple", "prompt": "P", )",
                      R"("id": "q2", "type": "multiple", "prompt": "P", "show_if": {"question": "q1", "any_of": ["x"]}, )"));
}

TEST_CASE("validation: a link or a call to action a reader could not safely open is located at its address") {
    CHECK(errors_of(edit(kBase, R"j({"id": "a", "title": "A", "summary": "S"})j",
                         R"j({"id": "a", "title": "A", "summary": "See [this](javascript:alert(1))"})j")) ==
          "quiz.json:3:52: error: outcome \"a\" › summary: the link address 'javascript:alert(1)' cannot be opened from "
          "a quiz: use a full address starting with https://, http:// or mailto:\n");
    CHECK(errors_of(edit(kBase, R"j({"id": "a", "title": "A", "summary": "S"})j",
                         R"j({"id": "a", "title": "A", "summary": "S", "cta": {"label": "Go", "url": "/next"}})j")) ==
          "quiz.json:3:76: error: outcome \"a\" › cta.url: the link address '/next' cannot be opened from a quiz: use "
          "a full address starting with https://, http:// or mailto:\n");
    CHECK(errors_of(edit(kBase, R"j({"id": "a", "title": "A", "summary": "S"})j",
                         R"j({"id": "a", "title": "A", "summary": "S", "cta": {"url": "https://x.org", "target": 1}})j")) ==
          "quiz.json:3:45: error: outcome \"a\" › cta.label: missing required key 'label'\n"
          "quiz.json:3:77: error: outcome \"a\" › cta.target: unknown key 'target'\n");
    const LoadResult ok = load_quiz(edit(kBase, R"j({"id": "a", "title": "A", "summary": "S"})j",
                                         R"j({"id": "a", "title": "A", "summary": "S", "cta": {"label": "Go on", "url": "https://x.org/a"}})j"));
    REQUIRE(ok.ok);
    CHECK(ok.quiz.outcomes[0].cta.label == "Go on");
    CHECK(ok.quiz.outcomes[0].cta.url == "https://x.org/a");
}

TEST_CASE("validation: \"changeable\" is true, false or \"forward\", and a step needs a changeable question") {
    const std::string q1 = R"("type": "single", "prompt": "P", "options": [)";
    CHECK(errors_of(edit(kBase, q1, R"("type": "single", "prompt": "P", "changeable": "backward", "options": [)")) ==
          "quiz.json:6:49: error: question \"q1\" › changeable: unknown changeable value 'backward'; use true, false or "
          "\"forward\"\n");
    CHECK(errors_of(edit(kBase, q1, R"("type": "multiple", "prompt": "P", "changeable": "forward", "options": [)")) ==
          "quiz.json:6:51: error: question \"q1\" › changeable: \"forward\" needs one answer to step on from: use it on "
          "single, true_false or scale questions, or use true\n");
    const std::string x = R"({"id": "x", "label": "X", "weights": {"a": 1}})";
    CHECK(errors_of(edit(kBase, x, R"({"id": "x", "label": "X", "weights": {"a": 1}, "step": "do X"})")) ==
          "quiz.json:7:52: error: question \"q1\" › option \"x\" › step: \"step\" is said only by \"what would change your "
          "result\", which changes only questions marked \"changeable\"; mark the question or remove the step\n");
    const std::string changeable = edit(kBase, q1, R"("type": "single", "prompt": "P", "changeable": "forward", "options": [)");
    CHECK(errors_of(edit(changeable, x, R"({"id": "x", "label": "X", "weights": {"a": 1}, "step": " "})")) ==
          "quiz.json:7:52: error: question \"q1\" › option \"x\" › step: must not be empty\n");
    CHECK(errors_of(edit(changeable, x,
                         R"j({"id": "x", "label": "X", "weights": {"a": 1}, "step": "see [it](javascript:alert(1))"})j")) ==
          "quiz.json:7:70: error: question \"q1\" › option \"x\" › step: the link address 'javascript:alert(1)' cannot be "
          "opened from a quiz: use a full address starting with https://, http:// or mailto:\n");
    const Quiz quiz = crt::load_ok(edit(changeable, x, R"({"id": "x", "label": "X", "weights": {"a": 1}, "step": "do X"})"));
    CHECK(quiz.questions[0].changeable);
    CHECK(quiz.questions[0].forward);
    CHECK(quiz.questions[0].options[0].step == "do X");
    CHECK_FALSE(quiz.questions[1].forward);
}
