// Crossroads web edge: start-up, the WebGL2 context, fonts at the device pixel ratio, canvas sizing
// and the frame scheduler. Frames run on requestAnimationFrame only while something changes: idle costs nothing.
// Without a context (no WebGL 2, or lost) frames still lay out and record the scene; only the drawing is skipped.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "page.h"
#include "platform.h"
#include "ui/view.h"

namespace web {

const char* const kCanvas = "#cr-canvas";

App& app() {
    static App instance;
    return instance;
}

namespace {


// Canvas backing store = CSS size x devicePixelRatio; the CSS height follows the content.
void update_size() {
    App& a = app();
    double w = 0, h = 0;
    emscripten_get_element_css_size(kCanvas, &w, &h);
    a.css_width = std::max(1, static_cast<int>(std::lround(w)));
    if (a.css_height <= 0) a.css_height = std::max(1, static_cast<int>(std::lround(h)));
    // A very tall screen (a long result on a phone) would exceed what the GPU can draw at full density:
    // lower the density for that screen rather than lose its bottom part.
    const double limit = static_cast<double>(app().gpu.max_pixels) / std::max(a.css_width, a.css_height);
    a.dpr = std::max(0.5, std::min(std::max(1.0, emscripten_get_device_pixel_ratio()), limit));
    // Only when it changes: setting a canvas's size, even to the same one, makes the browser reallocate its
    // drawing buffer (a CPU profile of the start found 180 ms in it with software WebGL).
    const int width = static_cast<int>(std::lround(a.css_width * a.dpr));
    const int height = static_cast<int>(std::lround(a.css_height * a.dpr));
    if (width == a.gpu.backing_width && height == a.gpu.backing_height) return;
    emscripten_set_canvas_element_size(kCanvas, width, height);
    a.gpu.backing_width = width;
    a.gpu.backing_height = height;
}

bool init_gl() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;
    attrs.premultipliedAlpha = false;  // web/page/canvas.js probes the canvas with these same attributes
    attrs.enableExtensionsByDefault = EM_FALSE;  // Dear ImGui needs only WebGL2 itself; each extension costs start-up time
    app().gpu.context = emscripten_webgl_create_context(kCanvas, &attrs);
    if (app().gpu.context <= 0) return false;
    emscripten_webgl_make_context_current(app().gpu.context);
    GLint dims[2] = {0, 0};
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, dims);
    GLint renderbuffer = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    app().gpu.max_pixels = std::max(1024, std::min({8192, static_cast<int>(dims[1]), static_cast<int>(renderbuffer)}));
    app().gpu.ready = ImGui_ImplOpenGL3_Init("#version 300 es");
    return app().gpu.ready;
}

// Where the scene's controls are and what state they are in, and its colours: the page's accessible controls follow
// them, and its HTML is drawn in the same colours.
std::size_t layout_fingerprint(const ui::Scene& scene) {
    std::size_t f = scene.items.size();
    for (unsigned colour : scene.palette) f = f * 31 + colour;
    for (const auto& h : scene.items) {
        if (h.part != ui::Part::Control) continue;
        f = f * 31 + std::hash<std::string>()(h.id) + static_cast<std::size_t>(h.rect_min.y * 4 + h.rect_max.x * 7 + h.rect_max.y * 13) +
            (h.checked ? 1 : 0) + (h.disabled ? 2 : 0);
    }
    return f;
}

void draw_pass(App& a) {
    ImGui::NewFrame();
    ui::draw(app::screen_model(a.state, a.model), a.view);
}

// Applies what the reader did in the last pass; true when the state changed (the screen is drawn again).
bool apply_commands(App& a) {
    const int before = a.state.revision;
    std::vector<app::Command> commands;
    commands.swap(a.view.commands);
    for (const app::Command& c : commands) dispatch(c);
    return a.state.revision != before;
}

void render_frame(double now_ms) {
    App& a = app();
    update_size();
    if (a.frames == 0) js_mark("cr:frame");  // the first animation frame begins
    if (!fonts_ready(a.dpr)) return;  // a font pack is on its way: draw nothing rather than "?"
    if (a.frames == 0) js_mark("cr:fonts");  // the font atlas is rasterised at this density
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(a.css_width), static_cast<float>(a.css_height));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(a.dpr), static_cast<float>(a.dpr));
    io.DeltaTime = app().scheduler.last_frame_ms > 0 ? static_cast<float>(std::max(0.001, (now_ms - app().scheduler.last_frame_ms) / 1000.0)) : 1.0f / 60.0f;
    app().scheduler.last_frame_ms = now_ms;
    a.view.time = now_ms / 1000.0;

    // Without a drawing context (none at all, or lost) the frame is laid out and recorded all the same: the page
    // shows the scene as HTML (web/a11y.js), and the reader goes on.
    if (a.gpu.ready) {
        ImGui_ImplOpenGL3_NewFrame();
        if (a.frames == 0) js_mark("cr:gl-objects");  // shaders compiled, font atlas uploaded
    }
    draw_pass(a);
    // The reader changed the session: draw the new screen before showing anything, so the picture, the clickable
    // rectangles, the scene and the state the page reads all describe the same screen. (A redraw may take the
    // next queued activation; a few passes apply them all.)
    for (int pass = 0; pass < 8 && apply_commands(a); ++pass) {
        ImGui::EndFrame();
        io.DeltaTime = 1e-4f;
        draw_pass(a);
    }
    // The new screen needs a font file that is on its way (a quiz's mono, past its start screen): it is shown once the
    // file is in, as a first screen is.
    if (fonts_pending()) {
        ImGui::EndFrame();
        return;
    }
    ImGui::Render();
    if (a.frames == 0) js_mark("cr:layout");  // the first screen is laid out and its draw lists built
    // ImGui takes at most one press or release per frame: keep drawing until quick clicks are all processed.
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 || !a.view.activations.empty()) request_frames(2);
    if (a.gpu.ready) {
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                   static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    if (++a.frames == 1) {
        js_first_frame();
        request_due_fonts();
    }

    // Fit the canvas to the content so the page, not the widget, scrolls.
    const int wanted = std::max(160, static_cast<int>(std::ceil(a.view.content_height)));
    if (wanted != a.css_height) {
        a.css_height = wanted;
        js_set_canvas_height(wanted);
        request_frames(2);
    }
    if (a.view.animating) request_frames(1);
    // Tell the page when the clickable items moved, so its accessible controls follow them.
    const std::size_t layout = layout_fingerprint(a.view.scene);
    if (layout != app().scheduler.last_layout) {
        app().scheduler.last_layout = layout;
        js_notify_layout();
    }
    if (a.state.revision != a.notified_revision) {
        a.notified_revision = a.state.revision;
        js_notify_state();
    }
}

EM_BOOL on_animation_frame(double now_ms, void*) {
    app().scheduler.scheduled = false;
    render_frame(now_ms);
    if (--app().scheduler.pending > 0) request_frames(0);
    return EM_FALSE;
}

EM_BOOL on_context_lost(int, const void*, void*) {
    app().gpu.ready = false;
    js_context_lost(1);
    request_frames(1);  // the page shows the scene as HTML from now on: it must be there
    return EM_TRUE;
}

EM_BOOL on_context_restored(int, const void*, void*) {
    // The lost context took its objects with it: make new ones rather than delete the old (which WebGL refuses).
    emscripten_webgl_make_context_current(app().gpu.context);
    app().gpu.ready = ImGui_ImplOpenGL3_CreateDeviceObjects();
    forget_picture_textures();
    js_context_lost(app().gpu.ready ? 0 : 1);
    request_frames(3);
    return EM_TRUE;
}

}  // namespace

void request_frames(int count) {
    app().scheduler.pending = std::max(app().scheduler.pending, count);
    if (app().scheduler.pending > 0 && !app().scheduler.scheduled) {
        app().scheduler.scheduled = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

void set_theme(bool dark) {
    app().view.theme.dark = dark;
    ui::apply_theme(app().view);
    request_frames(2);
}

}  // namespace web

extern "C" {

// The page prints (or stops printing): lays the screen out at once, with every review and FAQ row open (1) or as the
// reader left them (0), so the text layer the page prints is complete before the browser paginates it.
EMSCRIPTEN_KEEPALIVE void cr_print_layout(int on) {
    web::app().view.printing = on != 0;
    web::render_frame(emscripten_get_now());
}

}

int main() {
    using namespace web;
    App& a = web::app();
    js_mark("cr:main");  // the wasm is compiled and instantiated, the runtime is up
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "crossroads_html5";
    a.view.reduced_motion = js_prefers_reduced_motion() != 0;
    set_theme(js_prefers_dark() != 0);
    update_size();
    init_fonts();
    if (init_gl()) {
        js_mark("cr:gl");  // the WebGL2 context exists and the renderer is set up
        emscripten_set_webglcontextlost_callback(kCanvas, nullptr, EM_FALSE, on_context_lost);
        emscripten_set_webglcontextrestored_callback(kCanvas, nullptr, EM_FALSE, on_context_restored);
    } else {
        js_context_lost(1);  // no WebGL 2 here: frames are laid out and recorded, and the page shows them as HTML
    }
    ::app::Environment env;
    env.preview = js_preview() != 0;
    env.embedded = embedded();
    env.share_base = share_base();
    dispatch(::app::Configure{env});  // links work until the page says they cannot (cr_set_links)
    // The page fetches the quiz (?quiz=, or its own) while the wasm starts, and hands it over (cr_load_quiz); until
    // then it shows its placeholder: never a stand-in.
    install_input_handlers();
    request_frames(3);
    return 0;
}
