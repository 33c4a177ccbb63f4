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

TEST_CASE("markdown: a link is a run with its address; what only looks like one stays text") {
    const auto blocks = parse_markdown("Read [the next part](https://example.org/next) or **[a bold link](mailto:a@b.c)**. [not](a link) [x]");
    REQUIRE(blocks.size() == 1);
    const Line& l = blocks[0].text;
    REQUIRE(l.size() == 5);
    CHECK(l[0].text == "Read ");
    CHECK(l[1].text == "the next part");
    CHECK(l[1].href == "https://example.org/next");
    CHECK(l[3].text == "a bold link");
    CHECK(l[3].bold);
    CHECK(l[3].href == "mailto:a@b.c");
    CHECK(l[4].href.empty());
    CHECK(l[4].text == ". [not](a link) [x]");
    CHECK(plain_text(l) == "Read the next part or a bold link. [not](a link) [x]");
}

TEST_CASE("markdown: only http, https and mailto addresses may be opened") {
    CHECK(link_problem("https://example.org").empty());
    CHECK(link_problem("http://example.org/a?b=c").empty());
    CHECK(link_problem("mailto:editor@example.org").empty());
    CHECK(link_problem("javascript:alert(1)") ==
          "the link address 'javascript:alert(1)' cannot be opened from a quiz: use a full address starting with "
          "https://, http:// or mailto:");
    CHECK(!link_problem("next.html").empty());
    CHECK(!link_problem("https://").empty());
    CHECK(links_in("- [a](https://x.org)\n| [b](mailto:c@d.e) |") == std::vector<std::string>{"https://x.org", "mailto:c@d.e"});
}
