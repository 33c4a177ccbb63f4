// Crossroads core: scoring, from a reader's answers to outcome totals, the chosen outcome and why,
// and the knowledge score with its band and a per-question review. Pure functions.
#pragma once

#include <vector>

#include "model.h"

namespace cr {

struct Answer {
    bool given = false;
    std::vector<int> options;  // selected option indices (single/true_false: one)
    double value = 0;          // scale value
};
using Answers = std::vector<Answer>;  // one per Quiz::questions entry

// Which questions are shown for these answers: section and question conditions, in reading order.
// With `likely`, a "none_of" condition on a question not answered yet counts as met: such a question will
// most probably be shown, so progress ("3 of 10") counts it from the start instead of jumping later.
std::vector<bool> visible_questions(const Quiz& quiz, const Answers& answers, bool likely = false);

// Whether question `index` is shown, given `visible` filled in for every question before it (reading order).
bool shown_after(const Quiz& quiz, const Answers& answers, const std::vector<bool>& visible, int index);

// Whether a requirement's, next step's or decision rule's condition holds; `band` is the reader's band index, -1
// when the knowledge part was skipped (a band leaf is then false). `unmet` (Result::unmet) answers requirement
// leaves; without it they are false (validate allows them only in decision rules).
bool rule_met(const Quiz& quiz, const Answers& answers, const std::vector<bool>& visible, int band, const Rule& rule,
              const std::vector<std::vector<int>>* unmet = nullptr);

struct Contribution {
    int question = -1;  // source question, or -1 for a knowledge band
    int option = -1;    // selected option, or -1 for a scale value or a band
    int band = -1;
    int outcome = 0;
    double weight = 0;
};

struct ReviewItem {
    int question = 0;
    bool answered = false;
    bool correct = false;  // full points
    double points = 0, max_points = 0;
};

struct Decision {
    int chosen = -1;          // outcome index, -1 when the quiz has no outcomes
    bool tie_fired = false;   // the tie rule chose `chosen`
    int tied_a = -1, tied_b = -1;  // the two close outcomes when it fired
    int blocked = -1;         // the outcome highest on points when its requirements kept it from being chosen
    int rule = -1;            // the decision rule (Quiz::rules) that chose `chosen`, or -1 when points did
};

struct Result {
    std::vector<double> totals;  // per outcome
    Decision decision;
    std::vector<Contribution> contributions;  // every non-zero weight that counted, strongest first
    bool has_knowledge = false;               // at least one knowledge question was shown and answered
    double knowledge_points = 0, knowledge_max = 0, knowledge_percent = 0;
    int band = -1;
    std::vector<ReviewItem> review;  // shown knowledge questions, in order
    std::vector<std::vector<int>> unmet;  // per outcome: indices of its requirements that do not hold
};

// The tie rule, then highest total, then declared order, among the outcomes marked `open` (empty: all open).
// An outcome not open is never chosen, also not as the tie rule's winner; the tie rule looks only at open
// outcomes. When no outcome is open, `chosen` is -1 (validate refuses a quiz where every outcome has requirements).
Decision decide(const Quiz& quiz, const std::vector<double>& totals, const std::vector<bool>& open = {});

// The band that `percent` falls in, or -1.
int band_for(const Quiz& quiz, double percent);

// Points a knowledge question earns for an answer.
double knowledge_points(const Question& q, const Answer& a);

// Totals, requirements, then the decision: the first decision rule whose condition holds, else decide() on points.
Result score(const Quiz& quiz, const Answers& answers);

// How many times score() has run in this process: tests show with it that drawing a frame re-scores nothing.
unsigned long score_runs();

// The contributions that explain the decision: for the chosen outcome (or, when the tie rule fired,
// for the two tied ones), strongest first, at most `limit`.
std::vector<Contribution> top_reasons(const Result& result, size_t limit);

}  // namespace cr
