// Crossroads core: a session as a compact URL-safe string and back, for resume and share links.
// The string carries the quiz id and version and a checksum; anything corrupt, truncated or stale is refused.
#pragma once

#include <string>
#include <string_view>

#include "model.h"
#include "session.h"

namespace cr {

// e.g. "cr1.tea-or-coffee.1.5yc1s.q4.0-1-2~3-7.1k2j3h" (only letters, digits and . - ~ _).
std::string encode_session(const Quiz& quiz, const SessionState& state);

// On success fills `out` and returns true; otherwise sets `error` to a sentence for the reader.
bool decode_session(const Quiz& quiz, std::string_view text, SessionState& out, std::string& error);

// The quiz's shape, which the saved progress is kept under beside its id and version (src/web/storage.cpp), so two
// quizzes with the same id and version never share it: FNV-1a (32 bits) over "question:type:option,option;" for each
// question in order (its id, its type as the file says it, its options' ids; a scale has none), as 8 hex digits.
// Texts, weights, conditions and a scale's bounds are not part of it.
std::string quiz_shape(const Quiz& quiz);

}  // namespace cr
