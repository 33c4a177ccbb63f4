// Crossroads core: lookups in the generated character tables (font packs, invisible code points, shaped and
// right-to-left scripts, Unicode blocks); see characters.h.
#include "characters.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace cr {
namespace {

struct PackFiles {
    const char* name;
    const char* roles;  // space-separated: "regular bold mono", or "regular"
};
struct PackRun {
    char32_t first, last;
    int pack;
};
struct CodeRun {
    char32_t first, last;
};
struct Block {
    char32_t first, last;
    const char* name;
};

#include "font_tables.inc"

// The run of a sorted, non-overlapping table that holds `c`, or nullptr.
template <typename Run, std::size_t N>
const Run* find_run(const Run (&runs)[N], char32_t c) {
    const Run* it = std::upper_bound(std::begin(runs), std::end(runs), c, [](char32_t v, const Run& r) { return v < r.first; });
    if (it == std::begin(runs)) return nullptr;
    --it;
    return c <= it->last ? it : nullptr;
}

}  // namespace

int font_pack(char32_t c) {
    const PackRun* run = find_run(kPackRuns, c);
    return run ? run->pack : -1;
}

Drawing drawing_of(char32_t c) {
    if (find_run(kIgnorable, c)) return Drawing::Invisible;
    if (font_pack(c) >= 0) return Drawing::Shipped;
    if (find_run(kShaped, c)) return Drawing::Refused;
    return Drawing::System;
}

const std::vector<FontPackInfo>& font_packs() {
    static const std::vector<FontPackInfo> packs = [] {
        std::vector<FontPackInfo> out;
        for (const PackFiles& p : kPacks) {
            FontPackInfo info{p.name, {}};
            std::string roles = p.roles;
            for (size_t at = 0; at <= roles.size();) {
                const size_t end = std::min(roles.find(' ', at), roles.size());
                info.roles.push_back(roles.substr(at, end - at));
                at = end + 1;
            }
            out.push_back(std::move(info));
        }
        return out;
    }();
    return packs;
}

bool combining_mark(char32_t c) {
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

const char* block_name(char32_t c) {
    const Block* b = find_run(kBlocks, c);
    return b ? b->name : "No_Block";
}

std::string describe_character(char32_t c) {
    char number[16];
    std::snprintf(number, sizeof number, "U+%04X", static_cast<unsigned>(c));
    std::string out;
    if (c >= 0x20 && c != 0x7F && drawing_of(c) != Drawing::Invisible && !combining_mark(c)) {
        out += "'";
        append_utf8(out, c);
        out += "' (";
        out += number;
    } else {
        out += "(";
        out += number;
    }
    out += ", ";
    out += block_name(c);
    out += ")";
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const int n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + n > text.size()) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        char32_t c = n == 1 ? b : b & (0x7F >> n);
        for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out += c;
        i += n;
    }
    return out;
}

}  // namespace cr
