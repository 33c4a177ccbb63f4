// Crossroads core: quiz file text in, a validated Quiz or every problem found out.
// Never throws, never aborts; each diagnostic carries a JSON path and line:column.
#pragma once

#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "model.h"

namespace cr {

struct LoadResult {
    bool ok = false;  // true when there is no error (warnings allowed); `quiz` is then usable
    Quiz quiz;
    std::vector<Diagnostic> diagnostics;  // errors and warnings in document order of discovery
};

// `reachability` false skips the walk of the answer space that finds outcomes no answers reach (and requirements
// none meet): an editor's verdict, which `validate` and the preview give; a reader's page needs only the quiz.
LoadResult load_quiz(std::string_view text, bool reachability = true);

}  // namespace cr
