// Crossroads core: JSON parsing into nlohmann::ordered_json through a SAX handler of our own,
// so depth, duplicate keys and parse errors are reported with positions instead of thrown.
#include "json_doc.h"

#include "characters.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace cr {

std::string path_key(const std::string& parent, std::string_view key) {
    std::string out = parent;
    if (!out.empty()) out += '.';
    out.append(key);
    return out;
}

std::string path_index(const std::string& parent, size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

size_t bom_length(std::string_view text) { return text.substr(0, 3) == kBom ? 3 : 0; }

uint32_t hex4(std::string_view s, size_t at) {
    uint32_t v = 0;
    for (size_t k = at; k < at + 4 && k < s.size(); ++k) {
        const char c = s[k];
        v = v * 16 + static_cast<uint32_t>(c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0);
    }
    return v;
}

// The text of a JSON string body (already known to be valid), so keys match however they were written.
std::string unescape(std::string_view body) {
    std::string out;
    for (size_t k = 0; k < body.size(); ++k) {
        if (body[k] != '\\' || k + 1 >= body.size()) {
            out += body[k];
            continue;
        }
        const char e = body[++k];
        if (e == 'u' && k + 4 < body.size() + 1) {
            uint32_t cp = hex4(body, k + 1);
            k += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && k + 6 < body.size() + 1 && body[k + 1] == '\\' && body[k + 2] == 'u') {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(body, k + 3) - 0xDC00);
                k += 6;
            }
            append_utf8(out, cp);
        } else {
            out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
        }
    }
    return out;
}

// nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column 2: " and may
// end "; last read: '<bytes>'"; the position is reported separately and the bytes are no help to an editor,
// so keep only the explanation between them.
std::string parse_explanation(const std::string& what) {
    const size_t colon = what.find(": ");
    std::string out = colon == std::string::npos ? what : what.substr(colon + 2);
    const size_t read = out.find("; last read: '");
    if (read != std::string::npos) {
        // The bytes read may themselves hold quotes: cut up to the "; expected ..." that follows them, if any.
        const size_t expected = out.find("; expected", read);
        out.erase(read, expected == std::string::npos ? std::string::npos : expected - read);
    }
    return out;
}

// The code point of the UTF-8 sequence that holds byte `at` (which may be a continuation byte), and its start.
uint32_t code_point_at(std::string_view s, size_t& at) {
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    const auto c = static_cast<unsigned char>(s[at]);
    const size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    uint32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (size_t k = 1; k < n && at + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
    return cp;
}

// "“ (U+201C)": the character as itself followed by its code point, never as raw bytes.
std::string name_character(uint32_t cp) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string shown;
    if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && !(cp >= 0xD800 && cp < 0xE000) && cp <= 0x10FFFF)
        append_utf8(shown, cp);
    return shown.empty() ? std::string(code) : shown + " (" + code + ")";
}

// The first byte of the well-formed token whose last byte is `last`: a string, a number or literal, or one character.
size_t unexpected_token_start(std::string_view body, size_t last) {
    if (last >= body.size()) return last;
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+'; };
    size_t k = last;
    if (body[last] == '"') {
        for (k = last; k > 0; --k)
            if (body[k - 1] == '"' && (k < 2 || body[k - 2] != '\\')) return k - 1;
        return last;
    }
    while (k > 0 && word(body[last]) && word(body[k - 1])) --k;
    return k;
}

bool ends_value(char c) {
    return c == '"' || c == '}' || c == ']' || (c >= '0' && c <= '9') || c == 'e' || c == 'l';  // ...true, false, null
}

// Calls f(i, c) for each bracket c ('{', '[', '}' or ']') at byte i of `body` outside strings, and for the opening
// quote (c == '"') of each string, in order, until f returns false.
template <typename F>
void each_mark(std::string_view body, F&& f) {
    bool in_string = false;
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
            if (!f(i, c)) return;
        } else if ((c == '{' || c == '[' || c == '}' || c == ']') && !f(i, c)) {
            return;
        }
    }
}

// Where the bracket ('{' or '[') opened last and not closed by the end of `body` is; npos when none is open.
size_t innermost_open_bracket(std::string_view body) {
    std::vector<size_t> open;
    each_mark(body, [&](size_t i, char c) {
        if (c == '{' || c == '[') open.push_back(i);
        else if (c != '"' && !open.empty()) open.pop_back();
        return true;
    });
    return open.empty() ? std::string_view::npos : open.back();
}

// The opening quote of the last string that opens before byte `end` of `body` (npos when none does).
size_t last_string_start(std::string_view body, size_t end) {
    size_t start = std::string_view::npos;
    each_mark(body.substr(0, end), [&](size_t i, char c) {
        if (c == '"') start = i;
        return true;
    });
    return start;
}

// "line 3, column 5": where byte `at` of `body` is, for a message that names a second place.
std::string place(std::string_view body, size_t at) {
    int line = 0, column = 0;
    line_column(body, at, line, column);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The plain words for a bare word outside quotes that is no JSON value ("tru", "None", "True").
std::string bad_word(std::string_view word) {
    std::string lower;
    for (const char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const char* meant = nullptr;
    for (const char* w : {"true", "false", "null"})
        if (std::string_view(w).substr(0, lower.size()) == lower) meant = w;
    if (lower == "none" || lower == "nil" || lower == "undefined") meant = "null";
    std::string out = "'" + std::string(word) + "' is not a JSON value";
    out += meant ? std::string("; did you mean ") + meant + "? JSON's" : ": JSON's";
    return out + " only words are true, false and null, in lower case; text goes in \"double quotes\"";
}

// The likely cause of a syntax error at byte `at` of `body`, in plain words, or "" when none is recognised.
// May move `at` to where the fix goes (the comma to remove, the place a comma is missing).
std::string likely_syntax_cause(std::string_view body, size_t& at, const std::string& explanation) {
    if (explanation.find("unexpected end of input") != std::string::npos) {
        if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return "the file is empty: a quiz file is one JSON object, from its opening '{' to its closing '}'";
        const size_t open = innermost_open_bracket(body);
        if (open != std::string_view::npos)
            return std::string("the file ends too early: the last '") + body[open] + "' opened is never closed; add its '" +
                   (body[open] == '{' ? '}' : ']') + "', or the rest of the text if it was cut off";
    }
    const bool line_break = explanation.find("control character U+000A") != std::string::npos ||
                            explanation.find("control character U+000D") != std::string::npos;
    if (line_break || explanation.find("missing closing quote") != std::string::npos) {
        const size_t start = last_string_start(body, std::min(at, body.size()));
        if (start != std::string_view::npos)
            return line_break ? "a text is not closed before the end of the line: add the '\"' that ends the text that "
                                "starts at " + place(body, start) + ", or write a line break inside a text as \\n"
                              : "a text is never closed: add the '\"' that ends the text that starts at " + place(body, start);
    }
    at = std::min(at, body.size());
    const char c = at < body.size() ? body[at] : '\0';  // '\0' at the end, where only a word may have been cut off
    if (c != '\0' && explanation.find("ill-formed UTF-8") != std::string::npos) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(c));
        return std::string("the file is not UTF-8 text here (a byte ") + byte + " that starts no character); "
               "save the file as UTF-8";
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
        size_t start = at;
        const uint32_t cp = code_point_at(body, start);
        at = start;
        if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x201E || cp == 0x00AB || cp == 0x00BB)
            return "curly quote " + name_character(cp) + " where JSON needs a straight double quote \"; word processors "
                   "and some editors type these: retype the quotes around this key or value as \"";
        return "the character " + name_character(cp) + " is outside a string; only keys and values in \"double quotes\" "
               "may hold such characters";
    }
    if (c == '/' && at + 1 < body.size() && (body[at + 1] == '/' || body[at + 1] == '*'))
        return std::string("comments (") + (body[at + 1] == '/' ? "//" : "/* */") +
               ") are not allowed in JSON: remove the comment, or move the note into the text it is about";
    if (c == '\'')
        return "single quotes: JSON keys and strings take double quotes (\"title\"), not single quotes ('title')";
    size_t before = at;
    while (before > 0 && std::string_view(" \t\r\n").find(body[before - 1]) != std::string_view::npos) --before;
    const char previous = before > 0 ? body[before - 1] : '\0';
    if (explanation.find("; expected end of input") != std::string::npos) {
        if (c == '}' || c == ']')
            return std::string("one '") + c + "' too many: every bracket before it is already closed; remove it, or add "
                   "the '" + (c == '}' ? '{' : '[') + "' it was meant to close";
        return "text after the end: the file's outermost value is complete at " + place(body, before > 0 ? before - 1 : 0) +
               ", and nothing may follow it; remove what follows" +
               (previous == '}' || previous == ']' ? std::string(", or the '") + previous + "' there if it closes too early" : "");
    }
    if (c == ',' && previous == ',') return "two commas in a row: remove one of them";
    if (c == ',' && (previous == '{' || previous == '['))
        return std::string("a comma with nothing before it, just after the opening '") + previous +
               "': remove it (a comma goes between two entries; is one missing before it?)";
    if ((c == '}' || c == ']' || c == ',') && previous == ':') {
        at = before - 1;
        return "a value is missing after this ':': write one (\"text\", a number, true, false, [...] or {...}), or "
               "remove the key";
    }
    if ((c == '}' || c == ']') && previous == ',') {
        at = before - 1;
        return std::string("trailing comma: remove this comma, as nothing follows it before the closing '") + c + "'";
    }
    if ((c == '}' || c == ']') &&
        (explanation.find("; expected '}'") != std::string::npos || explanation.find("; expected ']'") != std::string::npos)) {
        const size_t open = innermost_open_bracket(body.substr(0, at));
        if (open != std::string_view::npos)
            return std::string("a '") + c + "' where the '" + body[open] + "' opened at " + place(body, open) +
                   " is still open: close that with '" + (body[open] == '{' ? '}' : ']') + "' first, or remove this '" +
                   c + "' if it is one too many";
    }
    const auto word = [](char w) { return std::isalnum(static_cast<unsigned char>(w)) || w == '_'; };
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool starts_value = c == '"' || c == '{' || c == '[' || letter || c == '-' || (c >= '0' && c <= '9');
    if (explanation.find("; expected ':'") != std::string::npos) {
        if (c == '=') return "'=' between a key and its value: JSON writes ':' there, like \"title\": \"...\"";
        if (c == ',' || c == '}') {
            at = before;
            return "a key without a value: write ':' and its value after it, like \"title\": \"...\", or remove the key";
        }
        if (starts_value) {
            at = before;
            return "missing colon: put a ':' here, between the key and its value";
        }
    }
    if (letter && explanation.find("object key") != std::string::npos) {
        while (at > 0 && word(body[at - 1])) --at;  // the word's start
        return "unquoted key: JSON keys take double quotes, like \"title\": \"...\"";
    }
    if (explanation.find("invalid literal") != std::string::npos) {
        size_t start = at, end = at;  // the word outside quotes, which may end at `at` ("tru}") or start there ("None")
        while (start > 0 && word(body[start - 1])) --start;
        while (end < body.size() && word(body[end])) ++end;
        if (start > 0 && end > start && body[start - 1] == '"') {
            at = start - 1;
            return "the text that starts at " + place(body, last_string_start(body, at)) + " ends at this '\"', and the "
                   "word after it is outside quotes: if this '\"' belongs inside the text, write it as \\\"; if it "
                   "opens the next key or value, the '\"' that ends the text before it is missing";
        }
        if (end > start) {
            at = start;
            return bad_word(body.substr(start, end - start));
        }
    }
    if (explanation.find("unexpected") != std::string::npos && ends_value(previous) && starts_value) {
        at = before;
        return "missing comma: put a ',' here, between the value before and the one after";
    }
    return std::string();
}

// nlohmann's id for a number too large for a double (its out_of_range.406).
constexpr int kNumberOverflow = 406;

std::string number_overflow(const std::string& token) {
    constexpr size_t kShown = 24;
    const std::string shown = token.size() > kShown ? token.substr(0, kShown) + "..." : token;
    return "the number " + shown + " is too large; numbers in a quiz file are at most 1000000000 either way";
}

// Builds the tree from SAX events; keeps the path of the value being built for messages.
class TreeBuilder {
public:
    explicit TreeBuilder(Json& root) : root_(root) {}

    bool null() { return add(Json(nullptr)); }
    bool boolean(bool v) { return add(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return add(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return add(Json(v)); }
    bool number_float(Json::number_float_t v, const std::string&) { return add(Json(v)); }
    bool string(std::string& v) { return add(Json(std::move(v))); }
    bool binary(Json::binary_t&) { return false; }

    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        Frame& top = frames_.back();
        const auto [at, added] = top.keys.emplace(k, top.members.size());
        if (!added) duplicates_.push_back(path_key(top.path, k));
        top.slot = at->second;
        top.key = std::move(k);
        return true;
    }

    // `position` is just past the last byte read: for an unexpected (but well-formed) token that is its end
    // (found by unexpected_token_start, since `token` is not that token alone), for an invalid one the byte that broke it.
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& ex) {
        error_explanation_ = parse_explanation(ex.what());
        error_offset_ = position > 0 ? position - 1 : 0;
        error_whole_token_ = error_explanation_.find("unexpected") != std::string::npos;
        if (ex.id == kNumberOverflow) {
            error_offset_ = position >= token.size() ? position - token.size() : 0;  // the number's first digit
            error_message_ = number_overflow(token);
        }
        return false;
    }

    bool too_deep = false;
    std::string too_deep_path;
    size_t error_offset_ = 0;
    bool error_whole_token_ = false;  // error_offset_ is the last byte of a whole token
    std::string error_explanation_;  // nlohmann's, without its position and bytes
    std::string error_message_;      // ours, when it replaces the explanation
    std::vector<std::string> duplicates_;

private:
    // A container being read. Its values are gathered here and the container is put in its parent when it closes,
    // so nothing already read is copied again: an ordered_json object is a vector of pairs with a const key, which
    // a growing vector copies (deeply) instead of moving.
    struct Frame {
        bool object = false;
        std::string path;
        std::vector<std::pair<std::string, Json>> members;  // an object's, in document order
        Json::array_t items;                                // an array's
        // Object keys -> position in members. ordered_json finds keys by a linear search; this keeps a big object linear.
        std::unordered_map<std::string, size_t> keys;
        std::string key;  // the key whose value comes next
        size_t slot = 0;  // its position in members (their count when the key is new)
    };

    // Path of the value about to be added under the current frame.
    std::string child_path() const {
        if (frames_.empty()) return std::string();
        const Frame& top = frames_.back();
        return top.object ? path_key(top.path, top.key) : path_index(top.path, top.items.size());
    }

    void place(Json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return;
        }
        Frame& top = frames_.back();
        if (!top.object) {
            top.items.push_back(std::move(value));
        } else if (top.slot < top.members.size()) {  // a repeated key: the last value wins
            top.members[top.slot].second = std::move(value);
        } else {
            top.members.emplace_back(std::move(top.key), std::move(value));
        }
    }

    bool add(Json&& value) {
        place(std::move(value));
        return true;
    }

    bool open(bool object) {
        std::string path = child_path();
        if (static_cast<int>(frames_.size()) >= kMaxNestingDepth) {
            too_deep = true;
            too_deep_path = path;
            return false;
        }
        frames_.emplace_back();
        frames_.back().object = object;
        frames_.back().path = std::move(path);
        return true;
    }

    bool close() {
        Frame& top = frames_.back();
        Json value;
        if (top.object) {
            value = Json::object();
            auto& members = *value.get_ptr<Json::object_t*>();
            members.reserve(top.members.size());
            for (auto& [k, v] : top.members) members.emplace_back(std::move(k), std::move(v));
        } else {
            value = Json::array();
            *value.get_ptr<Json::array_t*>() = std::move(top.items);
        }
        frames_.pop_back();
        place(std::move(value));
        return true;
    }

    Json& root_;
    std::vector<Frame> frames_;
};

}  // namespace

namespace {

struct Step {
    std::string key;  // empty for an index
    size_t index = 0;
};

std::vector<Step> split_path(const std::string& path) {
    std::vector<Step> steps;
    for (size_t i = 0; i < path.size();) {
        if (path[i] == '.') {
            ++i;
        } else if (path[i] == '[') {
            const size_t close = path.find(']', i);
            steps.push_back({std::string(), static_cast<size_t>(std::strtoull(path.c_str() + i + 1, nullptr, 10))});
            i = close == std::string::npos ? path.size() : close + 1;
        } else {
            const size_t end = std::min(path.find('.', i), path.find('[', i));
            steps.push_back({path.substr(i, end - i), 0});
            i = end == std::string::npos ? path.size() : end;
        }
    }
    return steps;
}

constexpr size_t kMaxIdLength = 64;

// The noun for an element of the list under `key`, or nullptr when its elements are not named by id.
const char* element_noun(const std::string& key) {
    static const std::pair<const char*, const char*> kNouns[] = {{"sections", "section"}, {"questions", "question"},
                                                                 {"options", "option"},   {"outcomes", "outcome"},
                                                                 {"bands", "band"},       {"faq", "faq"},
                                                                 {"items", "item"},       {"rules", "rule"}};
    for (const auto& [list, noun] : kNouns)
        if (key == list) return noun;
    return nullptr;
}

}  // namespace

std::string describe_path(const Json& root, const std::string& path) {
    const std::vector<Step> steps = split_path(path);
    std::vector<std::string> parts;
    std::string plain;  // steps since the last named element, in path form
    const Json* node = &root;
    for (size_t i = 0; i < steps.size(); ++i) {
        const Step& step = steps[i];
        if (step.key.empty()) {
            plain += "[" + std::to_string(step.index) + "]";
            node = node && node->is_array() && step.index < node->size() ? &(*node)[step.index] : nullptr;
            continue;
        }
        const Json* child = nullptr;
        if (node && node->is_object() && i + 1 < steps.size()) {
            const auto found = node->find(step.key);
            if (found != node->end()) child = &*found;
        }
        const char* noun = element_noun(step.key);
        const bool indexed = i + 1 < steps.size() && steps[i + 1].key.empty();
        const Json* element = child && indexed && child->is_array() && steps[i + 1].index < child->size()
                                  ? &(*child)[steps[i + 1].index] : nullptr;
        const auto id = element && element->is_object() ? element->find("id") : Json::const_iterator();
        // An id too long to be valid (or blank) would only bury the message: such an element keeps its index.
        if (noun && element && element->is_object() && id != element->end() && id->is_string() &&
            id->get_ref<const std::string&>().size() <= kMaxIdLength &&
            id->get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos) {
            if (!plain.empty()) parts.push_back(std::move(plain));
            plain.clear();
            if (std::string(noun) == "question" && !parts.empty() && parts.back().rfind("section ", 0) == 0) parts.pop_back();
            parts.push_back(std::string(noun) + " \"" + id->get<std::string>() + "\"");
            node = element;
            ++i;
            continue;
        }
        if (!plain.empty()) plain += '.';
        plain += step.key;
        node = child;
    }
    if (!plain.empty()) parts.push_back(std::move(plain));
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : " \xE2\x80\xBA ") + part;  // U+203A, a single right angle quote
    return out;
}

void line_column(std::string_view text, size_t offset, int& line, int& column) {
    line = 1;
    column = 1;
    const size_t start = bom_length(text);
    const size_t end = std::min(offset, text.size());
    for (size_t i = start; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;  // count characters, not UTF-8 continuation bytes
        }
    }
}

bool parse_json(std::string_view text, Json& out, std::vector<Diagnostic>& diagnostics) {
    if (text.size() > kMaxDocumentBytes) {
        diagnostics.push_back({Severity::Error, "",
                               "the file is larger than 16 MB (16777216 bytes), the most a quiz file may be",
                               1, 1});
        return false;
    }
    const std::string_view body = text.substr(bom_length(text));
    const size_t nul = body.find('\0');
    if (nul != std::string_view::npos) {
        // nlohmann's lexer would take a NUL for the end of input and ignore the rest.
        Diagnostic d{Severity::Error, "", "the file contains a NUL byte (character code 0); quiz files must be plain UTF-8 text"};
        line_column(text, nul + bom_length(text), d.line, d.column);
        diagnostics.push_back(std::move(d));
        out = Json();
        return false;
    }
    TreeBuilder builder(out);
    const bool ok = Json::sax_parse(body.begin(), body.end(), &builder, nlohmann::json::input_format_t::json, true);
    if (ok) {
        for (const auto& path : builder.duplicates_)
            diagnostics.push_back({Severity::Warning, path, "this key appears more than once; the last value is used", 0, 0,
                                   Check::Duplicate});
        return true;
    }
    Diagnostic d;
    if (builder.too_deep) {
        d.path = builder.too_deep_path;
        d.message = "nesting is deeper than " + std::to_string(kMaxNestingDepth) + " levels";
        // The document is not fully parsed; find the offending bracket by counting depth.
        int depth = 0;
        each_mark(body, [&](size_t i, char c) {
            if (c == '"') return true;
            depth += c == '{' || c == '[' ? 1 : -1;
            if (depth <= kMaxNestingDepth) return true;
            line_column(text, i + bom_length(text), d.line, d.column);
            return false;
        });
    } else {
        size_t at = builder.error_whole_token_ ? unexpected_token_start(body, builder.error_offset_) : builder.error_offset_;
        const std::string cause = builder.error_message_.empty()
                                      ? likely_syntax_cause(body, at, builder.error_explanation_) : std::string();
        d.message = !builder.error_message_.empty() ? builder.error_message_
                    : "invalid JSON: " + (cause.empty() ? builder.error_explanation_ : cause);
        d.check = Check::Syntax;
        line_column(text, at + bom_length(text), d.line, d.column);
    }
    diagnostics.push_back(std::move(d));
    out = Json();
    return false;
}

namespace {

// End (the closing quote) of the JSON string that opens at `at`.
size_t string_end(std::string_view text, size_t at) {
    size_t j = at + 1;
    while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
    return std::min(j, text.size());
}

size_t skip_space(std::string_view text, size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t')) ++at;
    return at;
}

// Where `mark` is written inside the string value located at `at` (its key, or the value itself); `at` when it is
// not there as written (e.g. given as a \u escape).
size_t find_in_string_value(std::string_view text, size_t at, std::string_view mark) {
    if (at >= text.size() || text[at] != '"') return at;
    size_t begin = at, end = string_end(text, at);
    const size_t colon = skip_space(text, end + 1);
    if (colon < text.size() && text[colon] == ':') {  // `at` is the key: the value follows
        begin = skip_space(text, colon + 1);
        if (begin >= text.size() || text[begin] != '"') return at;
        end = string_end(text, begin);
    }
    const size_t found = text.substr(begin, end - begin).find(mark);
    return found == std::string_view::npos ? at : begin + found;
}

}  // namespace

void locate_diagnostics(std::string_view text, std::vector<Diagnostic>& diagnostics) {
    // Paths wanted, each with every ancestor, so a missing key falls back to its parent object.
    std::unordered_map<std::string, size_t> found;  // path -> byte offset
    for (const auto& d : diagnostics) {
        if (d.line > 0) continue;
        std::string p = d.path;
        while (true) {
            found.emplace(p, std::string::npos);
            if (p.empty()) break;
            const size_t cut = p.find_last_of(".[");
            p = cut == std::string::npos ? std::string() : p.substr(0, cut);
        }
    }
    if (found.empty()) return;

    struct Frame {
        bool object;
        size_t index;
        size_t path_length;
    };
    std::vector<Frame> frames;
    std::string path;
    std::string key;
    size_t key_offset = 0;
    bool expecting_key = false;

    auto record = [&](size_t offset) {
        auto it = found.find(path);
        if (it != found.end()) it->second = offset;
    };
    // Sets `path` to the path of the value that starts here and records it.
    auto begin_value = [&](size_t offset) {
        if (frames.empty()) {
            path.clear();
            record(offset);
            return;
        }
        Frame& top = frames.back();
        path.resize(top.path_length);
        if (top.object) {
            path = path_key(path, key);
            record(key_offset);  // point at the key: that is where an editor looks
        } else {
            path = path_index(path, top.index++);
            record(offset);
        }
    };

    const size_t start = bom_length(text);
    for (size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ':') continue;
        if (c == '"') {
            size_t j = i + 1;
            while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
            if (expecting_key) {
                key = unescape(text.substr(i + 1, std::min(j, text.size()) - i - 1));
                key_offset = i;
                expecting_key = false;
            } else {
                begin_value(i);
                if (!frames.empty() && frames.back().object) expecting_key = true;
            }
            i = j;
            continue;
        }
        if (c == '{' || c == '[') {
            begin_value(i);
            frames.push_back({c == '{', 0, path.size()});
            expecting_key = c == '{';
            continue;
        }
        if (c == '}' || c == ']') {
            frames.pop_back();
            expecting_key = !frames.empty() && frames.back().object;
            continue;
        }
        // number, true, false, null
        begin_value(i);
        while (i + 1 < text.size() && std::string_view(",]} \n\r\t").find(text[i + 1]) == std::string_view::npos) ++i;
        if (!frames.empty() && frames.back().object) expecting_key = true;
    }

    // Resolve each diagnostic to an offset, then turn all offsets into line:column in one pass over the text.
    std::vector<std::pair<size_t, Diagnostic*>> wanted;
    for (auto& d : diagnostics) {
        if (d.line > 0) continue;
        std::string p = d.path;
        size_t offset = 0;
        while (true) {
            auto it = found.find(p);
            if (it != found.end() && it->second != std::string::npos) {
                offset = it->second;
                break;
            }
            if (p.empty()) break;
            const size_t cut = p.find_last_of(".[");
            p = cut == std::string::npos ? std::string() : p.substr(0, cut);
        }
        if (!d.mark.empty()) offset = find_in_string_value(text, offset, d.mark);
        wanted.push_back({offset, &d});
    }
    std::stable_sort(wanted.begin(), wanted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    int line = 1, column = 1;
    size_t at = start;
    for (auto& [offset, d] : wanted) {
        for (; at < offset && at < text.size(); ++at) {
            const auto c = static_cast<unsigned char>(text[at]);
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
        }
        d->line = line;
        d->column = column;
    }
}

}  // namespace cr
