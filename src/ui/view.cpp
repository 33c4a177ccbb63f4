// Crossroads UI: the three screens (start, question, results) drawn with Dear ImGui into one
// borderless full-canvas window. Widgets are custom-drawn cards and buttons on ImGui items, so
// keyboard navigation, hover and focus come from ImGui itself.
#include "view.h"

#include <algorithm>
#include <cmath>

#include "core/markdown.h"
#include "core/report.h"
#include "imgui_internal.h"
#include "widgets.h"

namespace ui {

namespace {

constexpr float kMaxWidth = 720.0f;

void draw_start(cr::Session& s, View& v) {
    const cr::Quiz& q = s.quiz();
    title_text(v, q.title.c_str());
    ImGui::Dummy(ImVec2(0, 4));
    if (!q.intro.empty()) markdown(v, q.intro);
    int shown = s.total();
    std::string meta = cr::counted(shown, "question", "questions");
    if (q.minutes > 0) meta += "  \xC2\xB7  about " + cr::counted(q.minutes, "minute", "minutes");
    muted_text(v, meta.c_str());
    ImGui::Dummy(ImVec2(0, 12));
    if (v.resume_offered) {
        heading_text(v, "Welcome back. Continue where you left off?");
        ImGui::Dummy(ImVec2(0, 2));
        if (primary_button(v, "resume", "Continue", true)) v.request = Request::Resume;
        if (secondary_button(v, "discard", "Start fresh", true, true)) v.request = Request::DiscardResume;
        if (!v.status.empty()) muted_text(v, v.status.c_str());
        return;
    }
    if (primary_button(v, "start", "Start the quiz", true)) {
        if (s.start()) ++v.revision;
    }
    if (v.has_readiness) {
        if (secondary_button(v, "readiness", "Only check my Python", true, true)) v.request = Request::OpenReadiness;
    }
}

void draw_question(cr::Session& s, View& v) {
    const cr::Quiz& quiz = s.quiz();
    const int qi = s.current();
    const cr::Question& q = quiz.questions[qi];
    const cr::Section& section = quiz.sections[q.section];
    progress(v, s.position(), s.total(), section.title.c_str());
    ImGui::Dummy(ImVec2(0, 10));
    heading_text(v, q.prompt.c_str());
    if (q.kind == cr::QuestionKind::Multiple) {
        std::string hint = "Choose all that apply";
        if (q.max_select < static_cast<int>(q.options.size())) hint = "Choose up to " + std::to_string(q.max_select);
        muted_text(v, hint.c_str());
    }
    if (!q.code.empty()) code_block(v, q.code);
    ImGui::Dummy(ImVec2(0, 6));

    const cr::Answer& a = s.answer(qi);
    if (q.kind == cr::QuestionKind::Scale) {
        double value = a.given ? a.value : q.scale.initial;
        if (scale_slider(v, q, value)) {
            s.set_value(value);
            ++v.revision;
        }
    } else {
        for (int o : s.option_order(qi)) {
            const bool selected = std::find(a.options.begin(), a.options.end(), o) != a.options.end();
            const std::string id = "option:" + q.id + ":" + q.options[o].id;
            // Answers to "what does this print?" are program output: show them as code.
            const bool mono = !q.code.empty();
            if (option_card(v, id, q.options[o].label, selected, q.kind == cr::QuestionKind::Multiple, mono)) {
                if (s.select(o)) ++v.revision;
            }
        }
    }
    ImGui::Dummy(ImVec2(0, 12));
    if (secondary_button(v, "back", "Back", true)) {
        if (s.back()) ++v.revision;
    }
    const bool last = s.position() == s.total();
    if (primary_button(v, "next", last ? "See my result" : "Next", s.can_advance(), true)) {
        if (s.next()) ++v.revision;
    }
    if (!q.required && !a.given) {
        muted_text(v, "Optional: you can skip this one");
    }
}

void draw_outcome_part(cr::Session& s, View& v, const cr::Result& r) {
    const cr::Quiz& quiz = s.quiz();
    const cr::Outcome& o = quiz.outcomes[r.decision.chosen];
    muted_text(v, "Our suggestion for you");
    title_text(v, o.title.c_str());
    markdown(v, o.summary);
    section_heading(v, "Why this result");
    markdown(v, cr::decision_text(quiz, r));
    for (const auto& c : cr::top_reasons(r, 4)) bullet_text(v, cr::reason_text(quiz, s.state().answers, c));
    ImGui::Dummy(ImVec2(0, 6));
    outcome_bars(v, quiz, r);
}

void draw_knowledge_part(cr::Session& s, View& v, const cr::Result& r) {
    const cr::Quiz& quiz = s.quiz();
    section_heading(v, "Your Python readiness");
    std::string score = cr::knowledge_score_text(r);
    if (r.band >= 0) score = quiz.bands[r.band].title + "  \xC2\xB7  " + score;
    heading_text(v, score.c_str());
    if (r.band >= 0) markdown(v, quiz.bands[r.band].feedback);
    ImGui::Dummy(ImVec2(0, 4));
    for (const auto& item : r.review) review_item(v, s, item);
}

void draw_results(cr::Session& s, View& v) {
    const cr::Quiz& quiz = s.quiz();
    const cr::Result r = s.result();
    if (r.decision.chosen >= 0) draw_outcome_part(s, v, r);
    else title_text(v, quiz.title.c_str());
    if (r.has_knowledge) draw_knowledge_part(s, v, r);
    if (r.decision.chosen >= 0 && !quiz.outcomes[r.decision.chosen].details.empty()) {
        section_heading(v, "The details");
        markdown(v, quiz.outcomes[r.decision.chosen].details);
    }
    if (quiz.salary.present) salary_chart(v, quiz.salary);
    if (!quiz.faq.empty()) {
        section_heading(v, "Questions readers ask");
        for (const auto& f : quiz.faq) faq_entry(v, f);
    }
    ImGui::Dummy(ImVec2(0, 12));
    if (primary_button(v, "copy", "Copy my result", true)) v.request = Request::CopyResult;
    if (v.can_share && secondary_button(v, "share", "Copy share link", true, true)) v.request = Request::CopyShareLink;
    if (secondary_button(v, "back", "Change answers", true, true)) {
        if (s.back()) ++v.revision;
    }
    if (secondary_button(v, "restart", "Start over", true, true)) {
        s.restart();
        ++v.revision;
    }
    if (v.has_readiness && !r.has_knowledge) {
        ImGui::Dummy(ImVec2(0, 4));
        if (secondary_button(v, "readiness", "Check my Python readiness", true)) v.request = Request::OpenReadiness;
    }
    if (!v.status.empty()) muted_text(v, v.status.c_str());
}

// A shared result is someone else's: say so, and ask before the reader's changes make it their own.
void draw_shared_banner(View& v) {
    if (v.adopt_offered) {
        notice_card(v, std::string("Make these answers yours? They came from a share link.") +
                           (v.own_saved ? " Your own saved answers will be replaced." : ""));
        if (primary_button(v, "adopt", "Make them mine", true)) v.request = Request::AdoptShared;
        if (secondary_button(v, "leave", v.own_saved ? "Back to my own answers" : "Take the quiz myself", true, true))
            v.request = Request::LeaveShared;
    } else {
        notice_card(v, "You are looking at answers someone shared with you. Nothing here is saved as yours.");
        if (secondary_button(v, "leave", v.own_saved ? "Back to my own answers" : "Take the quiz myself", true))
            v.request = Request::LeaveShared;
    }
    ImGui::Dummy(ImVec2(0, 12));
}

// Screen key for the fade: start = -1, results = -2 - 1, each question its own index.
int screen_key(const cr::Session& s) {
    switch (s.screen()) {
        case cr::Screen::Start: return -1;
        case cr::Screen::Results: return -3;
        default: return s.current();
    }
}


// Starts the borderless full-canvas window and the centred column; returns the top padding.
float begin_page(View& v, float fade) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.35f + 0.65f * fade);
    ImGui::Begin("##crossroads", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    const float pad = io.DisplaySize.x < 480 ? 16.0f : 28.0f;
    const float width = std::min(kMaxWidth, io.DisplaySize.x - 2 * pad);
    const float left = std::max(pad, (io.DisplaySize.x - width) * 0.5f);
    ImGui::SetCursorPos(ImVec2(left, pad + (1.0f - fade) * 8.0f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(left + width);
    ImGui::PushItemWidth(width);
    set_column(left, width);
    v.hits.clear();
    return pad;
}

void end_page(View& v, float pad, float fade) {
    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    v.content_height = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + pad - (1.0f - fade) * 8.0f;
    // The oldest activation is stale when no widget could take it (its item is gone); later ones wait their turn.
    if (v.activations_taken == 0 && !v.activations.empty()) v.activations.pop_front();
    v.activations_taken = 0;
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace

void draw_errors(const std::vector<cr::Diagnostic>& errors, const std::string& source, View& v) {
    const float pad = begin_page(v, 1.0f);
    title_text(v, "This quiz could not be loaded");
    markdown(v, "The quiz file **" + source + "** has problems. An editor can fix them with the messages below "
                "(line:column, where in the file, what is wrong).");
    for (const auto& d : errors) {
        if (d.severity != cr::Severity::Error) continue;
        bullet_text(v, cr::printable(cr::format_diagnostic(d, source)));
    }
    end_page(v, pad, 1.0f);
}

void draw(cr::Session& session, View& v) {
    const int key = screen_key(session);
    if (key != v.shown_key) {
        v.shown_key = key;
        v.screen_since = v.time;
        v.status.clear();
    }
    const float fade = v.reduced_motion ? 1.0f : std::min(1.0f, static_cast<float>((v.time - v.screen_since) / 0.18));
    v.animating = fade < 1.0f;

    const float pad = begin_page(v, fade);
    if (!v.notice.empty() && session.screen() == cr::Screen::Start) notice_card(v, v.notice);
    if (v.shared) draw_shared_banner(v);
    switch (session.screen()) {
        case cr::Screen::Start: draw_start(session, v); break;
        case cr::Screen::Question: draw_question(session, v); break;
        case cr::Screen::Results: draw_results(session, v); break;
    }
    end_page(v, pad, fade);
}

}  // namespace ui
