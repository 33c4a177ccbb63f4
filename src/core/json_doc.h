// Crossroads core: JSON text to a document tree, with errors an editor can act on.
// Wraps nlohmann_json's SAX parser (no exceptions escape) and maps JSON paths back to line:column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.h"

namespace cr {

using Json = nlohmann::ordered_json;

inline constexpr size_t kMaxDocumentBytes = 16u * 1024u * 1024u;
inline constexpr int kMaxNestingDepth = 64;

// Parses `text` (a UTF-8 BOM is allowed). On success returns true and fills `out`; warnings (duplicate
// keys) may still be added. On failure adds one located error and returns false.
bool parse_json(std::string_view text, Json& out, std::vector<Diagnostic>& diagnostics);

// Fills line/column of every diagnostic whose path names a value in `text` (falling back to the nearest
// enclosing value that exists), in one pass over the text. `text` must be valid JSON.
void locate_diagnostics(std::string_view text, std::vector<Diagnostic>& diagnostics);

// 1-based line and column (in characters) of byte `offset`; a leading BOM is not counted.
void line_column(std::string_view text, size_t offset, int& line, int& column);

// The place `path` names in `root`, told by ids where the file gives them, for people:
// "sections[0].questions[2].options[1].weights.tee" -> "question \"morning\" › option \"slow\" › weights.tee".
// Elements of sections, questions, options, outcomes, bands, faq and items (of ranges) with a non-blank string "id" of at most 64
// characters (longer ones cannot be valid) are named by it (a question
// alone, without its section, since question ids are unique in a quiz); every other step keeps its key or index.
// Returns "" for the empty path; never fails (steps that do not exist in `root` are kept as written).
std::string describe_path(const Json& root, const std::string& path);

// Path helpers: "a" + key -> "a.key"; "a" + index -> "a[3]".
std::string path_key(const std::string& parent, std::string_view key);
std::string path_index(const std::string& parent, size_t index);

}  // namespace cr
