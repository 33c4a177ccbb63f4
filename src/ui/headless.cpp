// Crossroads UI, headless: the native tools' and tests' ImGui context and frame (see headless.h).
#include "headless.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/characters.h"

namespace ui {

std::vector<FontPack> read_font_packs(const std::string& dir, std::vector<std::string>& store) {
    const auto& packs = cr::font_packs();
    store.assign(packs.size() * 3, std::string());
    std::vector<FontPack> out(packs.size());
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

Headless::Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 900);
    builtin_ = io.Fonts->AddFontDefault();
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

Headless::Headless(const std::string& font_dir) {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    packs_ = read_font_packs(font_dir, store_);
}

Headless::~Headless() { ImGui::DestroyContext(); }

void Headless::use_fonts(Fonts& fonts, const std::u32string& used, float density) {
    if (builtin_) fonts = {builtin_, builtin_, builtin_, builtin_, builtin_};
    else build_fonts(fonts, packs_, used, density);
}

View Headless::make_view(const std::u32string& used, float density) {
    View v;
    use_fonts(v.fonts, used, density);
    v.reduced_motion = true;
    apply_theme(v);
    return v;
}

void run_frame(const app::ScreenModel& model, View& v, float width, float height) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height > 0 ? height : std::max(900.0f, v.content_height + 1));
    io.DeltaTime = 1.0f / 60.0f;
    v.time += 1.0 / 60.0;
    ImGui::NewFrame();
    draw(model, v);
    ImGui::Render();
}

}  // namespace ui
