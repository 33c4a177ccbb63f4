// Characters: what the widget can draw (the generated tables from the font packs and Unicode's data), and what
// validate tells an editor about the rest, pointing at the character itself (file:line:column, Unicode block).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/characters.h"
#include "core/loader.h"
#include "helpers.h"

using cr::Drawing;

TEST_CASE("characters: each script lands in its font pack, or is invisible, left to '?', or refused") {
    CHECK(cr::drawing_of(U'a') == Drawing::Shipped);
    CHECK(cr::font_pack(U'\u00E9') == 0);  // é: Latin-1 is in the base pack every page fetches
    CHECK(cr::font_pack(U'\u017C') == 1);  // ż: Latin Extended-A (Polish) is fetched with latin-ext
    CHECK(cr::font_pack(U'\u01B0') == 1);  // ư: Vietnamese needs latin-ext
    CHECK(cr::font_pack(U'\u1EC7') == 1);  // ệ
    CHECK(cr::font_pack(U'\u03C9') == 2);  // ω
    CHECK(cr::font_pack(U'\u0416') == 2);  // Ж
    CHECK(cr::font_pack(U'\u2192') == 3);  // → from the symbols pack
    CHECK(cr::font_pack(U'\u2713') == 3);  // ✓
    CHECK(cr::font_pack(U'\u2212') == 0);  // − minus sign
    for (char32_t c : {U'\u200B', U'\u2060', U'\u200E', U'\u00AD', U'\uFEFF', U'\u200D', U'\uFE0F'})
        CHECK(cr::drawing_of(c) == Drawing::Invisible);
    for (char32_t c : {U'\u4F60', U'\u3042', U'\uAC00', U'\U0001F600'}) CHECK(cr::drawing_of(c) == Drawing::System);
    for (char32_t c : {U'\u0627', U'\u05D0', U'\u0915', U'\u0E01'}) CHECK(cr::drawing_of(c) == Drawing::Refused);
    CHECK(cr::font_packs().front().name == "base");
    CHECK(std::string(cr::block_name(U'\U0001F600')) == "Emoticons");
    CHECK(cr::describe_character(U'\u4F60') == "'\xE4\xBD\xA0' (U+4F60, CJK Unified Ideographs)");
    CHECK(cr::describe_character(U'\u200B') == "(U+200B, General Punctuation)");
    CHECK(cr::describe_character(U'\u0301') == "(U+0301, Combining Diacritical Marks)");
}

TEST_CASE("characters: UTF-8 round trip, including beyond U+FFFF") {
    const std::u32string text = U"a\u00E9\u4F60\U0001F600";
    std::string utf8;
    for (char32_t c : text) cr::append_utf8(utf8, c);
    CHECK(utf8 == "a\xC3\xA9\xE4\xBD\xA0\xF0\x9F\x98\x80");
    CHECK(cr::decode_utf8(utf8) == text);
    CHECK(cr::decode_utf8("\xFF" "a") == U"\uFFFD" U"a");
}

TEST_CASE("characters: validate warns where the fonts lack a character, at the character") {
    const cr::LoadResult r = cr::load_quiz(crt::read_fixture("scripts/cjk.json"));
    CHECK(r.ok);
    const std::string out = crt::render(r.diagnostics, "cjk.json");
    // "title": "实习还是初级工作？インターン": the first character the fonts lack is in column 13.
    CHECK(out.rfind("cjk.json:5:13: warning: title: '\xE5\xAE\x9E' (U+5B9E, CJK Unified Ideographs) and 12 other "
                    "characters here are not in the widget's fonts: the canvas draws '?' in their place (screen "
                    "readers, find and copy still get the real text)\n", 0) == 0);
    CHECK(r.diagnostics.size() == 5);
    for (const auto& d : r.diagnostics) CHECK(d.severity == cr::Severity::Warning);
}

TEST_CASE("characters: emoji beyond U+FFFF are located by character, not by byte") {
    const cr::LoadResult r = cr::load_quiz(crt::read_fixture("scripts/emoji.json"));
    REQUIRE(!r.diagnostics.empty());
    CHECK(crt::render({r.diagnostics[0]}, "emoji.json") ==
          "emoji.json:5:30: warning: title: '\xF0\x9F\x9A\x80' (U+1F680, Transport and Map Symbols) is not in the "
          "widget's fonts: the canvas draws '?' in its place (screen readers, find and copy still get the real text)\n");
}

TEST_CASE("characters: right-to-left and joined scripts are refused, located") {
    const cr::LoadResult r = cr::load_quiz(crt::read_fixture("scripts/arabic-hebrew.json"));
    CHECK(!r.ok);
    REQUIRE(!r.diagnostics.empty());
    CHECK(r.diagnostics[0].check == cr::Check::Script);
    CHECK(r.diagnostics[0].line == 5);
    CHECK(crt::render({r.diagnostics[0]}, "a.json").find("belongs to a script written right to left or with joined "
                                                         "letters, which the widget cannot draw correctly yet") !=
          std::string::npos);
}

TEST_CASE("characters: European scripts and pasted text pass with nothing to say; decomposed accents are named") {
    for (const char* name : {"polish", "turkish-czech", "russian", "greek", "vietnamese", "pasted"}) {
        CAPTURE(name);
        const cr::LoadResult r = cr::load_quiz(crt::read_fixture(std::string("scripts/") + name + ".json"));
        CHECK(r.ok);
        for (const auto& d : r.diagnostics) CHECK(d.check != cr::Check::Script);  // (Vietnamese: English widget words)
    }
    const cr::LoadResult r = cr::load_quiz(crt::read_fixture("scripts/vietnamese-decomposed.json"));
    CHECK(r.ok);
    REQUIRE(!r.diagnostics.empty());
    CHECK(crt::render({r.diagnostics[0]}).find("title: an accent (U+031B, Combining Diacritical Marks) is typed "
                                               "apart from its letter; the page joins it") != std::string::npos);
}

TEST_CASE("characters: the quiz lists every character beyond ASCII it shows, once, in order") {
    const cr::LoadResult r = cr::load_quiz(crt::read_fixture("scripts/polish.json"));
    const std::u32string& c = r.quiz.characters;
    CHECK(c.find(U'\u017C') != std::u32string::npos);
    CHECK(std::is_sorted(c.begin(), c.end()));
    CHECK(std::adjacent_find(c.begin(), c.end()) == c.end());
    CHECK(c.find(U'a') == std::u32string::npos);
}
