// Crossroads core: the editor's view of a whole quiz -- how often each outcome is the result over the answer
// space, which answers weigh most when it is, and which outcomes or requirements no answers reach.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model.h"

namespace cr {

struct DecidingAnswer {
    std::string answer;  // "morning=slow", "mood=8" or "band=connoisseur"
    double share = 0;    // of the answer sets that reach the outcome, 0 to 1
};

struct OutcomeShare {
    int outcome = -1;
    double share = 0;                  // of all answer sets walked, 0 to 1
    std::vector<DecidingAnswer> top;   // at most 3, most frequent first
};

struct Exploration {
    bool exhaustive = true;
    double answer_sets = 0;   // walked in full (weighted count) or sampled (number of samples)
    std::vector<OutcomeShare> outcomes;  // in declared order
    std::vector<std::pair<int, int>> unmet_requirements;  // (outcome, requirement) no answer set meets
};

// Walks the answer space (space.h): every answer set when there are at most `bound`, else `bound` samples.
// For each answer set, the answer that weighed most for the result counts as the one that decided it.
// With `until_all_seen` (validate's use) the walk stops as soon as every outcome was reached and every requirement
// met; shares and deciding answers are then partial, and `unmet_requirements` and zero shares stay exact.
Exploration explore(const Quiz& quiz, size_t bound = 1000000, bool until_all_seen = false);

}  // namespace cr
