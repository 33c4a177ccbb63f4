// Crossroads core: a reader's session -- which screen, which question, the answers so far --
// and the commands the UI issues (select, next, back, restart). Holds no view state.
#pragma once

#include <cstdint>
#include <vector>

#include "model.h"
#include "scoring.h"

namespace cr {

enum class Screen { Start, Question, Results };

// Where the reader is, as progress shows it. A section shown only for some answers (it has a condition) starts a
// new part, so opting into one never makes the count run backwards: "Part 2 of 2: question 3 of 15".
struct Progress {
    int part = 1, parts = 1;      // 1-based; parts counts the parts likely shown
    int position = 0, total = 0;  // the question within its part, and the part's questions likely shown
};

struct SessionState {
    Screen screen = Screen::Start;
    int current = -1;        // question index while on Screen::Question
    uint32_t seed = 1;       // option shuffling
    Answers answers;         // one per question; kept even when a branch hides the question
};

// The reader's place and answers carried from one version of a quiz to an edited one, matched by question and
// option ids: answers to questions or options that no longer exist are dropped, and the reader stays on the same
// question where it still exists (the Session constructor moves them on when it is no longer shown).
SessionState carry_over(const Quiz& from, const SessionState& state, const Quiz& to);

class Session {
public:
    Session(const Quiz& quiz, uint32_t seed);
    Session(const Quiz& quiz, SessionState state);  // restores; fixes a position that is no longer shown

    const Quiz& quiz() const { return *quiz_; }
    const SessionState& state() const { return state_; }
    Screen screen() const { return state_.screen; }
    int current() const { return state_.current; }
    const Answer& answer(int question) const { return state_.answers[question]; }

    // Commands. Each returns false (and changes nothing) when it does not apply.
    bool start();
    bool select(int option);        // single/true_false: choose; multiple: toggle within max
    bool set_value(double value);   // scale: snapped to the step and clamped
    bool next();                    // to the next shown question, or to the results
    bool back();                    // to the previous shown question, or to the start screen
    void restart();                 // clears every answer, back to the start screen

    bool can_advance() const;       // the current question is answered enough (or optional)
    std::vector<int> shown_questions() const;  // indices shown for the current answers, in order
    bool section_starts() const;    // the current question is the first one shown of its section
    int position() const;           // 1-based among the questions likely shown; 0 when not on a question
    int total() const;              // questions likely shown (see visible_questions' `likely`)
    Progress progress() const;      // the same within the current part (zeros when not on a question)
    std::vector<int> option_order(int question) const;  // display order, shuffled per seed when asked
    Result result() const;

private:
    int next_shown_after(int question) const;
    int prev_shown_before(int question) const;
    void move_to(int question, Screen otherwise);  // to that question, or to `otherwise` when it is -1

    const Quiz* quiz_;
    SessionState state_;
};

}  // namespace cr
