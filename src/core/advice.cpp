// Crossroads core: advice on a result. "What would change" tries every set of 1, 2, ... kMaxChanges answer
// changes (each changeable question's answers, a scale by its classes), smallest sets first.
#include "advice.h"

#include <functional>

#include "catalogue.h"
#include "report.h"
#include "space.h"

namespace cr {

namespace {

bool same_answer(const Question& q, const Answer& a, const Answer& b) {
    if (a.given != b.given) return false;
    if (q.kind == QuestionKind::Scale) return a.value == b.value;
    return a.options == b.options;
}

Markdown answer_words(const Question& q, const Answer& a) {
    if (q.kind == QuestionKind::Scale) return tr_markdown(Key::ScaleValue, {tr_number(a.value)});
    Markdown out;
    for (size_t k = 0; k < a.options.size(); ++k) {
        if (k) out.source += tr_markdown(k + 1 == a.options.size() ? Key::ListAnd : Key::ListComma).source;
        out.source += tr_markdown(Key::Quoted, {q.options[a.options[k]].label}).source;
    }
    return out;
}

}  // namespace

std::vector<ChangePath> what_would_change(const Quiz& quiz, const Answers& answers, size_t budget) {
    const Result now = score(quiz, answers);
    std::vector<ChangePath> paths;
    for (int o = 0; o < static_cast<int>(quiz.outcomes.size()); ++o)
        if (o != now.decision.chosen) paths.push_back({o, false, {}});
    // Per changeable outcome question: its answers other than the reader's (a scale's value nearest to theirs).
    std::vector<int> questions;
    std::vector<std::vector<Alternative>> options;
    for (int i = 0; i < static_cast<int>(quiz.questions.size()); ++i) {
        const Question& q = quiz.questions[i];
        if (!q.changeable || q.scored) continue;
        bool approximate = false;
        const Answer& current = i < static_cast<int>(answers.size()) ? answers[i] : Answer{};
        const auto all = alternatives(quiz, i, current.value, approximate);
        std::vector<Alternative> others;  // a scale class stands as its value nearest the reader's: theirs, in their own
        for (const Alternative& alt : all)
            if (!same_answer(q, alt.answer, current)) others.push_back(alt);
        questions.push_back(i);
        options.push_back(std::move(others));
    }
    size_t open = paths.size();
    Answers trial = answers;
    trial.resize(quiz.questions.size());
    std::vector<AnswerChange> chosen;
    // Tries every set of `size` changes among questions[from...], each with every alternative.
    std::function<void(size_t, int)> search = [&](size_t from, int size) {
        if (open == 0 || budget == 0) return;
        if (size == 0) {
            --budget;
            const int got = score(quiz, trial).decision.chosen;
            for (ChangePath& p : paths)
                if (!p.found && p.outcome == got) {
                    p.found = true;
                    p.changes = chosen;
                    --open;
                }
            return;
        }
        for (size_t k = from; k < questions.size(); ++k) {
            const int qi = questions[k];
            const Answer saved = trial[qi];
            for (const Alternative& alt : options[k]) {
                trial[qi] = alt.answer;
                chosen.push_back({qi, alt.answer});
                search(k + 1, size - 1);
                chosen.pop_back();
            }
            trial[qi] = saved;
        }
    };
    for (int size = 1; size <= kMaxChanges && open > 0 && budget > 0; ++size) search(0, size);
    return paths;
}

Markdown change_text(const Quiz& quiz, const ChangePath& path) {
    const std::string& title = quiz.outcomes[path.outcome].title;
    if (!path.found) return tr_markdown(Key::ChangeNone, {title});
    Markdown changes;
    for (size_t k = 0; k < path.changes.size(); ++k) {
        const Question& q = quiz.questions[path.changes[k].question];
        if (k) changes.source += tr_markdown(k + 1 == path.changes.size() ? Key::ListCommaAnd : Key::ListComma).source;
        changes.source += tr_markdown(Key::ChangeAnswerTo, {answer_words(q, path.changes[k].answer), q.prompt}).source;
    }
    return tr_markdown(Key::ChangeIf, {std::move(changes), title});
}

std::vector<PlanItem> next_steps(const Quiz& quiz, const Answers& answers, const Result& result) {
    std::vector<PlanItem> out;
    if (result.decision.chosen < 0) return out;
    const std::vector<bool> visible = visible_questions(quiz, answers);
    for (const NextStep& step : quiz.outcomes[result.decision.chosen].next_steps)
        if (!step.has_show_if || rule_met(quiz, answers, visible, result.band, step.show_if))
            out.push_back({step.text, step.has_done_if && rule_met(quiz, answers, visible, result.band, step.done_if)});
    return out;
}

std::vector<std::string> missing_requirements(const Quiz& quiz, const Result& result, int outcome) {
    std::vector<std::string> out;
    if (outcome < 0 || outcome >= static_cast<int>(result.unmet.size())) return out;
    for (int k : result.unmet[outcome]) out.push_back(quiz.outcomes[outcome].requirements[k].missing);
    return out;
}

std::vector<std::string> tipped_notes(const Quiz& quiz, const Answers& answers, const Result& result) {
    std::vector<std::string> out;
    const std::vector<bool> visible = visible_questions(quiz, answers);
    for (size_t i = 0; i < quiz.questions.size() && i < answers.size(); ++i) {
        if (quiz.questions[i].tipped.empty() || !visible[i] || !answers[i].given) continue;
        Answers without = answers;
        without[i] = Answer{};
        if (score(quiz, without).decision.chosen != result.decision.chosen) out.push_back(quiz.questions[i].tipped);
    }
    return out;
}

}  // namespace cr
