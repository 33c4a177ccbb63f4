// Shared by the libFuzzer targets: fuzz bytes read as a stream of small decisions, the shipped quizzes
// loaded once, and a check that stops the run (a finding) when an invariant of the core does not hold.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/codec.h"
#include "core/loader.h"
#include "core/report.h"
#include "core/session.h"

namespace crf {

// Aborts with a message: libFuzzer records the input as a crash.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// The fuzz bytes as decisions; past the end every decision is 0, so any input drives a finite run.
class Bytes {
public:
    Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    uint8_t next() { return at_ < size_ ? data_[at_++] : 0; }
    bool done() const { return at_ >= size_; }

private:
    const uint8_t* data_;
    size_t size_;
    size_t at_ = 0;
};

// A quiz file of the repository (CR_SOURCE_DIR/relative), which must load without errors.
inline cr::Quiz shipped_quiz(const char* relative) {
    std::ifstream in(std::string(CR_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    cr::LoadResult loaded = cr::load_quiz(text.str());
    require(loaded.ok, "a shipped quiz does not load");
    return std::move(loaded.quiz);
}

// A session state survives encode and decode unchanged (scale values to within rounding).
inline void check_round_trip(const cr::Quiz& quiz, const cr::SessionState& state) {
    const std::string text = cr::encode_session(quiz, state);
    cr::SessionState back;
    std::string error;
    require(cr::decode_session(quiz, text, back, error), "an encoded session does not decode");
    require(back.screen == state.screen && back.seed == state.seed, "screen or seed changed in a round trip");
    require(state.screen != cr::Screen::Question || back.current == state.current, "position changed in a round trip");
    for (size_t i = 0; i < quiz.questions.size(); ++i) {
        const cr::Answer& a = state.answers[i];
        const cr::Answer& b = back.answers[i];
        require(a.given == b.given, "an answer appeared or vanished in a round trip");
        if (!a.given) continue;
        require(a.options == b.options, "picked options changed in a round trip");
        require(std::fabs(a.value - b.value) <= 1e-6 * std::max(1.0, std::fabs(a.value)), "a scale value changed in a round trip");
    }
}

// One reader command chosen by the next byte; the byte after it picks the option or the scale value.
inline void step(cr::Session& s, Bytes& bytes) {
    const uint8_t command = bytes.next();
    switch (command % 6) {
        case 0: s.start(); break;
        case 1: {
            const int current = s.current();
            const uint8_t pick = bytes.next();
            if (current >= 0) s.select(static_cast<int>(pick % (s.quiz().questions[current].options.size() + 1)) - (pick & 1));
            break;
        }
        case 2: {
            const int current = s.current();
            if (current < 0) break;
            const cr::Scale& scale = s.quiz().questions[current].scale;
            s.set_value(scale.min + (scale.max - scale.min) * (bytes.next() - 16) / 200.0);
            break;
        }
        case 3: s.next(); break;
        case 4: s.back(); break;
        default:
            if (command == 255) s.restart();
            else s.next();
    }
}

// A reader's session of `quiz` that the rest of `bytes` drives (start, pick, slide, next, back, restart), scored,
// reported, and its state carried through an encode/decode round trip at every step.
inline void drive_session(const cr::Quiz& quiz, Bytes& bytes) {
    cr::Session session(quiz, 1u + bytes.next());
    for (int i = 0; i < 256 && !bytes.done(); ++i) {
        step(session, bytes);
        (void)session.position();
        (void)session.total();
        if (session.current() >= 0) (void)session.option_order(session.current());
        check_round_trip(quiz, session.state());
    }
    const cr::Result result = session.result();
    (void)cr::result_text(quiz, session.state().answers, result);
    (void)cr::result_json(quiz, session.state().answers, result);
    (void)cr::Session(quiz, session.state()).result();  // as a resumed reader would see it
}

}  // namespace crf
