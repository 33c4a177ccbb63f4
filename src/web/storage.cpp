// Crossroads web edge: the browser's localStorage and the page's address (its share code and share base), for the
// effects app::apply asks for. What is stored when, and what a share link does, is the app layer's (src/app);
// blocked or full storage reads as empty and refuses writes here.
#include <cstdlib>
#include <optional>
#include <string>

#include "page.h"
#include "platform.h"

namespace web {

namespace {

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
