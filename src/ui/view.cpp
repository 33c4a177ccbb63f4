// Crossroads UI: the screens (start, question, results, errors) drawn with Dear ImGui into one borderless
// full-canvas window, each described as a scene. Draws the app layer's screen model; what the reader does becomes
// an app command, applied between frames by the platform.
#include "view.h"

#include <algorithm>
#include <cmath>
#include <iterator>

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

void intend(View& v, app::Command command) { v.commands.push_back(std::move(command)); }

void draw_start(const app::ScreenModel& m, View& v) {
    const cr::Quiz& q = *m.quiz;
    title_text(v, q.title, 1);
    ImGui::Dummy(ImVec2(0, 4));
    picture(v, q.image);
    if (!q.intro.empty()) markdown(v, q.intro);
    std::string meta = cr::tr_count(Key::QuestionCount, m.question_count);
    if (q.minutes > 0) meta += tr(Key::MetaSeparator) + cr::tr_count(Key::MinuteCount, q.minutes);
    muted_text(v, meta);
    ImGui::Dummy(ImVec2(0, 12));
    if (m.resume_offered) {
        heading_text(v, tr(Key::WelcomeBack), 0);
        ImGui::Dummy(ImVec2(0, 2));
        if (primary_button(v, "resume", tr(Key::Continue), true)) intend(v, app::Resume{});
        if (secondary_button(v, "discard", tr(Key::StartFresh), true, true)) intend(v, app::DiscardResume{});
        if (!m.status.empty()) muted_text(v, m.status, Part::Status);
        return;
    }
    if (primary_button(v, "start", tr(Key::StartQuiz), true)) intend(v, app::Start{});
    if (m.can_link && q.related.present && secondary_button(v, "related", q.related.label, true, true)) intend(v, app::OpenRelated{});
}

void draw_question(const app::ScreenModel& m, View& v) {
    const cr::Quiz& quiz = *m.quiz;
    const cr::Question& q = quiz.questions[m.question];
    const cr::Section& section = quiz.sections[q.section];
    progress(v, m.progress, section.title);
    if (!section.intro.empty() && m.section_starts) markdown(v, section.intro);
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

    if (q.kind == cr::QuestionKind::Scale) {
        double value = m.value;
        if (scale_slider(v, q, value)) intend(v, app::SetValue{value});
    } else {
        for (const app::OptionView& o : m.options) {
            const std::string id = "option:" + q.id + ":" + q.options[o.index].id;
            // Answers to "what does this print?" are program output: show them as code.
            const bool mono = !q.code.empty();
            if (option_card(v, id, q.id, q.options[o.index].label, o.selected, q.kind == cr::QuestionKind::Multiple, mono))
                intend(v, app::Select{o.index});
        }
    }
    ImGui::Dummy(ImVec2(0, 12));
    if (secondary_button(v, "back", tr(Key::Back), true)) intend(v, app::Back{});
    if (primary_button(v, "next", tr(m.last ? Key::SeeResult : Key::Next), m.can_advance, true)) intend(v, app::Next{});
    if (!q.required && !m.answered) muted_text(v, tr(Key::OptionalQuestion));
}

void draw_outcome_part(const app::ScreenModel& m, View& v) {
    const cr::Quiz& quiz = *m.quiz;
    const cr::Result& r = m.result;
    const cr::Outcome& o = quiz.outcomes[r.decision.chosen];
    muted_text(v, tr(Key::SuggestionFor));
    title_text(v, o.title, 1);
    picture(v, o.image);
    markdown(v, o.summary);
    if (!o.cta.label.empty()) {
        ImGui::Dummy(ImVec2(0, 4));
        if (primary_button(v, "cta", o.cta.label, true)) intend(v, app::OpenCta{});
    }
    section_heading(v, tr(Key::WhyResult));
    markdown(v, m.decision);
    for (const auto& reason : m.reasons) {
        bullet_text(v, reason.text);
        if (!reason.why.empty()) {
            ImGui::Indent(18);
            markdown(v, reason.why);
            ImGui::Unindent(18);
        }
    }
    for (const auto& note : m.notes) bullet_text(v, note);
    ImGui::Dummy(ImVec2(0, 6));
    if (r.decision.rule < 0) outcome_bars(v, quiz, r);  // points decided; a rule's sentence is the whole reason
    v.scene.announce = tr(Key::ResultAnnounce, {o.title, o.summary});

    if (!m.plan.empty()) {
        section_heading(v, tr(Key::NextSteps));
        for (const auto& item : m.plan) checklist_item(v, item.text, item.done);
    }
    if (m.changeable) {
        section_heading(v, tr(Key::WhatWouldChange));
        for (const auto& line : m.changes) bullet_text(v, line);
    }
}

void draw_knowledge_part(const app::ScreenModel& m, View& v) {
    const cr::Quiz& quiz = *m.quiz;
    const cr::Result& r = m.result;
    section_heading(v, cr::knowledge_title(quiz));
    std::string score = cr::knowledge_score_text(r);
    if (r.band >= 0) score = quiz.bands[r.band].title + tr(Key::MetaSeparator) + score;
    heading_text(v, score, 0);
    if (r.band >= 0) markdown(v, quiz.bands[r.band].feedback);
    ImGui::Dummy(ImVec2(0, 4));
    for (const auto& item : r.review) review_item(v, quiz, m.answers, item);
}

void draw_results(const app::ScreenModel& m, View& v) {
    const cr::Quiz& quiz = *m.quiz;
    const cr::Result& r = m.result;
    if (r.decision.chosen >= 0) draw_outcome_part(m, v);
    else title_text(v, quiz.title, 1);
    if (r.has_knowledge) draw_knowledge_part(m, v);
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
    if (primary_button(v, "copy", tr(Key::CopyResult), true)) intend(v, app::CopyResult{});
    if (m.can_share && secondary_button(v, "share", tr(Key::CopyShareLink), true, true)) intend(v, app::CopyShareLink{});
    if (secondary_button(v, "print", tr(Key::PrintResult), true, true)) intend(v, app::Print{});
    if (secondary_button(v, "back", tr(Key::ChangeAnswers), true, true)) intend(v, app::Back{});
    if (secondary_button(v, "restart", tr(Key::StartOver), true, true)) intend(v, app::Restart{});
    if (m.can_link && quiz.related.present && !r.has_knowledge) {
        ImGui::Dummy(ImVec2(0, 4));
        if (secondary_button(v, "related", quiz.related.results_label, true)) intend(v, app::OpenRelated{});
    }
    if (!m.status.empty()) muted_text(v, m.status, Part::Status);
}

// A shared result is someone else's: say so, and ask before the reader's changes make it their own.
void draw_shared_banner(const app::ScreenModel& m, View& v) {
    const std::string leave = tr(m.own_saved ? Key::BackToMine : Key::TakeQuizMyself);
    if (m.adopt_offered) {
        notice_card(v, tr(Key::AdoptQuestion) + (m.own_saved ? tr(Key::AdoptReplaces) : std::string()));
        if (primary_button(v, "adopt", tr(Key::AdoptYes), true)) intend(v, app::AdoptShared{});
        if (secondary_button(v, "leave", leave, true, true)) intend(v, app::LeaveShared{});
    } else {
        notice_card(v, tr(Key::SharedView));
        if (secondary_button(v, "leave", leave, true)) intend(v, app::LeaveShared{});
    }
    ImGui::Dummy(ImVec2(0, 12));
}

// The loader's messages when a quiz file cannot be used (never a blank canvas).
void draw_errors(const app::ScreenModel& m, View& v) {
    title_text(v, tr(Key::CannotLoad), 1);
    markdown(v, cr::tr_markdown(Key::CannotLoadHelp, {m.source}).source);
    for (const auto& line : m.errors) bullet_text(v, cr::literal(line).source);
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
    v.scene = Scene();
    v.scene.screen = screen;
    std::copy(std::begin(v.theme.palette), std::end(v.theme.palette), std::begin(v.scene.palette));
    v.region.clear();
    v.commands.clear();
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

void draw(const app::ScreenModel& m, View& v) {
    if (m.key != v.shown_key) {
        v.shown_key = m.key;
        v.screen_since = v.time;
    }
    // Markdown is parsed once per model: the texts of the last one go when a new one shows.
    if (m.revision != v.parsed_revision) {
        v.parsed.clear();
        v.parsed_revision = m.revision;
    }
    const bool fades = m.screen != app::Screen::Errors && m.screen != app::Screen::Loading;
    const float fade = v.reduced_motion || !fades ? 1.0f : std::min(1.0f, static_cast<float>((v.time - v.screen_since) / 0.18));
    v.animating = fade < 1.0f;

    const float pad = begin_page(v, fade, m.name);
    if (!m.notice.empty() && m.screen == app::Screen::Start) notice_card(v, m.notice);
    if (m.shared) draw_shared_banner(m, v);
    switch (m.screen) {
        case app::Screen::Loading: break;  // the page shows its placeholder until the quiz is here
        case app::Screen::Errors: draw_errors(m, v); break;
        case app::Screen::Start: draw_start(m, v); break;
        case app::Screen::Question: draw_question(m, v); break;
        case app::Screen::Results: draw_results(m, v); break;
    }
    end_page(v, pad, fade);
}

}  // namespace ui
