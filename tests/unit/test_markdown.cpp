// Markdown subset: paragraphs, bullets, bold runs and tables, as the results screen draws them.
#include <doctest/doctest.h>

#include "core/markdown.h"

using namespace cr;

TEST_CASE("markdown: paragraphs are joined lines separated by blank lines") {
    const auto blocks = parse_markdown("One line\ncontinues here.\n\nSecond paragraph.");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == BlockKind::Paragraph);
    CHECK(plain_text(blocks[0].text) == "One line continues here.");
    CHECK(plain_text(blocks[1].text) == "Second paragraph.");
}

TEST_CASE("markdown: bullets and bold runs") {
    const auto blocks = parse_markdown("- **Pros:** mentorship\n- a foot in the door");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == BlockKind::Bullet);
    REQUIRE(blocks[0].text.size() == 2);
    CHECK(blocks[0].text[0].bold);
    CHECK(blocks[0].text[0].text == "Pros:");
    CHECK_FALSE(blocks[0].text[1].bold);
    CHECK(blocks[0].text[1].text == " mentorship");
}

TEST_CASE("markdown: a table drops its separator row and keeps cells") {
    const auto blocks = parse_markdown("| | Internship | Junior |\n|---|---|---|\n| Salary | $2,000 | $70,000 |\n\nAfter.");
    REQUIRE(blocks.size() == 2);
    REQUIRE(blocks[0].kind == BlockKind::Table);
    REQUIRE(blocks[0].rows.size() == 2);
    CHECK(blocks[0].rows[0].size() == 3);
    CHECK(plain_text(blocks[0].rows[1][2]) == "$70,000");
    CHECK(plain_text(blocks[1].text) == "After.");
}

TEST_CASE("markdown: an unclosed bold marker stays harmless") {
    const auto blocks = parse_markdown("**open");
    REQUIRE(blocks.size() == 1);
    CHECK(plain_text(blocks[0].text) == "open");
}
