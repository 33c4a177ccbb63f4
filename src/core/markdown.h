// Crossroads core: the small markdown subset used in quiz text -- paragraphs, "- " bullets, **bold**,
// [links](https://...) and "|" tables -- parsed into blocks of styled runs that any renderer (ImGui, text) can draw.
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

std::vector<Block> parse_markdown(std::string_view text);

// The runs without markup, joined.
std::string plain_text(const Line& line);

// Why a link address cannot be used (only http, https and mailto addresses open from a quiz), or "" when it can.
std::string link_problem(std::string_view href);

// Every link address in `text`, in order.
std::vector<std::string> links_in(std::string_view text);

}  // namespace cr
