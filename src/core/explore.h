// Crossroads core: the editor's view of a whole quiz -- how often each outcome is the result over the answer
// space (or the part of it a filter picks), how often each decision rule decides, which answers weigh most, and
// which outcomes, requirements or rules no answers reach.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
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

// How one decision rule (Quiz::rules) fared: the answer sets whose condition holds, and those it decided (the rest
// were decided by an earlier rule: shadowed). Shares of the answer sets counted, 0 to 1.
struct RuleShare {
    int rule = -1;
    double holds = 0, decided = 0;
};

struct Exploration {
    bool exhaustive = true;
    double answer_sets = 0;   // counted: walked in full (weighted) or sampled (number of samples), the filter's only
    std::vector<OutcomeShare> outcomes;  // in declared order
    std::vector<RuleShare> rules;        // in declared order
    std::vector<std::pair<int, int>> unmet_requirements;  // (outcome, requirement) no answer set meets
};

// A filter for explore: "question=option+option" (one of these picked) or "question=min..max" (a scale value in
// the range, inclusive), comma-separated; all must hold. False with `error` for an unknown id or a bad range.
bool parse_where(const Quiz& quiz, std::string_view spec, Rule& out, std::string& error);

// Walks the answer space (space.h): every answer set when there are at most `bound`, else `bound` samples.
// For each answer set, the answer that weighed most for the result counts as the one that decided it.
// With `until_all_seen` (validate's use) the walk stops as soon as every outcome was reached, every requirement
// met and every rule has decided; shares and deciding answers are then partial, and `unmet_requirements` and zero
// shares stay exact.
// With `where`, only the answer sets it holds for are counted (shares are of those).
Exploration explore(const Quiz& quiz, size_t bound = 1000000, bool until_all_seen = false, const Rule* where = nullptr);

}  // namespace cr
