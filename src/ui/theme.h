// Crossroads UI: the palette (one accent colour, light and dark) and the ImGui style that goes with it.
#pragma once

#include "imgui.h"

namespace ui {

enum class Tone { Background, Text, Muted, Accent, AccentHover, AccentStrong, OnAccent, Card, CardHover, Selected,
                  Border, Track, CodeBg, Focus, Disabled, Good, Bad, Count };

ImU32 color(Tone tone);
ImVec4 color_vec(Tone tone);

}  // namespace ui
