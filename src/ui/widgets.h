// Crossroads UI: the widget kit the screens are built from -- text styles, cards, buttons, progress,
// code blocks, markdown, charts. Every clickable widget records a Hit so tests and assistive tech can find it.
#pragma once

#include <string>

#include "core/model.h"
#include "core/scoring.h"
#include "core/session.h"
#include "view.h"

namespace ui {

void set_column(float left, float width);  // the centred content column, in window coordinates

void title_text(View& v, const char* text);
void heading_text(View& v, const char* text);
void section_heading(View& v, const char* text);
void muted_text(View& v, const char* text);
void bullet_text(View& v, const std::string& text);
void markdown(View& v, const std::string& text);
void code_block(View& v, const std::string& code);
void notice_card(View& v, const std::string& text);  // a highlighted message across the column

// With same_row, the button follows the previous item on its row when it fits, else starts a new row.
bool primary_button(View& v, const char* id, const char* label, bool enabled, bool same_row = false);
bool secondary_button(View& v, const char* id, const char* label, bool enabled, bool same_row = false);
bool option_card(View& v, const std::string& id, const std::string& label, bool selected, bool multiple, bool mono);
void progress(View& v, int position, int total, const char* section);
bool scale_slider(View& v, const cr::Question& q, double& value);

void outcome_bars(View& v, const cr::Quiz& quiz, const cr::Result& r);
void review_item(View& v, const cr::Session& s, const cr::ReviewItem& item);
void salary_chart(View& v, const cr::SalaryFacts& salary);
void faq_entry(View& v, const cr::FaqEntry& entry);

}  // namespace ui
