// Crossroads core: the space of a quiz's answer sets, walked in reading order so that a hidden question stays
// unanswered. Exhaustive up to a bound, sampled with a fixed seed beyond it. Used by validate (reachability of
// outcomes with requirements), `crossroads explore` and "what would change your result".
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "model.h"
#include "scoring.h"

namespace cr {

// One answer a question can be given, standing for `weight` real answers: a scale value stands for every value
// that adds the same weights and meets the same conditions.
struct Alternative {
    Answer answer;
    double weight = 1;
};

// Every answer question `index` can get, apart from leaving it unanswered, in declared order. Knowledge questions
// are not listed here (the walk sets them per band). `near` picks, for each scale class, the value closest to it;
// with `above`, only a scale's classes with values above `near` are listed, as their value nearest above it, and
// never the class of `near` itself. Sets `approximate` when a multiple-choice question has
// too many options to list every subset.
std::vector<Alternative> alternatives(const Quiz& quiz, int index, double near, bool& approximate, bool above = false);

// Knowledge answers that land in each band: one Answers per reachable band (questions outside the knowledge
// sections unanswered), in band order, with the band index. Empty when the quiz has no knowledge questions.
std::vector<std::pair<int, Answers>> band_answers(const Quiz& quiz);

struct Walk {
    bool exhaustive = true;
    double answer_sets = 0;  // weighted count visited (exhaustive), or the number of samples
    size_t visits = 0;
};

// Calls visit(answers, weight) for every answer set, or for `bound` samples (fixed seed; weight 1) when there
// are more than `bound`, until visit returns false. The knowledge part counts as one answer set per reachable band,
// plus skipped when it can be.
Walk walk_answer_space(const Quiz& quiz, size_t bound, const std::function<bool(const Answers&, double)>& visit);

}  // namespace cr
