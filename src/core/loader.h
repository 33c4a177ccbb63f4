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

LoadResult load_quiz(std::string_view text);

}  // namespace cr
