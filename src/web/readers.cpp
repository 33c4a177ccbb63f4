// Crossroads web edge, the readers' wasm's own call (docs/contract.md): checks a pre-checked form before main runs, so
// the page can start the full wasm instead when this one cannot read it. Linked into the readers' wasm only.
#include <emscripten.h>

#include <string>
#include <string_view>

#include "core/form.h"

// "" when the `size` bytes at `data` are a form this wasm reads, else why not (for the console). Needs no main().
extern "C" EMSCRIPTEN_KEEPALIVE const char* cr_check_form(const char* data, int size) {
    static std::string error;
    cr::Quiz quiz;
    error.clear();
    cr::read_form(std::string_view(data, static_cast<size_t>(size)), quiz, error);
    return error.c_str();
}
