// libFuzzer target: any bytes as a quiz file. Every diagnostic must format; a quiz that loads is then taken
// by a session the same bytes drive (start, pick, slide, next, back, restart), scored, reported, and its
// state must survive an encode/decode round trip.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/report.h"
#include "fuzz_support.h"

namespace {

// One reader command chosen by the next byte; the byte after it picks the option or the scale value.
void step(cr::Session& s, crf::Bytes& bytes) {
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const cr::LoadResult loaded = cr::load_quiz(text);
    for (const auto& d : loaded.diagnostics) {
        crf::require(d.line > 0 && d.column > 0, "a diagnostic without a line:column");
        (void)cr::format_diagnostic(d, "quiz.json");
    }
    if (!loaded.ok) return 0;
    const cr::Quiz& quiz = loaded.quiz;
    crf::Bytes bytes(data, size);
    cr::Session session(quiz, 1u + bytes.next());
    for (int i = 0; i < 256 && !bytes.done(); ++i) {
        step(session, bytes);
        (void)session.position();
        (void)session.total();
        if (session.current() >= 0) (void)session.option_order(session.current());
        crf::check_round_trip(quiz, session.state());
    }
    const cr::Result result = session.result();
    (void)cr::result_text(quiz, session.state().answers, result);
    (void)cr::result_json(quiz, session.state().answers, result);
    (void)cr::Session(quiz, session.state()).result();  // as a resumed reader would see it
    return 0;
}
