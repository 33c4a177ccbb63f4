// Crossroads core: quiz file text in, a validated Quiz or every problem found out.
// Never throws, never aborts; each diagnostic carries a JSON path and line:column.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "model.h"

namespace cr {

// Sizes no reader would ever reach, in characters (Unicode code points) as readers see them: one text, one word
// without a place to break the line (a space, or between Chinese or Japanese characters), and all the text of one
// screen with everything on it opened. The shipped quiz's longest text has about 1,600 characters, its longest word
// 35, its results screen with every part open about 17,000. A file over them is refused with the text's line:column,
// so what a frame lays out and the page's text layer carry stay bounded (docs/content-format.md, section 3). The
// page's canvas is as tall as the screen: 32,000 characters of wide letters on a 320 px phone make about 31,000 CSS
// px, which at half density stays within the 16,384 px every WebGL2 GPU draws.
inline constexpr size_t kMaxTextChars = 10000;
inline constexpr size_t kMaxWordChars = 1000;
inline constexpr size_t kMaxScreenChars = 32000;

struct LoadResult {
    bool ok = false;  // true when there is no error (warnings allowed); `quiz` is then usable
    Quiz quiz;
    std::vector<Diagnostic> diagnostics;  // errors and warnings in document order of discovery
};

// `reachability` false skips the walk of the answer space that finds outcomes no answers reach (and requirements
// none meet): an editor's verdict, which `validate` and the preview give; a reader's page needs only the quiz.
LoadResult load_quiz(std::string_view text, bool reachability = true);

}  // namespace cr
