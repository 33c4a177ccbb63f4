// Crossroads core: markdown subset parser. Line based; anything it does not know stays plain text. Also literal(),
// its inverse for plain text.
#include "markdown.h"
#include <utility>

namespace cr {

namespace {

std::string_view trim(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

bool escapable(char c) {
    return c == '\\' || c == '[' || c == ']' || c == '(' || c == ')' || c == '*' || c == '|' || c == '-';
}

// True when s[i] is a backslash that escapes the character after it.
bool escape_at(std::string_view s, size_t i) { return s[i] == '\\' && i + 1 < s.size() && escapable(s[i + 1]); }

// The first `c` at or after `from` that no backslash escapes, or npos.
size_t find_unescaped(std::string_view s, char c, size_t from) {
    for (size_t i = from; i < s.size(); ++i) {
        if (escape_at(s, i)) ++i;
        else if (s[i] == c) return i;
    }
    return std::string_view::npos;
}

// `s` with its backslash escapes taken out.
std::string unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) out += escape_at(s, i) ? s[++i] : s[i];
    return out;
}

// A link "[label](address)" starting at s[at] ('['): its label and address, and where it ends; false when the text
// there is not a link (it then stays plain). Escaped brackets and parentheses neither open nor close anything.
bool link_at(std::string_view s, size_t at, std::string& label, std::string& href, size_t& end) {
    const size_t close = find_unescaped(s, ']', at + 1);
    if (close == std::string_view::npos || close == at + 1 || close + 1 >= s.size() || s[close + 1] != '(') return false;
    if (find_unescaped(s.substr(0, close), '[', at + 1) != std::string_view::npos) return false;
    size_t paren = close + 2;  // the ")" that closes "(", past any balanced pair inside the address
    for (int depth = 1; paren < s.size(); ++paren) {
        if (escape_at(s, paren)) {
            ++paren;
            continue;
        }
        if (s[paren] == '(') ++depth;
        if (s[paren] == ')' && --depth == 0) break;
    }
    if (paren >= s.size() || paren == close + 2) return false;
    const std::string_view address = s.substr(close + 2, paren - close - 2);
    if (address.find_first_of(" \t") != std::string_view::npos) return false;
    label = unescape(s.substr(at + 1, close - at - 1));
    href = std::string(address);
    end = paren;
    return true;
}

// The runs of one line. A link whose address link_problem() rejects stays text as written, unless `any_link` (links_in,
// which must see every address to report it).
Line inline_runs(std::string_view s, bool any_link) {
    Line out;
    bool bold = false;
    std::string current;
    for (size_t i = 0; i < s.size(); ++i) {
        std::string label, href;
        size_t end = 0;
        if (escape_at(s, i)) {
            current += s[++i];
        } else if (s[i] == '[' && link_at(s, i, label, href, end) && (any_link || link_problem(href).empty())) {
            if (!current.empty()) out.push_back({current, bold, {}});
            current.clear();
            out.push_back({label, bold, href});
            i = end;
        } else if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
            if (!current.empty()) out.push_back({current, bold, {}});
            current.clear();
            bold = !bold;
            ++i;
        } else {
            current += s[i];
        }
    }
    if (!current.empty()) out.push_back({current, bold, {}});
    return out;
}

bool is_separator_row(std::string_view row) {
    for (char c : row)
        if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
    return true;
}

std::vector<Line> table_cells(std::string_view row, bool any_link) {
    row = trim(row);
    if (!row.empty() && row.front() == '|') row.remove_prefix(1);
    if (row.size() > 1 && row.back() == '|' && row[row.size() - 2] != '\\') row.remove_suffix(1);
    std::vector<Line> cells;
    size_t start = 0;
    while (true) {
        const size_t bar = find_unescaped(row, '|', start);
        cells.push_back(inline_runs(trim(row.substr(start, bar == std::string_view::npos ? bar : bar - start)), any_link));
        if (bar == std::string_view::npos) return cells;
        start = bar + 1;
    }
}

std::vector<Block> parse_blocks(std::string_view text, bool any_link) {
    std::vector<Block> blocks;
    std::string paragraph;
    auto flush = [&] {
        if (!paragraph.empty()) blocks.push_back({BlockKind::Paragraph, inline_runs(paragraph, any_link), {}});
        paragraph.clear();
    };
    bool table_row = false;  // the line before was a table's row: a row now continues that table
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find('\n', start);
        const std::string_view line = trim(text.substr(start, end == std::string_view::npos ? end : end - start));
        start = end == std::string_view::npos ? text.size() + 1 : end + 1;
        const bool continues_table = std::exchange(table_row, false);
        if (line.empty()) {
            flush();
        } else if (line.size() > 1 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
            flush();
            blocks.push_back({BlockKind::Bullet, inline_runs(trim(line.substr(2)), any_link), {}});
        } else if (line[0] == '|') {
            flush();
            if (!continues_table) blocks.push_back({BlockKind::Table, {}, {}});
            if (!is_separator_row(line)) blocks.back().rows.push_back(table_cells(line, any_link));
            table_row = true;
        } else {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph.append(line);
        }
    }
    flush();
    return blocks;
}

}  // namespace

std::vector<Block> parse_markdown(std::string_view text) { return parse_blocks(text, false); }

Markdown literal(std::string_view plain) {
    Markdown out;
    out.source.reserve(plain.size() + 8);
    const size_t first = plain.find_first_not_of(" \t");
    for (size_t i = 0; i < plain.size(); ++i) {
        const char c = plain[i];
        if (c == '\n' || c == '\r') {
            out.source += ' ';
            continue;
        }
        if (c == '\\' || c == '[' || c == ']' || c == '*' || c == '|' || (c == '-' && i == first && i + 1 < plain.size() && plain[i + 1] == ' '))
            out.source += '\\';
        out.source += c;
    }
    return out;
}

std::string link_problem(std::string_view href) {
    for (std::string_view scheme : {"https://", "http://", "mailto:"}) {
        if (href.size() > scheme.size() && href.substr(0, scheme.size()) == scheme) return {};
    }
    return "the link address '" + std::string(href) +
           "' cannot be opened from a quiz: use a full address starting with https://, http:// or mailto:";
}

std::vector<std::string> links_in(std::string_view text) {
    std::vector<std::string> out;
    for (const Block& b : parse_blocks(text, true)) {
        auto take = [&](const Line& line) {
            for (const Run& r : line)
                if (!r.href.empty()) out.push_back(r.href);
        };
        take(b.text);
        for (const auto& row : b.rows)
            for (const Line& cell : row) take(cell);
    }
    return out;
}

std::string plain_text(const Line& line) {
    std::string out;
    for (const Run& r : line) out += r.text;
    return out;
}

std::string plain_text(const Markdown& text) {
    std::string out;
    for (const Block& b : parse_markdown(text.source)) {
        if (!out.empty()) out += '\n';
        if (b.kind == BlockKind::Bullet) out += "- ";
        out += plain_text(b.text);
        for (const auto& row : b.rows) {
            for (size_t c = 0; c < row.size(); ++c) out += (c ? " | " : "") + plain_text(row[c]);
            if (&row != &b.rows.back()) out += '\n';
        }
    }
    return out;
}

}  // namespace cr
