// Fonts, headless: the atlas built from the shipped font packs (build/<tree>/fonts) holds a real glyph, never the
// fallback "?", for every character of the script fixtures (Polish, Czech and Turkish, Russian, Greek, Vietnamese,
// text pasted from documents) in all five roles; invisible characters take no room; validate's verdicts on them.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/characters.h"
#include "core/loader.h"
#include "imgui.h"
#include "ui/headless.h"

namespace {

std::string read(const std::string& rel) {
    std::ifstream in(std::string(CR_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}

const char* const kDrawnFixtures[] = {"polish", "turkish-czech", "russian", "greek", "vietnamese", "pasted"};

}  // namespace

TEST_CASE("fonts: every pack's files were built") {
    ui::Headless a(CR_FONTS_DIR);
    REQUIRE(a.packs().size() == cr::font_packs().size());
    for (size_t p = 0; p < a.packs().size(); ++p) {
        CAPTURE(cr::font_packs()[p].name);
        CHECK(!a.packs()[p].regular.empty());
        CHECK(a.packs()[p].bold.empty() == (cr::font_packs()[p].roles.size() == 1));
    }
}

TEST_CASE("fonts: every character of the European script fixtures has its own glyph in every role") {
    ui::Headless a(CR_FONTS_DIR);
    for (const char* name : kDrawnFixtures) {
        CAPTURE(name);
        const cr::LoadResult loaded = cr::load_quiz(read(std::string("tests/fixtures/scripts/") + name + ".json"));
        REQUIRE(loaded.ok);
        for (const auto& d : loaded.diagnostics) CHECK(d.check != cr::Check::Script);  // nothing drawn as "?"
        REQUIRE(!loaded.quiz.characters.empty());
        ui::Fonts fonts;
        a.use_fonts(fonts, loaded.quiz.characters, 2.0f);
        for (ImFont* f : {fonts.body, fonts.bold, fonts.title, fonts.small, fonts.mono}) {
            REQUIRE(f != nullptr);
            for (char32_t c : loaded.quiz.characters) {
                CAPTURE(cr::describe_character(c));
                const ImFontGlyph* g = f->FindGlyphNoFallback(static_cast<ImWchar>(c));
                REQUIRE(g != nullptr);
                CHECK(g->Codepoint == c);
                if (cr::drawing_of(c) == cr::Drawing::Invisible) {
                    CHECK(g->AdvanceX == 0.0f);
                    CHECK(g->Visible == 0);
                } else {
                    CHECK(cr::drawing_of(c) == cr::Drawing::Shipped);
                    CHECK(g->AdvanceX > 0.0f);
                    if (c != 0xA0 && c != 0x2007 && c != 0x202F) CHECK(g->Visible == 1);  // spaces draw nothing
                }
            }
        }
    }
}

TEST_CASE("fonts: the pasted-text fixture holds the invisible and typographic characters it is about") {
    const cr::LoadResult loaded = cr::load_quiz(read("tests/fixtures/scripts/pasted.json"));
    for (char32_t c : {U'\u200B', U'\u2060', U'\u200E', U'\u202F', U'\u2007', U'\u2212', U'\u2011'})
        CHECK(loaded.quiz.characters.find(c) != std::u32string::npos);
    CHECK(cr::drawing_of(U'\u200B') == cr::Drawing::Invisible);
    CHECK(cr::drawing_of(U'\u00AD') == cr::Drawing::Invisible);
    CHECK(cr::drawing_of(U'\u2212') == cr::Drawing::Shipped);
}

TEST_CASE("fonts: only the packs a quiz needs are asked for") {
    CHECK(ui::packs_needed(U"Za\u017C\u00F3\u0142\u0107") == std::vector<int>{0, 1});  // Polish: Latin-1 and Extended-A
    CHECK(ui::packs_needed(U"\u0414\u0430") == std::vector<int>{2});                // Cyrillic
    CHECK(ui::packs_needed(U"\u01B0\u1EDD") == std::vector<int>{1});                // Vietnamese: Latin Extended
    CHECK(ui::packs_needed(U"\u2192\u4F60") == std::vector<int>{3});                // an arrow; CJK has no pack
}
