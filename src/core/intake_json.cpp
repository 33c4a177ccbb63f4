// Crossroads core: read_quiz (intake.h) where the JSON loader is linked: quiz JSON, loaded and validated. In cr_core
// for the native programs; the full wasm links it as an object of its own (cmake/web.cmake).
#include "intake.h"

namespace cr {

LoadResult read_quiz(std::string_view bytes, bool reachability) { return load_quiz(bytes, reachability); }

}  // namespace cr
