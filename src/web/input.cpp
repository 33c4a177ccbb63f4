// Crossroads web edge: mouse and touch from emscripten/html5.h into ImGui's event queue, plus resize and
// visibility. Keyboard access goes through the page's accessible controls (web/a11y.js), so no key is taken here.
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "platform.h"

namespace web {

namespace {


EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    if (e->timestamp - app().touch.last_ms < 800 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_TRUE;  // emulated after a tap
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : 2;
        io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    // A move needs one frame for the hover to follow; a press or release a few, as ImGui takes one per frame.
    request_frames(type == EMSCRIPTEN_EVENT_MOUSEMOVE ? 1 : 3);
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_TRUE : EM_FALSE;  // no text selection on drag
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    request_frames(2);
    return EM_FALSE;
}

// A tap is a press and release at the finger. A touch that moves more than kSlop CSS px is a scroll (the page
// pans, touch-action: pan-y): the press is withdrawn away from every item, so nothing is selected or opened.
constexpr float kSlop = 8.0f;

void withdraw_press(ImGuiIO& io) {
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // released off every item: not a click
    io.AddMouseButtonEvent(0, false);
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    const float x = static_cast<float>(t.targetX), y = static_cast<float>(t.targetY);
    ImGuiIO& io = ImGui::GetIO();
    Touch& finger = app().touch;
    const bool was_scroll = finger.scrolling;
    app().touch.last_ms = e->timestamp;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        finger.x = x;
        finger.y = y;
        finger.scrolling = false;
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(0, true);
    } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        if (!finger.scrolling && (std::fabs(x - finger.x) > kSlop || std::fabs(y - finger.y) > kSlop)) {
            finger.scrolling = true;
            withdraw_press(io);
        }
    } else if (finger.scrolling || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        if (!finger.scrolling) withdraw_press(io);
        finger.scrolling = false;
    } else {
        io.AddMousePosEvent(finger.x, finger.y);  // a tap counts where it began, whatever the finger's wobble
        io.AddMouseButtonEvent(0, false);
    }
    request_frames(3);
    // A tap's end is taken (no emulated mouse click follows); a scroll's end belongs to the page.
    return type == EMSCRIPTEN_EVENT_TOUCHEND && !was_scroll ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    request_frames(2);
    return EM_FALSE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    if (!e->hidden) request_frames(2);
    return EM_FALSE;
}

}  // namespace

void install_input_handlers() {
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_FALSE, on_mouse_leave);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
}

}  // namespace web
