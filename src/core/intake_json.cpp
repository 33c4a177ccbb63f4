// Crossroads core: read_quiz (intake.h) where the JSON loader is linked: a pre-checked form, or quiz JSON loaded and
// validated. In cr_core for the native programs; the full wasm links it as an object of its own (cmake/web.cmake).
#include "form.h"
#include "intake.h"

namespace cr {

LoadResult read_quiz(std::string_view bytes, bool reachability) {
    return is_form(bytes) ? load_form(bytes) : load_quiz(bytes, reachability);
}

}  // namespace cr
