// Crossroads core, the loader's Reader: typed fields read out of JSON objects, each problem reported at its path,
// and the checks every text gets (characters the widget can draw, links a reader may open, sizes within bounds).
#include "loader_internal.h"

#include <algorithm>
#include <cmath>

#include "catalogue.h"
#include "characters.h"
#include "markdown.h"

namespace cr::loader {

namespace {

// Where a line may break: after a space of any width, and after a Chinese or Japanese character.
bool line_break_after(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x2028 || c == 0x2029 || c == 0x205F || (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

}  // namespace

std::string count_of(size_t n) { return format_number(english_locale(), static_cast<double>(n)); }

size_t characters_in(const std::string& text) {
    return static_cast<size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const char* type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::null: return "null";
        default: return "a number";
    }
}

std::string fmt(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

bool Reader::is_object(const Json& v, const std::string& path) {
    if (v.is_object()) return true;
    error(path, std::string("expected an object, found ") + type_name(v), Check::Type);
    return false;
}

void Reader::check_keys(const Json& obj, const std::string& path, const std::vector<std::string>& allowed) {
    for (const auto& item : obj.items()) {
        if (std::find(allowed.begin(), allowed.end(), item.key()) != allowed.end()) continue;
        error(path_key(path, item.key()), "unknown key '" + item.key() + "'" + did_you_mean(item.key(), allowed),
              Check::UnknownKey);
    }
}

const Json* Reader::field(const Json& obj, const std::string& path, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) error(path_key(path, key), std::string("missing required key '") + key + "'", Check::Required);
        return nullptr;
    }
    return &*it;
}

bool Reader::text(const Json& obj, const std::string& path, const char* key, std::string& out, bool required) {
    const Json* v = field(obj, path, key, required);
    if (!v) return false;
    if (!v->is_string()) {
        error(path_key(path, key), std::string("expected a string, found ") + type_name(*v), Check::Type);
        return false;
    }
    out = v->get_ref<const std::string&>();
    if (out.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(path_key(path, key), "must not be empty", Check::Empty);
        return false;
    }
    check_characters(path_key(path, key), out);
    check_links(path_key(path, key), out);
    check_size(path_key(path, key), out);
    return true;
}

// A text longer than kMaxTextChars, or else one with a word longer than kMaxWordChars: one error, at the text's
// key or at the word. Either leaves the screens' sizes unchecked (they would only repeat it).
void Reader::check_size(const std::string& path, const std::string& text) {
    if (text.size() <= kMaxWordChars) return;  // bytes: at least as many as characters
    const std::u32string decoded = decode_utf8(text);
    if (decoded.size() > kMaxTextChars) {
        error(path, "this text is " + count_of(decoded.size()) + " characters long; one text may have at most " +
                        count_of(kMaxTextChars) + ": split it or shorten it");
        sizes_refused_ = true;
        return;
    }
    size_t start = 0, longest = 0, longest_at = 0;
    for (size_t i = 0; i <= decoded.size(); ++i) {
        if (i < decoded.size() && !line_break_after(decoded[i])) continue;
        if (i - start > longest) {
            longest = i - start;
            longest_at = start;
        }
        start = i + 1;
    }
    if (longest <= kMaxWordChars) return;
    std::string word, shown;
    for (size_t i = longest_at; i < longest_at + longest; ++i) append_utf8(word, decoded[i]);
    for (size_t i = longest_at; i < longest_at + 12; ++i) append_utf8(shown, decoded[i]);
    error(path, "a word here runs " + count_of(longest) + " characters without a space (\"" + shown +
                    "...\"); a word may run at most " + count_of(kMaxWordChars) +
                    " before the line can break: add spaces or shorten it", Check::Rule, word);
    sizes_refused_ = true;
}

bool Reader::id(const Json& obj, const std::string& path, std::string& out) {
    if (!text(obj, path, "id", out, true)) return false;
    if (!valid_id(out)) {
        error(path_key(path, "id"), "'" + out +
                                        "' is not a valid id: use lowercase letters, digits, '-' and '_', "
                                        "starting with a letter or digit, at most 64 characters",
              Check::Pattern);
        return false;
    }
    return true;
}

bool Reader::number(const Json& obj, const std::string& path, const char* key, double& out, bool required) {
    const Json* v = field(obj, path, key, required);
    if (!v) return false;
    if (!v->is_number()) {
        error(path_key(path, key), std::string("expected a number, found ") + type_name(*v), Check::Type);
        return false;
    }
    const double d = v->get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 1e9) {
        error(path_key(path, key), "number is out of range (at most 1000000000 either way)");
        return false;
    }
    out = d;
    return true;
}

bool Reader::integer(const Json& obj, const std::string& path, const char* key, int& out, bool required) {
    double d = 0;
    if (!number(obj, path, key, d, required)) return false;
    if (d != std::floor(d)) {
        error(path_key(path, key), "expected a whole number", Check::Type);
        return false;
    }
    out = static_cast<int>(d);
    return true;
}

bool Reader::boolean(const Json& obj, const std::string& path, const char* key, bool& out) {
    const Json* v = field(obj, path, key, false);
    if (!v) return false;
    if (!v->is_boolean()) {
        error(path_key(path, key), std::string("expected true or false, found ") + type_name(*v), Check::Type);
        return false;
    }
    out = v->get<bool>();
    return true;
}

const Json* Reader::array(const Json& obj, const std::string& path, const char* key, bool required) {
    const Json* v = field(obj, path, key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        error(path_key(path, key), std::string("expected an array, found ") + type_name(*v), Check::Type);
        return nullptr;
    }
    if (v->empty()) {
        error(path_key(path, key), "must not be empty", Check::Count);
        return nullptr;
    }
    return v;
}

// Notes the characters of `text` and tells the editor, once per text, of the first that cannot be drawn right:
// an error for a script that needs shaping or right-to-left layout, a warning for one the fonts lack (drawn as
// "?"), and a warning for a combining accent typed apart from its letter. The location points at it.
void Reader::check_characters(const std::string& path, const std::string& text) {
    const std::u32string decoded = decode_utf8(text);
    char32_t refused = 0, system = 0, combining = 0;
    std::set<char32_t> system_all;
    for (char32_t c : decoded) {
        if (c < 0x80) continue;
        characters_.insert(c);
        const Drawing d = drawing_of(c);
        if (d == Drawing::Refused) {
            if (!refused) refused = c;
        } else if (d == Drawing::System) {
            if (!system) system = c;
            system_all.insert(c);
        } else if (combining_mark(c) && !combining) {
            combining = c;
        }
    }
    auto mark = [&](Severity severity, char32_t c, std::string message, Check check) {
        std::string at;
        append_utf8(at, c);
        out_.push_back({severity, path, std::move(message), 0, 0, check, {}, at});
    };
    if (refused) {
        mark(Severity::Error, refused,
             describe_character(refused) + " belongs to a script written right to left or with joined letters, " +
                 "which the widget cannot draw correctly yet; this quiz cannot be shown in it",
             Check::Script);
    }
    if (system) {
        const size_t others = system_all.size() - 1;
        mark(Severity::Warning, system,
             describe_character(system) +
                 (others ? " and " + std::to_string(others) + (others == 1 ? " other character here are" : " other characters here are")
                         : " is") +
                 " not in the widget's fonts: the canvas draws '?' in " + (others ? "their" : "its") +
                 " place (screen readers, find and copy still get the real text)",
             Check::Script);
    }
    if (combining) {
        mark(Severity::Warning, combining,
             "an accent " + describe_character(combining) + " is typed apart from its letter" +
                 "; the page joins it to the letter before it where Unicode has one character for both (NFC), "
                 "otherwise it is drawn beside the letter: type the accented letter itself",
             Check::Script);
    }
}

// A markdown link whose address a reader could not, or should not, open (javascript:, a relative path, ...).
void Reader::check_links(const std::string& path, const std::string& text) {
    if (text.find("](") == std::string::npos) return;
    for (const std::string& href : links_in(text)) {
        std::string problem = link_problem(href);
        if (!problem.empty()) error(path, std::move(problem), Check::Rule, href);
    }
}

}  // namespace cr::loader
