// Crossroads UI: the three screens (start, question, results) drawn with Dear ImGui into one borderless
// full-canvas window, each described as a scene. The session is only read here: what the reader does becomes
// an intent, applied between frames by apply_intents.
#include "view.h"

#include <algorithm>
#include <cmath>

#include "core/advice.h"
#include "core/catalogue.h"
#include "core/markdown.h"
#include "core/report.h"
#include "imgui_internal.h"
#include "tokens.inc"
#include "widgets.h"

namespace ui {

namespace {

using cr::Key;
using cr::tr;

void intend(View& v, Command command, int option = -1, double value = 0) { v.intents.push_back({command, option, value}); }

void draw_start(const cr::Session& s, View& v) {
    const cr::Quiz& q = s.quiz();
    title_text(v, q.title, 1);
    ImGui::Dummy(ImVec2(0, 4));
    picture(v, q.image);
    if (!q.intro.empty()) markdown(v, q.intro);
    std::string meta = cr::tr_count(Key::QuestionCount, s.total());
    if (q.minutes > 0) meta += tr(Key::MetaSeparator) + cr::tr_count(Key::MinuteCount, q.minutes);
    muted_text(v, meta);
    ImGui::Dummy(ImVec2(0, 12));
    if (v.resume_offered) {
        heading_text(v, tr(Key::WelcomeBack), 0);
        ImGui::Dummy(ImVec2(0, 2));
        if (primary_button(v, "resume", tr(Key::Continue), true)) v.request = Request::Resume;
        if (secondary_button(v, "discard", tr(Key::StartFresh), true, true)) v.request = Request::DiscardResume;
        if (!v.status.empty()) muted_text(v, v.status, Part::Status);
        return;
    }
    if (primary_button(v, "start", tr(Key::StartQuiz), true)) intend(v, Command::Start);
    if (v.can_link && q.related.present && secondary_button(v, "related", q.related.label, true, true)) v.request = Request::OpenRelated;
}

void draw_question(const cr::Session& s, View& v) {
    const cr::Quiz& quiz = s.quiz();
    const int qi = s.current();
    const cr::Question& q = quiz.questions[qi];
    const cr::Section& section = quiz.sections[q.section];
    progress(v, s.progress(), section.title);
    if (!section.intro.empty() && s.section_starts()) markdown(v, section.intro);
    ImGui::Dummy(ImVec2(0, 10));
    heading_text(v, q.prompt, 1);
    picture(v, q.image);
    // An outcome question's explanation says what it asks (a knowledge question's would give the answer away).
    if (!q.scored && !q.explanation.empty()) markdown(v, q.explanation);
    if (q.kind == cr::QuestionKind::Multiple) {
        muted_text(v, q.max_select < static_cast<int>(q.options.size()) ? cr::tr_count(Key::ChooseUpTo, q.max_select)
                                                                         : tr(Key::ChooseAll));
    }
    if (!q.code.empty()) code_block(v, q.code);
    ImGui::Dummy(ImVec2(0, 6));

    const cr::Answer& a = s.answer(qi);
    if (q.kind == cr::QuestionKind::Scale) {
        double value = a.given ? a.value : q.scale.initial;
        if (scale_slider(v, q, value)) intend(v, Command::SetValue, -1, value);
    } else {
        for (int o : s.option_order(qi)) {
            const bool selected = std::find(a.options.begin(), a.options.end(), o) != a.options.end();
            const std::string id = "option:" + q.id + ":" + q.options[o].id;
            // Answers to "what does this print?" are program output: show them as code.
            const bool mono = !q.code.empty();
            if (option_card(v, id, q.id, q.options[o].label, selected, q.kind == cr::QuestionKind::Multiple, mono))
                intend(v, Command::Select, o);
        }
    }
    ImGui::Dummy(ImVec2(0, 12));
    if (secondary_button(v, "back", tr(Key::Back), true)) intend(v, Command::Back);
    const bool last = s.position() == s.total();
    if (primary_button(v, "next", tr(last ? Key::SeeResult : Key::Next), s.can_advance(), true)) intend(v, Command::Next);
    if (!q.required && !a.given) muted_text(v, tr(Key::OptionalQuestion));
}

void draw_outcome_part(const cr::Session& s, View& v, const cr::Result& r) {
    const cr::Quiz& quiz = s.quiz();
    const cr::Outcome& o = quiz.outcomes[r.decision.chosen];
    muted_text(v, tr(Key::SuggestionFor));
    title_text(v, o.title, 1);
    picture(v, o.image);
    markdown(v, o.summary);
    if (!o.cta.label.empty()) {
        ImGui::Dummy(ImVec2(0, 4));
        if (primary_button(v, "cta", o.cta.label, true)) v.request = Request::OpenCta;
    }
    section_heading(v, tr(Key::WhyResult));
    markdown(v, cr::decision_text(quiz, r).source);
    const cr::Answers& answers = s.state().answers;
    for (const auto& c : cr::top_reasons(r, 4)) {
        bullet_text(v, cr::reason_text(quiz, answers, c).source);
        const std::string why = cr::reason_explanation(quiz, c);
        if (!why.empty()) {
            ImGui::Indent(18);
            markdown(v, why);
            ImGui::Unindent(18);
        }
    }
    for (const auto& note : cr::tipped_notes(quiz, answers, r)) bullet_text(v, note);
    ImGui::Dummy(ImVec2(0, 6));
    if (r.decision.rule < 0) outcome_bars(v, quiz, r);  // points decided; a rule's sentence is the whole reason
    v.scene.announce = tr(Key::ResultAnnounce, {o.title, o.summary});

    const auto plan = cr::next_steps(quiz, answers, r);
    if (!plan.empty()) {
        section_heading(v, tr(Key::NextSteps));
        for (const auto& item : plan) checklist_item(v, item.text, item.done);
    }
    // What would change it: worked out once per set of answers (it tries many), not every frame.
    const bool changeable = std::any_of(quiz.questions.begin(), quiz.questions.end(), [](const cr::Question& q) { return q.changeable; });
    if (changeable) {
        if (v.changes_revision != v.revision || v.changes.empty()) {
            v.changes.clear();
            for (const auto& path : cr::what_would_change(quiz, answers)) v.changes.push_back(cr::change_text(quiz, path).source);
            v.changes_revision = v.revision;
        }
        section_heading(v, tr(Key::WhatWouldChange));
        for (const auto& line : v.changes) bullet_text(v, line);
    }
}

void draw_knowledge_part(const cr::Session& s, View& v, const cr::Result& r) {
    const cr::Quiz& quiz = s.quiz();
    section_heading(v, cr::knowledge_title(quiz));
    std::string score = cr::knowledge_score_text(r);
    if (r.band >= 0) score = quiz.bands[r.band].title + tr(Key::MetaSeparator) + score;
    heading_text(v, score, 0);
    if (r.band >= 0) markdown(v, quiz.bands[r.band].feedback);
    ImGui::Dummy(ImVec2(0, 4));
    for (const auto& item : r.review) review_item(v, s, item);
}

void draw_results(const cr::Session& s, View& v) {
    const cr::Quiz& quiz = s.quiz();
    const cr::Result r = s.result();
    if (r.decision.chosen >= 0) draw_outcome_part(s, v, r);
    else title_text(v, quiz.title, 1);
    if (r.has_knowledge) draw_knowledge_part(s, v, r);
    if (r.decision.chosen >= 0 && !quiz.outcomes[r.decision.chosen].details.empty()) {
        section_heading(v, tr(Key::TheDetails));
        markdown(v, quiz.outcomes[r.decision.chosen].details);
    }
    if (quiz.ranges.present) range_chart(v, quiz.ranges);
    if (!quiz.faq.empty()) {
        section_heading(v, tr(Key::Faq));
        for (const auto& f : quiz.faq) faq_entry(v, f);
    }
    ImGui::Dummy(ImVec2(0, 12));
    if (primary_button(v, "copy", tr(Key::CopyResult), true)) v.request = Request::CopyResult;
    if (v.can_share && secondary_button(v, "share", tr(Key::CopyShareLink), true, true)) v.request = Request::CopyShareLink;
    if (secondary_button(v, "back", tr(Key::ChangeAnswers), true, true)) intend(v, Command::Back);
    if (secondary_button(v, "restart", tr(Key::StartOver), true, true)) intend(v, Command::Restart);
    if (v.can_link && quiz.related.present && !r.has_knowledge) {
        ImGui::Dummy(ImVec2(0, 4));
        if (secondary_button(v, "related", quiz.related.results_label, true)) v.request = Request::OpenRelated;
    }
    if (!v.status.empty()) muted_text(v, v.status, Part::Status);
}

// A shared result is someone else's: say so, and ask before the reader's changes make it their own.
void draw_shared_banner(View& v) {
    const std::string leave = tr(v.own_saved ? Key::BackToMine : Key::TakeQuizMyself);
    if (v.adopt_offered) {
        notice_card(v, tr(Key::AdoptQuestion) + (v.own_saved ? tr(Key::AdoptReplaces) : std::string()));
        if (primary_button(v, "adopt", tr(Key::AdoptYes), true)) v.request = Request::AdoptShared;
        if (secondary_button(v, "leave", leave, true, true)) v.request = Request::LeaveShared;
    } else {
        notice_card(v, tr(Key::SharedView));
        if (secondary_button(v, "leave", leave, true)) v.request = Request::LeaveShared;
    }
    ImGui::Dummy(ImVec2(0, 12));
}

// Screen key for the fade: start = -1, results = -3, each question its own index.
int screen_key(const cr::Session& s) {
    switch (s.screen()) {
        case cr::Screen::Start: return -1;
        case cr::Screen::Results: return -3;
        default: return s.current();
    }
}

std::string screen_name(const cr::Session& s) {
    switch (s.screen()) {
        case cr::Screen::Start: return "start";
        case cr::Screen::Results: return "results";
        default: return "question:" + s.quiz().questions[s.current()].id;
    }
}

// Starts the borderless full-canvas window and the centred column; returns the top padding.
float begin_page(View& v, float fade, const std::string& screen) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.35f + 0.65f * fade);
    ImGui::Begin("##crossroads", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    const float pad = io.DisplaySize.x < kColumnWideFrom ? kColumnPad : kColumnPadWide;
    const float width = std::min(kColumnMax, io.DisplaySize.x - 2 * pad);
    const float left = std::max(pad, (io.DisplaySize.x - width) * 0.5f);
    ImGui::SetCursorPos(ImVec2(left, pad + (1.0f - fade) * 8.0f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(left + width);
    ImGui::PushItemWidth(width);
    v.column_left = left;
    v.column_width = width;
    v.hits.clear();
    v.scene = Scene();
    v.scene.screen = screen;
    v.region.clear();
    v.intents.clear();
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
    const float pad = begin_page(v, 1.0f, "errors");
    title_text(v, tr(Key::CannotLoad), 1);
    markdown(v, cr::tr_markdown(Key::CannotLoadHelp, {source}).source);
    for (const auto& d : errors) {
        if (d.severity != cr::Severity::Error) continue;
        bullet_text(v, cr::literal(cr::printable(cr::format_diagnostic(d, source))).source);
    }
    end_page(v, pad, 1.0f);
}

void draw(const cr::Session& session, View& v) {
    const int key = screen_key(session);
    if (key != v.shown_key) {
        v.shown_key = key;
        v.screen_since = v.time;
        v.status.clear();
    }
    const float fade = v.reduced_motion ? 1.0f : std::min(1.0f, static_cast<float>((v.time - v.screen_since) / 0.18));
    v.animating = fade < 1.0f;

    const float pad = begin_page(v, fade, screen_name(session));
    if (!v.notice.empty() && session.screen() == cr::Screen::Start) notice_card(v, v.notice);
    if (v.shared) draw_shared_banner(v);
    switch (session.screen()) {
        case cr::Screen::Start: draw_start(session, v); break;
        case cr::Screen::Question: draw_question(session, v); break;
        case cr::Screen::Results: draw_results(session, v); break;
    }
    end_page(v, pad, fade);
}

bool apply_intents(cr::Session& session, View& v) {
    bool changed = false;
    for (const Intent& i : v.intents) {
        switch (i.command) {
            case Command::Start: changed = session.start() || changed; break;
            case Command::Select: changed = session.select(i.option) || changed; break;
            case Command::SetValue: changed = session.set_value(i.value) || changed; break;
            case Command::Next: changed = session.next() || changed; break;
            case Command::Back: changed = session.back() || changed; break;
            case Command::Restart:
                session.restart();
                changed = true;
                break;
        }
    }
    v.intents.clear();
    if (changed) ++v.revision;
    return changed;
}

}  // namespace ui
