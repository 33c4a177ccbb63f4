// Crossroads core: words the page and the CLI share, so one thing has one name wherever a reader or an
// editor meets it (the review's verdicts, the plan's check boxes).
#pragma once

#include "scoring.h"

namespace cr {

// The verdict on one knowledge answer: "Right", "Partly right", "Not quite" or "Skipped".
inline const char* verdict_word(const ReviewItem& item) {
    return item.correct ? "Right" : !item.answered ? "Skipped" : item.points > 0 ? "Partly right" : "Not quite";
}

// A plan item as plain text: "[x] " when done, "[ ] " when not.
inline const char* tick_mark(bool done) { return done ? "[x] " : "[ ] "; }

}  // namespace cr
