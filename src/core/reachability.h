// Crossroads core: can every outcome be the result for some set of answers?
// Exhaustive for small quizzes (a proof: error when an outcome is unreachable), greedy plus sampling otherwise (warning).
#pragma once

#include <vector>

#include "diagnostics.h"
#include "model.h"

namespace cr {

void check_reachability(const Quiz& quiz, std::vector<Diagnostic>& out);

}  // namespace cr
