// The font packs at the platform edge: the page fetches them (web/page/files.js), the base pack's regular and bold
// always (preloaded with the wasm), its mono once a quiz with code is on screen, the rest when a quiz needs them, and
// frames wait for them so no reader sees a "?" where a letter belongs.
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

namespace web {
namespace {

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

// Whether the quiz on screen shows code (a code question's snippet and options, and the review's), drawn in the
// mono role.
bool shows_code() {
    const App& a = app();
    if (!a.state.loaded) return false;
    for (const cr::Question& q : a.state.loaded->quiz.questions)
        if (!q.code.empty()) return true;
    return false;
}

bool on_start_screen() { return !app().state.loaded || app().state.loaded->session.screen() == cr::Screen::Start; }

// Asks the page for each file of `pack` not asked for yet. The base pack's mono only for a quiz with code, and only
// once the first screen is drawn: a start screen has no code, so its first frame does not wait for the file.
void request_pack(int pack) {
    Fonts& f = app().fonts;
    const cr::FontPackInfo& info = cr::font_packs()[pack];
    for (const std::string& name : info.roles) {
        const int role = role_index(name);
        const bool mono = pack == kBasePack && role == 2;
        if (f.requested[pack * 3 + role] || (mono && (!shows_code() || (app().frames == 0 && on_start_screen())))) continue;
        f.requested[pack * 3 + role] = true;
        ++f.pending;
        f.mono_pending = f.mono_pending || mono;
        js_request_font(pack, role, ("fonts/" + info.name + "-" + name + ".ttf").c_str());
    }
}

}  // namespace

void init_fonts() {
    Fonts& f = app().fonts;
    f.packs.assign(cr::font_packs().size(), {});
    f.files.assign(cr::font_packs().size() * 3, std::string());
    f.requested.assign(cr::font_packs().size() * 3, false);
    request_pack(kBasePack);  // the widget's own words are in it: before any quiz, while the page preloads it
}

void request_fonts() {
    Fonts& f = app().fonts;
    f.characters = characters_in_use();
    f.dirty = true;
    request_pack(kBasePack);
    for (int pack : ui::packs_needed(f.characters)) request_pack(pack);
}

void request_due_fonts() { request_pack(kBasePack); }

bool fonts_pending() {
    Fonts& f = app().fonts;
    request_due_fonts();
    return f.pending - (f.mono_pending && on_start_screen() ? 1 : 0) > 0;
}

bool fonts_ready(double dpr) {
    Fonts& f = app().fonts;
    if (fonts_pending()) return false;
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
    if (pack < 0 || pack >= static_cast<int>(f.packs.size()) || role < 0 || role > 2) {
        std::free(data);
        return;
    }
    std::string& file = f.files[pack * 3 + role];
    file.assign(data, static_cast<std::size_t>(size));
    std::free(data);
    web::role_slot(f.packs[pack], role) = file;
    f.dirty = true;
    if (pack == web::kBasePack && role == 2) f.mono_pending = false;
    if (--f.pending == 0) web::request_frames(3);
}

// The renderer's way to the atlas's pixels (ImGui_ImplOpenGL3_CreateFontsTexture), linked here instead of
// ImFontAtlas::GetTexDataAsRGBA32 (--wrap in cmake/web.cmake): that one builds an atlas not yet built through
// ImFontAtlas::Build(), which would link ImGui's built-in font, never drawn, into the wasm. Every frame waits for
// fonts_ready(), so the atlas is built (ui::build_fonts) before the renderer asks; its 8-bit coverage becomes white
// with that alpha, as in ImGui, kept until the atlas is cleared.
void __wrap__ZN11ImFontAtlas18GetTexDataAsRGBA32EPPhPiS2_S2_(ImFontAtlas* atlas, unsigned char** pixels,
                                                            int* width, int* height, int* bytes_per_pixel) {
    const int n = atlas->TexWidth * atlas->TexHeight;
    if (!atlas->TexPixelsRGBA32 && atlas->TexPixelsAlpha8) {
        atlas->TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(static_cast<std::size_t>(n) * 4));
        for (int i = 0; i < n; ++i) atlas->TexPixelsRGBA32[i] = IM_COL32(255, 255, 255, atlas->TexPixelsAlpha8[i]);
    }
    *pixels = reinterpret_cast<unsigned char*>(atlas->TexPixelsRGBA32);
    if (width) *width = atlas->TexWidth;
    if (height) *height = atlas->TexHeight;
    if (bytes_per_pixel) *bytes_per_pixel = 4;
}

// A font file that could not be had (offline before it was ever fetched): draw without it rather than wait. Without
// the base pack's regular or bold there is nothing to draw with: the page says the quiz cannot start instead.
EMSCRIPTEN_KEEPALIVE void cr_font_file_failed(int pack, int role) {
    if (pack == web::kBasePack && role < 2) return;
    if (pack == web::kBasePack && role == 2) web::app().fonts.mono_pending = false;
    if (--web::app().fonts.pending == 0) web::request_frames(3);
}

}
