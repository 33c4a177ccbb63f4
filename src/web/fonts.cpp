// The font packs at the platform edge: the base pack is built into the wasm; the others are fetched by the page
// (web/page/files.js) when a quiz needs them, and frames wait for them so no reader sees a "?" where a letter belongs.
#include <emscripten.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "core/characters.h"
#include "page.h"
#include "platform.h"
#include "ui/fonts.h"

extern const unsigned char cr_font_base_regular[], cr_font_base_bold[], cr_font_base_mono[];
extern const std::size_t cr_font_base_regular_size, cr_font_base_bold_size, cr_font_base_mono_size;

namespace web {
namespace {

std::string_view bytes(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The characters on screen: the quiz's, or those of the messages about a quiz that did not load.
std::u32string characters_in_use() {
    const App& a = app();
    if (a.state.loaded) return a.state.loaded->quiz.characters;
    std::u32string out;
    for (const cr::Diagnostic& d : a.state.errors) out += cr::decode_utf8(d.message + d.where);
    return out;
}

std::string_view& role_slot(ui::FontPack& p, int role) { return role == 0 ? p.regular : role == 1 ? p.bold : p.mono; }

int role_index(const std::string& role) { return role == "regular" ? 0 : role == "bold" ? 1 : 2; }

}  // namespace

void init_fonts() {
    Fonts& f = app().fonts;
    f.packs.assign(cr::font_packs().size(), {});
    f.files.assign(cr::font_packs().size() * 3, std::string());
    f.packs[0] = {bytes(cr_font_base_regular, cr_font_base_regular_size), bytes(cr_font_base_bold, cr_font_base_bold_size),
                  bytes(cr_font_base_mono, cr_font_base_mono_size)};
    f.requested.assign(cr::font_packs().size(), false);
    f.requested[0] = true;
}

void request_fonts() {
    Fonts& f = app().fonts;
    f.characters = characters_in_use();
    f.dirty = true;
    for (int pack : ui::packs_needed(f.characters)) {
        if (f.requested[pack]) continue;
        f.requested[pack] = true;
        const cr::FontPackInfo& info = cr::font_packs()[pack];
        for (const std::string& role : info.roles) {
            ++f.pending;
            js_request_font(pack, role_index(role), ("fonts/" + info.name + "-" + role + ".ttf").c_str());
        }
    }
}

bool fonts_ready(double dpr) {
    Fonts& f = app().fonts;
    if (f.pending > 0) return false;
    if (!f.dirty && std::abs(dpr - f.dpr) < 0.01) return true;
    // The renderer uploads the atlas on its first frame; after that a new atlas is uploaded here. (Clearing the atlas
    // forgets its texture id, so ask first.)
    const bool uploaded = ImGui::GetIO().Fonts->TexID != ImTextureID();
    ui::build_fonts(app().view.fonts, f.packs, f.characters, static_cast<float>(dpr));
    f.dpr = dpr;
    f.dirty = false;

    if (app().gpu.ready && uploaded) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    return true;
}

}  // namespace web

extern "C" {

// A font file the page fetched: `data` (from malloc) becomes the wasm's; the next frame builds the atlas with it.
EMSCRIPTEN_KEEPALIVE void cr_font_file(int pack, int role, char* data, int size) {
    web::Fonts& f = web::app().fonts;
    if (pack <= 0 || pack >= static_cast<int>(f.packs.size()) || role < 0 || role > 2) {
        std::free(data);
        return;
    }
    std::string& file = f.files[pack * 3 + role];
    file.assign(data, static_cast<std::size_t>(size));
    std::free(data);
    web::role_slot(f.packs[pack], role) = file;
    f.dirty = true;
    if (--f.pending == 0) web::request_frames(3);
}

// A font file that could not be had (offline before it was ever fetched): draw without it rather than wait.
EMSCRIPTEN_KEEPALIVE void cr_font_file_failed(int, int) {
    if (--web::app().fonts.pending == 0) web::request_frames(3);
}

}
