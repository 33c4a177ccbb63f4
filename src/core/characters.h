// Crossroads core: what the widget can draw, character by character. The tables come from the shipped font packs
// and Unicode's data at build time (scripts/font-tables.py), so the loader can tell an editor, before any reader
// sees "?", which characters the fonts lack and which scripts cannot be drawn right at all.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cr {

// How the widget draws one code point.
enum class Drawing {
    Shipped,    // a shipped font pack has its glyph (font_pack() says which)
    Invisible,  // a default-ignorable code point (zero-width space, joiners, soft hyphen, marks): drawn as nothing
    System,     // no shipped glyph (CJK, emoji): the canvas draws "?"; the text layer has the real character
    Refused,    // a script that needs shaping or right-to-left layout (Arabic, Hebrew, Devanagari, Thai, ...)
};

Drawing drawing_of(char32_t c);

// Index of the font pack whose glyph draws `c` (0 is "base", built into the wasm), or -1.
int font_pack(char32_t c);

// A font pack as cmake/fonts.cmake builds it: files fonts/<name>-<role>.ttf for each of its roles.
struct FontPackInfo {
    std::string name;                // "base", "latin-ext", "greek-cyrillic", "symbols"
    std::vector<std::string> roles;  // "regular", "bold", "mono"; "regular" only for symbols
};

// The font packs in index order; pack 0 ("base") is built into the wasm, the page fetches the others.
const std::vector<FontPackInfo>& font_packs();

// True for the combining diacritical marks (U+0300–036F and the supplements): an accent meant to sit on the letter
// before it, which the widget draws beside it unless the text is composed (NFC).
bool combining_mark(char32_t c);

// The Unicode block of `c` ("Latin Extended-A", "CJK Unified Ideographs"), or "No_Block".
const char* block_name(char32_t c);

// "'你' (U+4F60, CJK Unified Ideographs)": how a diagnostic names a character. Control and invisible characters
// are shown by number only.
std::string describe_character(char32_t c);

// Appends code point `c` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

// Decodes valid UTF-8 (as the JSON parser hands it over); an invalid byte is passed on as U+FFFD.
std::u32string decode_utf8(std::string_view text);

}  // namespace cr
