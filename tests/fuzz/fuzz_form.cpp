// libFuzzer target: the pre-checked form's reader (src/core/form.h). The first byte picks what the rest is: a whole
// form; cuts and flipped bytes of the shipped quiz's real form; a payload sealed with a valid header, so the reader
// walks arbitrary fields; or the real form's payload with flipped bytes, sealed again, so quizzes that read cleanly
// but name what is not there reach the reader's check. Whatever it refuses, it says why; whatever it reads must write
// and read back to the same form, and a reader's session of it (as fuzz_loader drives one) must run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/form.h"
#include "fuzz_support.h"

namespace {

void read_back(const std::string& form, crf::Bytes session) {
    cr::Quiz quiz;
    std::string error;
    if (!cr::read_form(form, quiz, error)) {
        crf::require(!error.empty(), "a refused form has no message");
        return;
    }
    crf::require(error.empty(), "a form read has an error");
    const std::string again = cr::write_form(quiz);
    cr::Quiz back;
    crf::require(cr::read_form(again, back, error), "a form written from a read one is refused");
    crf::require(cr::write_form(back) == again, "a form changed in a write and read");
    crf::drive_session(quiz, session);
}

// Flips bits in `text` where the rest of `bytes` says, in triples: a place (two bytes) and the bits to flip there.
std::string damage(std::string text, crf::Bytes& bytes) {
    while (!bytes.done() && !text.empty()) {
        const size_t at = (size_t{bytes.next()} << 8 | bytes.next()) % text.size();
        text[at] = static_cast<char>(text[at] ^ (bytes.next() | 1));
    }
    return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string real = cr::write_form(crf::shipped_quiz("content/python-path.json"));
    static const size_t header = cr::seal_form("").size();
    crf::Bytes bytes(data, size);
    const crf::Bytes session = bytes;  // the same bytes drive a session of whatever reads
    const uint8_t first = bytes.next();
    const uint8_t mode = first % 4;
    const std::string rest(reinterpret_cast<const char*>(data) + (size ? 1 : 0), size ? size - 1 : 0);
    if (mode == 0) {
        read_back(rest, session);
    } else if (mode == 1) {
        // A first byte of 128 or more also cuts the damaged form after a place the input's length picks.
        const std::string damaged = damage(real, bytes);
        const size_t cut = first >= 128 ? (size * 131) % damaged.size() : damaged.size();
        read_back(damaged.substr(0, cut), session);
    } else if (mode == 2) {
        read_back(cr::seal_form(rest), session);
    } else {
        read_back(cr::seal_form(damage(real.substr(header), bytes)), session);
    }
    return 0;
}
