// Crossroads UI: widget kit. Custom-drawn on ImGui items (InvisibleButton, sliders) so the look is
// ours while hover, activation and keyboard navigation stay ImGui's. Colours come from theme.cpp.
#include "widgets.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/markdown.h"
#include "core/report.h"
#include "imgui_internal.h"
#include "theme.h"

namespace ui {

namespace {

float g_left = 0, g_width = 400;

ImDrawList* dl() { return ImGui::GetWindowDrawList(); }

void record(View& v, const std::string& id, const std::string& label, bool selected, bool enabled) {
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    v.hits.push_back({id, label, ImVec2(a.x - origin.x, a.y - origin.y), ImVec2(b.x - origin.x, b.y - origin.y), selected, enabled});
}

// Focus ring for the item whose page control has keyboard focus (see web/a11y.js).
void focus_ring(const View& v, const std::string& id, float rounding) {
    if (v.dom_focus != id) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    dl()->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), color(Tone::Focus), rounding + 3, 0, 2.5f);
}

// True once when the page activated this item through its accessible control; activations apply in order.
bool activated(View& v, const std::string& id) {
    if (v.activations.empty() || v.activations.front() != id) return false;
    v.activations.pop_front();
    ++v.activations_taken;
    return true;
}

void wrapped(ImFont* font, ImU32 col, const char* text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// The end of the longest run of whole characters from `b` that fits in `room` px (at least one character).
const char* fitting_prefix(ImFont* font, const char* b, const char* e, float room) {
    float w = 0;
    const char* p = b;
    while (p < e) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, p, e);
        const float advance = font->GetCharAdvance(static_cast<ImWchar>(c));
        if (w + advance > room && p > b) break;
        w += advance;
        p += len > 0 ? len : 1;
    }
    return p;
}

// Lays out styled runs word by word, wrapping at the column edge; a word wider than the line breaks inside.
void rich_line(View& v, const cr::Line& line, float indent) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float x0 = start.x + indent;
    const float right = ImGui::GetWindowPos().x + g_left + g_width;
    const float line_h = v.fonts.body->FontSize * 1.45f;
    float x = x0, y = start.y;
    for (const cr::Run& run : line) {
        ImFont* font = run.bold ? v.fonts.bold : v.fonts.body;
        const ImU32 col = color(Tone::Text);
        size_t i = 0;
        const std::string& t = run.text;
        while (i < t.size()) {
            size_t j = t.find(' ', i);
            j = j == std::string::npos ? t.size() : j + 1;  // keep the trailing space with its word
            const char* b = t.c_str() + i;
            const char* e = t.c_str() + j;
            float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, b, e).x;
            if (x + w > right && x > x0) {
                x = x0;
                y += line_h;
                if (*b == ' ') { i = j; continue; }
            }
            if (x + w > right) {
                // A word longer than the whole line (a URL, a long compound): break it where the line ends.
                e = fitting_prefix(font, b, e, right - x);
                j = static_cast<size_t>(e - t.c_str());
                w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, b, e).x;
                dl()->AddText(font, font->FontSize, ImVec2(x, y + (line_h - font->FontSize) * 0.5f), col, b, e);
                x = x0;
                y += line_h;
                i = j;
                continue;
            }
            dl()->AddText(font, font->FontSize, ImVec2(x, y + (line_h - font->FontSize) * 0.5f), col, b, e);
            x += w;
            i = j;
        }
    }
    ImGui::Dummy(ImVec2(std::max(1.0f, right - start.x), y - start.y + line_h));
}

bool button(View& v, const char* id, const char* label, bool enabled, bool primary, bool same_row) {
    ImGui::PushFont(v.fonts.bold);
    const ImVec2 text = ImGui::CalcTextSize(label);
    const ImVec2 size(text.x + 40, text.y + 22);
    // Continue the row only when the button still fits in the column; otherwise wrap below.
    if (same_row && ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 12 + size.x <= g_left + g_width) ImGui::SameLine(0, 12);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton(id, size) || activated(v, id);
    ImGui::EndDisabled();
    const bool hovered = ImGui::IsItemHovered() && enabled, held = ImGui::IsItemActive();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float r = 10;
    if (primary) {
        const ImU32 fill = !enabled ? color(Tone::Disabled) : held ? color(Tone::AccentStrong) : hovered ? color(Tone::AccentHover) : color(Tone::Accent);
        dl()->AddRectFilled(a, b, fill, r);
        dl()->AddText(ImVec2(a.x + 20, a.y + 11), enabled ? color(Tone::OnAccent) : color(Tone::Muted), label);
    } else {
        dl()->AddRectFilled(a, b, hovered ? color(Tone::CardHover) : color(Tone::Card), r);
        dl()->AddRect(a, b, color(Tone::Border), r, 0, 1.5f);
        dl()->AddText(ImVec2(a.x + 20, a.y + 11), enabled ? color(Tone::Text) : color(Tone::Muted), label);
    }
    ImGui::PopFont();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring(v, id, r);
    record(v, id, label, false, enabled);
    return clicked && enabled;
}

// A full-column row that opens and closes; the open state is view state kept in View::open.
bool disclosure(View& v, const std::string& id, const std::string& title, ImU32 mark) {
    bool open = v.open.count(id) > 0;
    ImFont* font = v.fonts.bold;
    const float text_w = g_width - 70;  // clear of the dot on the left and the chevron on the right
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_w, title.c_str());
    const ImVec2 size(g_width, text.y + 22);
    if (ImGui::InvisibleButton(id.c_str(), size) || activated(v, id)) {
        open = !open;
        if (open) v.open.insert(id);
        else v.open.erase(id);
    }
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    dl()->AddRectFilled(a, b, hovered ? color(Tone::CardHover) : color(Tone::Card), 10);
    dl()->AddCircleFilled(ImVec2(a.x + 18, (a.y + b.y) * 0.5f), 5, mark);
    dl()->AddText(font, font->FontSize, ImVec2(a.x + 34, a.y + 11), color(Tone::Text), title.c_str(), nullptr, text_w);
    // chevron: right when closed, down when open
    const ImVec2 c(b.x - 20, (a.y + b.y) * 0.5f);
    if (open) dl()->AddTriangleFilled(ImVec2(c.x - 5, c.y - 3), ImVec2(c.x + 5, c.y - 3), ImVec2(c.x, c.y + 3), color(Tone::Muted));
    else dl()->AddTriangleFilled(ImVec2(c.x - 3, c.y - 5), ImVec2(c.x - 3, c.y + 5), ImVec2(c.x + 3, c.y), color(Tone::Muted));
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring(v, id, 10);
    record(v, id, title, open, true);
    return open;
}

}  // namespace

void set_column(float left, float width) {
    g_left = left;
    g_width = width;
}

void title_text(View& v, const char* text) { wrapped(v.fonts.title, color(Tone::Text), text); }
void heading_text(View& v, const char* text) { wrapped(v.fonts.bold, color(Tone::Text), text); }
void muted_text(View& v, const char* text) { wrapped(v.fonts.small, color(Tone::Muted), text); }

void section_heading(View& v, const char* text) {
    ImGui::Dummy(ImVec2(0, 6));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + g_width, p.y), color(Tone::Border), 1.0f);
    ImGui::Dummy(ImVec2(0, 10));
    wrapped(v.fonts.title, color(Tone::Text), text);
    ImGui::Dummy(ImVec2(0, 2));
}

void bullet_text(View& v, const std::string& text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float line_h = v.fonts.body->FontSize * 1.45f;
    dl()->AddCircleFilled(ImVec2(p.x + 6, p.y + line_h * 0.5f), 3.0f, color(Tone::Accent));
    const auto blocks = cr::parse_markdown(text);
    rich_line(v, blocks.empty() ? cr::Line{} : blocks[0].text, 18);
}

void markdown(View& v, const std::string& text) {
    const auto blocks = cr::parse_markdown(text);
    for (size_t i = 0; i < blocks.size(); ++i) {
        const cr::Block& b = blocks[i];
        const bool list_ends = b.kind == cr::BlockKind::Bullet && (i + 1 == blocks.size() || blocks[i + 1].kind != cr::BlockKind::Bullet);
        if (b.kind == cr::BlockKind::Paragraph) {
            rich_line(v, b.text, 0);
            ImGui::Dummy(ImVec2(0, 4));
        } else if (b.kind == cr::BlockKind::Bullet) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            dl()->AddCircleFilled(ImVec2(p.x + 6, p.y + v.fonts.body->FontSize * 0.72f), 3.0f, color(Tone::Accent));
            rich_line(v, b.text, 18);
            if (list_ends) ImGui::Dummy(ImVec2(0, 6));
        } else {
            const int cols = static_cast<int>(b.rows.empty() ? 0 : b.rows[0].size());
            if (cols == 0) continue;
            ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8, 6));
            if (ImGui::BeginTable("##table", cols, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg, ImVec2(g_width, 0))) {
                for (size_t r = 0; r < b.rows.size(); ++r) {
                    ImGui::TableNextRow();
                    for (int c = 0; c < cols; ++c) {
                        ImGui::TableSetColumnIndex(c);
                        const std::string cell = c < static_cast<int>(b.rows[r].size()) ? cr::plain_text(b.rows[r][c]) : "";
                        ImGui::PushTextWrapPos(0.0f);  // wrap at the cell's edge, not the column's
                        wrapped(r == 0 || c == 0 ? v.fonts.bold : v.fonts.body, color(Tone::Text), cell.c_str());
                        ImGui::PopTextWrapPos();
                    }
                }
                ImGui::EndTable();
            }
            ImGui::PopStyleVar();
            ImGui::Dummy(ImVec2(0, 6));
        }
    }
}

void notice_card(View& v, const std::string& text) {
    ImFont* font = v.fonts.body;
    const float room = g_width - 36;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, room, text.c_str());
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + g_width, a.y + size.y + 24);
    dl()->AddRectFilled(a, b, color(Tone::Selected), 10);
    dl()->AddRectFilled(a, ImVec2(a.x + 4, b.y), color(Tone::Accent), 10, ImDrawFlags_RoundCornersLeft);
    dl()->AddText(font, font->FontSize, ImVec2(a.x + 20, a.y + 12), color(Tone::Text), text.c_str(), nullptr, room);
    ImGui::Dummy(ImVec2(g_width, b.y - a.y + 8));
}

void code_block(View& v, const std::string& code) {
    ImGui::Dummy(ImVec2(0, 4));
    ImFont* font = v.fonts.mono;
    const float room = g_width - 32;
    const float natural = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, code.c_str()).x;
    // Narrow screens: shrink the code (down to 75%) before wrapping it, since wrapped Python reads badly.
    const float size = natural > room ? std::max(font->FontSize * 0.75f, font->FontSize * room / natural) : font->FontSize;
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, room, code.c_str());
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + g_width, a.y + text.y + 24);
    dl()->AddRectFilled(a, b, color(Tone::CodeBg), 8);
    dl()->AddRectFilled(a, ImVec2(a.x + 4, b.y), color(Tone::Accent), 8, ImDrawFlags_RoundCornersLeft);
    dl()->AddText(font, size, ImVec2(a.x + 16, a.y + 12), color(Tone::Text), code.c_str(), nullptr, room);
    ImGui::Dummy(ImVec2(g_width, b.y - a.y));
}

bool primary_button(View& v, const char* id, const char* label, bool enabled, bool same_row) {
    return button(v, id, label, enabled, true, same_row);
}
bool secondary_button(View& v, const char* id, const char* label, bool enabled, bool same_row) {
    return button(v, id, label, enabled, false, same_row);
}

bool option_card(View& v, const std::string& id, const std::string& label, bool selected, bool multiple, bool mono) {
    ImFont* font = mono ? v.fonts.mono : v.fonts.body;
    ImGui::PushFont(font);
    const float text_w = g_width - 64;
    const ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, text_w);
    const ImVec2 size(g_width, std::max(52.0f, text.y + 28));
    const bool clicked = ImGui::InvisibleButton(id.c_str(), size) || activated(v, id);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float r = 12;
    dl()->AddRectFilled(a, b, selected ? color(Tone::Selected) : hovered ? color(Tone::CardHover) : color(Tone::Card), r);
    dl()->AddRect(a, b, selected ? color(Tone::Accent) : color(Tone::Border), r, 0, selected ? 2.0f : 1.5f);
    const ImVec2 mark(a.x + 26, (a.y + b.y) * 0.5f);
    if (multiple) {
        dl()->AddRect(ImVec2(mark.x - 9, mark.y - 9), ImVec2(mark.x + 9, mark.y + 9), selected ? color(Tone::Accent) : color(Tone::Muted), 4, 0, 2);
        if (selected) {
            dl()->AddRectFilled(ImVec2(mark.x - 9, mark.y - 9), ImVec2(mark.x + 9, mark.y + 9), color(Tone::Accent), 4);
            dl()->AddPolyline(std::array<ImVec2, 3>{ImVec2(mark.x - 5, mark.y), ImVec2(mark.x - 1, mark.y + 4), ImVec2(mark.x + 5, mark.y - 4)}.data(), 3,
                              color(Tone::OnAccent), 0, 2.2f);
        }
    } else {
        dl()->AddCircle(mark, 9, selected ? color(Tone::Accent) : color(Tone::Muted), 0, 2);
        if (selected) dl()->AddCircleFilled(mark, 5, color(Tone::Accent));
    }
    dl()->AddText(font, font->FontSize, ImVec2(a.x + 48, a.y + (size.y - text.y) * 0.5f), color(Tone::Text),
                  label.c_str(), nullptr, text_w);
    ImGui::PopFont();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring(v, id, r);
    record(v, id, label, selected, true);
    ImGui::Dummy(ImVec2(0, 2));
    return clicked;
}

void progress(View& v, int position, int total, const char* section) {
    const std::string label = "Question " + std::to_string(position) + " of " + std::to_string(total);
    ImGui::PushFont(v.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, color(Tone::Muted));
    ImGui::PushTextWrapPos(-1.0f);
    ImGui::TextUnformatted(label.c_str());
    const float sw = ImGui::CalcTextSize(section).x;
    if (sw + ImGui::CalcTextSize(label.c_str()).x + 24 < g_width) {
        ImGui::SameLine(g_width - sw);  // relative to the group, i.e. the column
        ImGui::TextUnformatted(section);
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float frac = total > 0 ? static_cast<float>(position) / static_cast<float>(total) : 0.0f;
    dl()->AddRectFilled(a, ImVec2(a.x + g_width, a.y + 6), color(Tone::Track), 3);
    dl()->AddRectFilled(a, ImVec2(a.x + g_width * frac, a.y + 6), color(Tone::Accent), 3);
    ImGui::Dummy(ImVec2(g_width, 8));
}

bool scale_slider(View& v, const cr::Question& q, double& value) {
    const cr::Scale& s = q.scale;
    const int steps = static_cast<int>(std::lround((s.max - s.min) / s.step));
    int index = static_cast<int>(std::lround((value - s.min) / s.step));
    ImGui::PushFont(v.fonts.bold);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 14));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 28);
    ImGui::SetNextItemWidth(g_width);
    const std::string shown = cr::format_number(s.min + index * s.step);
    const bool changed = ImGui::SliderInt("##scale", &index, 0, steps, shown.c_str(), ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopStyleVar(2);
    ImGui::PopFont();
    focus_ring(v, "scale:" + q.id, 8);
    record(v, "scale:" + q.id, q.prompt, false, true);
    ImGui::PushFont(v.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, color(Tone::Muted));
    ImGui::PushTextWrapPos(-1.0f);
    ImGui::TextUnformatted(s.min_label.c_str());
    const float w = ImGui::CalcTextSize(s.max_label.c_str()).x;
    ImGui::SameLine(g_width - w);
    ImGui::TextUnformatted(s.max_label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (changed) value = s.min + index * s.step;
    return changed;
}

void outcome_bars(View& v, const cr::Quiz& quiz, const cr::Result& r) {
    double top = 1;
    for (double t : r.totals) top = std::max(top, std::fabs(t));
    for (size_t i = 0; i < quiz.outcomes.size(); ++i) {
        const bool chosen = static_cast<int>(i) == r.decision.chosen;
        ImGui::PushFont(chosen ? v.fonts.bold : v.fonts.body);
        ImGui::PushTextWrapPos(-1.0f);
        ImGui::TextUnformatted(quiz.outcomes[i].title.c_str());
        const std::string value = cr::format_number(r.totals[i]);
        ImGui::SameLine(g_width - ImGui::CalcTextSize(value.c_str()).x);
        ImGui::TextUnformatted(value.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float frac = static_cast<float>(std::max(0.0, r.totals[i]) / top);
        dl()->AddRectFilled(a, ImVec2(a.x + g_width, a.y + 10), color(Tone::Track), 5);
        if (frac > 0) dl()->AddRectFilled(a, ImVec2(a.x + std::max(10.0f, g_width * frac), a.y + 10), chosen ? color(Tone::Accent) : color(Tone::Muted), 5);
        ImGui::Dummy(ImVec2(g_width, 16));
    }
}

void review_item(View& v, const cr::Session& s, const cr::ReviewItem& item) {
    const cr::Question& q = s.quiz().questions[item.question];
    const cr::Answer& a = s.answer(item.question);
    const char* verdict = item.correct ? "Right" : !item.answered ? "Skipped" : item.points > 0 ? "Partly right" : "Not quite";
    const ImU32 mark = item.correct ? color(Tone::Good) : item.points > 0 ? color(Tone::Muted) : color(Tone::Bad);
    const bool open = disclosure(v, "review:" + q.id, std::string(verdict) + ": " + q.prompt, mark);
    if (!open) return;
    std::string yours, right;
    for (size_t o = 0; o < q.options.size(); ++o) {
        if (q.options[o].correct) right += (right.empty() ? "" : ", ") + q.options[o].label;
        if (std::find(a.options.begin(), a.options.end(), static_cast<int>(o)) != a.options.end())
            yours += (yours.empty() ? "" : ", ") + q.options[o].label;
    }
    if (!q.code.empty()) code_block(v, q.code);
    markdown(v, "**Your answer:** " + (yours.empty() ? std::string("(none)") : yours));
    markdown(v, "**Right answer:** " + right);
    markdown(v, q.explanation);
    for (int o : a.options)
        if (!q.options[o].correct && !q.options[o].explanation.empty()) markdown(v, q.options[o].explanation);
    ImGui::Dummy(ImVec2(0, 6));
}

void salary_chart(View& v, const cr::SalaryFacts& f) {
    section_heading(v, "Salary check");
    const double intern_low = f.intern_monthly_low * 12, intern_high = f.intern_monthly_high * 12;
    const double top = std::max(intern_high, f.junior_yearly_high) * 1.05;
    auto money = [](double x) {
        std::string digits = std::to_string(static_cast<long long>(std::llround(x)));
        for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
        return "$" + digits;
    };
    auto bar = [&](const char* name, double low, double high, const std::string& note) {
        heading_text(v, name);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        dl()->AddRectFilled(a, ImVec2(a.x + g_width, a.y + 14), color(Tone::Track), 7);
        dl()->AddRectFilled(ImVec2(a.x + g_width * static_cast<float>(low / top), a.y),
                            ImVec2(a.x + g_width * static_cast<float>(high / top), a.y + 14), color(Tone::Accent), 7);
        ImGui::Dummy(ImVec2(g_width, 18));
        muted_text(v, (money(low) + " - " + money(high) + " a year" + note).c_str());
        ImGui::Dummy(ImVec2(0, 4));
    };
    bar("Internship", intern_low, intern_high, " (" + money(f.intern_monthly_low) + " - " + money(f.intern_monthly_high) + " a month, x 12)");
    bar("Junior developer", f.junior_yearly_low, f.junior_yearly_high, "");
    markdown(v, f.assumption);
    if (!f.note.empty()) markdown(v, f.note);
}

void faq_entry(View& v, const cr::FaqEntry& entry) {
    if (disclosure(v, "faq:" + entry.id, entry.question, color(Tone::Accent))) {
        ImGui::Indent(12);
        markdown(v, entry.answer);
        ImGui::Unindent(12);
    }
}

}  // namespace ui
