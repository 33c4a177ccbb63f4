// Crossroads UI: the widget kit the screens are built from -- text styles, cards, buttons, progress, code blocks,
// markdown, charts. Every widget records what it draws in the View's scene (text runs, structure, controls), so
// tests, the text layer and assistive technology see what the canvas shows.
#pragma once

#include <string>

#include "core/model.h"
#include "core/scoring.h"
#include "core/session.h"
#include "view.h"

namespace ui {

// How draw_text places each line: from `pos`, or ending `wrap` px right of it.
enum class Align { Left, Right };

// Draws text at `pos` (screen coordinates) wrapped at `wrap` px (0: only at line breaks), in `role`'s font at
// `size` px (0: the font's own), each line aligned as `align` says (Right needs a wrap) and `pitch` px below the one
// before (0: set solid, `size` apart, as ImGui sets text), and records each drawn line as a run of the scene item last
// opened. Returns its size: the widest line, and from the first line's top to the last one's bottom.
ImVec2 draw_text(View& v, FontRole role, ImVec2 pos, ImU32 col, const std::string& text, float wrap, float size = 0,
                 Align align = Align::Left, float pitch = 0);

// The size of `text` as draw_text sets it (wrapped at `wrap` px, 0: only at line breaks; lines set solid), without
// drawing it: for boxes sized before their text is drawn.
ImVec2 text_size(const View& v, FontRole role, const std::string& text, float wrap, float size = 0);

// The distance between two lines of body text, px: the body font's size x 1.45.
float body_line_height(const View& v);

void title_text(View& v, const std::string& text, int level);     // large, a heading of `level`
void heading_text(View& v, const std::string& text, int level);   // bold; a heading when level > 0, else a paragraph
void section_heading(View& v, const std::string& text);           // a rule, then a level-2 heading
void muted_text(View& v, const std::string& text, Part part = Part::Paragraph);
void bullet_text(View& v, const std::string& text);
void checklist_item(View& v, const std::string& text, bool done);  // a box, ticked when done, and the step
void markdown(View& v, const std::string& text);
void code_block(View& v, const std::string& code);
void notice_card(View& v, const std::string& text);  // a highlighted message across the column
// A quiz picture at its size (scaled down to the column); its box is kept while it loads, so nothing moves when it
// arrives, and shows its alt text when it cannot load. A figure in the scene, named by its alt text.
void picture(View& v, const cr::Image& image);

// With same_row, the button follows the previous item on its row when it fits, else starts a new row.
bool primary_button(View& v, const char* id, const std::string& label, bool enabled, bool same_row = false);
bool secondary_button(View& v, const char* id, const std::string& label, bool enabled, bool same_row = false);
// One answer: a radio of `group` (a checkbox when multiple). Returns true when clicked or activated.
bool option_card(View& v, const std::string& id, const std::string& group, const std::string& label, bool selected,
                 bool multiple, bool mono);
void progress(View& v, const cr::Progress& p, const std::string& section);
bool scale_slider(View& v, const cr::Question& q, double& value);

void outcome_bars(View& v, const cr::Quiz& quiz, const cr::Result& r);
void review_item(View& v, const cr::Quiz& quiz, const cr::Answers& answers, const cr::ReviewItem& item);
void range_chart(View& v, const cr::RangeChart& chart);
void faq_entry(View& v, const cr::FaqEntry& entry);

}  // namespace ui
