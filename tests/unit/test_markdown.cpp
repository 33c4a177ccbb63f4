// Markdown subset: paragraphs, bullets, bold runs, tables and escapes, as the results screen draws them, and
// literal(), which must make any plain text read as itself.
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

TEST_CASE("markdown: a blank line ends a table, so two tables stay two") {
    const auto blocks = parse_markdown("| Internship | Junior |\n|---|---|\n| 3 months | 1 year |\n\n| Stack | Salary |\n|---|---|\n| Python | $70,000 |");
    REQUIRE(blocks.size() == 2);
    for (const Block& b : blocks) {
        REQUIRE(b.kind == BlockKind::Table);
        CHECK(b.rows.size() == 2);
    }
    CHECK(plain_text(blocks[1].rows[0][0]) == "Stack");
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

TEST_CASE("markdown: a backslash keeps markup characters as text") {
    const auto blocks = parse_markdown("\\- not a bullet \\*\\*plain\\*\\* \\[x\\](https://a.org) C:\\dir a\\b");
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].kind == BlockKind::Paragraph);
    REQUIRE(blocks[0].text.size() == 1);
    CHECK(blocks[0].text[0].href.empty());
    CHECK_FALSE(blocks[0].text[0].bold);
    CHECK(blocks[0].text[0].text == "- not a bullet **plain** [x](https://a.org) C:\\dir a\\b");
    const auto cells = parse_markdown("| a \\| b | c |");
    REQUIRE(cells.size() == 1);
    REQUIRE(cells[0].rows.size() == 1);
    REQUIRE(cells[0].rows[0].size() == 2);
    CHECK(plain_text(cells[0].rows[0][0]) == "a | b");
}

TEST_CASE("markdown: a link to an address that may not be opened is text as written, never a run with it") {
    const auto blocks = parse_markdown("Go [here](javascript:alert(1)) or [there](https://x.org).");
    REQUIRE(blocks.size() == 1);
    CHECK(plain_text(blocks[0].text) == "Go [here](javascript:alert(1)) or there.");
    for (const Run& r : blocks[0].text) CHECK((r.href.empty() || r.href == "https://x.org"));
    // validate still sees the address, to report it
    CHECK(links_in("Go [here](javascript:alert(1)).") == std::vector<std::string>{"javascript:alert(1)"});
}

TEST_CASE("markdown: literal text reads as itself wherever it is put, and the halves of a link never meet") {
    for (const std::string plain : {"[Alpha", "](javascript:void(0))", "**bold**", "- a", "* b", "| c | d |", "a\\b\\[",
                                    "x\\", "[a](https://x.org)", "  - indented", "-1", "\\](javascript:x)"}) {
        INFO(plain);
        const auto blocks = parse_markdown(literal(plain).source);
        REQUIRE(blocks.size() == 1);
        CHECK(blocks[0].kind == BlockKind::Paragraph);
        CHECK(plain_text(blocks[0].text) == std::string(plain.substr(plain.find_first_not_of(' '))));
        for (const Run& r : blocks[0].text) {
            CHECK(r.href.empty());
            CHECK_FALSE(r.bold);
        }
    }
    CHECK(literal("two\nlines").source == "two lines");
    // A template's "[" and a value's "](...)" stay apart; so do two values.
    const std::string joined = "[" + literal("Alpha").source + " and " + literal("](https://evil.example)").source;
    CHECK(plain_text(parse_markdown(joined)[0].text) == "[Alpha and ](https://evil.example)");
    CHECK(links_in(literal("[a").source + literal("](https://evil.example)").source).empty());
    CHECK(plain_text(Markdown{"Para **one**.\n\n- item [x](https://x.org)\n| a | b |"}) == "Para one.\n- item x\na | b");
}
