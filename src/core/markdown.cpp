// Crossroads core: markdown subset parser. Line based; anything it does not know stays plain text.
#include "markdown.h"

namespace cr {

namespace {

std::string_view trim(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// A link "[label](address)" starting at s[at] ('['): its label and address, and where it ends; false when the text
// there is not a link (it then stays plain).
bool link_at(std::string_view s, size_t at, std::string& label, std::string& href, size_t& end) {
    const size_t close = s.find(']', at + 1);
    if (close == std::string_view::npos || close == at + 1 || close + 1 >= s.size() || s[close + 1] != '(') return false;
    size_t paren = close + 2;  // the ")" that closes "(", past any balanced pair inside the address
    for (int depth = 1; paren < s.size(); ++paren) {
        if (s[paren] == '(') ++depth;
        if (s[paren] == ')' && --depth == 0) break;
    }
    if (paren >= s.size() || paren == close + 2) return false;
    const std::string_view address = s.substr(close + 2, paren - close - 2);
    if (address.find_first_of(" \t") != std::string_view::npos || s.substr(at + 1, close - at - 1).find('[') != std::string_view::npos)
        return false;
    label = std::string(s.substr(at + 1, close - at - 1));
    href = std::string(address);
    end = paren;
    return true;
}

Line inline_runs(std::string_view s) {
    Line out;
    bool bold = false;
    std::string current;
    for (size_t i = 0; i < s.size(); ++i) {
        std::string label, href;
        size_t end = 0;
        if (s[i] == '[' && link_at(s, i, label, href, end)) {
            if (!current.empty()) out.push_back({current, bold});
            current.clear();
            out.push_back({label, bold, href});
            i = end;
        } else if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
            if (!current.empty()) out.push_back({current, bold});
            current.clear();
            bold = !bold;
            ++i;
        } else {
            current += s[i];
        }
    }
    if (!current.empty()) out.push_back({current, bold});
    return out;
}

bool is_separator_row(std::string_view row) {
    for (char c : row)
        if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
    return true;
}

std::vector<Line> table_cells(std::string_view row) {
    row = trim(row);
    if (!row.empty() && row.front() == '|') row.remove_prefix(1);
    if (!row.empty() && row.back() == '|') row.remove_suffix(1);
    std::vector<Line> cells;
    size_t start = 0;
    while (true) {
        const size_t bar = row.find('|', start);
        cells.push_back(inline_runs(trim(row.substr(start, bar == std::string_view::npos ? bar : bar - start))));
        if (bar == std::string_view::npos) return cells;
        start = bar + 1;
    }
}

}  // namespace

std::vector<Block> parse_markdown(std::string_view text) {
    std::vector<Block> blocks;
    std::string paragraph;
    auto flush = [&] {
        if (!paragraph.empty()) blocks.push_back({BlockKind::Paragraph, inline_runs(paragraph), {}});
        paragraph.clear();
    };
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find('\n', start);
        const std::string_view line = trim(text.substr(start, end == std::string_view::npos ? end : end - start));
        start = end == std::string_view::npos ? text.size() + 1 : end + 1;
        if (line.empty()) {
            flush();
        } else if (line.size() > 1 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
            flush();
            blocks.push_back({BlockKind::Bullet, inline_runs(trim(line.substr(2))), {}});
        } else if (line[0] == '|') {
            flush();
            if (blocks.empty() || blocks.back().kind != BlockKind::Table) blocks.push_back({BlockKind::Table, {}, {}});
            if (!is_separator_row(line)) blocks.back().rows.push_back(table_cells(line));
        } else {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph.append(line);
        }
    }
    flush();
    return blocks;
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
    for (const Block& b : parse_markdown(text)) {
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

}  // namespace cr
