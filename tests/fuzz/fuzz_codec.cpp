// libFuzzer target: any bytes as a share or resume string (decode_session) and as the CLI's --answers text
// (parse_answers), against the shipped quizzes. Whatever decodes must restore a session, score, report and
// encode back to the same state; whatever parses must score and report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/report.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const cr::Quiz quizzes[] = {crf::shipped_quiz("tests/fixtures/mini.json"),
                                       crf::shipped_quiz("content/python-path.json")};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const cr::Quiz& quiz : quizzes) {
        cr::SessionState state;
        std::string error;
        if (cr::decode_session(quiz, text, state, error)) {
            crf::require(error.empty(), "a decoded link also has an error");
            crf::check_round_trip(quiz, state);
            const cr::Session session(quiz, state);
            (void)cr::result_text(quiz, session.state().answers, session.result());
        } else {
            crf::require(!error.empty(), "a refused link has no message");
        }
        cr::Answers answers;
        error.clear();
        if (cr::parse_answers(quiz, text, answers, error)) {
            const cr::Result result = cr::score(quiz, answers);
            (void)cr::result_text(quiz, answers, result);
            (void)cr::result_json(quiz, answers, result);
        } else {
            crf::require(!error.empty(), "refused answers have no message");
        }
    }
    return 0;
}
