// Crossroads core: the page protocol. What the page (web/app.js, host pages through events, tests) reads of the
// widget: one JSON snapshot of the session, next to the result JSON of report.h. Shapes are fixed by
// tests/unit/test_protocol.cpp.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.h"
#include "model.h"
#include "session.h"

namespace cr {

// What the platform adds to the session: its offers, notices and counters.
struct PageInfo {
    int frames = 0;               // frames drawn so far
    bool resume_offered = false;  // "Continue where you left off?" is on screen
    bool shared = false;          // the session shown came from a share link
    bool adopt_offered = false;   // ... and the reader is asked whether it becomes theirs
    std::string notice;           // a message above the start screen ("This share link could not be opened ...")
    std::string status;           // the short confirmation under the result's buttons
};

// {"frames":3,"errors":["file:1:2: error: ..."],"screen":"start"|"question"|"results"|"error",
//  "quiz":"id","version":1,"title":..,"intro":..,"question":"id"|null,"position":2,"total":9 (among all questions
//  likely shown), "progress":{"part":1,"parts":2,"position":2,"total":9} (within the part, as drawn),
//  "kind","prompt","code","section","can_advance","scale":{min,max,step,min_label,max_label,value} (question screen),
//  "answers":{"question-id":["option-id",...] | number},  (answers of questions the reader can see)
//  "result":null | result_json + outcome_title, outcome_summary, band_title, band_feedback,
//  "resume_offered","shared","adopt_offered","notice","status"}
// "language": the quiz's BCP 47 tag as written (for <html lang>), "en" on the error screen, whose words are English.
// With no session (the quiz did not load) only frames, errors, "screen":"error" and "language" are given.
std::string page_state_json(const Session* session, const std::vector<Diagnostic>& errors, const std::string& source,
                            const PageInfo& info);

}  // namespace cr
