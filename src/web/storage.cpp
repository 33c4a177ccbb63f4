// Crossroads web edge: progress kept in localStorage per quiz id and version, and share links that carry
// the session in the URL fragment (#s=...). Blocked, full or corrupt storage is tolerated: the quiz still works.
#include <emscripten.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "core/codec.h"
#include "platform.h"

namespace web {

namespace {

EM_JS(char*, js_storage_get, (const char* key), {
    try {
        var v = globalThis["localStorage"]["getItem"](UTF8ToString(key));
        if (v === null) return 0;
        var n = lengthBytesUTF8(v) + 1;
        var p = _malloc(n);
        stringToUTF8(v, p, n);
        return p;
    } catch (e) { return 0; }
});
EM_JS(void, js_storage_set, (const char* key, const char* value), {
    try {
        var s = globalThis["localStorage"];
        if (value) s["setItem"](UTF8ToString(key), UTF8ToString(value)); else s["removeItem"](UTF8ToString(key));
    } catch (e) {}
});
EM_JS(char*, js_share_fragment, (), {
    var m = /[#&]s=([A-Za-z0-9._~-]+)/.exec(location.hash || "");
    if (!m) return 0;
    var n = lengthBytesUTF8(m[1]) + 1;
    var p = _malloc(n);
    stringToUTF8(m[1], p, n);
    return p;
});
EM_JS(char*, js_page_url, (), {
    if (location.protocol !== "http:" && location.protocol !== "https:") return 0;
    var u = location.href.split("#")[0];
    var n = lengthBytesUTF8(u) + 1;
    var p = _malloc(n);
    stringToUTF8(u, p, n);
    return p;
});

std::optional<std::string> take(char* p) {
    if (!p) return std::nullopt;
    std::string s(p);
    std::free(p);
    return s;
}

std::optional<cr::SessionState> g_resumable;

std::string key_for(const cr::Quiz& q) { return "crossroads:" + q.id + ":" + std::to_string(q.version); }

}  // namespace

void restore_progress() {
    App& a = app();
    g_resumable.reset();
    a.view.resume_offered = false;
    a.view.can_share = js_page_url() != nullptr;
    if (!a.session) return;
    std::string error;
    cr::SessionState state;
    if (auto shared = take(js_share_fragment())) {
        if (cr::decode_session(a.quiz, *shared, state, error)) {
            a.session = std::make_unique<cr::Session>(a.quiz, state);
            return;
        }
        a.view.status = "The shared link could not be opened: " + error + ".";
        return;
    }
    const auto saved = take(js_storage_get(key_for(a.quiz).c_str()));
    if (!saved) return;
    if (!cr::decode_session(a.quiz, *saved, state, error)) {
        js_storage_set(key_for(a.quiz).c_str(), nullptr);  // corrupt: discard it
        return;
    }
    if (state.screen == cr::Screen::Start) return;
    g_resumable = state;
    a.view.resume_offered = true;
}

void save_progress() {
    App& a = app();
    if (!a.session || a.view.resume_offered) return;
    const cr::SessionState& s = a.session->state();
    bool any = s.screen != cr::Screen::Start;
    for (const auto& ans : s.answers) any = any || ans.given;
    js_storage_set(key_for(a.quiz).c_str(), any ? cr::encode_session(a.quiz, s).c_str() : nullptr);
}

void answer_resume(bool resume) {
    App& a = app();
    if (resume && g_resumable && a.session) a.session = std::make_unique<cr::Session>(a.quiz, *g_resumable);
    g_resumable.reset();
    a.view.resume_offered = false;
    ++a.view.revision;
    save_progress();
    request_frames(3);
}

std::string share_link() {
    App& a = app();
    auto url = take(js_page_url());
    if (!url || !a.session) return std::string();
    return *url + "#s=" + cr::encode_session(a.quiz, a.session->state());
}

}  // namespace web
