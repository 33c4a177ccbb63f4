// Loader, size limits: one text, one word without a place to break, and one screen's text, each accepted at its
// limit and refused one character over it with a located message; and the shape of the shared big-quiz case (the
// shipped quiz's intro padded with one long run of "x") refused at every size that once stalled or lost the tab.
#include <doctest/doctest.h>

#include <string>

#include "core/loader.h"
#include "helpers.h"

using namespace cr;
using crt::render;

namespace {

// A small valid quiz; "@INTRO@", "@PROMPT@" and "@FAQ@" are replaced by each test. Lines as in the comments.
const std::string kQuiz = R"json({"format": 1, "id": "t", "version": 1, "title": "T",
 "intro": "@INTRO@",
 "outcomes": [{"id": "a", "title": "A", "summary": "S"}, {"id": "b", "title": "B", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "q", "type": "single", "prompt": "@PROMPT@", "options": [
    {"id": "x", "label": "X", "weights": {"a": 1}}, {"id": "y", "label": "Y", "weights": {"b": 1}}]}]}],
 "faq": [@FAQ@]})json";

std::string with(std::string text, const std::string& slot, const std::string& value) {
    const size_t at = text.find(slot);
    REQUIRE(at != std::string::npos);
    return text.replace(at, slot.size(), value);
}

std::string quiz(const std::string& intro, const std::string& prompt = "P", const std::string& faq = R"({"id": "f", "q": "Q", "a": "A"})") {
    return with(with(with(kQuiz, "@INTRO@", intro), "@PROMPT@", prompt), "@FAQ@", faq);
}

// `n` characters of words of `word` letters each (the last may be shorter), one space between them.
std::string words(size_t n, size_t word = 9, const std::string& letter = "a") {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += i % (word + 1) == word ? std::string(" ") : letter;
    return out;
}

std::string errors_of(const std::string& text) {
    const LoadResult r = load_quiz(text);
    CHECK_FALSE(r.ok);
    return render(r);
}

// The shipped quiz with its intro padded as the shared case make_big_quiz.py pads it: a space and `pad` letters x.
std::string padded_shipped_quiz(size_t pad) {
    std::string text = crt::read_fixture("../../content/python-path.json");
    const std::string key = "\"intro\": \"";
    const size_t at = text.find(key);
    REQUIRE(at != std::string::npos);
    size_t end = at + key.size();
    while (text[end] != '"') end += text[end] == '\\' ? 2 : 1;
    return text.insert(end, " " + std::string(pad, 'x'));
}

}  // namespace

TEST_CASE("limits: one text may have kMaxTextChars characters, counted as characters, not bytes") {
    crt::load_ok(quiz(words(kMaxTextChars)));
    crt::load_ok(quiz(words(kMaxTextChars, 9, "\xC3\xA9")));  // "é": two bytes, one character
    CHECK(errors_of(quiz(words(kMaxTextChars + 1))) ==
          "quiz.json:2:2: error: intro: this text is 10,001 characters long; one text may have at most 10,000: "
          "split it or shorten it\n");
    CHECK(errors_of(quiz(words(kMaxTextChars + 1, 9, "\xC3\xA9"))) ==
          "quiz.json:2:2: error: intro: this text is 10,001 characters long; one text may have at most 10,000: "
          "split it or shorten it\n");
}

TEST_CASE("limits: a word may run kMaxWordChars characters before the line can break") {
    const std::string word(kMaxWordChars, 'w');
    crt::load_ok(quiz("Read " + word + " now"));
    CHECK(errors_of(quiz("Read w" + word + " now")) ==
          "quiz.json:2:17: error: intro: a word here runs 1,001 characters without a space (\"wwwwwwwwwwww...\"); "
          "a word may run at most 1,000 before the line can break: add spaces or shorten it\n");
    SUBCASE("a line breaks at any space and between Chinese characters, not at a no-break space") {
        std::string wide, glued;
        for (size_t i = 0; i < 600; ++i) wide += "ab\xE3\x80\x80";  // U+3000 ideographic space
        for (size_t i = 0; i < 600; ++i) glued += "ab\xC2\xA0";     // U+00A0 no-break space
        CHECK(load_quiz(quiz(wide)).ok);  // (warned about: the fonts lack U+3000)
        CHECK(errors_of(quiz(glued)).find("a word here runs 1,800 characters") != std::string::npos);
        std::string chinese;
        for (size_t i = 0; i < 2000; ++i) chinese += "\xE4\xB8\xAD";  // U+4E2D, each a place to break
        CHECK(load_quiz(quiz(chinese)).ok);  // warned about (the fonts lack it), not refused
    }
    SUBCASE("in the widget's own words too") {
        const std::string text = with(quiz("I"), R"("title": "T",)", R"("title": "T", "strings": {"Next": ")" + std::string(1001, 'n') + "\"},");
        CHECK(errors_of(text).find("strings.Next: a word here runs 1,001 characters") != std::string::npos);
    }
}

TEST_CASE("limits: the results screen holds at most kMaxScreenChars characters with every FAQ entry open") {
    // Besides the FAQ, the results show "A" and "B" in the chart, then the outcome's title and summary: 4 characters.
    // Three entries of 10,000 ("Q" and the answer), then one of 1 + `last`.
    const size_t fill = kMaxScreenChars - 4 - 3 * kMaxTextChars - 1;
    auto faq = [](size_t last) {
        std::string out;
        for (int i = 0; i < 3; ++i) out += R"({"id": "f)" + std::to_string(i) + R"(", "q": "Q", "a": ")" + words(9999) + "\"},\n";
        return out + R"({"id": "last", "q": "Q", "a": ")" + words(last) + "\"}";
    };
    crt::load_ok(quiz("I", "P", faq(fill)));
    CHECK(errors_of(quiz("I", "P", faq(fill + 1))) ==
          "quiz.json:7:33: error: faq \"f0\" › a: the results screen for outcome \"a\" holds 32,001 characters with "
          "every part open, this text the longest of them; a screen shows at most 32,000: shorten its texts or move "
          "some elsewhere\n");
}

TEST_CASE("limits: a question's screen holds at most kMaxScreenChars characters") {
    // The question's screen shows the section's title "S", the prompt and the labels "X" and "Y".
    const std::string base = quiz("I");
    auto long_question = [&](size_t prompt) {
        std::string text = with(base, R"("title": "S", "questions")",
                                R"("title": "S", "intro": ")" + words(10000) + R"(", "questions")");
        return with(text, R"("prompt": "P",)", R"("prompt": ")" + words(prompt) + R"(", "explanation": ")" + words(10000) +
                                                   R"(", "code": ")" + words(10000) + "\",");
    };
    const size_t fill = kMaxScreenChars - 3 - 3 * kMaxTextChars;  // the prompt's share
    crt::load_ok(long_question(fill));
    const std::string errors = errors_of(long_question(fill + 1));
    CHECK(errors.find("error: section \"s\" › intro: the screen of question \"q\" holds 32,001 characters") != std::string::npos);
}

TEST_CASE("limits: the shared big-quiz case is accepted up to the word limit and refused, located, above it") {
    const LoadResult largest = load_quiz(padded_shipped_quiz(kMaxWordChars));
    CHECK(largest.ok);
    const LoadResult over = load_quiz(padded_shipped_quiz(kMaxWordChars + 1));
    REQUIRE(over.diagnostics.size() == 1);
    CHECK(over.diagnostics[0].path == "intro");
    CHECK(over.diagnostics[0].message.rfind("a word here runs 1,001 characters without a space", 0) == 0);
    for (size_t pad : {300000u, 800000u, 1400000u}) {
        const LoadResult r = load_quiz(padded_shipped_quiz(pad));
        INFO("pad " << pad);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 7);
        CHECK(r.diagnostics[0].column == 3);
        CHECK(r.diagnostics[0].message.find("this text is " + std::string(pad == 300000u ? "300," : pad == 800000u ? "800," : "1,400,")) == 0);
    }
}
