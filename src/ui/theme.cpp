// Crossroads UI: light and dark palettes chosen for contrast (text on card >= 7:1, muted >= 4.5:1), from the
// design tokens (src/ui/tokens.json), and a calm ImGui style: no window chrome, generous spacing, rounded corners.
#include "theme.h"

#include "tokens.inc"
#include "view.h"

namespace ui {

namespace {

// Each tone's name in the tokens, its colours (0xRRGGBB) in the light and dark schemes, and the system colour forced
// colours give it.
struct ToneColors {
    Tone tone;
    const char* name;
    unsigned light, dark;
    unsigned SystemColors::*forced;
};
constexpr ToneColors kTones[] = {
#define CR_TONE(tone, name, light, dark, forced) {Tone::tone, name, light, dark, &SystemColors::forced},
    CR_TONE_TOKENS(CR_TONE)
#undef CR_TONE
};
static_assert(sizeof(kTones) / sizeof(kTones[0]) == static_cast<size_t>(Tone::Count), "one colour per tone");
constexpr bool in_tone_order() {
    for (int i = 0; i < static_cast<int>(Tone::Count); ++i)
        if (static_cast<int>(kTones[i].tone) != i) return false;
    return true;
}
static_assert(in_tone_order(), "src/ui/tokens.json lists the colours in Tone order");

unsigned mix(unsigned a, unsigned b, float t) {
    unsigned out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        const float x = ((a >> shift) & 0xFF) * (1 - t) + ((b >> shift) & 0xFF) * t;
        out |= static_cast<unsigned>(x + 0.5f) << shift;
    }
    return out;
}

float luminance(unsigned c) {
    return (0.2126f * ((c >> 16) & 0xFF) + 0.7152f * ((c >> 8) & 0xFF) + 0.0722f * (c & 0xFF)) / 255.0f;
}

ImVec4 rgb(unsigned hex) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, 1.0f);
}

}  // namespace

const char* tone_name(Tone tone) { return kTones[static_cast<int>(tone)].name; }

ImU32 color(const View& v, Tone tone) { return ImGui::GetColorU32(rgb(v.theme.palette[static_cast<int>(tone)])); }

namespace {

// Forced colours (Windows High Contrast and the like): only the reader's system colours, as CSS names them.
void use_system_colors(Theme& t) {
    for (int i = 0; i < static_cast<int>(Tone::Count); ++i) t.palette[i] = t.system.*kTones[i].forced;
}

// More contrast: muted text as strong as body text, borders and tracks close to it.
void raise_contrast(Theme& t) {
    unsigned* palette = t.palette;
    const bool dark = t.dark;
    const unsigned text = palette[static_cast<int>(Tone::Text)];
    const unsigned bg = palette[static_cast<int>(Tone::Background)];
    palette[static_cast<int>(Tone::Muted)] = text;
    palette[static_cast<int>(Tone::Border)] = mix(bg, text, 0.75f);
    palette[static_cast<int>(Tone::Track)] = mix(bg, text, 0.45f);
    palette[static_cast<int>(Tone::Card)] = bg;
    palette[static_cast<int>(Tone::Accent)] = mix(palette[static_cast<int>(Tone::Accent)], dark ? 0xFFFFFF : 0x000000, 0.3f);
}

}  // namespace

void apply_theme(View& v) {
    Theme& t = v.theme;
    const bool dark = t.dark;
    const unsigned accent = t.accent & 0xFFFFFF;
    unsigned* palette = t.palette;
    for (int i = 0; i < static_cast<int>(Tone::Count); ++i) palette[i] = dark ? kTones[i].dark : kTones[i].light;
    if (accent) {
        // An editor's accent: hover/pressed shades, a tinted selection, readable text on top.
        const unsigned bg = palette[static_cast<int>(Tone::Background)];
        palette[static_cast<int>(Tone::Accent)] = accent;
        palette[static_cast<int>(Tone::AccentHover)] = mix(accent, dark ? 0xFFFFFF : 0x000000, 0.12f);
        palette[static_cast<int>(Tone::AccentStrong)] = mix(accent, dark ? 0xFFFFFF : 0x000000, 0.25f);
        palette[static_cast<int>(Tone::Selected)] = mix(bg, accent, 0.14f);
        palette[static_cast<int>(Tone::Focus)] = accent;
        palette[static_cast<int>(Tone::OnAccent)] = luminance(accent) > 0.6f ? 0x111111 : 0xFFFFFF;
    }
    if (t.contrast == Contrast::More) raise_contrast(t);
    if (t.contrast == Contrast::Forced) use_system_colors(t);
    auto color_vec = [&](Tone tone) { return rgb(palette[static_cast<int>(tone)]); };
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(10, 10);
    style.ScrollbarSize = 0;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = color_vec(Tone::Background);
    c[ImGuiCol_Text] = color_vec(Tone::Text);
    c[ImGuiCol_TextDisabled] = color_vec(Tone::Muted);
    c[ImGuiCol_Header] = color_vec(Tone::Card);
    c[ImGuiCol_HeaderHovered] = color_vec(Tone::CardHover);
    c[ImGuiCol_HeaderActive] = color_vec(Tone::Selected);
    c[ImGuiCol_Separator] = color_vec(Tone::Border);
    c[ImGuiCol_NavHighlight] = color_vec(Tone::Focus);
}

}  // namespace ui
