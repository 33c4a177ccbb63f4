// Crossroads core: diagnostics, the errors and warnings the loader reports to editors.
// Each carries a JSON path ("sections[0].questions[2].prompt"), a description of that place by ids
// ("question \"built\" › prompt"), a class of problem and, once located, a line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cr {

enum class Severity { Error, Warning };

// What kind of problem a diagnostic reports. The structural classes are exactly the ones the JSON Schema
// (content/schema/quiz.schema.json) rejects too; the others need the whole file and are validate's alone.
enum class Check {
    Syntax,       // the text is not JSON
    Type,         // a value of the wrong JSON type
    Required,     // a required key is missing
    UnknownKey,   // a key the format does not have
    NotHere,      // a key the format has, but not in this place (e.g. "correct" in an outcome section)
    Enum,         // a value outside a fixed list ("type", "kind", "unit", "partial", "format")
    Pattern,      // an id or a currency code breaks its pattern
    Empty,        // required text that is empty or only spaces
    Bound,        // a number below or above its fixed limit (version >= 1, band min in 0..100, ...)
    Count,        // a list with too few or too many items (2 to 12 options, at most 100 outcomes, ...)
    Reference,    // an id that names nothing declared, or nothing earlier
    Duplicate,    // an id used twice where it must be unique
    Rule,         // a rule between values: ranges, selection limits, band coverage, scale steps, code questions
    Reachability, // an outcome that no combination of answers leads to
    Script,       // a character the widget cannot draw itself (the reader's fonts), or cannot draw right at all
};

inline constexpr Check kAllChecks[] = {Check::Syntax, Check::Type, Check::Required, Check::UnknownKey, Check::NotHere,
                                       Check::Enum, Check::Pattern, Check::Empty, Check::Bound, Check::Count,
                                       Check::Reference, Check::Duplicate, Check::Rule, Check::Reachability,
                                       Check::Script};

// "syntax", "type", "required", "unknown-key", "not-here", "enum", "pattern", "empty", "bound", "count",
// "reference", "duplicate", "rule", "reachability", "script".
const char* check_name(Check check);

// True for the classes the JSON Schema rejects as well (every class except reference, duplicate, rule, reachability,
// script).
bool schema_checks(Check check);

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string path;     // JSON path in dotted form; empty for the whole document
    std::string message;  // plain words for an editor
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based, counted in characters
    Check check = Check::Rule;
    std::string where{};  // the path told by ids: question "built" › option "many"; filled by load_quiz
    std::string mark{};   // UTF-8 of the character the diagnostic is about: line:column point at it in the value
};

// "file:line:col: error: where: message", with the JSON path when `where` is empty (both left out when
// the diagnostic is about the whole document). Control characters and invalid UTF-8 in the message are
// shown as \xNN so the text is always safe to print.
std::string format_diagnostic(const Diagnostic& d, std::string_view file);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// Closest candidate to `word` by edit distance, or "" when nothing is close enough to suggest.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Makes arbitrary bytes printable: valid UTF-8 passes, everything else becomes \xNN.
std::string printable(std::string_view text);

}  // namespace cr
