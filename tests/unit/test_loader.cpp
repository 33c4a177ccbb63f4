// Loader, JSON level: valid files load into the model; malformed, hostile or oversized text is refused
// with one located error (line:column in characters, BOM not counted) and never crashes or hangs.
#include <doctest/doctest.h>

#include <string>

#include "core/json_doc.h"
#include "core/loader.h"
#include "helpers.h"

using namespace cr;
using crt::render;

namespace {

// The only diagnostic of a load that must fail.
Diagnostic only_error(const LoadResult& r) {
    INFO("diagnostics:\n" << render(r));
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Error);
    return r.diagnostics[0];
}

std::string nested_arrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("loader: the mini fixture loads into the model with every reference resolved") {
    const LoadResult r = load_quiz(crt::read_fixture("mini.json"));
    INFO("diagnostics:\n" << render(r));
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    const Quiz& quiz = r.quiz;

    CHECK(quiz.id == "mini");
    CHECK(quiz.version == 2);
    CHECK(quiz.title == "Mini path quiz");
    CHECK(quiz.intro == "Three questions and a short check.");
    CHECK(quiz.language == "en");
    CHECK(quiz.minutes == 1);

    REQUIRE(quiz.outcomes.size() == 3);
    CHECK(quiz.outcomes[1].id == "junior-job");
    CHECK(quiz.outcomes[1].summary == "Ship first.");

    REQUIRE(quiz.sections.size() == 2);
    CHECK(quiz.sections[0].kind == SectionKind::Outcome);
    CHECK(quiz.sections[0].first == 0);
    CHECK(quiz.sections[0].count == 5);
    CHECK(quiz.sections[1].kind == SectionKind::Knowledge);
    CHECK(quiz.sections[1].first == 5);
    CHECK(quiz.sections[1].count == 3);
    CHECK(quiz.sections[1].show_if.present);
    CHECK(quiz.sections[1].show_if.question == crt::question(quiz, "check"));
    CHECK(quiz.sections[1].show_if.any_of == std::vector<int>{0});  // "true" is option 0

    REQUIRE(quiz.questions.size() == 8);
    const Question& built = quiz.questions[crt::question(quiz, "built")];
    CHECK(built.kind == QuestionKind::Single);
    REQUIRE(built.options.size() == 3);
    REQUIRE(built.options[1].weights.size() == 2);
    CHECK(built.options[1].weights[0].outcome == 0);
    CHECK(built.options[1].weights[0].weight == 2);
    CHECK(built.options[1].weights[1].outcome == 1);
    CHECK(built.options[1].weights[1].weight == 1);

    const Question& field = quiz.questions[crt::question(quiz, "field")];
    CHECK(field.show_if.present);
    CHECK(field.show_if.question == crt::question(quiz, "work"));
    CHECK(field.show_if.any_of == std::vector<int>{1});
    CHECK(field.options[1].weights.size() == 2);
    CHECK(field.options[1].weights[1].weight == -1);

    const Question& alone = quiz.questions[crt::question(quiz, "alone")];
    CHECK(alone.kind == QuestionKind::Scale);
    CHECK(alone.scale.min == 1);
    CHECK(alone.scale.max == 5);
    CHECK(alone.scale.step == 1);
    CHECK(alone.scale.initial == 3);
    CHECK(alone.scale.min_label == "Scary");
    REQUIRE(alone.scale.rules.size() == 2);
    CHECK(alone.scale.rules[1].from == 4);
    CHECK(alone.scale.rules[1].to == 5);

    const Question& check = quiz.questions[crt::question(quiz, "check")];
    CHECK(check.kind == QuestionKind::TrueFalse);
    CHECK_FALSE(check.required);
    REQUIRE(check.options.size() == 2);
    CHECK(check.options[0].id == "true");
    CHECK(check.options[0].label == "True");
    CHECK(check.options[1].id == "false");

    const Question& print = quiz.questions[crt::question(quiz, "print")];
    CHECK(print.scored);
    CHECK(print.code == "print(2 ** 3)");
    CHECK_FALSE(print.options[0].correct);
    CHECK(print.options[1].correct);

    const Question& mutable_ = quiz.questions[crt::question(quiz, "mutable")];
    CHECK(mutable_.kind == QuestionKind::Multiple);
    CHECK(mutable_.partial == Partial::Proportional);
    CHECK(mutable_.points == 2);
    CHECK(mutable_.min_select == 1);
    CHECK(mutable_.max_select == 3);
    CHECK(mutable_.options[0].correct);
    CHECK(mutable_.options[1].correct);
    CHECK_FALSE(mutable_.options[2].correct);

    const Question& falsy = quiz.questions[crt::question(quiz, "none-falsy")];
    CHECK(falsy.options[0].correct);
    CHECK_FALSE(falsy.options[1].correct);

    REQUIRE(quiz.bands.size() == 3);
    CHECK(quiz.bands[1].id == "intern");
    CHECK(quiz.bands[1].min == 50);
    CHECK(quiz.bands[1].max == 80);
    REQUIRE(quiz.bands[2].weights.size() == 1);
    CHECK(quiz.bands[2].weights[0].outcome == 1);
    CHECK(quiz.bands[2].weights[0].weight == 2);

    CHECK(quiz.tie.present);
    CHECK(quiz.tie.winner == 2);
    CHECK(quiz.tie.between == std::vector<int>{0, 1});
    CHECK(quiz.tie.margin == 1);
    CHECK(quiz.tie.unit == TieUnit::Points);
}

TEST_CASE("loader: invalid JSON is reported as 'invalid JSON: ...' at the offending token") {
    SUBCASE("a doubled comma on line 3 points at the second comma") {
        const auto d = only_error(load_quiz("{\n  \"format\": 1,\n  \"id\": \"t\",,\n  \"version\": 1\n}"));
        CHECK(d.message == "invalid JSON: two commas in a row: remove one of them");
        CHECK(d.path == "");
        CHECK(d.line == 3);
        CHECK(d.column == 13);
    }
    SUBCASE("a trailing comma on line 3 is pointed at, not the closing brace on line 4") {
        const LoadResult r = load_quiz("{\n  \"format\": 1,\n  \"id\": \"t\",\n}");
        only_error(r);
        CHECK(render(r) ==
              "quiz.json:3:12: error: invalid JSON: trailing comma: remove this comma, as nothing follows it before "
              "the closing '}'\n");
    }
    SUBCASE("text after the document points at the text and names where the document ended") {
        const auto d = only_error(load_quiz("{}\n x"));
        CHECK(d.line == 2);
        CHECK(d.column == 2);
        CHECK(d.message == "invalid JSON: text after the end: the file's outermost value is complete at line 1, column 2, "
                           "and nothing may follow it; remove what follows, or the '}' there if it closes too early");
    }
}

TEST_CASE("loader: a JSON syntax error names its likely cause in plain words, where the fix goes") {
    const auto message = [](const std::string& text) { return render(load_quiz(text)); };
    SUBCASE("a missing comma is pointed at just after the value before it") {
        CHECK(message("{\n  \"a\": 1\n  \"b\": 2\n}") ==
              "quiz.json:2:9: error: invalid JSON: missing comma: put a ',' here, between the value before and the one after\n");
        CHECK(message("{\"a\": [1 2]}") ==
              "quiz.json:1:9: error: invalid JSON: missing comma: put a ',' here, between the value before and the one after\n");
    }
    SUBCASE("curly quotes are named as characters, never shown as bytes") {
        CHECK(message("{\"a\": \xE2\x80\x9Cx\xE2\x80\x9D}") ==
              "quiz.json:1:7: error: invalid JSON: curly quote \xE2\x80\x9C (U+201C) where JSON needs a straight double "
              "quote \"; word processors and some editors type these: retype the quotes around this key or value as \"\n");
        CHECK(message("{\xE2\x80\x98" "a\xE2\x80\x99: 1}").find("curly quote \xE2\x80\x98 (U+2018)") != std::string::npos);
    }
    SUBCASE("comments") {
        CHECK(message("{\"a\": 1, // note\n \"b\": 2}") ==
              "quiz.json:1:10: error: invalid JSON: comments (//) are not allowed in JSON: remove the comment, or move "
              "the note into the text it is about\n");
        CHECK(message("{\"a\": \"x\" /* note */}") ==
              "quiz.json:1:11: error: invalid JSON: comments (/* */) are not allowed in JSON: remove the comment, or "
              "move the note into the text it is about\n");
    }
    SUBCASE("a key without a value is pointed at its colon") {
        const std::string missing = "error: invalid JSON: a value is missing after this ':': write one (\"text\", a "
                                    "number, true, false, [...] or {...}), or remove the key\n";
        CHECK(message("{\n  \"a\": \n}") == "quiz.json:2:6: " + missing);
        CHECK(message("{\"a\":, \"b\": 1}") == "quiz.json:1:5: " + missing);
    }
    SUBCASE("a comma just after an opening bracket, as left by deleting the first entry") {
        CHECK(message("{\n  , \"id\": \"t\"\n}") ==
              "quiz.json:2:3: error: invalid JSON: a comma with nothing before it, just after the opening '{': remove it "
              "(a comma goes between two entries; is one missing before it?)\n");
        CHECK(message("{\"a\": [ ,1]}") ==
              "quiz.json:1:9: error: invalid JSON: a comma with nothing before it, just after the opening '[': remove it "
              "(a comma goes between two entries; is one missing before it?)\n");
    }
    SUBCASE("a trailing comma in a list") {
        CHECK(message("{\"a\": [1, 2,]}") ==
              "quiz.json:1:12: error: invalid JSON: trailing comma: remove this comma, as nothing follows it before "
              "the closing ']'\n");
    }
    SUBCASE("an unquoted key") {
        CHECK(message("{\n  title: \"T\"\n}") ==
              "quiz.json:2:3: error: invalid JSON: unquoted key: JSON keys take double quotes, like \"title\": \"...\"\n");
    }
    SUBCASE("single quotes, around a key or a value") {
        const std::string single = "invalid JSON: single quotes: JSON keys and strings take double quotes (\"title\"), "
                                   "not single quotes ('title')\n";
        CHECK(message("{'a': 1}") == "quiz.json:1:2: error: " + single);
        CHECK(message("{\"a\": 'x'}") == "quiz.json:1:7: error: " + single);
    }
    SUBCASE("another character outside a string is named") {
        CHECK(message("{\"a\": \xC3\xA9}") ==
              "quiz.json:1:7: error: invalid JSON: the character \xC3\xA9 (U+00E9) is outside a string; only keys and "
              "values in \"double quotes\" may hold such characters\n");
    }
    SUBCASE("a missing colon is not called a missing comma") {
        CHECK(message("{\"a\" 1}") ==
              "quiz.json:1:5: error: invalid JSON: missing colon: put a ':' here, between the key and its value\n");
        CHECK(message("{\n  \"title\" \"T\"\n}") ==
              "quiz.json:2:10: error: invalid JSON: missing colon: put a ':' here, between the key and its value\n");
        CHECK(message("{\"a\" = 1}") ==
              "quiz.json:1:6: error: invalid JSON: '=' between a key and its value: JSON writes ':' there, like "
              "\"title\": \"...\"\n");
        const std::string alone = "error: invalid JSON: a key without a value: write ':' and its value after it, like "
                                  "\"title\": \"...\", or remove the key\n";
        CHECK(message("{\"a\", \"b\": 1}") == "quiz.json:1:5: " + alone);
        CHECK(message("{\"a\" }") == "quiz.json:1:5: " + alone);
    }
    SUBCASE("a word that is no JSON value is quoted, with the word it may have meant") {
        const std::string words = " JSON's only words are true, false and null, in lower case; text goes in \"double quotes\"\n";
        CHECK(message("{\"a\": tru}") == "quiz.json:1:7: error: invalid JSON: 'tru' is not a JSON value; did you mean true?" + words);
        CHECK(message("{\"a\": nul, \"b\": 1}") ==
              "quiz.json:1:7: error: invalid JSON: 'nul' is not a JSON value; did you mean null?" + words);
        CHECK(message("{\"a\": True}") == "quiz.json:1:7: error: invalid JSON: 'True' is not a JSON value; did you mean true?" + words);
        CHECK(message("{\"a\": None}") == "quiz.json:1:7: error: invalid JSON: 'None' is not a JSON value; did you mean null?" + words);
        CHECK(message("{\"a\": yes}") == "quiz.json:1:7: error: invalid JSON: 'yes' is not a JSON value:" + words);
        CHECK(message("{\"a\": fals") == "quiz.json:1:7: error: invalid JSON: 'fals' is not a JSON value; did you mean false?" + words);
    }
    SUBCASE("a text without its closing quote names where the text starts") {
        CHECK(message("{\"a\": \"abc\n}") ==
              "quiz.json:1:11: error: invalid JSON: a text is not closed before the end of the line: add the '\"' that "
              "ends the text that starts at line 1, column 7, or write a line break inside a text as \\n\n");
        CHECK(message("{\r\n  \"a\": \"abc\r\n}") ==
              "quiz.json:2:12: error: invalid JSON: a text is not closed before the end of the line: add the '\"' that "
              "ends the text that starts at line 2, column 8, or write a line break inside a text as \\n\n");
        CHECK(message("{\"a\": \"abc") ==
              "quiz.json:1:11: error: invalid JSON: a text is never closed: add the '\"' that ends the text that starts "
              "at line 1, column 7\n");
        const std::string outside = "error: invalid JSON: the text that starts at line 1, column 7 ends at this '\"', and "
                                    "the word after it is outside quotes: if this '\"' belongs inside the text, write it "
                                    "as \\\"; if it opens the next key or value, the '\"' that ends the text before it is "
                                    "missing\n";
        CHECK(message("{\"a\": \"abc, \"b\": \"d\"}") == "quiz.json:1:13: " + outside);
        CHECK(message("{\"a\": \"he said \"hi\" to me\"}") == "quiz.json:1:16: " + outside);
    }
    SUBCASE("an extra closing bracket, or one that does not match the bracket still open") {
        CHECK(message("{\"a\": {\"b\": 1}}}") ==
              "quiz.json:1:16: error: invalid JSON: one '}' too many: every bracket before it is already closed; remove "
              "it, or add the '{' it was meant to close\n");
        CHECK(message("{\"a\": [1, 2]],\n \"b\": 1}") ==
              "quiz.json:1:13: error: invalid JSON: a ']' where the '{' opened at line 1, column 1 is still open: close "
              "that with '}' first, or remove this ']' if it is one too many\n");
        CHECK(message("{\"a\": [1, 2}") ==
              "quiz.json:1:12: error: invalid JSON: a '}' where the '[' opened at line 1, column 7 is still open: close "
              "that with ']' first, or remove this '}' if it is one too many\n");
        CHECK(message("{\"a\": {\"b\": 1}},\n \"c\": 2}") ==
              "quiz.json:1:16: error: invalid JSON: text after the end: the file's outermost value is complete at line 1, "
              "column 15, and nothing may follow it; remove what follows, or the '}' there if it closes too early\n");
    }
    SUBCASE("the editors' cases: smart quotes and comments") {
        CHECK(render(load_quiz(crt::read_fixture("json-smart-quotes.json")), "json-smart-quotes.json") ==
              "json-smart-quotes.json:5:3: error: invalid JSON: curly quote \xE2\x80\x9C (U+201C) where JSON needs a "
              "straight double quote \"; word processors and some editors type these: retype the quotes around this "
              "key or value as \"\n");
        CHECK(render(load_quiz(crt::read_fixture("json-comments.json")), "json-comments.json") ==
              "json-comments.json:2:16: error: invalid JSON: comments (//) are not allowed in JSON: remove the comment, "
              "or move the note into the text it is about\n");
    }
}

TEST_CASE("loader: a number too large to store is a plain located message, not the JSON library's exception text") {
    const LoadResult r = load_quiz("{\"format\": 1,\n \"minutes\": 1e999}");
    only_error(r);
    CHECK(render(r) == "quiz.json:2:13: error: the number 1e999 is too large; numbers in a quiz file are at most "
                       "1000000000 either way\n");
    SUBCASE("a very long number is shortened in the message") {
        const auto d = only_error(load_quiz("[" + std::string(400, '9') + "e999]"));
        CHECK(d.message == "the number 999999999999999999999999... is too large; numbers in a quiz file are at most "
                           "1000000000 either way");
    }
}

TEST_CASE("loader: empty text, 'null' and non-object roots are refused") {
    const std::string empty = "invalid JSON: the file is empty: a quiz file is one JSON object, from its opening '{' to its closing '}'\n";
    SUBCASE("empty text") {
        CHECK(render(load_quiz("")) == "quiz.json:1:1: error: " + empty);
    }
    SUBCASE("only whitespace: the end of input is on line 3") {
        CHECK(render(load_quiz("\n\n  ")) == "quiz.json:3:3: error: " + empty);
    }
    SUBCASE("a file cut off names the bracket left open, also past a bracket inside a string") {
        CHECK(render(load_quiz("{\"a\": [1, {\"b\": \"]}\"}")) ==
              "quiz.json:1:22: error: invalid JSON: the file ends too early: the last '[' opened is never closed; add "
              "its ']', or the rest of the text if it was cut off\n");
    }
    SUBCASE("null") {
        const LoadResult r = load_quiz("null");
        only_error(r);
        CHECK(render(r) == "quiz.json:1:1: error: expected an object, found null\n");
    }
    SUBCASE("an array root") {
        const LoadResult r = load_quiz("\n  [1, 2]");
        only_error(r);
        CHECK(render(r) == "quiz.json:2:3: error: expected an object, found an array\n");
    }
    SUBCASE("a string root") {
        CHECK(render(load_quiz("\"quiz\"")) == "quiz.json:1:1: error: expected an object, found a string\n");
    }
}

TEST_CASE("loader: a UTF-8 byte order mark is accepted and does not shift columns") {
    const std::string bom = "\xEF\xBB\xBF";
    SUBCASE("the fixture with a BOM loads") {
        const LoadResult r = load_quiz(bom + crt::read_fixture("mini.json"));
        INFO("diagnostics:\n" << render(r));
        CHECK(r.ok);
        CHECK(r.diagnostics.empty());
        CHECK(r.quiz.questions.size() == 8);
    }
    SUBCASE("a parse error on line 1 keeps its column") {
        const std::string text = "{\"format\": x}";
        CHECK(render(load_quiz(text)) == render(load_quiz(bom + text)));
        const auto d = only_error(load_quiz(bom + text));
        CHECK(d.line == 1);
        CHECK(d.column == 12);
    }
    SUBCASE("a validation error on line 1 keeps its column") {
        const std::string text = "{\"format\": \"1\", \"id\": \"t\", \"version\": 1, \"title\": \"T\", \"sections\": []}";
        const std::string expected =
            "quiz.json:1:2: error: format: expected a number, found a string\n"
            "quiz.json:1:56: error: sections: must not be empty\n";
        CHECK(render(load_quiz(text)) == expected);
        CHECK(render(load_quiz(bom + text)) == expected);
    }
    SUBCASE("a BOM anywhere but the start is not skipped") {
        const auto d = only_error(load_quiz(" " + bom + "{}"));
        CHECK(d.line == 1);
        CHECK(d.column == 2);
    }
}

TEST_CASE("loader: columns are counted in characters, not bytes") {
    SUBCASE("a parse error after two-, three- and four-byte characters") {
        // C a f é ␠ ☕ ␠ 𝄞: the stray x is the 23rd character of the line (30th byte).
        const LoadResult r = load_quiz("{\"title\": \"Caf\xC3\xA9 \xE2\x98\x95 \xF0\x9D\x84\x9E\", x}");
        const auto d = only_error(r);
        CHECK(d.line == 1);
        CHECK(d.column == 23);
    }
    SUBCASE("a validation error located after multibyte text") {
        const LoadResult r = load_quiz(
            "{\"id\": \"t\", \"version\": 1, \"sections\": [],\n"
            " \"title\": \"Caf\xC3\xA9 \xE2\x98\x95\", \"format\": \"1\"}");
        CHECK(render(r) ==
              "quiz.json:1:27: error: sections: must not be empty\n"
              "quiz.json:2:21: error: format: expected a number, found a string\n");
    }
}

TEST_CASE("loader: a NUL byte anywhere is an error at its position, not a crash or the end of the file") {
    const std::string message =
        "the file contains a NUL byte (character code 0); quiz files must be plain UTF-8 text\n";
    SUBCASE("inside a string") {
        const LoadResult r = load_quiz(std::string("{\"a\": \"x\0y\"}", 12));
        only_error(r);
        CHECK(render(r) == "quiz.json:1:9: error: " + message);
    }
    SUBCASE("between tokens") {
        CHECK(render(load_quiz(std::string("{\"a\": 1\0}", 9))) == "quiz.json:1:8: error: " + message);
    }
    SUBCASE("as the first byte") {
        CHECK(render(load_quiz(std::string("\0{}", 3))) == "quiz.json:1:1: error: " + message);
    }
    SUBCASE("after a BOM, not counting it") {
        CHECK(render(load_quiz(std::string("\xEF\xBB\xBF{\0}", 6))) == "quiz.json:1:2: error: " + message);
    }
    SUBCASE("after a complete, valid document: the rest is not silently ignored") {
        std::string text = crt::read_fixture("mini.json");  // 67 lines and a final newline
        text += std::string("\0{\"junk\": [", 11);
        const LoadResult r = load_quiz(text);
        only_error(r);
        CHECK(render(r) == "quiz.json:68:1: error: " + message);
    }
}

TEST_CASE("loader: invalid UTF-8 inside a string is an error that names the byte in hex") {
    SUBCASE("a lone 0xFF byte in a value") {
        const LoadResult r = load_quiz("{\"title\": \"ab\xFF\"}");
        const auto d = only_error(r);
        CHECK(d.line == 1);
        CHECK(d.column == 14);
        CHECK(render(r) ==
              "quiz.json:1:14: error: invalid JSON: the file is not UTF-8 text here (a byte 0xFF that starts no "
              "character); save the file as UTF-8\n");
    }
    SUBCASE("a bad byte in a key") {
        const LoadResult r = load_quiz("{\"ti\xFFtle\": \"ab\"}");
        only_error(r);
        CHECK(render(r) ==
              "quiz.json:1:5: error: invalid JSON: the file is not UTF-8 text here (a byte 0xFF that starts no "
              "character); save the file as UTF-8\n");
    }
    SUBCASE("truncated, overlong and surrogate sequences") {
        for (const char* bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80"}) {
            CAPTURE(printable(bad));
            const auto d = only_error(load_quiz(std::string("{\"title\": \"ab") + bad + "\"}"));
            CHECK(d.line == 1);
            CHECK(d.message.find("the file is not UTF-8 text here (a byte 0x") != std::string::npos);
            CHECK(format_diagnostic(d, "f").find_first_of("\x80\xA0\xAF\xC0\xC3\xED\xF5") == std::string::npos);
        }
    }
}

TEST_CASE("loader: nesting deeper than 64 levels is refused at the 65th bracket") {
    SUBCASE("10,000 nested arrays") {
        const auto d = only_error(load_quiz(nested_arrays(10000)));
        CHECK(d.message == "nesting is deeper than 64 levels");
        std::string path;
        for (int i = 0; i < 64; ++i) path += "[0]";
        CHECK(d.path == path);
        CHECK(d.line == 1);
        CHECK(d.column == 65);
    }
    SUBCASE("10,000 nested objects") {
        std::string text;
        for (int i = 0; i < 10000; ++i) text += "{\"a\":";
        text += "1" + std::string(10000, '}');
        const auto d = only_error(load_quiz(text));
        CHECK(d.message == "nesting is deeper than 64 levels");
        std::string path = "a";
        for (int i = 1; i < 64; ++i) path += ".a";
        CHECK(d.path == path);
        CHECK(d.column == 64 * 5 + 1);  // each level is `{"a":`, five characters
    }
    SUBCASE("brackets inside strings do not count") {
        const std::string text =
            "{\"s\": \"" + std::string(100, '[') + "\",\n \"d\": " + nested_arrays(65) + "}";
        const auto d = only_error(load_quiz(text));
        CHECK(d.message == "nesting is deeper than 64 levels");
        CHECK(d.line == 2);
        CHECK(d.column == 7 + 63);  // ` "d": ` is six characters; the 64th '[' of the run is the 65th level
    }
    SUBCASE("exactly 64 levels parse (and then fail as a non-object root)") {
        CHECK(render(load_quiz(nested_arrays(64))) == "quiz.json:1:1: error: expected an object, found an array\n");
    }
    SUBCASE("65 levels do not") {
        CHECK(only_error(load_quiz(nested_arrays(65))).message == "nesting is deeper than 64 levels");
    }
}

TEST_CASE("loader: documents over 16 MB are refused by size before parsing") {
    SUBCASE("17 MB") {
        const LoadResult r = load_quiz(std::string(17u * 1024u * 1024u, ' '));
        only_error(r);
        CHECK(render(r) == "quiz.json:1:1: error: the file is larger than 16 MB (16777216 bytes), the most a quiz file may be\n");
    }
    SUBCASE("exactly 16 MB passes the size check and is parsed") {
        const auto d = only_error(load_quiz(std::string(kMaxDocumentBytes, ' ')));
        CHECK(d.message.rfind("invalid JSON: ", 0) == 0);
    }
}

TEST_CASE("loader: a 5 MB valid-but-wrong document returns its diagnostics") {
    SUBCASE("a 5 MB intro in a quiz without sections") {
        const std::string text = "{\"format\": 1, \"id\": \"big\", \"version\": 1, \"title\": \"T\",\n \"intro\": \"" +
                                 std::string(5u * 1024u * 1024u, 'x') + "\",\n \"sections\": 3}";
        const LoadResult r = load_quiz(text);
        CHECK(render(r) == "quiz.json:2:2: error: intro: this text is 5,242,880 characters long; one text may have at "
                           "most 10,000: split it or shorten it\n"
                           "quiz.json:3:2: error: sections: expected an array, found a number\n");
    }
    SUBCASE("a 5 MB array of numbers under an unknown key") {
        std::string text = "{\"format\": 1, \"id\": \"big\", \"version\": 1, \"title\": \"T\", \"sections\": [],\n \"junk\": [0";
        while (text.size() < 5u * 1024u * 1024u) text += ",12345678";
        text += "]}";
        CHECK(render(load_quiz(text)) ==
              "quiz.json:1:56: error: sections: must not be empty\n"
              "quiz.json:2:2: error: junk: unknown key 'junk'\n");
    }
}

TEST_CASE("loader: a 5 MB document with 100,000 errors reports and locates every one") {
    const int n = 100000;
    std::string text = "{\"format\": 1, \"id\": \"big\", \"version\": 1, \"title\": \"T\", \"sections\": [{\"id\": \"s\", "
                       "\"title\": \"S\", \"questions\": [";
    for (int i = 0; i < n; ++i)
        text += std::string(i ? ",\n" : "\n") + "{\"id\": \"q" + std::to_string(i) + "\", \"type\": \"bogus\", \"prompt\": \"P\"}";
    text += "]}]}";
    REQUIRE(text.size() > 4u * 1024u * 1024u);
    const LoadResult r = load_quiz(text);
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == static_cast<size_t>(n));
    const std::string rule = ": unknown question type 'bogus'; use single, multiple, true_false or scale";
    CHECK(format_diagnostic(r.diagnostics.front(), "f") == "f:2:14: error: question \"q0\" › type" + rule);
    CHECK(format_diagnostic(r.diagnostics[12345], "f") == "f:12347:18: error: question \"q12345\" › type" + rule);
    CHECK(format_diagnostic(r.diagnostics.back(), "f") == "f:100001:18: error: question \"q99999\" › type" + rule);
    CHECK(r.diagnostics.back().path == "sections[0].questions[99999].type");
}

TEST_CASE("loader: CRLF line endings give the same lines and columns as LF") {
    std::string crlf = crt::read_fixture("mini.json");
    for (size_t at = crlf.find('\n'); at != std::string::npos; at = crlf.find('\n', at + 2)) crlf.insert(at, "\r");
    crt::load_ok(crlf);
    const std::string lf = "{\"format\": 1,\n \"id\": \"t\",\n \"version\": \"1\",\n \"title\": \"T\", \"sections\": []}";
    std::string with_cr = lf;
    for (size_t at = with_cr.find('\n'); at != std::string::npos; at = with_cr.find('\n', at + 2)) with_cr.insert(at, "\r");
    const std::string expected =
        "quiz.json:3:2: error: version: expected a number, found a string\n"
        "quiz.json:4:16: error: sections: must not be empty\n";
    CHECK(render(load_quiz(lf)) == expected);
    CHECK(render(load_quiz(with_cr)) == expected);
}

TEST_CASE("loader: diagnostics on keys written with escapes point at those keys") {
    const LoadResult r = load_quiz(
        "{\"format\": 1, \"id\": \"t\", \"version\": 1,\n"
        " \"\\u0074itle\": 5,\n"
        " \"x\\ud83d\\ude00\": 1,\n"
        " \"a\\\"b\\/c\": 1, \"sections\": []}");
    CHECK(render(r) ==
          "quiz.json:2:2: error: title: expected a string, found a number\n"
          "quiz.json:3:2: error: x\xF0\x9F\x98\x80: unknown key 'x\xF0\x9F\x98\x80'\n"
          "quiz.json:4:2: error: a\"b/c: unknown key 'a\"b/c'\n"
          "quiz.json:4:16: error: sections: must not be empty\n");
}

TEST_CASE("loader: duplicate keys are a warning at the later key and the last value is used") {
    const std::string text =
        "{\"format\": 1, \"id\": \"t\", \"version\": 1, \"title\": \"First\",\n"
        " \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"questions\": [\n"
        "   {\"id\": \"q\", \"type\": \"true_false\", \"prompt\": \"P\", \"prompt\": \"Second prompt\"}]}],\n"
        " \"title\": \"Last\"}";
    const LoadResult r = load_quiz(text);
    CHECK(r.ok);
    CHECK(render(r) ==
          "quiz.json:3:53: warning: question \"q\" › prompt: this key appears more than once; the last value is used\n"
          "quiz.json:4:2: warning: title: this key appears more than once; the last value is used\n");
    CHECK(r.quiz.title == "Last");
    REQUIRE(r.quiz.questions.size() == 1);
    CHECK(r.quiz.questions[0].prompt == "Second prompt");
}

TEST_CASE("loader: format_diagnostic prints file:line:col, severity, path and a printable message") {
    SUBCASE("error with path") {
        CHECK(format_diagnostic({Severity::Error, "sections[0].id", "bad", 3, 7}, "a.json") ==
              "a.json:3:7: error: sections[0].id: bad");
    }
    SUBCASE("warning without path") {
        CHECK(format_diagnostic({Severity::Warning, "", "note", 1, 1}, "a.json") == "a.json:1:1: warning: note");
    }
    SUBCASE("no location") {
        CHECK(format_diagnostic({Severity::Error, "x", "m", 0, 0}, "a.json") == "a.json: error: x: m");
    }
    SUBCASE("control characters and invalid UTF-8 are escaped, valid UTF-8 and tabs pass") {
        CHECK(format_diagnostic({Severity::Error, "", std::string("a\x01" "b\x7F" "c\xFF\tdé"), 1, 1}, "f") ==
              "f:1:1: error: a\\x01b\\x7Fc\\xFF\tdé");
    }
}
