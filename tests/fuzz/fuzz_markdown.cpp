// libFuzzer target: any bytes as text in the markdown subset (paragraphs, "- " bullets, **bold**, "|" tables).
// Parsing must never fail, and no text may be invented: the plain text of every block comes from the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/markdown.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    size_t plain = 0;
    for (const cr::Block& block : cr::parse_markdown(text)) {
        plain += cr::plain_text(block.text).size();
        for (const auto& row : block.rows)
            for (const cr::Line& cell : row) plain += cr::plain_text(cell).size();
    }
    // Paragraph lines are joined with one space each, so the plain text is at most the input plus one per line.
    crf::require(plain <= 2 * size + 1, "the parsed text is longer than the input allows");
    return 0;
}
