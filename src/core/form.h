// Crossroads core: the pre-checked form of a quiz, a compact binary copy of a validated cr::Quiz that the build writes
// (`crossroads compile`) and the readers' wasm reads without the JSON loader. Written and read from one field list.
#pragma once

#include <string>
#include <string_view>

#include "loader.h"
#include "model.h"

namespace cr {

// Raised whenever the field list in form.cpp changes: a form of another version is refused, never misread.
inline constexpr unsigned kFormVersion = 1;

// The form of `quiz` (one load_quiz accepted): "CRQF", the format version, the payload's length and checksum, the
// payload (every field of the model, in the order of form.cpp's field list).
std::string write_form(const Quiz& quiz);

// `payload` behind the form's header (magic, version, its length and checksum): write_form's last step.
std::string seal_form(std::string_view payload);

// True when `bytes` begin with the form's magic (whatever their version or state).
bool is_form(std::string_view bytes);

// Reads a form into `quiz`; false with a sentence in `error` when it is not one, another version, truncated, damaged
// (its checksum) or holds a value out of range. Never throws, never reads past `bytes`.
bool read_form(std::string_view bytes, Quiz& quiz, std::string& error);

// read_form as a load: ok and the quiz, or ok false and the refusal as one error for the whole document.
LoadResult load_form(std::string_view bytes);

}  // namespace cr
