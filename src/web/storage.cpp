// Crossroads web edge: the browser's localStorage and the page's address (its share code and share base), for the
// effects app::apply asks for. What is stored when, and what a share link does, is the app layer's (src/app);
// blocked or full storage reads as empty and refuses writes here.
#include <emscripten.h>

#include <cstdlib>
#include <optional>
#include <string>

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
// 1 when the browser kept it, 0 when storage is blocked or full.
EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try {
        var s = globalThis["localStorage"];
        if (value) s["setItem"](UTF8ToString(key), UTF8ToString(value)); else s["removeItem"](UTF8ToString(key));
        return 1;
    } catch (e) { return 0; }
});
// The share code the page read from its URL (web/app.js reads it once and drops it from the address bar).
EM_JS(char*, js_share_code, (), {
    var code = Module["shareCode"];
    if (!code) return 0;
    var n = lengthBytesUTF8(code) + 1;
    var p = _malloc(n);
    stringToUTF8(code, p, n);
    return p;
});
EM_JS(void, js_share_code_taken, (), { Module["shareCode"] = ""; });
// Where a share link points: the page the reader is on plus a fragment for the code, or null when the page
// has no address a friend could open (file://). Inside an embed it is the host post (see web/app.js).
EM_JS(char*, js_share_base, (), {
    var f = Module["shareBase"];
    var base = f ? f() : null;
    if (!base) return 0;
    var n = lengthBytesUTF8(base) + 1;
    var p = _malloc(n);
    stringToUTF8(base, p, n);
    return p;
});
EM_JS(int, js_embedded, (), { return Module["embedded"] ? 1 : 0; });

std::optional<std::string> take(char* p) {
    if (!p) return std::nullopt;
    std::string s(p);
    std::free(p);
    return s;
}

}  // namespace

std::optional<std::string> storage_get(const std::string& key) { return take(js_storage_get(key.c_str())); }
bool storage_set(const std::string& key, const std::string& value) {
    return js_storage_set(key.c_str(), value.empty() ? nullptr : value.c_str()) != 0;
}
std::optional<std::string> take_share_code() { return take(js_share_code()); }
void share_code_taken() { js_share_code_taken(); }
std::string share_base() { return take(js_share_base()).value_or(""); }
bool embedded() { return js_embedded() != 0; }

}  // namespace web
