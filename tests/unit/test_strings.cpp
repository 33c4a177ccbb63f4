// A quiz's language and "strings": the catalogue it picks, overrides with CLDR plural forms, every mistake in
// "strings" as a located error, the warning for a language without words, and a German quiz whose rendered
// report and page state hold no English widget words.
#include <doctest/doctest.h>

#include <cctype>

#include "core/catalogue.h"
#include "core/json_doc.h"
#include "core/loader.h"
#include "core/protocol.h"
#include "core/report.h"
#include "helpers.h"

using namespace cr;
using crt::render;

namespace {

// A one-question quiz in `language` with `strings` (a JSON object, or "" for none); the strings are on line 2.
std::string quiz_in(const std::string& language, const std::string& strings) {
    return R"({"format": 1, "id": "t", "version": 1, "title": "T", "language": ")" + language + "\",\n" +
           (strings.empty() ? "" : " \"strings\": " + strings + ",\n") +
           R"( "sections": [{"id": "s", "title": "S", "questions": [
  {"id": "q", "type": "single", "prompt": "P", "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}]}]})";
}

// Sets the quiz's catalogue as the platform does, and back to English at the end of the scope.
struct QuizWords {
    explicit QuizWords(const Quiz& quiz) { set_catalogue(Catalogue(quiz.language, quiz.strings)); }
    ~QuizWords() { set_catalogue(Catalogue()); }
};

// The literal pieces of every English value that differs from the German one, with at least four letters.
std::vector<std::string> english_only_words() {
    const Catalogue english, german("de", {});
    std::vector<std::string> out;
    for (size_t k = 0; k < static_cast<size_t>(Key::Count); ++k)
        for (Plural p : {Plural::One, Plural::Other}) {
            const std::string& e = english.form(static_cast<Key>(k), p);
            if (e == german.form(static_cast<Key>(k), p)) continue;
            std::string piece;
            auto flush = [&] {
                int letters = 0;
                for (char c : piece) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
                if (letters >= 4) out.push_back(piece);
                piece.clear();
            };
            for (size_t i = 0; i < e.size(); ++i) {
                if (e[i] == '{' && e.find('}', i) != std::string::npos) {
                    flush();
                    i = e.find('}', i);
                } else {
                    piece += e[i];
                }
            }
            flush();
        }
    return out;
}

}  // namespace

TEST_CASE("strings: overrides replace the catalogue's words; Polish plural forms by CLDR") {
    const LoadResult loaded = load_quiz(quiz_in("pl", R"({"Next": "Dalej",
        "QuestionCount": {"one": "{n} pytanie", "few": "{n} pytania", "many": "{n} pytań", "other": "{n} pytania"}})"));
    REQUIRE(loaded.ok);  // with the warning that the other strings are English
    const Quiz& quiz = loaded.quiz;
    const QuizWords words(quiz);
    CHECK(tr(Key::Next) == "Dalej");
    CHECK(tr_count(Key::QuestionCount, 1) == "1 pytanie");
    CHECK(tr_count(Key::QuestionCount, 3) == "3 pytania");
    CHECK(tr_count(Key::QuestionCount, 5) == "5 pytań");
    CHECK(tr_count(Key::QuestionCount, 22) == "22 pytania");
    CHECK(tr_count(Key::QuestionCount, 1000) == "1000 pytań");
    CHECK(tr_count(Key::QuestionCount, 12000) == "12\xC2\xA0" "000 pytań");
    CHECK(tr(Key::Back) == "Back");  // not given: English
}

TEST_CASE("strings: a German quiz may override single words of its catalogue") {
    const Quiz quiz = crt::load_ok(quiz_in("de", R"({"Next": "Nächste Frage"})"));
    const QuizWords words(quiz);
    CHECK(tr(Key::Next) == "Nächste Frage");
    CHECK(tr(Key::Back) == "Zurück");
}

TEST_CASE("strings: a language without a catalogue falls back to English, with a warning") {
    const LoadResult r = load_quiz(quiz_in("xx", ""));
    REQUIRE(r.ok);
    CHECK(render(r) == "quiz.json:1:54: warning: language: the widget has no words of its own for 'xx', so " +
                           std::to_string(static_cast<size_t>(Key::Count)) + " of its " +
                           std::to_string(static_cast<size_t>(Key::Count)) +
                           " strings (buttons, progress, headings, notices) will be English unless given in \"strings\"\n");
    const QuizWords words(r.quiz);
    CHECK(tr(Key::Next) == "Next");
    CHECK(tr_count(Key::QuestionCount, 2) == "2 questions");
    CHECK(load_quiz(quiz_in("de-AT", "")).diagnostics.empty());
    CHECK(load_quiz(quiz_in("en-GB", "")).diagnostics.empty());
}

TEST_CASE("strings: every mistake is a located error of its class") {
    auto one = [](const std::string& language, const std::string& strings) {
        const LoadResult r = load_quiz(quiz_in(language, strings));
        CHECK_FALSE(r.ok);
        return render(r);
    };
    CHECK(one("en", R"({"Nxet": "Go"})") ==
          "quiz.json:2:14: error: strings.Nxet: unknown widget string 'Nxet' (did you mean 'Next'?); the names are "
          "listed in docs/content-format.md, section 15\n");
    CHECK(one("en", R"({"Progress": "{0} / {2}"})") ==
          "quiz.json:2:14: error: strings.Progress: 'Progress' fills no {2}; its placeholders are {0}, {1}\n"
          "quiz.json:2:14: warning: strings.Progress: leaves out {1}, which 'Progress' fills in; the reader will not see it\n");
    CHECK(one("de", R"({"QuestionCount": {"one": "{n} Frage", "few": "{n} Fragen", "other": "{n} Fragen"}})") ==
          "quiz.json:2:52: error: strings.QuestionCount.few: 'de' has no 'few' form: its counts take one, other (CLDR "
          "plural rules)\n");
    CHECK(one("pl", R"({"QuestionCount": {"one": "{n} pytanie", "some": "x"}})") ==
          "quiz.json:1:54: warning: language: the widget has no words of its own for 'pl', so " +
              std::to_string(static_cast<size_t>(Key::Count) - 1) + " of its " + std::to_string(static_cast<size_t>(Key::Count)) +
              " strings (buttons, progress, headings, notices) will be English unless given in \"strings\"\n"
          "quiz.json:2:14: error: strings.QuestionCount.other: missing required key 'other': the form for every count "
          "no other category covers\n"
          "quiz.json:2:54: error: strings.QuestionCount.some: unknown plural category 'some': its counts take one, "
          "few, many, other (CLDR plural rules)\n");
    CHECK(one("en", R"({"Next": 3})") ==
          "quiz.json:2:14: error: strings.Next: expected a string, found a number\n");
    CHECK(one("en", R"({"QuestionCount": ["a"]})") ==
          "quiz.json:2:14: error: strings.QuestionCount: expected a string or an object of plural forms, found an array\n");
    CHECK(one("en", R"({"Next": {"one": "Go", "other": "Go"}})") ==
          "quiz.json:2:14: error: strings.Next: 'Next' takes no count: give it one string\n");
    CHECK(one("en", R"({"Next": "  "})") == "quiz.json:2:14: error: strings.Next: must not be empty\n");
    CHECK(one("en", R"(["Next"])") == "quiz.json:2:2: error: strings: expected an object, found an array\n");
}

TEST_CASE("strings: a value is checked for links like every other text (issue 23)") {
    const LoadResult r = load_quiz(quiz_in("en", R"({"Highest": "[{0}](javascript:alert(1)) scored highest with {1}."})"));
    CHECK_FALSE(r.ok);
    CHECK(render(r) ==
          "quiz.json:2:32: error: strings.Highest: the link address 'javascript:alert(1)' cannot be opened from a quiz: "
          "use a full address starting with https://, http:// or mailto:\n");
}

TEST_CASE("strings: a German quiz's report and page state hold no English widget words") {
    const Quiz quiz = crt::load_fixture("german.json");
    CHECK(quiz.language == "de-AT");
    const QuizWords words(quiz);
    std::string out;
    for (const char* spec : {"morgen=langsam,suesse=4,test=true,pflanze=true,koffein=tee", "morgen=schnell,suesse=0,test=false",
                             "morgen=schnell,suesse=2,test=false"}) {
        Answers answers;
        std::string error;
        REQUIRE(parse_answers(quiz, spec, answers, error));
        const Result r = score(quiz, answers);
        out += result_text(quiz, answers, r) + result_json(quiz, answers, r);
        SessionState state;
        state.answers = answers;
        state.screen = Screen::Results;
        Session done(quiz, state);
        out += page_state_json(&done, {}, "german.json", {});
    }
    Session s(quiz, 1);
    REQUIRE(s.start());
    out += page_state_json(&s, {}, "german.json", {});
    out += tr_count(Key::QuestionCount, s.total()) + tr_count(Key::MinuteCount, quiz.minutes);
    CHECK(out.find("\"language\":\"de-AT\"") != std::string::npos);
    CHECK(out.find("Warum: Tee hat mit 3 die meisten Punkte, vor Kaffee mit 1.") != std::string::npos);
    CHECK(out.find("liegen nur 0,5 auseinander") != std::string::npos);
    CHECK(out.find("1 von 2 Punkten (50\xC2\xA0%)") != std::string::npos);
    const std::vector<std::string> english_words = english_only_words();
    CHECK(english_words.size() > 80);
    for (const std::string& english : english_words) {
        CAPTURE(english);
        CHECK(out.find(english) == std::string::npos);
    }
}
