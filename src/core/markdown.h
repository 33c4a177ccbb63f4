// Crossroads core: the small markdown subset used in quiz text -- paragraphs, "- " bullets, **bold**,
// [links](https://...), "|" tables and backslash escapes -- parsed into blocks of styled runs that any renderer
// (ImGui, text) can draw, and `literal`, which turns plain text into markdown that reads as exactly that text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cr {

struct Run {
    std::string text;
    bool bold = false;
    std::string href{};  // a link's address ("https://...", "mailto:..."), or "" for plain text
};
using Line = std::vector<Run>;

enum class BlockKind { Paragraph, Bullet, Table };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    Line text;                       // Paragraph and Bullet
    std::vector<std::vector<Line>> rows;  // Table: rows of cells; the first row is the header
};

// Text in the markdown subset, as parse_markdown reads it: a quiz's markdown field, a catalogue template filled by
// tr_markdown, or plain text made safe by literal(). A distinct type so that plain text (a title, a label, a file
// name) cannot be put into markdown without being escaped.
struct Markdown {
    std::string source;
};

// `plain` as markdown that parses back to exactly its characters, on one line: "\", "[", "]", "*" and "|" are
// escaped with a backslash, a leading "- " too, and line breaks become spaces. So no value can open a link,
// close one, turn bold, or start a bullet or a table.
Markdown literal(std::string_view plain);

// Blocks of runs. A backslash before one of \ [ ] ( ) * | - keeps that character as text. A link whose address
// fails link_problem() is not a link: its text stays as written, so no run ever carries such an address.
std::vector<Block> parse_markdown(std::string_view text);

// The runs without markup, joined.
std::string plain_text(const Line& line);

// The text of `text` without markup, as a reader reads it: one line per block, "- " before a bullet, " | " between
// a table's cells. For plain-text reports ("Copy my result", the CLI, host page events).
std::string plain_text(const Markdown& text);

// Why a link address cannot be used (only http, https and mailto addresses open from a quiz), or "" when it can.
std::string link_problem(std::string_view href);

// Every link address in `text`, in order, those link_problem() rejects included (validate reports them).
std::vector<std::string> links_in(std::string_view text);

}  // namespace cr
