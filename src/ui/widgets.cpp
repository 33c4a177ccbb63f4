// Crossroads UI: widget kit. Custom-drawn on ImGui items (InvisibleButton) so the look is ours while
// hover and activation stay ImGui's. All text is drawn by draw_text(), which also records it in the scene, so
// nothing reaches the canvas without reaching the page's text layer. Colours come from theme.cpp.
#include "widgets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "core/catalogue.h"
#include "core/markdown.h"
#include "core/report.h"
#include "imgui_internal.h"
#include "theme.h"

namespace ui {

namespace {

ImDrawList* dl() { return ImGui::GetWindowDrawList(); }

ImFont* font_of(const View& v, FontRole role) {
    switch (role) {
        case FontRole::Bold: return v.fonts.bold;
        case FontRole::Title: return v.fonts.title;
        case FontRole::Small: return v.fonts.small;
        case FontRole::Mono: return v.fonts.mono;
        default: return v.fonts.body;
    }
}

// Window-local (CSS px of the canvas) from screen coordinates.
ImVec2 local(ImVec2 p) {
    const ImVec2 o = ImGui::GetWindowPos();
    return ImVec2(p.x - o.x, p.y - o.y);
}

// Opens a scene item; the text drawn until the next open_item belongs to it.
SceneItem& open_item(View& v, Part part, int level = 0) {
    SceneItem item;
    item.part = part;
    item.level = level;
    item.region = v.region;
    item.rect_min = local(ImGui::GetCursorScreenPos());
    item.rect_max = item.rect_min;
    v.scene.items.push_back(std::move(item));
    return v.scene.items.back();
}

SceneItem& current_item(View& v) {
    if (v.scene.items.empty()) open_item(v, Part::Paragraph);
    return v.scene.items.back();
}

void add_run(View& v, FontRole role, float size, ImVec2 a, const char* b, const char* e, const std::string& href,
             bool joined = false) {
    while (e > b && (e[-1] == ' ' || e[-1] == '\n')) --e;  // the run is what is drawn, not trailing blanks
    if (e == b) return;
    ImFont* font = font_of(v, role);
    const ImVec2 s = font->CalcTextSizeA(size, FLT_MAX, 0, b, e);
    SceneItem& item = current_item(v);
    const ImVec2 min = local(a), max(min.x + s.x, min.y + size);
    // The scene carries only addresses a reader may open, whatever text produced the run (issue 23).
    item.runs.push_back({std::string(b, e), min, max, role, size, href.empty() || !cr::link_problem(href).empty() ? std::string() : href,
                         joined});
    if (item.runs.size() == 1 && item.part != Part::Control) item.rect_min = min;
    item.rect_min = ImVec2(std::min(item.rect_min.x, min.x), std::min(item.rect_min.y, min.y));
    item.rect_max = ImVec2(std::max(item.rect_max.x, max.x), std::max(item.rect_max.y, max.y));
}

// The end of the longest run of whole characters from `b` that fits in `room` px (at least one character).
const char* fitting_prefix(ImFont* font, float size, const char* b, const char* e, float room) {
    float w = 0;
    const char* p = b;
    while (p < e) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, p, e);
        const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * size / font->FontSize;
        if (w + advance > room && p > b) break;
        w += advance;
        p += len > 0 ? len : 1;
    }
    return p;
}

// Where the line that starts at `b` ends when wrapped at `wrap` px: after its last whole word that fits (words end at
// a blank; a number's comma or a name's dot is no place to break, unlike ImGui's own wrapping), else inside a first
// word wider than the line. Blanks at the line's end take no room.
const char* wrap_position(ImFont* font, float size, const char* b, const char* e, float wrap) {
    const float scale = size / font->FontSize;
    const char* fits = nullptr;
    float w = 0;
    for (const char* p = b; p < e;) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, p, e);
        const bool blank = c == ' ' || c == '\t';
        if (blank && p > b && p[-1] != ' ' && p[-1] != '\t') fits = p;
        w += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (!blank && w > wrap) return fits ? fits : fitting_prefix(font, size, b, e, wrap);
        p += len > 0 ? len : 1;
    }
    return e;
}

// Calls line(begin, end) for each line of `text` as draw_text sets it: at its line breaks, and (when `wrap` > 0) where
// wrap_position ends a line; a wrapped line starts at its next word.
template <class Line>
void for_each_line(ImFont* font, float size, const std::string& text, float wrap, Line&& line) {
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(end - s)));
        if (!nl) nl = end;
        const char* line_end = wrap > 0 ? wrap_position(font, size, s, nl, wrap) : nl;
        line(s, line_end);
        s = line_end;
        if (s < nl) {
            while (s < nl && (*s == ' ' || *s == '\t')) ++s;
        } else if (s < end) {
            ++s;  // past the line break
        }
    }
}

}  // namespace

ImVec2 draw_text(View& v, FontRole role, ImVec2 pos, ImU32 col, const std::string& text, float wrap, float size, Align align,
                 float pitch) {
    ImFont* font = font_of(v, role);
    if (size <= 0) size = font->FontSize;
    if (pitch <= 0) pitch = size;
    float y = pos.y, width = 0, bottom = pos.y;
    const char* last_end = nullptr;  // where the line before ended: a line that starts there goes on a broken word
    for_each_line(font, size, text, wrap, [&](const char* s, const char* line_end) {
        float x = pos.x;
        if (align == Align::Right) {
            const char* ink_end = line_end;  // a blank at the line's end takes no room at the right edge
            while (ink_end > s && ink_end[-1] == ' ') --ink_end;
            x += wrap - font->CalcTextSizeA(size, FLT_MAX, 0, s, ink_end).x;
        }
        dl()->AddText(font, size, ImVec2(x, y), col, s, line_end);
        add_run(v, role, size, ImVec2(x, y), s, line_end, {}, s == last_end);
        last_end = line_end;
        width = std::max(width, font->CalcTextSizeA(size, FLT_MAX, 0, s, line_end).x);
        bottom = y + size;
        y += pitch;
    });
    return ImVec2(width, bottom - pos.y);
}

ImVec2 text_size(const View& v, FontRole role, const std::string& text, float wrap, float size) {
    ImFont* font = font_of(v, role);
    if (size <= 0) size = font->FontSize;
    float width = 0, height = 0;
    for_each_line(font, size, text, wrap, [&](const char* s, const char* line_end) {
        width = std::max(width, font->CalcTextSizeA(size, FLT_MAX, 0, s, line_end).x);
        height += size;
    });
    return ImVec2(width, height);
}

float body_line_height(const View& v) { return v.fonts.body->FontSize * 1.45f; }

namespace {

// Wrapped text at the cursor, as ImGui's TextWrapped would lay it out (to the wrap position pushed last).
void wrapped(View& v, FontRole role, ImU32 col, const std::string& text) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap = ImGui::CalcWrapWidthForPos(pos, ImGui::GetCurrentWindow()->DC.TextWrapPos);
    const ImVec2 size = draw_text(v, role, pos, col, text, std::max(1.0f, wrap));
    ImGui::Dummy(ImVec2(std::max(size.x, 1.0f), size.y));
}

// A control in the scene: the item just submitted to ImGui, its role, name and state (the page's hits).
SceneItem& record(View& v, const std::string& id, Role role, const std::string& name, bool checked, bool enabled) {
    const ImVec2 a = local(ImGui::GetItemRectMin()), b = local(ImGui::GetItemRectMax());
    SceneItem& item = open_item(v, Part::Control);
    item.id = id;
    item.role = role;
    item.name = name;
    item.checked = checked;
    item.disabled = !enabled;
    item.rect_min = a;
    item.rect_max = b;
    return item;
}

// A shape that carries meaning, in screen coordinates, recorded in the current scene item for the visible HTML.
void record_shape(View& v, ImVec2 a, ImVec2 b, Tone tone, float radius, float border = 0) {
    current_item(v).shapes.push_back({local(a), local(b), tone, radius, border});
}

// A filled rectangle that carries meaning (a bar, a ticked box): drawn, and recorded in the current scene item.
void shape_rect(View& v, ImVec2 a, ImVec2 b, Tone tone, float radius) {
    dl()->AddRectFilled(a, b, color(v, tone), radius);
    record_shape(v, a, b, tone, radius);
}

// A list item's mark, the accent dot centred at `c`, in the list item just opened.
void list_mark(View& v, ImVec2 c) {
    dl()->AddCircleFilled(c, 3.0f, color(v, Tone::Accent));
    record_shape(v, ImVec2(c.x - 3, c.y - 3), ImVec2(c.x + 3, c.y + 3), Tone::Accent, 3);
}

// Focus ring for the item whose page control has keyboard focus (see web/a11y.js).
void focus_ring(const View& v, const std::string& id, float rounding) {
    if (v.dom_focus != id) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    dl()->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), color(v, Tone::Focus), rounding + 3, 0, 2.5f);
}

// True once when the page activated this item through its accessible control; activations apply in order, one
// a frame, so each acts on the screen its predecessor left (e.g. Next enabled by the answer chosen just before).
bool activated(View& v, const std::string& id) {
    if (v.activations_taken > 0 || v.activations.empty() || v.activations.front() != id) return false;
    v.activations.pop_front();
    ++v.activations_taken;
    return true;
}

// `text` in the markdown subset as blocks, parsed once per screen model (draw() empties the cache for a new one).
const std::vector<cr::Block>& parsed(View& v, const std::string& text) {
    auto it = v.parsed.find(text);
    if (it == v.parsed.end()) it = v.parsed.emplace(text, cr::parse_markdown(text)).first;
    return it->second;
}

// Lays out styled runs word by word, wrapping at the column edge; a word wider than the line breaks inside.
// Consecutive words in one font on one line are recorded as one run. A link is drawn in the accent colour,
// underlined; its runs carry its address, and the text layer makes them a real link (web/a11y.js).
void rich_line(View& v, const cr::Line& line, float indent) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float x0 = start.x + indent;
    const float right = ImGui::GetWindowPos().x + v.column_left + v.column_width;
    const float line_h = body_line_height(v);
    const ImU32 col = color(v, Tone::Text);
    float x = x0, y = start.y;
    std::string pending;  // words drawn but not yet recorded
    FontRole pending_role = FontRole::Body;
    const std::string* pending_href = nullptr;
    ImVec2 pending_at;
    auto flush = [&]() {
        if (!pending.empty()) add_run(v, pending_role, font_of(v, pending_role)->FontSize, pending_at, pending.c_str(), pending.c_str() + pending.size(), *pending_href);
        pending.clear();
    };
    for (const cr::Run& run : line) {
        const FontRole role = run.bold ? FontRole::Bold : FontRole::Body;
        ImFont* font = font_of(v, role);
        const ImU32 ink = run.href.empty() ? col : color(v, Tone::Accent);
        const float ty = (line_h - font->FontSize) * 0.5f;
        const std::string& t = run.text;
        size_t i = 0;
        while (i < t.size()) {
            size_t j = t.find(' ', i);
            j = j == std::string::npos ? t.size() : j + 1;  // keep the trailing space with its word
            const char* b = t.c_str() + i;
            const char* e = t.c_str() + j;
            float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, b, e).x;
            if (x + w > right && x > x0) {
                flush();
                x = x0;
                y += line_h;
                if (*b == ' ') { i = j; continue; }
            }
            bool broke = false;
            if (x + w > right) {
                // A word longer than the whole line (a URL, a long compound): break it where the line ends.
                e = fitting_prefix(font, font->FontSize, b, e, right - x);
                j = static_cast<size_t>(e - t.c_str());
                w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, b, e).x;
                broke = true;
            }
            if (pending.empty() || pending_role != role || pending_href != &run.href) {
                flush();
                pending_role = role;
                pending_href = &run.href;
                pending_at = ImVec2(x, y + ty);
            }
            dl()->AddText(font, font->FontSize, ImVec2(x, y + ty), ink, b, e);
            if (!run.href.empty()) {
                // Underlined between the link's words too, but not past its last one.
                const bool last = static_cast<size_t>(e - t.c_str()) >= t.size();
                const float trimmed = last && e[-1] == ' ' ? font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, b, e - 1).x : w;
                const float base = y + ty + font->FontSize - 1;
                dl()->AddLine(ImVec2(x, base), ImVec2(x + trimmed, base), ink, 1.0f);
            }
            pending.append(b, e);
            x += w;
            i = j;
            if (broke) {
                flush();
                x = x0;
                y += line_h;
            }
        }
    }
    flush();
    ImGui::Dummy(ImVec2(std::max(1.0f, right - start.x), y - start.y + line_h));
}

// A markdown table across the column (from the cursor, so indented under an answer, to the column's right edge), laid
// out as ImGui's tables would (equal columns 16 px apart, cells padded 6 px above and below, every other row tinted, a
// rule between rows), a wrapped cell's lines as far apart as a paragraph's: the header row and the first column in
// bold. Each cell is a scene item with its row and column, so the text layer makes it a real table (web/a11y.js).
void table(View& v, const std::vector<std::vector<cr::Line>>& rows) {
    const int cols = static_cast<int>(rows[0].size());
    const std::string name = "t" + std::to_string(v.scene.items.size());
    const float gap = 8, pad = 6;  // each side of a column; above and below a cell's text
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowPos().x + v.column_left + v.column_width - origin.x;
    // The column widths: what the gaps leave, shared equally in whole pixels, the rest a pixel each from the right.
    std::vector<float> widths(static_cast<size_t>(cols));
    const float share = width - 2 * gap * static_cast<float>(cols - 1);
    float left_over = share;
    for (float& w : widths) {
        w = ImTrunc(std::max(share * (1.0f / static_cast<float>(cols)), 12.0f) + 0.01f);
        left_over -= w;
    }
    for (int c = cols - 1; c >= 0 && left_over >= 1; --c, left_over -= 1) widths[static_cast<size_t>(c)] += 1;
    ImDrawList* list = dl();
    list->ChannelsSplit(2);  // the rows' tints and rules go under the text drawn before them
    float y = origin.y;
    for (size_t r = 0; r < rows.size(); ++r) {
        list->ChannelsSetCurrent(1);
        float x = origin.x, bottom = y + 2 * pad;
        for (int c = 0; c < cols; ++c) {
            const std::string cell = c < static_cast<int>(rows[r].size()) ? cr::plain_text(rows[r][static_cast<size_t>(c)]) : "";
            const ImVec2 at(x, y + pad);
            SceneItem& item = open_item(v, Part::Cell, static_cast<int>(r));
            item.column = c;
            item.table = name;
            item.rect_min = item.rect_max = local(at);
            const float h = draw_text(v, r == 0 || c == 0 ? FontRole::Bold : FontRole::Body, at, color(v, Tone::Text), cell,
                                      std::max(1.0f, widths[static_cast<size_t>(c)]), 0, Align::Left, body_line_height(v)).y;
            bottom = std::max(bottom, at.y + h + pad);
            x += widths[static_cast<size_t>(c)] + 2 * gap;
        }
        list->ChannelsSetCurrent(0);
        if (r % 2 == 1) list->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, bottom), color(v, Tone::Card));
        if (r > 0) list->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + width, y), color(v, Tone::Border), 1.0f);
        y = bottom;
    }
    list->ChannelsMerge();
    ImGui::Dummy(ImVec2(width, y - origin.y));
}

bool button(View& v, const char* id, const std::string& label, bool enabled, bool primary, bool same_row) {
    ImFont* font = v.fonts.bold;
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
    const ImVec2 size(text.x + 40, text.y + 22);
    // Continue the row only when the button still fits in the column; otherwise wrap below.
    if (same_row && ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 12 + size.x <= v.column_left + v.column_width) ImGui::SameLine(0, 12);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton(id, size) || activated(v, id);
    ImGui::EndDisabled();
    const bool hovered = ImGui::IsItemHovered() && enabled, held = ImGui::IsItemActive();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float r = 10;
    ImU32 ink;
    if (primary) {
        const ImU32 fill = !enabled ? color(v, Tone::Disabled) : held ? color(v, Tone::AccentStrong) : hovered ? color(v, Tone::AccentHover) : color(v, Tone::Accent);
        dl()->AddRectFilled(a, b, fill, r);
        ink = enabled ? color(v, Tone::OnAccent) : color(v, Tone::OnDisabled);
    } else {
        dl()->AddRectFilled(a, b, hovered ? color(v, Tone::CardHover) : color(v, Tone::Card), r);
        dl()->AddRect(a, b, color(v, Tone::Border), r, 0, 1.5f);
        ink = enabled ? color(v, Tone::Text) : color(v, Tone::Muted);
    }
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring(v, id, r);
    record(v, id, Role::Button, label, false, enabled);
    draw_text(v, FontRole::Bold, ImVec2(a.x + 20, a.y + 11), ink, label, 0);
    return clicked && enabled;
}

// A full-column row that opens and closes; the open state is view state kept in View::open. What is drawn
// while it is open belongs to its region (see View::region), until the caller closes it.
bool disclosure(View& v, const std::string& id, const std::string& title, Tone mark) {
    bool open = v.printing || v.open.count(id) > 0;
    const float text_w = v.column_width - 70;  // clear of the dot on the left and the chevron on the right
    const ImVec2 text = text_size(v, FontRole::Bold, title, text_w);
    const ImVec2 size(v.column_width, text.y + 22);
    if (ImGui::InvisibleButton(id.c_str(), size) || activated(v, id)) {
        open = !open;
        if (open) v.open.insert(id);
        else v.open.erase(id);
    }
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    dl()->AddRectFilled(a, b, hovered ? color(v, Tone::CardHover) : color(v, Tone::Card), 10);
    const ImVec2 dot(a.x + 18, (a.y + b.y) * 0.5f);
    dl()->AddCircleFilled(dot, 5, color(v, mark));
    // chevron: right when closed, down when open
    const ImVec2 c(b.x - 20, (a.y + b.y) * 0.5f);
    if (open) dl()->AddTriangleFilled(ImVec2(c.x - 5, c.y - 3), ImVec2(c.x + 5, c.y - 3), ImVec2(c.x, c.y + 3), color(v, Tone::Muted));
    else dl()->AddTriangleFilled(ImVec2(c.x - 3, c.y - 5), ImVec2(c.x - 3, c.y + 5), ImVec2(c.x + 3, c.y), color(v, Tone::Muted));
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring(v, id, 10);
    record(v, id, Role::Disclosure, title, open, true);
    record_shape(v, ImVec2(dot.x - 5, dot.y - 5), ImVec2(dot.x + 5, dot.y + 5), mark, 5);  // the verdict's colour
    draw_text(v, FontRole::Bold, ImVec2(a.x + 34, a.y + 11), color(v, Tone::Text), title, text_w);
    if (open) v.region = id;
    return open;
}

}  // namespace

void title_text(View& v, const std::string& text, int level) {
    open_item(v, Part::Heading, level);
    wrapped(v, FontRole::Title, color(v, Tone::Text), text);
}

void heading_text(View& v, const std::string& text, int level) {
    open_item(v, level > 0 ? Part::Heading : Part::Paragraph, level);
    wrapped(v, FontRole::Bold, color(v, Tone::Text), text);
}

void muted_text(View& v, const std::string& text, Part part) {
    open_item(v, part);
    wrapped(v, FontRole::Small, color(v, Tone::Muted), text);
}

void section_heading(View& v, const std::string& text) {
    ImGui::Dummy(ImVec2(0, 6));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + v.column_width, p.y), color(v, Tone::Border), 1.0f);
    ImGui::Dummy(ImVec2(0, 10));
    title_text(v, text, 2);
    ImGui::Dummy(ImVec2(0, 2));
}

void bullet_text(View& v, const std::string& text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float line_h = body_line_height(v);
    const auto& blocks = parsed(v, text);
    open_item(v, Part::ListItem);
    list_mark(v, ImVec2(p.x + 6, p.y + line_h * 0.5f));
    rich_line(v, blocks.empty() ? cr::Line{} : blocks[0].text, 18);
}

void checklist_item(View& v, const std::string& text, bool done) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float line_h = body_line_height(v);
    const ImVec2 a(p.x + 1, p.y + (line_h - 16) * 0.5f), b(a.x + 16, a.y + 16);
    const auto& blocks = parsed(v, text);
    SceneItem& item = open_item(v, Part::ListItem);
    if (done) {
        item.name = cr::tr(cr::Key::StepDone);  // the tick's words, for those who cannot see it
        shape_rect(v, a, b, Tone::Accent, 4);
        dl()->AddPolyline(std::array<ImVec2, 3>{ImVec2(a.x + 4, a.y + 8), ImVec2(a.x + 7, a.y + 11), ImVec2(a.x + 12, a.y + 5)}.data(), 3,
                          color(v, Tone::OnAccent), 0, 2.0f);
    } else {
        dl()->AddRect(a, b, color(v, Tone::Muted), 4, 0, 1.5f);
        record_shape(v, a, b, Tone::Muted, 4, 1.5f);
    }
    rich_line(v, blocks.empty() ? cr::Line{} : blocks[0].text, 26);
}

void markdown(View& v, const std::string& text) {
    const auto& blocks = parsed(v, text);
    for (size_t i = 0; i < blocks.size(); ++i) {
        const cr::Block& b = blocks[i];
        const bool list_ends = b.kind == cr::BlockKind::Bullet && (i + 1 == blocks.size() || blocks[i + 1].kind != cr::BlockKind::Bullet);
        if (b.kind == cr::BlockKind::Paragraph) {
            open_item(v, Part::Paragraph);
            rich_line(v, b.text, 0);
            ImGui::Dummy(ImVec2(0, 4));
        } else if (b.kind == cr::BlockKind::Bullet) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            open_item(v, Part::ListItem);
            list_mark(v, ImVec2(p.x + 6, p.y + v.fonts.body->FontSize * 0.72f));
            rich_line(v, b.text, 18);
            if (list_ends) ImGui::Dummy(ImVec2(0, 6));
        } else {
            if (b.rows.empty() || b.rows[0].empty()) continue;
            table(v, b.rows);
            ImGui::Dummy(ImVec2(0, 6));
        }
    }
}

void code_block(View& v, const std::string& code) {
    ImGui::Dummy(ImVec2(0, 4));
    ImFont* font = v.fonts.mono;
    const float room = v.column_width - 32;
    const float natural = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, code.c_str()).x;
    // Narrow screens: shrink the code (down to 75%) before wrapping it, since wrapped code reads badly.
    const float size = natural > room ? std::max(font->FontSize * 0.75f, font->FontSize * room / natural) : font->FontSize;
    const ImVec2 text = text_size(v, FontRole::Mono, code, room, size);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + v.column_width, a.y + text.y + 24);
    dl()->AddRectFilled(a, b, color(v, Tone::CodeBg), 8);
    dl()->AddRectFilled(a, ImVec2(a.x + 4, b.y), color(v, Tone::Accent), 8, ImDrawFlags_RoundCornersLeft);
    SceneItem& item = open_item(v, Part::Code);
    item.name = cr::tr(cr::Key::CodeLabel);
    draw_text(v, FontRole::Mono, ImVec2(a.x + 16, a.y + 12), color(v, Tone::Text), code, room, size);
    v.scene.items.back().rect_min = local(a);
    v.scene.items.back().rect_max = local(b);
    ImGui::Dummy(ImVec2(v.column_width, b.y - a.y));
}

void notice_card(View& v, const std::string& text) {
    const float room = v.column_width - 36;
    const ImVec2 size = text_size(v, FontRole::Body, text, room);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + v.column_width, a.y + size.y + 24);
    dl()->AddRectFilled(a, b, color(v, Tone::Selected), 10);
    dl()->AddRectFilled(a, ImVec2(a.x + 4, b.y), color(v, Tone::Accent), 10, ImDrawFlags_RoundCornersLeft);
    open_item(v, Part::Note);
    draw_text(v, FontRole::Body, ImVec2(a.x + 20, a.y + 12), color(v, Tone::Text), text, room);
    ImGui::Dummy(ImVec2(v.column_width, b.y - a.y + 8));
}

bool primary_button(View& v, const char* id, const std::string& label, bool enabled, bool same_row) {
    return button(v, id, label, enabled, true, same_row);
}
bool secondary_button(View& v, const char* id, const std::string& label, bool enabled, bool same_row) {
    return button(v, id, label, enabled, false, same_row);
}

bool option_card(View& v, const std::string& id, const std::string& group, const std::string& label, bool selected,
                 bool multiple, bool mono) {
    const FontRole role = mono ? FontRole::Mono : FontRole::Body;
    const float text_w = v.column_width - 64;
    const ImVec2 text = text_size(v, role, label, text_w);
    const ImVec2 size(v.column_width, std::max(52.0f, text.y + 28));
    const bool clicked = ImGui::InvisibleButton(id.c_str(), size) || activated(v, id);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float r = 12;
    dl()->AddRectFilled(a, b, selected ? color(v, Tone::Selected) : hovered ? color(v, Tone::CardHover) : color(v, Tone::Card), r);
    dl()->AddRect(a, b, selected ? color(v, Tone::Accent) : color(v, Tone::Border), r, 0, selected ? 2.0f : 1.5f);
    const ImVec2 mark(a.x + 26, (a.y + b.y) * 0.5f);
    if (multiple) {
        dl()->AddRect(ImVec2(mark.x - 9, mark.y - 9), ImVec2(mark.x + 9, mark.y + 9), selected ? color(v, Tone::Accent) : color(v, Tone::Muted), 4, 0, 2);
        if (selected) {
            dl()->AddRectFilled(ImVec2(mark.x - 9, mark.y - 9), ImVec2(mark.x + 9, mark.y + 9), color(v, Tone::Accent), 4);
            dl()->AddPolyline(std::array<ImVec2, 3>{ImVec2(mark.x - 5, mark.y), ImVec2(mark.x - 1, mark.y + 4), ImVec2(mark.x + 5, mark.y - 4)}.data(), 3,
                              color(v, Tone::OnAccent), 0, 2.2f);
        }
    } else {
        dl()->AddCircle(mark, 9, selected ? color(v, Tone::Accent) : color(v, Tone::Muted), 0, 2);
        if (selected) dl()->AddCircleFilled(mark, 5, color(v, Tone::Accent));
    }
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    focus_ring(v, id, r);
    record(v, id, multiple ? Role::Checkbox : Role::Radio, label, selected, true).group = group;
    draw_text(v, role, ImVec2(a.x + 48, a.y + (size.y - text.y) * 0.5f), color(v, Tone::Text), label, text_w);
    ImGui::Dummy(ImVec2(0, 2));
    return clicked;
}

void progress(View& v, const cr::Progress& at, const std::string& section) {
    const std::string pos = std::to_string(at.position), total = std::to_string(at.total);
    const std::string label = at.parts > 1 ? cr::tr(cr::Key::ProgressPart, {std::to_string(at.part), std::to_string(at.parts), pos, total})
                                           : cr::tr(cr::Key::Progress, {pos, total});
    ImFont* font = v.fonts.small;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    open_item(v, Part::Paragraph);
    draw_text(v, FontRole::Small, p, color(v, Tone::Muted), label, 0);
    const float sw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, section.c_str()).x;
    if (sw + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x + 24 < v.column_width) {
        open_item(v, Part::Paragraph);
        draw_text(v, FontRole::Small, ImVec2(p.x + v.column_width - sw, p.y), color(v, Tone::Muted), section, 0);
    }
    ImGui::Dummy(ImVec2(v.column_width, font->FontSize));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float frac = at.total > 0 ? static_cast<float>(at.position) / static_cast<float>(at.total) : 0.0f;
    shape_rect(v, a, ImVec2(a.x + v.column_width, a.y + 6), Tone::Track, 3);
    shape_rect(v, a, ImVec2(a.x + v.column_width * frac, a.y + 6), Tone::Accent, 3);
    ImGui::Dummy(ImVec2(v.column_width, 8));
}

namespace {

// The width of the widest word of `text` (between blanks) in `font`.
float widest_word(ImFont* font, const std::string& text) {
    float widest = 0;
    for (size_t i = 0; i < text.size();) {
        size_t j = text.find_first_of(" \n", i);
        if (j == std::string::npos) j = text.size();
        widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str() + i, text.c_str() + j).x);
        i = j + 1;
    }
    return widest;
}

// The scale's end labels under its track, the min label from the left edge and the max label to the right one: on
// one line when both fit with a gap between them; else each wrapped within its half of the column, from the same
// line; else (a word wider than a half) one under the other across the column. As tall as what it drew.
void scale_labels(View& v, const cr::Scale& s) {
    ImFont* small = v.fonts.small;
    const float gap = 16, half = (v.column_width - gap) * 0.5f;
    const auto width = [&](const std::string& t) { return small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, t.c_str()).x; };
    const bool one_line = width(s.min_label) + gap + width(s.max_label) <= v.column_width;
    const bool stacked = !one_line && std::max(widest_word(small, s.min_label), widest_word(small, s.max_label)) > half;
    const float room = one_line || stacked ? v.column_width : half;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    open_item(v, Part::Paragraph);
    const float min_h = draw_text(v, FontRole::Small, p, color(v, Tone::Muted), s.min_label, room).y;
    const ImVec2 at(p.x + v.column_width - room, stacked ? p.y + min_h : p.y);
    open_item(v, Part::Paragraph);
    const float max_h = draw_text(v, FontRole::Small, at, color(v, Tone::Muted), s.max_label, room, 0, Align::Right).y;
    ImGui::Dummy(ImVec2(v.column_width, std::max(small->FontSize, std::max(p.y + min_h, at.y + max_h) - p.y)));
}

}  // namespace

// The scale: a track with a thumb that a click or a drag moves to the nearest step under the pointer. Its geometry
// is that of an ImGui integer slider (the thumb 2 px inside the track, one step wide but at least 28 px), drawn and
// driven here so the wasm carries no slider code; keyboard readers move the page's range input over it (web/a11y.js).
bool scale_slider(View& v, const cr::Question& q, double& value) {
    const cr::Scale& s = q.scale;
    const int steps = static_cast<int>(std::lround((s.max - s.min) / s.step));
    int index = static_cast<int>(std::lround((value - s.min) / s.step));
    ImGui::InvisibleButton("##scale", ImVec2(v.column_width, v.fonts.bold->FontSize + 28));
    const bool held = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float pad = 2, track = b.x - a.x - 2 * pad;
    const float thumb = std::min(track, std::max(track / static_cast<float>(steps + 1), 28.0f));
    const float usable = track - thumb, left = a.x + pad + thumb * 0.5f, right = b.x - pad - thumb * 0.5f;
    const int before = index;
    if (held) {
        const float t = usable > 0 ? ImSaturate((ImGui::GetIO().MousePos.x - left) / usable) : 0.0f;
        index = t <= 0 ? 0 : t >= 1 ? steps : static_cast<int>(static_cast<float>(steps) * t + 0.5f);
    }
    const bool changed = index != before;
    dl()->AddRectFilled(a, b, color(v, held ? Tone::Selected : hovered ? Tone::CardHover : Tone::Track), 8);
    if (track >= 1) {
        const float x = ImLerp(left, right, steps > 0 ? static_cast<float>(index) / static_cast<float>(steps) : 0.0f);
        dl()->AddRectFilled(ImVec2(x - thumb * 0.5f, a.y + pad), ImVec2(x + thumb * 0.5f, b.y - pad), color(v, held ? Tone::AccentStrong : Tone::Accent), 12);
    }
    const double shown_value = s.min + index * s.step;
    const std::string shown = cr::tr_number(shown_value);
    focus_ring(v, "scale:" + q.id, 8);
    SceneItem& item = record(v, "scale:" + q.id, Role::Slider, q.prompt, false, true);
    item.min = s.min;
    item.max = s.max;
    item.step = s.step;
    item.value = shown_value;
    item.value_text = shown + " (" + cr::tr_number(s.min) + ": " + s.min_label + ", " + cr::tr_number(s.max) + ": " + s.max_label + ")";
    // The value, centred on the track.
    ImFont* bold = v.fonts.bold;
    const float w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, shown.c_str()).x;
    draw_text(v, FontRole::Bold, ImVec2((a.x + b.x - w) * 0.5f, (a.y + b.y - bold->FontSize) * 0.5f), color(v, Tone::Text), shown, 0);
    scale_labels(v, s);
    if (changed) value = s.min + index * s.step;
    return changed;
}

void picture(View& v, const cr::Image& image) {
    if (image.src.empty()) return;
    const float w = std::min(static_cast<float>(image.width), v.column_width);
    const float h = w * static_cast<float>(image.height) / static_cast<float>(image.width);
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + w, a.y + h);
    SceneItem& figure = open_item(v, Part::Figure);
    figure.name = image.alt;
    const auto it = v.pictures.find(image.src);
    if (it != v.pictures.end() && it->second.texture) {
        dl()->AddImageRounded(it->second.texture, a, b, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, 8);
    } else {
        dl()->AddRectFilled(a, b, color(v, Tone::Card), 8);
        if (it != v.pictures.end() && it->second.failed) {  // it will not come: say what it shows
            dl()->AddRect(a, b, color(v, Tone::Border), 8, 0, 1.5f);
            dl()->PushClipRect(a, b, true);
            draw_text(v, FontRole::Small, ImVec2(a.x + 12, a.y + 10), color(v, Tone::Muted), image.alt, std::max(1.0f, w - 24));
            dl()->PopClipRect();
        }
    }
    figure.rect_min = local(a);
    figure.rect_max = local(b);
    ImGui::Dummy(ImVec2(w, h + 8));
}

void outcome_bars(View& v, const cr::Quiz& quiz, const cr::Result& r) {
    double top = 1;
    for (double t : r.totals) top = std::max(top, std::fabs(t));
    for (size_t i = 0; i < quiz.outcomes.size(); ++i) {
        const bool chosen = static_cast<int>(i) == r.decision.chosen;
        const FontRole role = chosen ? FontRole::Bold : FontRole::Body;
        ImFont* font = font_of(v, role);
        // The tie rule's outcome has no points of its own: it sits between the two it decided between.
        const bool between = chosen && r.decision.tie_fired;
        const std::string value = between ? cr::tr(cr::Key::BetweenTwo, {quiz.outcomes[r.decision.tied_a].title, quiz.outcomes[r.decision.tied_b].title})
                                          : cr::tr_number(r.totals[i]);
        SceneItem& figure = open_item(v, Part::Figure);
        figure.name = cr::tr(chosen ? cr::Key::BarChosen : cr::Key::BarValue, {quiz.outcomes[i].title, value});
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 title = draw_text(v, role, p, color(v, Tone::Text), quiz.outcomes[i].title, v.column_width);
        const float vw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, value.c_str()).x;
        // The value sits at the right of the title's last line, or on a line of its own when they would touch.
        const bool beside = title.y <= font->FontSize + 0.5f && title.x + 16 + vw <= v.column_width;
        const float vy = beside ? p.y : p.y + title.y;
        draw_text(v, role, ImVec2(p.x + v.column_width - std::min(vw, v.column_width), vy), color(v, Tone::Text), value, v.column_width);
        ImGui::Dummy(ImVec2(v.column_width, vy - p.y + font->FontSize));
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float frac = static_cast<float>(std::max(0.0, r.totals[i]) / top);
        shape_rect(v, a, ImVec2(a.x + v.column_width, a.y + 10), Tone::Track, 5);
        if (between) {
            // A bracket over the stretch between the two totals it decided between.
            const float x1 = v.column_width * static_cast<float>(std::max(0.0, std::min(r.totals[r.decision.tied_a], r.totals[r.decision.tied_b])) / top);
            const float x2 = v.column_width * static_cast<float>(std::max(0.0, std::max(r.totals[r.decision.tied_a], r.totals[r.decision.tied_b])) / top);
            shape_rect(v, ImVec2(a.x + x1 - 3, a.y - 2), ImVec2(a.x + std::max(x2, x1 + 6) + 3, a.y + 12), Tone::Accent, 5);
        } else if (frac > 0) {
            shape_rect(v, a, ImVec2(a.x + std::max(10.0f, v.column_width * frac), a.y + 10), chosen ? Tone::Accent : Tone::Muted, 5);
        }
        ImGui::Dummy(ImVec2(v.column_width, 16));
        v.scene.items.back().rect_max = local(ImVec2(a.x + v.column_width, a.y + 10));
    }
}

void review_item(View& v, const cr::Quiz& quiz, const cr::Answers& answers, const cr::ReviewItem& item) {
    const cr::Question& q = quiz.questions[item.question];
    const cr::Answer& a = answers[item.question];

    const Tone mark = item.correct ? Tone::Good : item.points > 0 ? Tone::Muted : Tone::Bad;
    const bool open = disclosure(v, "review:" + q.id, cr::verdict_word(item) + ": " + q.prompt, mark);
    if (!open) return;
    std::string yours, right;
    for (size_t o = 0; o < q.options.size(); ++o) {
        if (q.options[o].correct) right += (right.empty() ? "" : ", ") + q.options[o].label;
        if (std::find(a.options.begin(), a.options.end(), static_cast<int>(o)) != a.options.end())
            yours += (yours.empty() ? "" : ", ") + q.options[o].label;
    }
    if (!q.code.empty()) code_block(v, q.code);
    markdown(v, cr::tr_markdown(cr::Key::YourAnswer, {yours.empty() ? cr::tr(cr::Key::NoAnswer) : yours}).source);
    markdown(v, cr::tr_markdown(cr::Key::RightAnswer, {right}).source);
    markdown(v, q.explanation);
    for (int o : a.options)
        if (!q.options[o].correct && !q.options[o].explanation.empty()) markdown(v, q.options[o].explanation);
    ImGui::Dummy(ImVec2(0, 6));
    v.region.clear();
}

void range_chart(View& v, const cr::RangeChart& chart) {
    section_heading(v, chart.title);
    double top = 0;
    for (const auto& item : chart.items) top = std::max(top, item.high * cr::range_factor(chart, item));
    top = std::max(top, 1.0) * 1.05;
    for (const auto& item : chart.items) {
        const double k = cr::range_factor(chart, item);
        heading_text(v, item.label, 3);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        shape_rect(v, a, ImVec2(a.x + v.column_width, a.y + 14), Tone::Track, 7);
        shape_rect(v, ImVec2(a.x + v.column_width * static_cast<float>(item.low * k / top), a.y),
                 ImVec2(a.x + v.column_width * static_cast<float>(item.high * k / top), a.y + 14), Tone::Accent, 7);
        ImGui::Dummy(ImVec2(v.column_width, 18));
        muted_text(v, cr::range_text(chart, item));
        ImGui::Dummy(ImVec2(0, 4));
    }
    if (!chart.assumption.empty()) markdown(v, chart.assumption);
    if (!chart.note.empty()) markdown(v, chart.note);
}

void faq_entry(View& v, const cr::FaqEntry& entry) {
    if (disclosure(v, "faq:" + entry.id, entry.question, Tone::Accent)) {
        ImGui::Indent(12);
        markdown(v, entry.answer);
        ImGui::Unindent(12);
        v.region.clear();
    }
}

}  // namespace ui
