// libFuzzer target: any bytes as a quiz file. Every diagnostic must format; a quiz that loads is then taken
// by a session the same bytes drive (start, pick, slide, next, back, restart), scored, reported, and its
// state must survive an encode/decode round trip.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const cr::LoadResult loaded = cr::load_quiz(text);
    for (const auto& d : loaded.diagnostics) {
        crf::require(d.line > 0 && d.column > 0, "a diagnostic without a line:column");
        (void)cr::format_diagnostic(d, "quiz.json");
    }
    if (!loaded.ok) return 0;
    crf::Bytes bytes(data, size);
    crf::drive_session(loaded.quiz, bytes);
    return 0;
}
