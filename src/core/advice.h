// Crossroads core: advice built on a result -- what would change it (the fewest changes to answers the editor
// marked changeable that give each other outcome, worded as steps to take), the chosen outcome's next steps with
// what is already done, the requirements that kept an outcome out, and the answers that settled it. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "markdown.h"
#include "model.h"
#include "scoring.h"

namespace cr {

struct AnswerChange {
    int question = -1;
    Answer answer;  // the new answer
};

// For one other outcome: the fewest changes that make it the result, or none found within the bound.
struct ChangePath {
    int outcome = -1;
    bool found = false;
    std::vector<AnswerChange> changes;  // in reading order; empty when not found
};

// At most this many answers change in one path; more is not a "small change".
constexpr int kMaxChanges = 2;

// One ChangePath per outcome other than the result's, in declared order. Only questions marked `changeable` are
// changed (a `forward` one only to a later option or a higher value); knowledge answers never are. Exact: every
// set of 1, then up to kMaxChanges changes is tried, so a path found is as short as any; among equals it changes
// the fewest questions named by the outcome's requirements that already hold (the missing one comes first), then
// goes the shortest distance (options apart, scale classes passed), then comes first in reading order.
// Bounded by kMaxChanges and by `budget` scorings in all (paths not found by then are reported as not found; when
// the budget ends within a size, a path found there is as short as any but may not be the preferred one).
std::vector<ChangePath> what_would_change(const Quiz& quiz, const Answers& answers, size_t budget = 200000);

// "If you could brew it slowly, the result would be "Tea"." when every new answer has a `step`, else "If you
// answered "Slow and quiet" to "How do you like your mornings?", the result would be "Tea"." or, when not found,
// "No small change to your answers would make "Tea" the result."; markdown, every value literal.
Markdown change_text(const Quiz& quiz, const ChangePath& path);

struct PlanItem {
    std::string text;
    bool done = false;  // the step's done_if holds for these answers
};

// The next steps of the chosen outcome whose show_if holds (empty when there is no outcome), in declared order.
std::vector<PlanItem> next_steps(const Quiz& quiz, const Answers& answers, const Result& result);

// The editor's sentences for the requirements of `outcome` that do not hold, in declared order.
std::vector<std::string> missing_requirements(const Quiz& quiz, const Result& result, int outcome);

// The `tipped` sentences of answered questions that settled the result: left unanswered, another outcome would win.
std::vector<std::string> tipped_notes(const Quiz& quiz, const Answers& answers, const Result& result);

}  // namespace cr
