// Crossroads app layer: the screen model, everything the UI draws worked out once per revision of the state
// (the result, its reasons, next steps, "what would change", the question's options in their order), so that
// drawing a frame computes nothing: a pointer moving over the results re-scores nothing.
#pragma once

#include <string>
#include <vector>

#include "app.h"
#include "core/advice.h"
#include "core/scoring.h"

namespace app {

enum class Screen { Loading, Errors, Start, Question, Results };

struct OptionView {
    int index = -1;          // in the question's options
    bool selected = false;
};

// A reason the result gives: the sentence (markdown) and the option's own explanation, if any.
struct ReasonView {
    std::string text, why;
};

struct ScreenModel {
    Screen screen = Screen::Loading;
    int revision = -1;                 // the state's revision this model was made from
    std::string name;                  // "start", "question:<id>", "results", "errors", "loading"
    int key = -2;                      // changes when another screen or question shows (the fade starts again)
    const cr::Quiz* quiz = nullptr;    // the quiz shown; valid while the state's revision is `revision`

    // Above every screen
    std::string notice;                // on the start screen: why a link failed
    bool shared = false, own_saved = false, adopt_offered = false;  // a shared result's banner
    std::string status;                // "Copied" under the buttons
    bool can_link = false, can_share = false;

    // Errors
    std::string source;
    std::vector<std::string> errors;   // formatted diagnostics (file:line:col: error: ...)

    // Start
    int question_count = 0;
    bool resume_offered = false;

    // Question
    int question = -1;
    cr::Progress progress;
    bool section_starts = false;
    std::vector<OptionView> options;   // in display order
    bool answered = false;             // the current question has an answer
    double value = 0;                  // scale: the value shown
    bool can_advance = false, last = false;

    // Results
    cr::Result result;
    cr::Answers answers;
    std::string decision;              // why this outcome (markdown)
    std::vector<ReasonView> reasons;
    std::vector<std::string> notes;    // answers that tipped it
    std::vector<cr::PlanItem> plan;
    bool changeable = false;           // the quiz marks answers "what would change" may change
    std::vector<std::string> changes;  // markdown, one per way the result would change
};

// The screen `state` shows. Pure: the same state gives the same model.
ScreenModel present(const State& state);

// The model of `state`, made again only when its revision moved on since `cache` was made. `presented` counts the
// times it was made (tests show a hover re-scores nothing with it).
const ScreenModel& screen_model(const State& state, ScreenModel& cache, int* presented = nullptr);

}  // namespace app
