// Crossroads web edge, the studio's calls (docs/contract.md): the profile runner and the status line. Linked into the
// full wasm only (cmake/web.cmake): the readers' wasm carries neither, nor the runner's JSON reading.
#include <emscripten.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/profiles.h"
#include "platform.h"

extern "C" {

// The studio's profiles panel: runs the reader profiles in `size` bytes at `data` (a `crossroads test` file named
// `source`) against the quiz on screen; returns cr::profiles_json's {"ok", "error", "failed", "profiles": [...]}.
EMSCRIPTEN_KEEPALIVE const char* cr_test_profiles(const char* data, int size, const char* source, int source_size) {
    web::App& a = web::app();
    std::vector<cr::ProfileVerdict> verdicts;
    std::string error;
    if (!a.loaded()) error = a.state.source + " has errors: fix them first";
    else if (!cr::run_profiles(a.loaded()->quiz, std::string_view(data, static_cast<size_t>(size)), verdicts, error))
        error = std::string(source, static_cast<size_t>(source_size)) + ": " + error;
    a.out = cr::profiles_json(verdicts, error);
    return a.out.c_str();
}

// The studio's status line for `count` problems found in the quiz it checks ("2 problems: see the marks in the
// margin."): the catalogue's plural forms, in English as the diagnostics it counts are.
EMSCRIPTEN_KEEPALIVE const char* cr_problem_count(int count) {
    web::app().out = cr::tr_count(cr::Catalogue(), cr::Key::ProblemCount, count);
    return web::app().out.c_str();
}

}  // extern "C"
