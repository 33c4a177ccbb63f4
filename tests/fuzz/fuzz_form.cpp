// libFuzzer target: the pre-checked form's reader (src/core/form.h). The first byte picks what the rest is: a whole
// form; cuts and flipped bytes of the shipped quiz's real form; or a payload sealed with a valid header, so the reader
// walks arbitrary fields. Whatever it reads must write and read back to the same form; whatever it refuses, it says why.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/form.h"
#include "fuzz_support.h"

namespace {

void read_back(const std::string& form) {
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
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string real = cr::write_form(crf::shipped_quiz("content/python-path.json"));
    crf::Bytes bytes(data, size);
    const uint8_t first = bytes.next();
    const uint8_t mode = first % 3;
    const std::string rest(reinterpret_cast<const char*>(data) + (size ? 1 : 0), size ? size - 1 : 0);
    if (mode == 0) {
        read_back(rest);
    } else if (mode == 1) {
        // Triples of bytes: a place in the form (two bytes) and the bits to flip there; a first byte of 128 or more
        // also cuts the form after a place the input's length picks.
        std::string damaged = real;
        while (!bytes.done()) {
            const size_t at = (size_t{bytes.next()} << 8 | bytes.next()) % damaged.size();
            damaged[at] = static_cast<char>(damaged[at] ^ (bytes.next() | 1));
        }
        const size_t cut = first >= 128 ? (size * 131) % damaged.size() : damaged.size();
        read_back(damaged.substr(0, cut));
    } else {
        read_back(cr::seal_form(rest));
    }
    return 0;
}
