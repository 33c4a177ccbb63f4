// Crossroads core: diagnostics, the errors and warnings the loader reports to editors.
// Each carries a JSON path ("sections[0].questions[2].prompt") and, once located, a line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cr {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string path;     // JSON path in dotted form; empty for the whole document
    std::string message;  // plain words for an editor
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based, counted in characters
};

// "file:line:col: error: path: message" (path part left out when empty). Control characters and
// invalid UTF-8 in the message are shown as \xNN so the text is always safe to print.
std::string format_diagnostic(const Diagnostic& d, std::string_view file);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// Closest candidate to `word` by edit distance, or "" when nothing is close enough to suggest.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Makes arbitrary bytes printable: valid UTF-8 passes, everything else becomes \xNN.
std::string printable(std::string_view text);

}  // namespace cr
