// Crossroads core: quiz bytes as a page hands them over, to a Quiz. Two definitions, one chosen per program at link
// time: intake_json.cpp (a pre-checked form or quiz JSON: the CLI, the tests, the full wasm) and intake_form.cpp
// (a pre-checked form only: the readers' wasm, which links no JSON loader, validator or reachability walk).
#pragma once

#include <string_view>

#include "loader.h"

namespace cr {

// A pre-checked form (form.h) read back, or, where the JSON loader is linked, quiz JSON loaded and validated (with
// the reachability walk when `reachability`). Bytes it cannot use give ok false and one located error or more.
LoadResult read_quiz(std::string_view bytes, bool reachability);

}  // namespace cr
