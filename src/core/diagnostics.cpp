// Crossroads core: formatting of diagnostics and the "did you mean" helper.
// Pure functions over strings; no I/O.
#include "diagnostics.h"

#include <algorithm>
#include <cstdio>

namespace cr {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
size_t utf8_sequence_length(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0 && c >= 0xC2) n = 2;
    else if ((c & 0xF0) == 0xE0) n = 3;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4) n = 4;
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

// Edits between two words, where swapping two neighbouring letters counts as one (a common typo).
// Three rolling rows, so a call allocates little however often it is made.
size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t n = utf8_sequence_length(text, i);
        if (n == 0 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

const char* check_name(Check check) {
    switch (check) {
        case Check::Syntax: return "syntax";
        case Check::Type: return "type";
        case Check::Required: return "required";
        case Check::UnknownKey: return "unknown-key";
        case Check::NotHere: return "not-here";
        case Check::Enum: return "enum";
        case Check::Pattern: return "pattern";
        case Check::Empty: return "empty";
        case Check::Bound: return "bound";
        case Check::Count: return "count";
        case Check::Reference: return "reference";
        case Check::Duplicate: return "duplicate";
        case Check::Rule: return "rule";
        case Check::Reachability: return "reachability";
        case Check::Script: return "script";
    }
    return "rule";
}

bool schema_checks(Check check) {
    return check != Check::Reference && check != Check::Duplicate && check != Check::Rule && check != Check::Reachability &&
           check != Check::Script;
}

std::string format_diagnostic(const Diagnostic& d, std::string_view file) {
    std::string out(file);
    if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    const std::string& where = d.where.empty() ? d.path : d.where;
    if (!where.empty()) out += printable(where) + ": ";
    out += printable(d.message);
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    // Short words get few edits: "zz" is not a typo of "a". A suggestion must keep part of the word.
    const size_t allowed = std::max<size_t>(1, word.size() / 3);
    if (word.empty()) return std::string();
    std::string best;
    size_t best_distance = std::string::npos;
    for (const auto& candidate : candidates) {
        // A prefix ("tea" for "tea-time") counts as close even when many letters are missing.
        const bool prefix = candidate.compare(0, word.size(), word) == 0;
        // Words whose lengths differ by more than the allowed edits cannot be close: skip the full comparison,
        // so a very long word costs no more than a short one.
        const size_t gap = candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
        if (!prefix && gap > allowed) continue;
        const size_t distance = prefix ? (candidate.size() == word.size() ? 0 : 1) : edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best_distance <= allowed && best_distance < word.size() ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string match = closest_match(word, candidates);
    return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

}  // namespace cr
