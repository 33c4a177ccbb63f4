// The widget's font atlas from the shipped packs: glyph ranges from the text in use, roles merged across packs,
// invisible code points as zero-width glyphs (see fonts.h).
#include "ui/fonts.h"

#include <algorithm>

#include "core/catalogue.h"
#include "core/characters.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace ui {
namespace {

// The glyph ranges of the last build: ImGui reads them while it builds the atlas.
ImVector<ImWchar>& ranges_store() {
    static ImVector<ImWchar> ranges;
    return ranges;
}

// Every character the widget's own words use, in their one and other forms (not those only the page shows).
void add_catalogue(ImFontGlyphRangesBuilder& b) {
    for (int k = 0; k < static_cast<int>(cr::Key::Count); ++k) {
        const auto key = static_cast<cr::Key>(k);
        if (cr::page_only(key)) continue;
        for (const double n : {1.0, 2.0}) {
            for (char32_t c : cr::decode_utf8(cr::tr_count(key, n))) b.AddChar(static_cast<ImWchar>(c));
        }
    }
}

// A font of `px` CSS pixels from `files`, merged in order (a glyph comes from the first file that has it).
ImFont* add_role(const std::vector<std::string_view>& files, float px, float density, const ImWchar* ranges) {
    ImFont* font = nullptr;
    for (std::string_view f : files) {
        if (f.empty()) continue;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        config.RasterizerDensity = density;
        config.OversampleH = 2;
        config.OversampleV = 1;
        config.MergeMode = font != nullptr;
        ImFont* added = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(f.data()), static_cast<int>(f.size()),
                                                                  px, &config, ranges);
        if (!font) font = added;
    }
    return font;
}

}  // namespace

std::vector<int> packs_needed(const std::u32string& used) {
    std::vector<int> out;
    for (char32_t c : used) {
        const int p = cr::font_pack(c);
        if (p >= 0 && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void build_fonts(Fonts& fonts, const std::vector<FontPack>& packs, const std::u32string& used, float density) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Basic Latin and Latin-1
    add_catalogue(builder);
    std::vector<ImWchar> invisible;
    for (char32_t c : used) {
        if (cr::drawing_of(c) == cr::Drawing::Invisible) invisible.push_back(static_cast<ImWchar>(c));
        else builder.AddChar(static_cast<ImWchar>(c));
    }
    for (ImWchar c : invisible) builder.UsedChars[c >> 5] &= ~(1u << (c & 31));  // never rasterised
    ImVector<ImWchar>& ranges = ranges_store();
    ranges.clear();
    builder.BuildRanges(&ranges);

    std::vector<std::string_view> regular, bold, mono;
    for (const FontPack& p : packs) regular.push_back(p.regular);
    for (const FontPack& p : packs) bold.push_back(p.bold.empty() ? p.regular : p.bold);
    for (const FontPack& p : packs) mono.push_back(p.mono);
    mono.insert(mono.end(), regular.begin(), regular.end());

    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    // As tall as the glyphs need, not the next power of two: less to upload before the first frame (WebGL 2 takes
    // any size; bench/frame_bench.cpp prints both).
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    fonts.body = add_role(regular, FontSizes::body, density, ranges.Data);
    fonts.bold = add_role(bold, FontSizes::body, density, ranges.Data);
    fonts.title = add_role(bold, FontSizes::title, density, ranges.Data);
    fonts.small = add_role(regular, FontSizes::small, density, ranges.Data);
    fonts.mono = add_role(mono, FontSizes::mono, density, ranges.Data);
    ImGui::GetIO().FontDefault = fonts.body;
    // The builder itself, not ImFontAtlas::Build(): Build() adds ImGui's built-in font to an atlas with none, and
    // calling it would link that font (never drawn) into the wasm (see src/web/fonts.cpp).
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(atlas);
    for (ImFont* f : {fonts.body, fonts.bold, fonts.title, fonts.small, fonts.mono}) {
        for (ImWchar c : invisible) f->AddGlyph(nullptr, c, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        f->BuildLookupTable();
    }
}

}  // namespace ui
