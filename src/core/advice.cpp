// Crossroads core: advice on a result. "What would change" tries every set of 1, then kMaxChanges answer changes
// (each changeable question's answers, a scale by its classes, forward only where marked), smallest sets first.
#include "advice.h"

#include <algorithm>
#include <cstdlib>
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

// The editor's `step` for giving this answer: what the reader would do; empty when there is none.
const std::string& step_of(const Question& q, const Answer& a) {
    static const std::string none;
    if (q.kind == QuestionKind::Scale || a.options.size() != 1) return none;
    return q.options[a.options[0]].step;
}

// Marks the questions a rule names.
void mark_questions(const Rule& rule, std::vector<bool>& marked) {
    if (rule.kind == Rule::Kind::Answer && rule.answer.question >= 0) marked[rule.answer.question] = true;
    for (const Rule& part : rule.parts) mark_questions(part, marked);
}

// An answer "what would change" may propose, and how far it is from the reader's: options apart in declared order,
// or scale classes passed on the way (the class reached counts).
struct Move {
    Answer answer;
    int distance = 1;
};

// The moves for question `index`: every other answer, or for a `forward` question only later options (after the
// reader's, when they answered) and higher scale values.
std::vector<Move> moves_for(const Quiz& quiz, int index, const Answer& current) {
    const Question& q = quiz.questions[index];
    const bool scale = q.kind == QuestionKind::Scale;
    const int from = current.given && current.options.size() == 1 ? current.options[0] : -1;
    bool approximate = false;
    std::vector<Alternative> others;
    for (Alternative& alt : alternatives(quiz, index, current.value, approximate, q.forward && scale && current.given)) {
        const bool backward = q.forward && !scale && from >= 0 && alt.answer.options.size() == 1 &&
                              alt.answer.options[0] <= from;
        if (!backward && !same_answer(q, alt.answer, current)) others.push_back(std::move(alt));
    }
    std::vector<Move> out;
    for (const Alternative& alt : others) {
        Move move{alt.answer, 1};
        if (scale && current.given) {
            const double low = std::min(alt.answer.value, current.value), high = std::max(alt.answer.value, current.value);
            for (const Alternative& other : others)
                if (other.answer.value > low && other.answer.value < high) ++move.distance;
        } else if (!scale && alt.answer.options.size() == 1) {
            move.distance = std::abs(alt.answer.options[0] - from);
        }
        out.push_back(std::move(move));
    }
    return out;
}

}  // namespace

std::vector<ChangePath> what_would_change(const Quiz& quiz, const Answers& answers, size_t budget) {
    const Result now = score(quiz, answers);
    std::vector<ChangePath> paths;
    std::vector<std::vector<bool>> held;  // per path: the questions named by its outcome's requirements that hold
    for (int o = 0; o < static_cast<int>(quiz.outcomes.size()); ++o) {
        if (o == now.decision.chosen) continue;
        paths.push_back({o, false, {}});
        held.emplace_back(quiz.questions.size(), false);
        const auto& requirements = quiz.outcomes[o].requirements;
        for (int k = 0; k < static_cast<int>(requirements.size()); ++k)
            if (std::find(now.unmet[o].begin(), now.unmet[o].end(), k) == now.unmet[o].end())
                mark_questions(requirements[k].rule, held.back());
    }
    // Per changeable outcome question: the answers it may move to (a scale's class as its value nearest the reader's),
    // each with how far it is from theirs.
    std::vector<int> questions;
    std::vector<std::vector<Move>> moves;
    for (int i = 0; i < static_cast<int>(quiz.questions.size()); ++i) {
        const Question& q = quiz.questions[i];
        if (!q.changeable || q.scored) continue;
        const Answer& current = i < static_cast<int>(answers.size()) ? answers[i] : Answer{};
        const auto list = moves_for(quiz, i, current);
        if (list.empty()) continue;
        questions.push_back(i);
        moves.push_back(list);
    }
    // The preference among paths of one size: fewest changes to questions of requirements that already hold (the
    // missing requirement first), then the shortest distance; the first found (reading order) among equals.
    std::vector<std::pair<int, int>> best(paths.size());
    Answers trial = answers;
    trial.resize(quiz.questions.size());
    std::vector<AnswerChange> chosen;
    std::vector<int> distances;
    // Tries every set of `size` changes among questions[from...], each with every move.
    std::function<void(size_t, int)> search = [&](size_t from, int size) {
        if (budget == 0) return;
        if (size == 0) {
            --budget;
            const int got = score(quiz, trial).decision.chosen;
            for (size_t p = 0; p < paths.size(); ++p) {
                if (paths[p].outcome != got || (paths[p].found && paths[p].changes.size() < chosen.size())) continue;
                std::pair<int, int> key{0, 0};
                for (size_t c = 0; c < chosen.size(); ++c) {
                    key.first += held[p][chosen[c].question] ? 1 : 0;
                    key.second += distances[c];
                }
                if (paths[p].found && key >= best[p]) continue;
                paths[p].found = true;
                paths[p].changes = chosen;
                best[p] = key;
            }
            return;
        }
        for (size_t k = from; k < questions.size(); ++k) {
            const int qi = questions[k];
            const Answer saved = trial[qi];
            for (const Move& move : moves[k]) {
                trial[qi] = move.answer;
                chosen.push_back({qi, move.answer});
                distances.push_back(move.distance);
                search(k + 1, size - 1);
                distances.pop_back();
                chosen.pop_back();
            }
            trial[qi] = saved;
        }
    };
    auto open = [&] { return std::any_of(paths.begin(), paths.end(), [](const ChangePath& p) { return !p.found; }); };
    for (int size = 1; size <= kMaxChanges && open() && budget > 0; ++size) search(0, size);
    return paths;
}

Markdown change_text(const Quiz& quiz, const ChangePath& path) {
    const std::string& title = quiz.outcomes[path.outcome].title;
    if (!path.found) return tr_markdown(Key::ChangeNone, {title});
    const bool steps = std::all_of(path.changes.begin(), path.changes.end(), [&](const AnswerChange& c) {
        return !step_of(quiz.questions[c.question], c.answer).empty();
    });
    Markdown changes;
    for (size_t k = 0; k < path.changes.size(); ++k) {
        const Question& q = quiz.questions[path.changes[k].question];
        if (k) changes.source += tr_markdown(k + 1 == path.changes.size() ? Key::ListCommaAnd : Key::ListComma).source;
        changes.source += steps ? literal(step_of(q, path.changes[k].answer)).source
                                : tr_markdown(Key::ChangeAnswerTo, {answer_words(q, path.changes[k].answer), q.prompt}).source;
    }
    return tr_markdown(steps ? Key::ChangeIfStep : Key::ChangeIf, {std::move(changes), title});
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
