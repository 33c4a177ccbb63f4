// Crossroads UI: the palette (one accent colour, light and dark) and the ImGui style that goes with it.
#pragma once

#include "imgui.h"

namespace ui {

enum class Tone { Background, Text, Muted, Accent, AccentHover, AccentStrong, OnAccent, Card, CardHover, Selected,
                  Border, Track, CodeBg, Focus, Disabled, Good, Bad, OnDisabled, Count };

struct View;

// The tone's name in the design tokens (src/ui/tokens.json): "accent", "accentHover", ... (the page's --cr-accent-hover).
const char* tone_name(Tone tone);

// The colour of `tone` in the view's palette (View::theme, filled by apply_theme).
ImU32 color(const View& v, Tone tone);

}  // namespace ui
