// Crossroads core: read_quiz (intake.h) in the readers' wasm: a pre-checked form only, so neither the JSON loader nor
// the validator is linked. Anything else is refused; the page then falls back to the full wasm (web/page/quiz.js).
#include "form.h"
#include "intake.h"

namespace cr {

LoadResult read_quiz(std::string_view bytes, bool) { return load_form(bytes); }

}  // namespace cr
