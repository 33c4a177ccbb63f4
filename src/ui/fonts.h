// The widget's font atlas: its five roles (body, bold, title, small, mono) built from the shipped font packs
// (cmake/fonts.cmake), holding only the glyphs the widget's words and the quiz use; invisible code points (zero-width
// space, joiners, soft hyphen, direction marks) become glyphs of no width, so they are never drawn as "?".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/view.h"

namespace ui {

// One pack's TTF files. The symbols pack has `regular` only: the other roles fall back to it.
struct FontPack {
    std::string_view regular, bold, mono;
};

// The packs (indices into cr::font_packs()) that the characters `used` need.
std::vector<int> packs_needed(const std::u32string& used);

// Rebuilds ImGui's atlas into `fonts`: `packs[i]` holds pack i's files (empty when not loaded), `used` the quiz's
// characters (cr::Quiz::characters), `density` device pixels per CSS pixel. The glyphs are those of `used` and of
// the catalogue's words, plus Basic Latin and Latin-1; a role takes a glyph from the first pack that has it, and
// mono falls back to the regular files. The atlas is built on return; the caller uploads its texture.
void build_fonts(Fonts& fonts, const std::vector<FontPack>& packs, const std::u32string& used, float density);

}  // namespace ui
