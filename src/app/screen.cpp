// Crossroads app layer: present(), the screen a state shows, worked out once per revision: the result is scored and
// its sentences written here, never while drawing.
#include "screen.h"

#include <algorithm>

#include "core/diagnostics.h"
#include "core/markdown.h"
#include "core/report.h"

namespace app {

namespace {

void present_question(const cr::Session& s, ScreenModel& m) {
    const int qi = s.current();
    const cr::Question& q = s.quiz().questions[qi];
    const cr::Answer& a = s.answer(qi);
    m.question = qi;
    m.progress = s.progress();
    m.section_starts = s.section_starts();
    m.answered = a.given;
    m.value = a.given ? a.value : q.scale.initial;
    for (int o : s.option_order(qi))
        m.options.push_back({o, std::find(a.options.begin(), a.options.end(), o) != a.options.end()});
    m.can_advance = s.can_advance();
    m.last = s.position() == s.total();
}

void present_results(const cr::Session& s, ScreenModel& m) {
    const cr::Quiz& quiz = s.quiz();
    m.result = s.result();
    m.answers = s.state().answers;
    const cr::Result& r = m.result;
    if (r.decision.chosen >= 0) {
        m.decision = cr::decision_text(quiz, r).source;
        for (const auto& c : cr::top_reasons(r, 4))
            m.reasons.push_back({cr::reason_text(quiz, m.answers, c).source, cr::reason_explanation(quiz, c)});
        m.notes = cr::tipped_notes(quiz, m.answers, r);
        m.plan = cr::next_steps(quiz, m.answers, r);
        m.changeable = std::any_of(quiz.questions.begin(), quiz.questions.end(), [](const cr::Question& q) { return q.changeable; });
        if (m.changeable)
            for (const auto& path : cr::what_would_change(quiz, m.answers)) m.changes.push_back(cr::change_text(quiz, path).source);
    }
}

}  // namespace

ScreenModel present(const State& state) {
    ScreenModel m;
    m.revision = state.revision;
    m.notice = state.notice;
    m.shared = state.viewing_shared;
    m.own_saved = state.own_saved;
    m.adopt_offered = state.adopt_offered;
    m.status = state.status;
    m.can_link = state.env.can_link;
    m.can_share = !state.env.share_base.empty();
    m.source = state.source;
    const cr::Session* s = state.session();
    if (!s) {
        m.screen = state.errors.empty() ? Screen::Loading : Screen::Errors;
        m.name = state.errors.empty() ? "loading" : "errors";
        for (const auto& d : state.errors)
            if (d.severity == cr::Severity::Error) m.errors.push_back(cr::printable(cr::format_diagnostic(d, state.source)));
        return m;
    }
    m.quiz = &s->quiz();
    m.question_count = s->total();
    m.resume_offered = state.resume_offered;
    switch (s->screen()) {
        case cr::Screen::Start:
            m.screen = Screen::Start;
            m.name = "start";
            m.key = -1;
            break;
        case cr::Screen::Question:
            m.screen = Screen::Question;
            m.name = "question:" + s->quiz().questions[s->current()].id;
            m.key = s->current();
            present_question(*s, m);
            break;
        case cr::Screen::Results:
            m.screen = Screen::Results;
            m.name = "results";
            m.key = -3;
            present_results(*s, m);
            break;
    }
    return m;
}

const ScreenModel& screen_model(const State& state, ScreenModel& cache, int* presented) {
    if (cache.revision != state.revision || cache.revision < 0) {
        cache = present(state);
        if (presented) ++*presented;
    }
    return cache;
}

}  // namespace app
