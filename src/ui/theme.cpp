// Crossroads UI: light and dark palettes chosen for contrast (text on card >= 7:1, muted >= 4.5:1),
// and a calm ImGui style: no window chrome, generous spacing, rounded corners.
#include "theme.h"

#include "view.h"

namespace ui {

namespace {

// RGB hex per tone, in Tone order.
constexpr unsigned kLight[] = {0xFFFFFF, 0x1B2430, 0x55606E, 0x1F6FEB, 0x1A5FCC, 0x154EA8, 0xFFFFFF, 0xF6F8FA,
                               0xEDF2F8, 0xE6F0FF, 0xD0D7DE, 0xE3E8EE, 0xF2F4F7, 0x0B57D0, 0xC8CED6, 0x1A7F37, 0xC2410C,
                               0x55606E};
constexpr unsigned kDark[] = {0x12161C, 0xE8ECF1, 0xA3ADBA, 0x4C8DF6, 0x6AA1F8, 0x8AB6FA, 0x0B1220, 0x1B2129,
                              0x232B35, 0x1D2B42, 0x38424F, 0x2A323D, 0x1A2028, 0x9CC2FF, 0x3A424D, 0x4ADE80, 0xFB923C,
                              0xA3ADBA};

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

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}

}  // namespace

ImU32 color(const View& v, Tone tone) { return ImGui::GetColorU32(rgb(v.theme.palette[static_cast<int>(tone)])); }

namespace {

// Forced colours (Windows High Contrast and the like): only the reader's system colours, as CSS names them.
void use_system_colors(Theme& t) {
    const SystemColors& c = t.system;
    const unsigned tones[] = {c.canvas, c.canvas_text, c.canvas_text, c.highlight, c.highlight, c.highlight,
                              c.highlight_text, c.canvas, c.canvas, c.canvas, c.canvas_text, c.gray_text, c.canvas,
                              c.highlight, c.gray_text, c.canvas_text, c.canvas_text, c.canvas};
    static_assert(sizeof(tones) / sizeof(tones[0]) == static_cast<size_t>(Tone::Count), "one colour per tone");
    for (int i = 0; i < static_cast<int>(Tone::Count); ++i) t.palette[i] = tones[i];
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
    const unsigned* base = dark ? kDark : kLight;
    for (int i = 0; i < static_cast<int>(Tone::Count); ++i) palette[i] = base[i];
    if (accent) {
        // An editor's accent: hover/pressed shades, a tinted selection, readable text on top.
        const unsigned bg = base[static_cast<int>(Tone::Background)];
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
    style.FrameRounding = 8;
    style.GrabRounding = 12;
    style.ScrollbarSize = 0;
    style.CellPadding = ImVec2(8, 6);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = color_vec(Tone::Background);
    c[ImGuiCol_Text] = color_vec(Tone::Text);
    c[ImGuiCol_TextDisabled] = color_vec(Tone::Muted);
    c[ImGuiCol_FrameBg] = color_vec(Tone::Track);
    c[ImGuiCol_FrameBgHovered] = color_vec(Tone::CardHover);
    c[ImGuiCol_FrameBgActive] = color_vec(Tone::Selected);
    c[ImGuiCol_SliderGrab] = color_vec(Tone::Accent);
    c[ImGuiCol_SliderGrabActive] = color_vec(Tone::AccentStrong);
    c[ImGuiCol_Header] = color_vec(Tone::Card);
    c[ImGuiCol_HeaderHovered] = color_vec(Tone::CardHover);
    c[ImGuiCol_HeaderActive] = color_vec(Tone::Selected);
    c[ImGuiCol_TableRowBg] = rgb(0, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = color_vec(Tone::Card);
    c[ImGuiCol_TableBorderLight] = color_vec(Tone::Border);
    c[ImGuiCol_TableBorderStrong] = color_vec(Tone::Border);
    c[ImGuiCol_Separator] = color_vec(Tone::Border);
    c[ImGuiCol_NavHighlight] = color_vec(Tone::Focus);
}

}  // namespace ui
