// Crossroads UI: the scene, one description of what a frame shows. Every text run is recorded by the function
// that draws it (widgets.cpp), with its rectangle, font and place in the structure; every control with its role,
// name and state; and the shapes that carry meaning (bars, list marks). The page turns the scene into a selectable
// text layer and an accessibility tree, and without WebGL into the visible quiz (web/a11y.js).
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "theme.h"

namespace ui {

// What a part of the screen is, in the terms of HTML's structure.
enum class Part { Heading, Paragraph, ListItem, Cell, Code, Figure, Note, Status, Control };
// What a control does: button, one of a radio group, checkbox, slider (range), disclosure (opens a region).
enum class Role { None, Button, Radio, Checkbox, Slider, Disclosure };
enum class FontRole { Body, Bold, Title, Small, Mono };

// One line of drawn text: exactly the characters drawn, where (CSS px of the canvas), and in which font.
struct TextRun {
    std::string text;
    ImVec2 min, max;
    FontRole font = FontRole::Body;
    float size = 0;  // font size in CSS px
    std::string href;  // the run is (part of) a link to this address (markdown [text](https://...)), or ""
    bool joined = false;  // the run goes on a word that wrapping broke at the line before (a long link): no space between
};

// A drawn rectangle that carries meaning (a bar's track and fill, a tie's bracket, a list's mark): where (CSS px of
// the canvas), its tone, its corner radius, and, for an outline, the line's width. Only the visible HTML draws it;
// its meaning is already in the item's words or name.
struct Shape {
    ImVec2 min, max;
    Tone tone = Tone::Accent;
    float radius = 0;
    float border = 0;  // 0: filled; otherwise an outline this wide
};

struct SceneItem {
    Part part = Part::Paragraph;
    int level = 0;          // Heading: 1-3. Cell: the row (0 = header row).
    int column = 0;         // Cell: the column
    std::string table;      // Cell: which table; consecutive cells of one table form it
    std::string region;     // the disclosure (its id) whose open region this item belongs to, or ""
    std::string id;         // Control: the hit id the page activates ("next", "option:q:o", ...)
    Role role = Role::None;
    std::string name;       // accessible name of a control or figure (what a screen reader says)
    std::string group;      // Radio/Checkbox: the group (question id); its name is the question's prompt
    bool checked = false;   // Radio/Checkbox: chosen. Disclosure: open.
    bool disabled = false;
    double min = 0, max = 0, step = 1, value = 0;  // Slider
    std::string value_text;                        // Slider: the value as words
    ImVec2 rect_min, rect_max;                     // the item's box (controls: the clickable area)
    std::vector<TextRun> runs;
    std::vector<Shape> shapes;  // drawn under the runs, in drawing order
};

struct Scene {
    std::string screen;     // "start", "question:<id>", "results", "errors": focus moves on when it changes
    std::vector<SceneItem> items;  // in reading order
    std::string announce;   // said once by screen readers when it changes (the result)
    unsigned palette[static_cast<int>(Tone::Count)] = {};  // the colours it is drawn in (View::theme), 0xRRGGBB per Tone
};

// {"screen":..,"announce":..,"items":[{"part":"heading","level":1,"runs":[{"text":..,"x":..,"y":..,"w":..,"h":..,
//  "font":"title","size":26}],"shapes":[{"x":..,"y":..,"w":..,"h":..,"tone":"accent","r":5,"border":1.5}], ...}]}
// — coordinates in CSS px of the canvas; "shapes" only when there are some, "border" only for an outline; a tone is
// named as in src/ui/tokens.json. "palette" gives every tone's colour as drawn ({"background":"#ffffff",
// "accentHover":..}: the theme with the editor's accent and the reader's contrast), for HTML drawn in the same colours.
std::string scene_json(const Scene& scene);

}  // namespace ui
