// Crossroads core: quiz bytes as a page hands them over, to a Quiz. Two definitions, one chosen per program at link
// time: intake_json.cpp (quiz JSON, loaded and validated: the CLI, the tests, the full wasm) and intake_form.cpp (a
// pre-checked form, form.h: the readers' wasm, which links no JSON loader, validator or reachability walk).
#pragma once

#include <string_view>

#include "loader.h"

namespace cr {

// The quiz in `bytes`: quiz JSON loaded and validated (with the reachability walk when `reachability`), or, in the
// readers' wasm, a pre-checked form read back. Bytes it cannot use give ok false and one located error or more.
LoadResult read_quiz(std::string_view bytes, bool reachability);

}  // namespace cr
