// The font packs read from a directory of subset files (build/<tree>/fonts/<pack>-<role>.ttf, cmake/fonts.cmake),
// for the native tools and tests that draw with the real fonts: crossroads-measure and the font tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/characters.h"
#include "ui/fonts.h"

namespace cli {

// Every pack's files from `dir`. `store` keeps the bytes that the returned views point into (3 slots per pack);
// a missing file leaves its role empty.
inline std::vector<ui::FontPack> read_font_packs(const std::string& dir, std::vector<std::string>& store) {
    const auto& packs = cr::font_packs();
    store.assign(packs.size() * 3, std::string());
    std::vector<ui::FontPack> out(packs.size());
    const char* roles[] = {"regular", "bold", "mono"};
    for (size_t p = 0; p < packs.size(); ++p) {
        for (int r = 0; r < 3; ++r) {
            std::ifstream in(dir + "/" + packs[p].name + "-" + roles[r] + ".ttf", std::ios::binary);
            if (!in) continue;
            std::ostringstream bytes;
            bytes << in.rdbuf();
            std::string& slot = store[p * 3 + r];
            slot = bytes.str();
            (r == 0 ? out[p].regular : r == 1 ? out[p].bold : out[p].mono) = slot;
        }
    }
    return out;
}

}  // namespace cli
