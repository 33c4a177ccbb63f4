// Crossroads core: JSON parsing into nlohmann::ordered_json through a SAX handler of our own,
// so depth, duplicate keys and parse errors are reported with positions instead of thrown.
#include "json_doc.h"

#include <algorithm>
#include <cstdint>
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

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

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

// nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column 2: ";
// the position is reported separately, so keep only the explanation.
std::string parse_explanation(const std::string& what) {
    const size_t colon = what.find(": ");
    std::string out = colon == std::string::npos ? what : what.substr(colon + 2);
    return "invalid JSON: " + out;
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

    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        Frame& top = frames_.back();
        const auto [at, added] = top.keys.emplace(k, top.node->size());
        if (!added) duplicates_.push_back(path_key(top.path, k));
        pending_slot_ = at->second;
        pending_key_ = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& ex) {
        error_offset_ = position > 0 ? position - 1 : 0;
        error_message_ = parse_explanation(ex.what());
        if (ex.id == kNumberOverflow) {
            error_offset_ = position >= token.size() ? position - token.size() : 0;  // the number's first digit
            error_message_ = number_overflow(token);
        }
        return false;
    }

    bool too_deep = false;
    std::string too_deep_path;
    size_t error_offset_ = 0;
    std::string error_message_;
    std::vector<std::string> duplicates_;

private:
    struct Frame {
        Json* node;
        std::string path;
        // Object keys -> position. ordered_json finds keys by a linear search; this keeps a big object linear.
        std::unordered_map<std::string, size_t> keys;
    };

    // Path of the value about to be added under the current frame.
    std::string child_path() const {
        if (frames_.empty()) return std::string();
        const Frame& top = frames_.back();
        return top.node->is_object() ? path_key(top.path, pending_key_) : path_index(top.path, top.node->size());
    }

    Json* place(Json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Json& parent = *frames_.back().node;
        if (parent.is_object()) {
            auto& members = *parent.get_ptr<Json::object_t*>();
            if (pending_slot_ < members.size()) {  // a repeated key: the last value wins
                Json& slot = (members.begin() + static_cast<std::ptrdiff_t>(pending_slot_))->second;
                slot = std::move(value);
                return &slot;
            }
            members.emplace_back(std::move(pending_key_), std::move(value));
            return &members.back().second;
        }
        parent.push_back(std::move(value));
        return &parent.back();
    }

    bool add(Json&& value) {
        place(std::move(value));
        return true;
    }

    bool open(Json&& container) {
        std::string path = child_path();
        if (static_cast<int>(frames_.size()) >= kMaxNestingDepth) {
            too_deep = true;
            too_deep_path = path;
            return false;
        }
        Json* node = place(std::move(container));
        frames_.push_back({node, std::move(path), {}});
        return true;
    }

    bool close() {
        frames_.pop_back();
        return true;
    }

    Json& root_;
    std::vector<Frame> frames_;
    std::string pending_key_;
    size_t pending_slot_ = 0;  // position of pending_key_ in its object (its size when the key is new)
};

}  // namespace

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
            diagnostics.push_back({Severity::Warning, path, "this key appears more than once; the last value is used"});
        return true;
    }
    Diagnostic d;
    if (builder.too_deep) {
        d.path = builder.too_deep_path;
        d.message = "nesting is deeper than " + std::to_string(kMaxNestingDepth) + " levels";
        // The document is not fully parsed; find the offending bracket by counting depth.
        int depth = 0;
        bool in_string = false;
        for (size_t i = 0; i < body.size(); ++i) {
            const char c = body[i];
            if (in_string) {
                if (c == '\\') ++i;
                else if (c == '"') in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                if (++depth > kMaxNestingDepth) {
                    line_column(text, i + bom_length(text), d.line, d.column);
                    break;
                }
            } else if (c == '}' || c == ']') {
                --depth;
            }
        }
    } else {
        d.message = builder.error_message_;
        line_column(text, builder.error_offset_ + bom_length(text), d.line, d.column);
    }
    diagnostics.push_back(std::move(d));
    out = Json();
    return false;
}

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
